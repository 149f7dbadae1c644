import { useState, type FormEvent } from 'react';
import type { Period } from '../../../shared/domain/dashboard-period';
import { useShortcut } from '../../hooks/use-shortcut';
import { formatBusinessDate } from '../../hooks/use-when';
import { t, type MessageKey } from '../../i18n/t';
import { periodFor, reachesToday, stepChoice, type PeriodChoice } from './period-choice';

type Props = { choice: PeriodChoice; today: string; locale: string; onChange: (choice: PeriodChoice) => void };

const kinds: readonly { kind: PeriodChoice['kind']; label: MessageKey; key: string }[] = [
  { kind: 'day', label: 'dashboard.period.day', key: 'd' },
  { kind: 'week', label: 'dashboard.period.week', key: 'w' },
  { kind: 'month', label: 'dashboard.period.month', key: 'm' },
  { kind: 'custom', label: 'dashboard.period.custom', key: 'c' },
];

/** Day, week, month (each with the one before and after) or any two days; D, W, M, C and the arrow keys pick them. */
export function PeriodPicker({ choice, today, locale, onChange }: Props) {
  const period = periodFor(choice, today);
  const [draft, setDraft] = useState<Period>(period);
  const pick = (kind: PeriodChoice['kind']): void => {
    if (kind === 'custom') {
      setDraft(period);
      onChange({ kind: 'custom', ...period });
    } else onChange({ kind, anchor: null });
  };
  const stepping = choice.kind !== 'custom';
  const atToday = reachesToday(choice, today);
  useShortcut(
    kinds.map((k) => k.key),
    (event) => pick(kinds.find((k) => k.key === event.key)?.kind ?? 'month'),
  );
  // An arrow pressed in a table that scrolls sideways (a focusable region) scrolls it; elsewhere it steps the period.
  const stepBy = (step: -1 | 1) => (event: KeyboardEvent) => {
    if (event.target instanceof Element && event.target.closest('[role="region"]')) return;
    onChange(stepChoice(choice, today, step));
  };
  useShortcut('ArrowLeft', stepBy(-1), { enabled: stepping });
  useShortcut('ArrowRight', stepBy(1), { enabled: stepping && !atToday });
  const show = (event: FormEvent): void => {
    event.preventDefault();
    onChange({ kind: 'custom', from: draft.from, to: draft.to });
  };
  const dateText = (date: string) => formatBusinessDate(date, locale);
  return (
    <section className="dashboard-period panel no-print" aria-labelledby="dashboard-period-heading">
      <h2 id="dashboard-period-heading" className="panel__heading">
        {t('dashboard.period.label')}
      </h2>
      <div className="dashboard-period__row">
        <div className="dashboard-period__kinds" role="group" aria-label={t('dashboard.period.kind')}>
          {kinds.map((k) => (
            <button
              key={k.kind}
              type="button"
              className={`button ${choice.kind === k.kind ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={choice.kind === k.kind}
              aria-keyshortcuts={k.key.toUpperCase()}
              onClick={() => pick(k.kind)}
            >
              {t(k.label)}
            </button>
          ))}
        </div>
        {stepping && (
          <div className="dashboard-period__step">
            <button type="button" className="button button--ghost" aria-keyshortcuts="ArrowLeft" onClick={() => onChange(stepChoice(choice, today, -1))}>
              {t('dashboard.period.previous')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              aria-keyshortcuts="ArrowRight"
              disabled={atToday}
              onClick={() => onChange(stepChoice(choice, today, 1))}
            >
              {t('dashboard.period.next')}
            </button>
          </div>
        )}
      </div>
      {choice.kind === 'custom' && (
        <form className="dashboard-period__custom" onSubmit={show}>
          <label className="field">
            <span>{t('dashboard.period.from')}</span>
            <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('dashboard.period.to')}</span>
            <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <button type="submit" className="button button--primary">
            {t('dashboard.period.show')}
          </button>
        </form>
      )}
      <p className="dashboard-period__range" aria-live="polite">
        {period.from === period.to ? dateText(period.from) : t('dashboard.period.range', { from: dateText(period.from), to: dateText(period.to) })}
      </p>
    </section>
  );
}
