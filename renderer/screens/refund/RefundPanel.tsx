import { useState, type FormEvent } from 'react';
import { portionKey } from '../../../shared/domain/refund';
import { refundModes, type Refundable, type RefundResult } from '../../../shared/refund-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { methodName } from '../../format/method-name';
import { useCommand } from '../../hooks/use-command';
import { useMoney } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { draftOf, startChoice, stepUnits, type RefundChoice } from './refund-draft';
import { RefundPreview } from './RefundPreview';
import { useRefundQuote } from './use-refund-quote';
import './refund.css';

type Props = {
  refundable: Refundable;
  store: StoreSettings;
  onDone: (result: RefundResult) => void;
  onCancel: () => void;
};

/** The fields the ledger may name in a refusal, each shown beside its own control. */
const FIELDS = ['lines', 'amountMinor', 'tenders', 'reason'] as const;

/**
 * A refund of a settled tab: everything, some units of its lines, or an amount; by the tenders it
 * was paid with (as paid, or one of them); its tips only when ticked; and a reason. What goes back
 * and how is the ledger's own quote of exactly this refund, asked again on every change; a staff
 * member's refund asks for a manager's PIN on the way (useCommand).
 */
export function RefundPanel({ refundable, store, onDone, onCancel }: Props) {
  const money = useMoney(store);
  const f = money.format;
  const [choice, setChoice] = useState<RefundChoice>(startChoice);
  const [reason, setReason] = useState('');
  const refund = useCommand('tab.refund');
  const drafted = draftOf(refundable, choice, money);
  const base = 'draft' in drafted ? drafted.draft : null;
  const revision = `${refundable.refundedMinor}:${refundable.tipsLeftMinor}:${refundable.refunds.length}:${refundable.drawerOpen}`;
  const quote = useRefundQuote(base, choice.tender, revision);
  const change = (next: Partial<RefundChoice>) => {
    refund.clearError();
    setChoice((prev) => ({ ...prev, ...next }));
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!quote.draft || !quote.quote) return;
    // The tenders as the preview showed them: if the tab changed since (a refund on another till),
    // the ledger refuses it rather than give back something the person did not see.
    const tenders = quote.quote.tenders.map((t) => ({ method: t.method, amountMinor: t.amountMinor }));
    const done = await refund.run({ ...quote.draft, tenders, reason, expectGivenMinor: quote.quote.givenMinor });
    if (done) onDone(done);
  };
  // A refusal of the ledger's quote is about the draft: it goes beside the field it names.
  const problem = refund.error ?? quote.error;
  const missing = 'missing' in drafted ? drafted : null;
  const fieldError = (field: (typeof FIELDS)[number]) =>
    errorFor(problem, [field]) ?? (missing?.field === field && choice.mode !== 'whole' ? missing.missing : null);
  const summaryVars = {
    number: String(refundable.receiptNumber ?? ''),
    paid: f(refundable.paidMinor),
    refunded: f(refundable.refundedMinor),
    left: f(refundable.leftMinor),
  };
  const confirm = quote.quote ? t('refund.confirm', { amount: f(quote.quote.givenMinor) }) : t('refund.confirmPlain');
  const tenders = refundable.tenders.filter((tender) => tender.leftMinor > 0);

  return (
    // The screen's heading already says "Refund token 12": the form is named so, without saying it twice.
    <form className="refund panel" onSubmit={(e) => void submit(e)} aria-label={t('refund.title', { token: refundable.token })} noValidate>
      <p className="refund__summary">{refundable.receiptNumber === null ? t('refund.summaryNoNumber', summaryVars) : t('refund.summary', summaryVars)}</p>

      <fieldset className="refund__group">
        <legend>{t('refund.mode')}</legend>
        <div className="refund__choices" role="group" aria-label={t('refund.mode')}>
          {refundModes.map((mode) => (
            <button
              key={mode}
              type="button"
              className={`button ${choice.mode === mode ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={choice.mode === mode}
              onClick={() => change({ mode })}
            >
              {t(`refund.mode.${mode}`)}
            </button>
          ))}
        </div>
        {choice.mode === 'whole' && <p>{t('refund.wholeNote', { amount: f(refundable.leftMinor) })}</p>}
        {choice.mode === 'lines' && <LinePicker refundable={refundable} choice={choice} format={f} onChange={change} />}
        {choice.mode === 'amount' && (
          <label className="field refund__amount">
            <span>{t('refund.amount')}</span>
            <input
              inputMode="decimal"
              autoFocus
              value={choice.amountText}
              onChange={(e) => change({ amountText: e.target.value })}
              aria-invalid={fieldError('amountMinor') !== null}
            />
            <span className="field__hint">{t('refund.amountHint', { amount: f(refundable.leftMinor) })}</span>
          </label>
        )}
        <ErrorNote error={fieldError(choice.mode === 'lines' ? 'lines' : 'amountMinor')} />
      </fieldset>

      {tenders.length > 1 && (
        <fieldset className="refund__group">
          <legend>{t('refund.tender')}</legend>
          <div className="refund__choices" role="group" aria-label={t('refund.tender')}>
            <button
              type="button"
              className={`button ${choice.tender === 'asPaid' ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={choice.tender === 'asPaid'}
              onClick={() => change({ tender: 'asPaid' })}
            >
              {t('refund.tender.asPaid')}
            </button>
            {tenders.map((tender) => (
              <button
                key={tender.method}
                type="button"
                className={`button ${choice.tender === tender.method ? 'button--primary' : 'button--ghost'}`}
                aria-pressed={choice.tender === tender.method}
                onClick={() => change({ tender: tender.method })}
              >
                {t('refund.tender.method', { method: methodName(tender.method), amount: f(tender.leftMinor) })}
              </button>
            ))}
          </div>
          <ErrorNote error={fieldError('tenders')} />
        </fieldset>
      )}

      {refundable.tipsLeftMinor > 0 && (
        <label className="refund__tips">
          <input type="checkbox" checked={choice.includeTips} onChange={(e) => change({ includeTips: e.target.checked })} />
          <span>{t('refund.tips', { amount: f(refundable.tipsLeftMinor) })}</span>
        </label>
      )}
      {refundable.tipsLeftMinor > 0 && <p className="field__hint">{t('refund.tipsNote')}</p>}

      <RefundPreview quote={quote.quote} pending={quote.pending} format={f} />
      {tenders.length <= 1 && <ErrorNote error={fieldError('tenders')} />}

      <label className="field">
        <span>{t('refund.reason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errorFor(refund.error, ['reason']) !== null} />
      </label>
      <ErrorNote error={errorFor(refund.error, ['reason'])} />
      <ErrorNote error={errorElsewhere(problem, FIELDS)} />
      <FormActions className="refund__actions" confirm={confirm} pending={refund.pending || quote.pending || quote.draft === null} onCancel={onCancel} danger />
    </form>
  );
}

type PickerProps = { refundable: Refundable; choice: RefundChoice; format: (minor: number) => string; onChange: (next: Partial<RefundChoice>) => void };

/** Each line's units still to refund, with − and + (large targets), its comped units apart. */
function LinePicker({ refundable, choice, format, onChange }: PickerProps) {
  const lines = refundable.lines.filter((line) => line.unitMinors.length > 0);
  if (lines.length === 0) return <p>{t('refund.noLines')}</p>;
  return (
    <ul className="refund__lines" aria-label={t('refund.lines')}>
      {lines.map((line) => {
        const key = portionKey(line.lineId, line.comped);
        const left = line.unitMinors.length;
        const qty = choice.units[key] ?? 0;
        const item = line.comped ? `${line.name} (${t('refund.comped')})` : line.name;
        return (
          <li key={key} className="refund__line">
            <span className="refund__line-name">
              <strong>{item}</strong>
              <span className="field__hint">
                {t('refund.lineEach', { amount: format(line.unitMinors[0] ?? 0) })} · {t('refund.lineLeft', { left, qty: line.qty })}
              </span>
            </span>
            <span className="refund__stepper">
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('refund.less', { item })}
                disabled={qty === 0}
                onClick={() => onChange(stepUnits(choice, key, -1, left))}
              >
                −
              </button>
              <output aria-label={t('refund.qty', { item })}>{qty}</output>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('refund.more', { item })}
                disabled={qty >= left}
                onClick={() => onChange(stepUnits(choice, key, 1, left))}
              >
                +
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
