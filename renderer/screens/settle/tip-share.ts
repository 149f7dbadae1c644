import type { CommandInput } from '../../../shared/contract';
import { serversOf, tipShares, type ServedLine } from '../../../shared/domain/tip-shares';
import type { Minor } from '../../../shared/money';
import type { StaffMember, TabLine } from '../../../shared/types';

/** How the counter chose to share the tip; "one person" has no one picked until a name is tapped. */
export type TipShareChoice = { split: 'lines' } | { split: 'even' } | { split: 'person'; staffId: number | null };

/** Someone who served a line of the tab; only an active person can be given the whole tip. */
export type TipServer = { staffId: number; name: string; active: boolean };

/** What the tip shares are worked out from: the tab's active lines and the people who served them. */
export type TipServers = { lines: readonly ServedLine[]; people: readonly TipServer[] };

/**
 * The tab's servers, named as the staff list names them. Someone archived since serving is not on
 * that list: they keep the name their lines carry and share a tip by lines or evenly, but cannot
 * be picked for the whole of it. Until the list loads everyone counts as active; the ledger checks.
 */
export function tipServersOf(tabLines: readonly TabLine[], staff: readonly StaffMember[] | null): TipServers {
  const active = tabLines.filter((l) => l.state === 'active');
  const lines = active.map((l): ServedLine => ({ staffId: l.staffId, chargedMinor: l.chargedMinor }));
  const people = serversOf(lines).map((staffId): TipServer => {
    const listed = staff?.find((s) => s.id === staffId);
    const name = listed?.name ?? active.find((l) => l.staffId === staffId)?.staffName ?? '';
    return { staffId, name, active: staff === null || (listed?.active ?? false) };
  });
  return { lines, people };
}

type ShareInput = Pick<CommandInput<'settle.pay'>, 'tipSplit' | 'tipStaffId'>;

/** The payment's fields for the choice, or null while "one person" has no one picked. */
export function tipShareInput(choice: TipShareChoice): ShareInput | null {
  if (choice.split !== 'person') return { tipSplit: choice.split };
  return choice.staffId === null ? null : { tipSplit: 'person', tipStaffId: choice.staffId };
}

export type PreviewShare = { staffId: number; name: string; tipMinor: Minor };

/**
 * Who would get what, by the ledger's own rule (the ledger's answer is what is posted). Null when
 * there is nothing to show: no tip yet, or no one picked.
 */
export function previewShares(tipMinor: Minor | null, choice: TipShareChoice, servers: TipServers): PreviewShare[] | null {
  if (tipMinor === null || tipMinor <= 0) return null;
  if (choice.split === 'person' && choice.staffId === null) return null;
  const shares = tipShares({
    tipMinor,
    split: choice.split,
    lines: servers.lines,
    personId: choice.split === 'person' ? choice.staffId : null,
    // Shown only for a tab with servers, so the tip never falls to whoever takes the payment.
    payerId: null,
  });
  return shares.map((s) => ({ ...s, name: servers.people.find((p) => p.staffId === s.staffId)?.name ?? '' }));
}
