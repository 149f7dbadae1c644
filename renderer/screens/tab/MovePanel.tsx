import { useState, type FormEvent } from 'react';
import type { TabDetail, TabMoveResult } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { compBadge } from '../../format/comp-text';
import { useCommand } from '../../hooks/use-command';
import { useOpenTabs } from '../../hooks/use-live-data';
import type { MoneyTools } from '../../hooks/use-money';
import { isTypingTarget, useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { movedLines, stepCount, toggleAll, unitsPicked, type MoveCounts } from './move-draft';
import { TabPicker } from './TabPicker';

type Props = { tab: TabDetail; money: MoneyTools; onCancel: () => void; onDone: (result: TabMoveResult) => void };

/**
 * Enter sends the panel's form unless a button or field has the key (a field's Enter is its own).
 * The tab just picked is the exception: after tapping it, Enter goes on, as the panel says.
 */
export function useEnterSubmits(submit: () => void): void {
  useShortcut('Enter', (event) => {
    const focused = event.target;
    const pickedTab = focused instanceof HTMLElement && focused.closest('.tab-picker__tab--picked') !== null;
    if (focused instanceof HTMLElement && !pickedTab && (isTypingTarget(focused) || focused.closest('button, a'))) return;
    event.preventDefault();
    submit();
  });
}

/**
 * Moves lines (or some of a line's units) to another open tab: pick how many of each with big − / +
 * (or All), then the tab by its token's digits or a tap; Enter moves, Esc backs out. Full-price units
 * go first and a comped one takes its comp along, as the ledger does; what it refuses shows here.
 */
export function MovePanel({ tab, money, onCancel, onDone }: Props) {
  const tabs = useOpenTabs();
  const move = useCommand('tab.moveLines');
  const [counts, setCounts] = useState<MoveCounts>({});
  const [target, setTarget] = useState<number | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const lines = tab.lines.filter((l) => l.state === 'active');
  const picked = movedLines(counts, lines);
  const units = unitsPicked(picked);
  const to = tabs.data?.find((x) => x.id === target) ?? null;

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (units === 0) return setLocal(t('move.pickSome'));
    if (!to) return setLocal(t('move.pickTab'));
    setLocal(null);
    const done = await move.run({ fromTabId: tab.id, toTabId: to.id, lines: picked });
    if (done) onDone(done);
  };
  useEnterSubmits(() => void submit());

  const lineFields = lines.flatMap((_, i) => [`lines.${i}.lineId`, `lines.${i}.qty`]);
  return (
    <form className="panel tab-detail__panel tab-move" onSubmit={(e) => void submit(e)} aria-labelledby="move-heading">
      <h2 id="move-heading" className="tab-detail__heading">
        {t('move.heading', { token: tab.token })}
      </h2>
      <p className="tab-detail__muted">{t('move.explain')}</p>
      {lines.length === 0 ? (
        <p>{t('move.nothing')}</p>
      ) : (
        <ul className="tab-move__lines" aria-label={t('move.linesLabel')}>
          {lines.map((line) => {
            const count = counts[line.id] ?? 0;
            return (
              <li key={line.id} className={`tab-move__line${count > 0 ? ' tab-move__line--picked' : ''}`}>
                <span className="tab-move__what">
                  <span className="tab-line__name">{line.name}</span>
                  <span className="tab-detail__muted">
                    {t('move.of', { qty: line.qty })} · {money.format(line.chargedMinor)}
                  </span>
                  {line.comp && <span className="tab-line__comp">{compBadge(line.comp, line.qty, money.format)}</span>}
                </span>
                <span className="tab-move__count">
                  <button
                    type="button"
                    className="button button--ghost tab-line__step"
                    aria-label={t('move.less', { item: line.name })}
                    disabled={count === 0}
                    onClick={() => setCounts((c) => stepCount(c, line, -1))}
                  >
                    −
                  </button>
                  <output className="tab-move__number" aria-label={t('move.countOf', { count, item: line.name })}>
                    {count}
                  </output>
                  <button
                    type="button"
                    className="button button--ghost tab-line__step"
                    aria-label={t('move.more', { item: line.name })}
                    disabled={count === line.qty}
                    onClick={() => setCounts((c) => stepCount(c, line, 1))}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-pressed={count === line.qty}
                    aria-label={t('move.allOf', { qty: line.qty, item: line.name })}
                    onClick={() => setCounts((c) => toggleAll(c, line))}
                  >
                    {t('move.all')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorNote error={errorFor(move.error, ['lines', ...lineFields])} />
      <TabPicker
        tabs={tabs.data}
        selfId={tab.id}
        selected={target}
        onSelect={setTarget}
        heading={t('picker.headingTo')}
        headingId="move-target-heading"
        format={money.format}
      />
      <ErrorNote error={errorFor(move.error, ['toTabId'])} />
      <ErrorNote error={local ?? errorElsewhere(move.error, ['lines', 'toTabId', ...lineFields])} />
      <FormActions
        className="tab-detail__form-actions"
        confirm={
          move.pending
            ? t('move.moving')
            : to && units > 0
              ? t('move.confirm', { count: units, token: to.token })
              : units > 0
                ? t('move.pickTab')
                : t('move.pickSome')
        }
        pending={move.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
