import { useState, type FormEvent } from 'react';
import type { TabDetail, TabMoveResult } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { useCommand } from '../../hooks/use-command';
import { useOpenTabs } from '../../hooks/use-live-data';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { useEnterSubmits } from './MovePanel';
import { TabPicker } from './TabPicker';

type Props = { tab: TabDetail; money: MoneyTools; onCancel: () => void; onDone: (result: TabMoveResult) => void };

/**
 * Merges this tab into another open one, picked by its token's digits or a tap: everything on it
 * goes there with what was paid on it, and its token goes back to the pool. Enter merges, Esc backs out.
 */
export function MergePanel({ tab, money, onCancel, onDone }: Props) {
  const tabs = useOpenTabs();
  const merge = useCommand('tab.merge');
  const [target, setTarget] = useState<number | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const into = tabs.data?.find((x) => x.id === target) ?? null;

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (!into) return setLocal(t('merge.pickTab'));
    setLocal(null);
    const done = await merge.run({ fromTabId: tab.id, intoTabId: into.id });
    if (done) onDone(done);
  };
  useEnterSubmits(() => void submit());

  return (
    <form className="panel tab-detail__panel tab-move" onSubmit={(e) => void submit(e)} aria-labelledby="merge-heading">
      <h2 id="merge-heading" className="tab-detail__heading">
        {t('merge.heading', { token: tab.token })}
      </h2>
      <p>{tab.paidMinor > 0 ? t('merge.explain', { token: tab.token, paid: money.format(tab.paidMinor) }) : t('merge.explainUnpaid', { token: tab.token })}</p>
      <TabPicker
        tabs={tabs.data}
        selfId={tab.id}
        selected={target}
        onSelect={setTarget}
        heading={t('picker.headingInto')}
        headingId="merge-target-heading"
        format={money.format}
      />
      <ErrorNote error={errorFor(merge.error, ['intoTabId'])} />
      <ErrorNote error={local ?? errorElsewhere(merge.error, ['intoTabId'])} />
      <FormActions
        className="tab-detail__form-actions"
        confirm={merge.pending ? t('merge.merging') : into ? t('merge.confirm', { token: into.token }) : t('merge.pickTab')}
        pending={merge.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
