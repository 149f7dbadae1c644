import { useState, type FormEvent } from 'react';
import { splitEvenly } from '../../../shared/domain/split';
import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { compValue } from '../../format/comp-text';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { addPayer, countFor, firstUnassigned, startPlan, step, syncPlan, toGroups, unitRows, unitsLeft, type UnitPlan, type UnitRow } from './split-lines';
import './split-units.css';

type Mode = 'whole' | 'even' | 'amounts' | 'lines';
const modes: readonly Mode[] = ['whole', 'even', 'amounts', 'lines'];

type Props = { tab: TabDetail; money: MoneyTools };
type FormProps = Props & { onDone: () => void };

/** How the rest due is shared: one payer, N equal parts, typed amounts, or lines per payer. */
export function SplitPanel({ tab, money }: Props) {
  const [mode, setMode] = useState<Mode>('whole');
  // Once the parts exist the plan folds away; the parts list below is what matters then.
  const [changing, setChanging] = useState(false);
  const clear = useCommand('settle.clearSplit');
  const unpaidParts = tab.split.filter((p) => p.paymentId === null).length;

  const choose = (next: Mode): void => {
    setMode(next);
    // Back to one payer: drop the unpaid parts so the whole rest is paid at once.
    if (next === 'whole' && unpaidParts > 0) void clear.run({ tabId: tab.id }).then((done) => done && setChanging(false));
  };
  const done = (): void => setChanging(false);

  if (unpaidParts > 0 && !changing) {
    return (
      <section className="panel settle__panel" aria-labelledby="settle-split-heading">
        <h2 id="settle-split-heading" className="settle__heading">
          {t('settle.splitHeading')}
        </h2>
        <p>{t('settle.splitInto', { count: tab.split.length })}</p>
        <div className="settle__choices">
          <button type="button" className="button button--ghost" onClick={() => setChanging(true)}>
            {t('settle.changeSplit')}
          </button>
          <button type="button" className="button button--ghost" disabled={clear.pending} onClick={() => choose('whole')}>
            {t('settle.clearSplit')}
          </button>
        </div>
        <ErrorNote error={clear.error} />
      </section>
    );
  }

  return (
    <section className="panel settle__panel" aria-labelledby="settle-split-heading">
      <h2 id="settle-split-heading" className="settle__heading">
        {t('settle.splitHeading')}
      </h2>
      <div className="settle__choices" role="group" aria-label={t('settle.splitHeading')}>
        {modes.map((m) => (
          <button
            key={m}
            type="button"
            className={`button ${mode === m ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={mode === m}
            onClick={() => choose(m)}
          >
            {t(`settle.mode.${m}`)}
          </button>
        ))}
      </div>
      <ErrorNote error={clear.error} />
      {unpaidParts > 0 && (
        <button type="button" className="button button--ghost" onClick={done}>
          {t('settle.keepSplit')}
        </button>
      )}
      {mode === 'even' && <EvenSplit tab={tab} money={money} onDone={done} />}
      {mode === 'amounts' && <AmountSplit tab={tab} money={money} onDone={done} />}
      {mode === 'lines' && <LineSplit tab={tab} money={money} onDone={done} />}
    </section>
  );
}

function EvenSplit({ tab, money, onDone }: FormProps) {
  const split = useCommand('settle.split');
  const [ways, setWays] = useState(2);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void split.run({ tabId: tab.id, mode: 'even', parts: ways }).then((r) => r && onDone());
  };
  // A preview only: the server does the split and its parts are what get paid.
  const each = tab.dueMinor > 0 ? splitEvenly(tab.dueMinor, ways)[0] : 0;
  return (
    <form className="settle__split" onSubmit={submit}>
      <div className="settle__stepper">
        <button
          type="button"
          className="button button--ghost settle__step"
          aria-label={t('settle.fewer')}
          disabled={ways <= 2}
          onClick={() => setWays(ways - 1)}
        >
          −
        </button>
        <output className="settle__ways" aria-label={t('settle.ways')}>
          {ways}
        </output>
        <button
          type="button"
          className="button button--ghost settle__step"
          aria-label={t('settle.moreWays')}
          disabled={ways >= 50}
          onClick={() => setWays(ways + 1)}
        >
          +
        </button>
        <span className="settle__muted">{t('settle.evenPreview', { amount: money.format(each ?? 0) })}</span>
      </div>
      <ErrorNote error={split.error} />
      <button type="submit" className="button button--primary" disabled={split.pending}>
        {t('settle.makeSplit')}
      </button>
    </form>
  );
}

function AmountSplit({ tab, money, onDone }: FormProps) {
  const split = useCommand('settle.split');
  const [texts, setTexts] = useState<string[]>(['']);
  const [errors, setErrors] = useState<(string | null)[]>([]);
  const parsed = texts.map((text) => (text.trim() === '' ? null : money.parse(text)));
  const typed = parsed.reduce((sum, p) => sum + (p?.ok ? p.minor : 0), 0);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const next = parsed.map((p) => (p === null ? t('settle.amountMissing') : p.ok ? null : p.message));
    setErrors(next);
    if (next.some(Boolean)) return;
    void split.run({ tabId: tab.id, mode: 'amounts', amountsMinor: parsed.map((p) => (p?.ok ? p.minor : 0)) }).then((r) => r && onDone());
  };
  return (
    <form className="settle__split" onSubmit={submit}>
      {texts.map((text, i) => (
        <div key={i} className="settle__amount-row">
          <label className="field">
            <span>{t('settle.amountN', { n: i + 1 })}</span>
            <input
              inputMode="decimal"
              value={text}
              aria-invalid={Boolean(errors[i])}
              onChange={(e) => setTexts(texts.map((old, j) => (j === i ? e.target.value : old)))}
            />
          </label>
          {texts.length > 1 && (
            <button
              type="button"
              className="button button--ghost"
              aria-label={t('settle.removeAmount', { n: i + 1 })}
              onClick={() => setTexts(texts.filter((_, j) => j !== i))}
            >
              {t('settle.removeAmountSign')}
            </button>
          )}
          <ErrorNote error={errors[i] ?? null} />
        </div>
      ))}
      <p className="settle__muted">{t('settle.remainder', { amount: money.format(tab.dueMinor - typed) })}</p>
      <ErrorNote error={split.error} />
      <div className="settle__choices">
        <button type="button" className="button button--ghost" onClick={() => setTexts([...texts, ''])}>
          {t('settle.addAmount')}
        </button>
        <button type="submit" className="button button--primary" disabled={split.pending}>
          {t('settle.makeSplit')}
        </button>
      </div>
    </form>
  );
}

function LineSplit({ tab, money, onDone }: FormProps) {
  const split = useCommand('settle.split');
  const rows = unitRows(tab.lines);
  const [picked, setPicked] = useState(() => startPlan(rows));
  const [unassigned, setUnassigned] = useState<string | null>(null);
  const plan = syncPlan(picked, rows);
  if (tab.paidMinor > 0) return <p className="settle__muted">{t('settle.linesAfterPayment')}</p>;
  const change = (next: UnitPlan): void => {
    setPicked(next);
    setUnassigned(null);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const left = firstUnassigned(plan, rows);
    if (left) return setUnassigned(t('settle.unitsUnassigned', { count: unitsLeft(plan, left), item: rowName(left, money) }));
    void split.run({ tabId: tab.id, mode: 'lines', groups: toGroups(plan, rows) }).then((r) => r && onDone());
  };
  return (
    <form className="settle__split" onSubmit={submit}>
      <p className="settle__muted">{t('settle.linesHint')}</p>
      <ul className="settle__line-picks">
        {rows.map((row) => (
          <UnitRowPicks key={row.key} row={row} plan={plan} money={money} onChange={change} />
        ))}
      </ul>
      <ErrorNote error={unassigned ?? split.error} />
      <div className="settle__choices">
        <button type="button" className="button button--ghost" onClick={() => change(addPayer(plan))}>
          {t('settle.addPayer', { count: plan.payers })}
        </button>
        <button type="submit" className="button button--primary" disabled={split.pending}>
          {t('settle.makeSplit')}
        </button>
      </div>
    </form>
  );
}

/** "Latte" or "Latte, comped 50%": the comped units of a line are a row of their own. */
function rowName(row: UnitRow, money: MoneyTools): string {
  return row.comp ? t('settle.unitsComped', { item: row.name, value: compValue(row.comp.kind, row.comp.value, money.format) }) : row.name;
}

type RowProps = { row: UnitRow; plan: UnitPlan; money: MoneyTools; onChange: (plan: UnitPlan) => void };

/** One row of units with a − count + per payer; + stops when every unit is given. */
function UnitRowPicks({ row, plan, money, onChange }: RowProps) {
  const item = rowName(row, money);
  const left = unitsLeft(plan, row);
  return (
    <li className="split-units__row" aria-label={t('receipt.line', { qty: row.qty, item })}>
      <div className="split-units__what">
        <span>
          {t('receipt.line', { qty: row.qty, item })} · {money.format(row.chargedMinor)}
        </span>
        <span className={left > 0 ? 'split-units__left' : 'settle__muted'}>
          {left > 0 ? t('settle.unitsLeft', { count: left }) : t('settle.unitsAllGiven')}
        </span>
      </div>
      <div className="split-units__payers">
        {Array.from({ length: plan.payers }, (_, i) => i + 1).map((n) => {
          const count = countFor(plan, row, n);
          return (
            <div key={n} className="split-units__payer" role="group" aria-label={t('settle.payerN', { n })}>
              <span className={`settle__payer settle__payer--${(n - 1) % 4}`}>{t('settle.payerN', { n })}</span>
              <button
                type="button"
                className="button button--ghost settle__step"
                aria-label={t('settle.unitsFewer', { item, n })}
                disabled={count === 0}
                onClick={() => onChange(step(plan, row, n, -1))}
              >
                −
              </button>
              <output className="split-units__count" aria-label={t('settle.unitsCount', { item, n })}>
                {count}
              </output>
              <button
                type="button"
                className="button button--ghost settle__step"
                aria-label={t('settle.unitsMore', { item, n })}
                disabled={left === 0}
                onClick={() => onChange(step(plan, row, n, 1))}
              >
                +
              </button>
            </div>
          );
        })}
      </div>
    </li>
  );
}
