import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { largeAmounts } from '../../../shared/domain/large-amounts';
import { quickTenders } from '../../../shared/domain/tender';
import type { PaymentMethod, PaymentResult, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { amountInputText } from '../../format/amount-text';
import { methodName } from '../../format/method-name';
import { useCommand } from '../../hooks/use-command';
import { useMoney } from '../../hooks/use-money';
import { isTypingTarget, useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import type { PayInput } from './large-amount-question';
import { LargeAmountQuestion } from './LargeAmountQuestion';
import { previewTender, type TipChoice } from './tender-preview';
import { tipShareInput, type TipServers, type TipShareChoice } from './tip-share';
import { TipShareControl } from './TipShareControl';
import { useLargeAmountQuestion } from './use-large-amount-question';

type Props = {
  tabId: number;
  store: StoreSettings;
  /** The split part being paid, or null to pay everything due. */
  partNo: number | null;
  amountMinor: number;
  /**
   * Whether a drawer is open to take cash: false preselects Card (Cash stays one tap away, and
   * its refusal leads to the drawer); null while the drawer's state is loading.
   */
  drawerOpen?: boolean | null;
  /** The tab's lines and who served them: with two or more people, the tip's sharing is asked. */
  tipServers?: TipServers;
  onPaid: (result: PaymentResult) => void;
};

const methods: readonly PaymentMethod[] = ['cash', 'card', 'other'];
const tipPresets = [10, 15, 20] as const;
const tipFields = ['tipMinor', 'tipPercent'];
const shareFields = ['tipSplit', 'tipStaffId'];
const cashFields = ['tenderedMinor'];
const referenceFields = ['reference'];
const methodFields = ['method'];
const confirmFields = ['confirmed'];

/**
 * Takes one payment. Tip and change are previewed with the shared rules; what is posted, and
 * the change shown afterwards, come from the server. A refused payment posts nothing.
 */
export function PaymentPanel({ tabId, store, partNo, amountMinor, drawerOpen = null, tipServers, onPaid }: Props) {
  const money = useMoney(store);
  const pay = useCommand('settle.pay');
  const location = useLocation();
  const form = useRef<HTMLFormElement>(null);
  // Until someone picks a method, it follows the drawer: Cash when one is open, else Card.
  const [picked, pickMethod] = useState<PaymentMethod | null>(null);
  const method: PaymentMethod = picked ?? (drawerOpen === false ? 'card' : 'cash');
  const [tip, pickTip] = useState<TipChoice>({ kind: 'none' });
  const [share, pickShare] = useState<TipShareChoice>({ split: 'lines' });
  const [cashGiven, typeCashGiven] = useState('');
  const [reference, setReference] = useState('');
  const [local, setLocal] = useState<{ tip?: string; cash?: string; share?: string }>({});
  const { question, askOrSend, yes, drop: edited } = useLargeAmountQuestion(pay, onPaid);
  const tipInput = useRef<HTMLInputElement>(null);
  const tipGroup = useRef<HTMLDivElement>(null);
  const cashInput = useRef<HTMLInputElement>(null);

  const cash = method === 'cash';
  const preview = previewTender({ amountMinor, tip, cash, cashGiven, cashRoundingMinor: store.cashRoundingMinor, parse: money.parse });
  const tenders = cash ? quickTenders(preview.owedMinor, store.currency, store.exponent) : [];
  // A tip is shared among whoever served; only when that is more than one person is there a choice.
  const sharing = tip.kind !== 'none' && tipServers !== undefined && tipServers.people.length > 1;

  // Any change to the payment drops a question about the one before.
  const setMethod = (m: PaymentMethod): void => {
    edited();
    pickMethod(m);
  };
  const setTip = (choice: TipChoice): void => {
    edited();
    pickTip(choice);
  };
  const setShare = (choice: TipShareChoice): void => {
    edited();
    setLocal((l) => ({ ...l, share: undefined }));
    pickShare(choice);
  };
  const setCashGiven = (text: string): void => {
    edited();
    typeCashGiven(text);
  };

  /** Back to the field the question was about, with nothing sent. */
  const changeIt = (): void => {
    const about = question?.asks ?? [];
    edited();
    if (about.some((a) => a.kind === 'tip')) (tipInput.current ?? tipGroup.current?.querySelector<HTMLElement>('[aria-pressed="true"]'))?.focus();
    else cashInput.current?.focus();
  };

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    // Enter while a question is open means "change it": only the Yes button sends.
    if (question) return changeIt();
    const errors: { tip?: string; cash?: string; share?: string } = {};
    let tipPart: { tipPercent: number } | { tipMinor: number } | Record<string, never> = {};
    if (tip.kind === 'percent') tipPart = { tipPercent: tip.percent };
    if (tip.kind === 'amount') {
      // A negative tip parses; it is sent so the ledger refuses it in its own words.
      const parsed = money.parse(tip.text);
      if (parsed.ok) tipPart = { tipMinor: parsed.minor };
      else errors.tip = parsed.message;
    }
    const shareInput = sharing ? tipShareInput(share) : {};
    if (shareInput === null) errors.share = t('settle.tipShare.pickPerson');
    let tendered: { tenderedMinor: number } | Record<string, never> = {};
    if (cash && cashGiven.trim() !== '') {
      const parsed = money.parse(cashGiven);
      if (parsed.ok) tendered = { tenderedMinor: parsed.minor };
      else errors.cash = parsed.message;
    }
    setLocal(errors);
    if (errors.tip || errors.cash || errors.share) return;
    const common = { tabId, reference: reference.trim(), ...(partNo === null ? {} : { partNo }), ...tipPart, ...shareInput };
    const input: PayInput = cash ? { ...common, method: 'cash', ...tendered } : { ...common, method };
    // The ledger's own rule, asked here first so the question needs no round trip.
    const asks = largeAmounts({
      billMinor: amountMinor,
      tipMinor: preview.tipMinor ?? 0,
      tipConfirmPercent: store.tipConfirmPercent,
      cash: cash ? { tenderedMinor: 'tenderedMinor' in tendered ? tendered.tenderedMinor : preview.owedMinor, owedMinor: preview.owedMinor } : null,
      currency: store.currency,
    });
    await askOrSend(input, asks);
  };

  // Enter anywhere in the panel confirms, even on a method or tip button that has focus.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    const target = event.target as HTMLElement;
    // The question's own buttons answer Enter themselves.
    if (target.closest('.settle-ask')) return;
    if (event.key === 'Enter' && target instanceof HTMLButtonElement && target.type === 'button') {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };
  useShortcut('Enter', (event) => {
    const focused = document.activeElement;
    if (focused && focused !== document.body && (isTypingTarget(focused) || focused.closest('button, a'))) return;
    event.preventDefault();
    form.current?.requestSubmit();
  });

  // Without the sharing control, a refusal about who gets the tip shows by the tip itself.
  const tipError = local.tip ?? errorFor(pay.error, sharing ? tipFields : [...tipFields, ...shareFields]);
  const shareError = local.share ?? errorFor(pay.error, shareFields);
  const cashError = local.cash ?? errorFor(pay.error, cashFields);
  // Cash needs an open drawer: the refusal sits by the Cash button with the way to open one.
  const methodError = errorFor(pay.error, methodFields);
  const drawerRefusal = methodError !== null && String(methodError.code).startsWith('drawer_');
  const amount = money.format(amountMinor);
  const confirmLabel =
    method === 'cash'
      ? t('settle.confirm.cash', { amount: money.format(preview.owedMinor) })
      : method === 'card'
        ? t('settle.confirm.card', { amount: money.format(preview.owedMinor) })
        : t('settle.confirm.other', { amount: money.format(preview.owedMinor) });

  return (
    <form ref={form} className="panel settle__panel settle-pay" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} aria-labelledby="settle-pay-heading">
      <h2 id="settle-pay-heading" className="settle__heading">
        {partNo === null ? t('settle.payHeading', { amount }) : t('settle.payHeadingPart', { n: partNo, amount })}
      </h2>

      <div className="settle__choices settle__choices--big" role="group" aria-label={t('settle.method')}>
        {methods.map((m) => (
          <button
            key={m}
            type="button"
            className={`button ${method === m ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={method === m}
            onClick={() => setMethod(m)}
          >
            {methodName(m)}
          </button>
        ))}
      </div>
      <ErrorNote error={methodError} />
      {drawerRefusal && (
        <p>
          <Link className="button button--ghost" to="/drawer" state={{ from: location.pathname }}>
            {t('drawer.openFromSettle')}
          </Link>
        </p>
      )}

      <div ref={tipGroup} className="settle__choices" role="group" aria-label={t('settle.tip')}>
        <button
          type="button"
          className={`button ${tip.kind === 'none' ? 'button--primary' : 'button--ghost'}`}
          aria-pressed={tip.kind === 'none'}
          onClick={() => setTip({ kind: 'none' })}
        >
          {t('settle.tip.none')}
        </button>
        {tipPresets.map((pct) => {
          const active = tip.kind === 'percent' && tip.percent === pct;
          return (
            <button
              key={pct}
              type="button"
              className={`button ${active ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={active}
              onClick={() => setTip({ kind: 'percent', percent: pct })}
            >
              {t('settle.tip.percent', { pct })}
            </button>
          );
        })}
        <button
          type="button"
          className={`button ${tip.kind === 'amount' ? 'button--primary' : 'button--ghost'}`}
          aria-pressed={tip.kind === 'amount'}
          onClick={() => setTip({ kind: 'amount', text: tip.kind === 'amount' ? tip.text : '' })}
        >
          {t('settle.tip.amount')}
        </button>
      </div>
      {tip.kind === 'amount' && (
        <label className="field">
          <span>{t('settle.tip.amountField')}</span>
          <input
            ref={tipInput}
            autoFocus
            inputMode="decimal"
            value={tip.text}
            aria-invalid={tipError !== null}
            onChange={(e) => setTip({ kind: 'amount', text: e.target.value })}
          />
        </label>
      )}
      <ErrorNote error={tipError} />
      {preview.tipMinor !== null && preview.tipMinor > 0 && (
        <p className="settle__preview">{t('settle.tip.preview', { amount: money.format(preview.tipMinor) })}</p>
      )}
      {sharing && (
        <TipShareControl servers={tipServers} choice={share} onChange={setShare} tipMinor={preview.tipMinor} format={money.format} error={shareError} />
      )}

      {cash && (
        <>
          <div className="settle__choices settle__choices--big" role="group" aria-label={t('settle.quickTender')}>
            {tenders.map((v) => (
              <button key={v} type="button" className="button button--ghost" onClick={() => setCashGiven(amountInputText(v, store.exponent, store.locale))}>
                {money.format(v)}
              </button>
            ))}
          </div>
          <label className="field">
            <span>{t('settle.cashGiven')}</span>
            <input ref={cashInput} inputMode="decimal" value={cashGiven} aria-invalid={cashError !== null} onChange={(e) => setCashGiven(e.target.value)} />
            <span className="settle__muted">{t('settle.cashGivenHint')}</span>
          </label>
          <ErrorNote error={cashError} />
        </>
      )}
      {method === 'card' && <p className="settle__muted">{t('settle.cardHint')}</p>}
      {!cash && (
        <label className="field">
          <span>{t(method === 'card' ? 'settle.reference' : 'settle.otherReference')}</span>
          <input
            value={reference}
            onChange={(e) => {
              edited();
              setReference(e.target.value);
            }}
          />
        </label>
      )}
      <ErrorNote error={errorFor(pay.error, referenceFields)} />

      {/* What to take, the change and the button stay together at the window's foot however long the form is. */}
      <div className="settle-pay__footer">
        <div className="settle__preview-box" aria-live="polite">
          <span>{t('settle.owedPreview', { amount: money.format(preview.owedMinor) })}</span>
          {preview.changeMinor !== null && (
            <span className={preview.changeMinor < 0 ? 'settle__short' : 'settle__change'}>
              {preview.changeMinor < 0
                ? t('settle.shortPreview', { amount: money.format(-preview.changeMinor) })
                : t('settle.changePreview', { amount: money.format(preview.changeMinor) })}
            </span>
          )}
        </div>
        {question ? (
          <LargeAmountQuestion
            asks={question.asks}
            format={money.format}
            currency={store.currency}
            pending={pay.pending}
            onYes={() => void yes()}
            onChange={changeIt}
          />
        ) : (
          <ErrorNote error={errorElsewhere(pay.error, [...tipFields, ...shareFields, ...cashFields, ...referenceFields, ...methodFields, ...confirmFields])} />
        )}
        <button type="submit" className="button button--primary settle__confirm" disabled={pay.pending || question !== null} aria-keyshortcuts="Enter">
          {confirmLabel}
        </button>
      </div>
    </form>
  );
}
