import { useState, type FormEvent } from 'react';
import type { TabLine } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import type { MessageKey } from '../../i18n/t';
import { t } from '../../i18n/t';
import { FormActions } from '../../components/FormActions';

type PanelProps = { tabId: number; line: TabLine; onDone: () => void };

/** Removing a line always says why; the reason stays on the tab and in the history. */
export function RemovePanel({ tabId, line, onDone }: PanelProps) {
  const remove = useCommand('tab.removeLine');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await remove.run({ tabId, lineId: line.id, reason })) onDone();
  };
  return (
    <form className="tab-line__panel" onSubmit={(e) => void submit(e)} aria-label={t('tabDetail.removeHeading', { item: line.name })}>
      <label className="field">
        <span>{t('tabDetail.removeReason')}</span>
        <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={remove.error !== null} />
      </label>
      <ErrorNote error={remove.error} />
      <FormActions className="tab-line__panel-actions" confirm={t('tabDetail.removeConfirm')} pending={remove.pending} onCancel={onDone} danger />
    </form>
  );
}

const presetReasons: readonly MessageKey[] = ['tabDetail.compReason.notSatisfied', 'tabDetail.compReason.waited', 'tabDetail.compReason.goodwill'];
const percentPresets = [10, 25, 50, 100] as const;

/** A comp by percent or amount with a reason picked from the usual ones, or typed. */
export function CompPanel({ tabId, line, money, onDone }: PanelProps & { money: MoneyTools }) {
  const comp = useCommand('tab.compLine');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('');
  const [preset, setPreset] = useState<MessageKey | 'other'>(presetReasons[0] ?? 'other');
  const [otherReason, setOtherReason] = useState('');
  // A comp again replaces the one before, so it starts from the units that one covered.
  const [units, setUnits] = useState(line.comp?.qty ?? line.qty);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const reason = preset === 'other' ? otherReason : t(preset);
    let amount: number;
    if (kind === 'percent') {
      if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || Number(value) > 100) return setLocalError(t('tabDetail.compPercentInvalid'));
      amount = Number(value);
    } else {
      const parsed = money.parse(value);
      if (!parsed.ok) return setLocalError(parsed.message);
      amount = parsed.minor;
    }
    setLocalError(null);
    if (await comp.run({ tabId, lineId: line.id, kind, value: amount, qty: units, reason })) onDone();
  };

  const valueError = localError ?? errorFor(comp.error, ['value']);
  return (
    <form className="tab-line__panel" onSubmit={(e) => void submit(e)} aria-label={t('tabDetail.compHeading', { item: line.name })}>
      <div className="tab-line__choices" role="group" aria-label={t('tabDetail.comp')}>
        {(['percent', 'amount'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={`button ${kind === k ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
          >
            {t(k === 'percent' ? 'tabDetail.compPercent' : 'tabDetail.compAmount')}
          </button>
        ))}
      </div>
      {kind === 'percent' && (
        <div className="tab-line__choices">
          {percentPresets.map((p) => (
            <button key={p} type="button" className="button button--ghost" aria-pressed={value === String(p)} onClick={() => setValue(String(p))}>
              {t('tabDetail.compPresetPercent', { pct: p })}
            </button>
          ))}
        </div>
      )}
      <label className="field">
        <span>{t(kind === 'percent' ? 'tabDetail.compValuePercent' : 'tabDetail.compValueAmount')}</span>
        <input autoFocus inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={valueError !== null} />
      </label>
      <ErrorNote error={valueError} />
      {line.qty > 1 && <CompUnits line={line} units={units} onChange={setUnits} />}
      <ErrorNote error={errorFor(comp.error, ['qty'])} />
      <fieldset className="tab-line__reasons">
        <legend>{t('tabDetail.compReason')}</legend>
        {presetReasons.map((key) => (
          <label key={key} className="tab-line__reason">
            <input type="radio" name={`comp-reason-${line.id}`} checked={preset === key} onChange={() => setPreset(key)} />
            {t(key)}
          </label>
        ))}
        <label className="tab-line__reason">
          <input type="radio" name={`comp-reason-${line.id}`} checked={preset === 'other'} onChange={() => setPreset('other')} />
          {t('tabDetail.compReasonOther')}
        </label>
        {preset === 'other' && (
          <input
            className="tab-line__other-reason"
            aria-label={t('tabDetail.compReasonOther')}
            value={otherReason}
            onChange={(e) => setOtherReason(e.target.value)}
          />
        )}
      </fieldset>
      <ErrorNote error={errorFor(comp.error, ['reason'])} />
      <ErrorNote error={errorElsewhere(comp.error, ['value', 'qty', 'reason'])} />
      <FormActions className="tab-line__panel-actions" confirm={t('tabDetail.compConfirm')} pending={comp.pending} onCancel={onDone} />
    </form>
  );
}

/** How many of the line's units the comp covers: − count + within 1 and the line's quantity. */
function CompUnits({ line, units, onChange }: { line: TabLine; units: number; onChange: (units: number) => void }) {
  return (
    <div className="tab-line__comp-units" role="group" aria-label={t('tabDetail.compUnits')}>
      <span>{t('tabDetail.compUnits')}</span>
      <button
        type="button"
        className="button button--ghost tab-line__step"
        aria-label={t('tabDetail.compUnitsFewer', { item: line.name })}
        disabled={units <= 1}
        onClick={() => onChange(units - 1)}
      >
        −
      </button>
      <output className="tab-line__comp-count" aria-label={t('tabDetail.compUnitsCount', { item: line.name })}>
        {t('tabDetail.compUnitsOf', { units, qty: line.qty })}
      </output>
      <button
        type="button"
        className="button button--ghost tab-line__step"
        aria-label={t('tabDetail.compUnitsMore', { item: line.name })}
        disabled={units >= line.qty}
        onClick={() => onChange(units + 1)}
      >
        +
      </button>
    </div>
  );
}
