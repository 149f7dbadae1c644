import type { ReportAction, ReportActionKind } from '../../../shared/closing-types';
import { ReportTable, type Column } from '../../components/ReportTable';
import { signedMoney } from '../../format/variance';
import type { MoneyTools } from '../../hooks/use-money';
import type { WhenTools } from '../../hooks/use-when';
import { tPaper } from '../../i18n/t';

type Props = {
  /** Undefined in a Z frozen before approvals were recorded: nothing is shown. */
  actions: readonly ReportAction[] | undefined;
  kinds: readonly ReportActionKind[];
  label: string;
  money: MoneyTools;
  when: WhenTools;
  /** Said when the day has none of these; without it, an empty list shows nothing. */
  empty?: string;
  className?: string;
};

const drawerKinds: readonly ReportActionKind[] = ['paid_in', 'paid_out', 'variance'];

/** Who did each action of some kinds and who approved it: time, tab, reason, amount, by, approved by. */
export function ActionsTable({ actions, kinds, label, money, when, empty, className }: Props) {
  if (!actions) return null;
  const rows = actions.filter((a) => kinds.includes(a.kind));
  if (rows.length === 0 && empty === undefined) return null;
  const onTabs = kinds.some((k) => !drawerKinds.includes(k));
  const mixed = kinds.length > 1;
  const columns: Column[] = [
    { label: tPaper('reports.col.time') },
    ...(mixed ? [{ label: tPaper('reports.col.what') }] : []),
    ...(onTabs ? [{ label: tPaper('reports.col.token'), numeric: true }] : []),
    { label: tPaper('reports.col.reason') },
    { label: tPaper('reports.col.amount'), numeric: true },
    { label: tPaper('reports.col.by') },
    { label: tPaper('reports.col.approvedBy') },
  ];
  const table = (
    <ReportTable
      label={label}
      empty={empty ?? ''}
      columns={columns}
      rows={rows.map((a) => [
        when.time(a.at),
        ...(mixed ? [kindName(a.kind)] : []),
        ...(onTabs ? [a.token ?? ''] : []),
        a.reason,
        a.kind === 'variance' ? signedMoney(a.amountMinor, money.format) : money.format(a.amountMinor),
        a.staffName,
        a.approverName ?? tPaper('reports.col.noApprover'),
      ])}
    />
  );
  // A section holding one of these takes the report's whole width (reports.css): seven columns do
  // not fit half of a 1024-pixel screen.
  return <div className={className ? `report-actions ${className}` : 'report-actions'}>{table}</div>;
}

function kindName(kind: ReportActionKind): string {
  switch (kind) {
    case 'paid_in':
    case 'paid_out':
    case 'variance':
      return tPaper(`reports.action.${kind}`);
    default:
      return tPaper(`reports.actions.${kind}`);
  }
}
