import { useState } from 'react';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import type { TabLine } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { compBadge } from '../../format/comp-text';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { CompPanel, RemovePanel } from './LinePanels';

type Props = { tabId: number; line: TabLine; money: MoneyTools; readOnly: boolean };

/** One line: what, who served it, how many (big − / +, or typed), comp and removal. */
export function LineRow({ tabId, line, money, readOnly }: Props) {
  const [panel, setPanel] = useState<'remove' | 'comp' | null>(null);
  useEscapeFirst(() => setPanel(null), panel !== null);
  const setQty = useCommand('tab.setQty');
  const removed = line.state === 'removed';
  const editable = !readOnly && !removed;
  const changeQty = (qty: number): void => void setQty.run({ tabId, lineId: line.id, qty });
  const qtyErrorId = `line-${line.id}-qty-error`;

  return (
    <li className={`tab-line ${removed ? 'tab-line--removed' : ''}`} aria-label={line.name}>
      <div className="tab-line__main">
        <div className="tab-line__what">
          <span className="tab-line__name">{line.name}</span>
          <span className="tab-detail__muted">
            {t('tabDetail.unit', { price: money.format(line.unitMinor) })} · {t('tabDetail.servedBy', { staff: line.staffName })}
          </span>
          {line.comp && <span className="tab-line__comp">{compBadge(line.comp, line.qty, money.format)}</span>}
          {removed && <span className="tab-line__removed-reason">{t('tabDetail.removed', { reason: line.removeReason ?? '' })}</span>}
        </div>
        {editable ? (
          <div className="tab-line__qty">
            <button
              type="button"
              className="button button--ghost tab-line__step"
              aria-label={t('tabDetail.less', { item: line.name })}
              disabled={setQty.pending}
              onClick={() => (line.qty <= 1 ? setPanel('remove') : changeQty(line.qty - 1))}
            >
              −
            </button>
            <QtyField key={line.qty} line={line} errorId={setQty.error ? qtyErrorId : undefined} onCommit={changeQty} />
            <button
              type="button"
              className="button button--ghost tab-line__step"
              aria-label={t('tabDetail.more', { item: line.name })}
              disabled={setQty.pending}
              onClick={() => changeQty(line.qty + 1)}
            >
              +
            </button>
          </div>
        ) : (
          <span className="tab-line__qty-read">{t('tabDetail.qtyRead', { qty: line.qty })}</span>
        )}
        <span className="tab-line__amount">{money.format(removed ? line.listMinor : line.chargedMinor)}</span>
      </div>
      <ErrorNote error={setQty.error} id={qtyErrorId} />
      {editable && panel === null && (
        <div className="tab-line__actions">
          <button type="button" className="button button--ghost" onClick={() => setPanel('comp')}>
            {t('tabDetail.comp')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setPanel('remove')}>
            {t('tabDetail.remove')}
          </button>
        </div>
      )}
      {editable && panel === 'remove' && <RemovePanel tabId={tabId} line={line} onDone={() => setPanel(null)} />}
      {editable && panel === 'comp' && <CompPanel tabId={tabId} line={line} money={money} onDone={() => setPanel(null)} />}
    </li>
  );
}

/**
 * The quantity as typed. What is not a whole number is still sent (as null) so the ledger's own
 * words explain what it accepts; nothing is posted when it refuses.
 */
function QtyField({ line, errorId, onCommit }: { line: TabLine; errorId?: string; onCommit: (qty: number) => void }) {
  const [text, setText] = useState(String(line.qty));
  const commit = (): void => {
    if (text.trim() === String(line.qty)) return;
    const qty = /^\s*\d+\s*$/.test(text) ? Number(text) : null;
    onCommit(qty as number);
  };
  return (
    <input
      className="tab-line__qty-input"
      inputMode="numeric"
      aria-label={t('tabDetail.qty', { item: line.name })}
      aria-invalid={errorId !== undefined}
      aria-describedby={errorId}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
