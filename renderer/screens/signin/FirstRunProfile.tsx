import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { FirstRunPreview } from '../../../shared/first-run-types';
import { formatMoney } from '../../../shared/money';
import { rateLabel } from '../../../shared/domain/tax';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import './signin.css';

function clock(minutes: number): string {
  const hours = Math.floor(minutes / 60) % 24;
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Monday first, in the store's own language for day names. */
function dayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}

function depositWords(preview: FirstRunPreview): string {
  const policy = preview.depositPolicy;
  if (!policy || policy.mode === 'none') return t('firstRun.depositNone');
  const common = { hours: policy.freeCancelHours, forfeit: policy.forfeitPercent };
  return policy.mode === 'fixed'
    ? t('firstRun.depositFixed', { ...common, amount: formatMoney(policy.fixedMinor, preview.currency, preview.locale) })
    : t('firstRun.depositPercent', { ...common, percent: policy.percent });
}

function loyaltyWords(preview: FirstRunPreview): string {
  const loyalty = preview.loyalty;
  if (!loyalty || loyalty.scheme === 'off') return t('firstRun.loyaltyOff');
  if (loyalty.scheme === 'stamps') return t('firstRun.loyaltyStamps', { every: loyalty.stampsEvery, category: loyalty.category ?? '' });
  const money = (amount: number) => formatMoney(amount, preview.currency, preview.locale);
  return t('firstRun.loyaltyPoints', { spend: money(loyalty.pointsSpendMinor), value: money(loyalty.pointValueMinor) });
}

/**
 * The first start of a store that came with a profile: what it will set up, in plain words,
 * before anything is written. "Set up this store" asks the host to apply its own file; the
 * owner's PIN comes next, on the usual first-run screen.
 */
export function FirstRunProfile({
  preview,
  onApplied,
  onBack,
}: {
  preview: FirstRunPreview;
  onApplied: () => void;
  /** An imported file: back to the wizard, nothing applied. */ onBack?: () => void;
}) {
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const rates = preview.taxRates.map((rate) => `${rate.label} ${rateLabel(rate.rateMilli)} %`).join(', ');
  const days = dayNames(preview.locale);

  const apply = async (): Promise<void> => {
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await api['firstRun.applyProfile']({});
    setPending(false);
    if (result.ok) onApplied();
    else setError(result.error);
  };

  return (
    <main className="signin" aria-labelledby="first-run-title">
      <div className="signin__frame first-run">
        <header className="signin__header">
          <p className="signin__store">{preview.name}</p>
          <h1 id="first-run-title" className="signin__title">
            {t('firstRun.title')}
          </h1>
          <p>{onBack ? t('firstRun.importIntro') : t('firstRun.intro')}</p>
        </header>
        <dl className="first-run__facts">
          <dt>{t('firstRun.money')}</dt>
          <dd>
            {t('firstRun.moneyText', {
              currency: preview.currency,
              example: formatMoney(123450, preview.currency, preview.locale),
              locale: preview.locale,
              zone: preview.timeZone,
            })}
          </dd>
          <dt>{t('firstRun.tax')}</dt>
          <dd>{t(preview.taxMode === 'inclusive' ? 'firstRun.taxInclusive' : 'firstRun.taxExclusive', { rates })}</dd>
          {preview.openingHours && (
            <>
              <dt>{t('firstRun.hours')}</dt>
              <dd>
                <ul className="first-run__hours">
                  {preview.openingHours.map((hours, day) => (
                    <li key={day}>
                      <span>{days[day]}</span> <span>{hours ? `${clock(hours.open)}–${clock(hours.close)}` : t('firstRun.closed')}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{t('firstRun.deposit')}</dt>
          <dd>{depositWords(preview)}</dd>
          <dt>{t('firstRun.loyalty')}</dt>
          <dd>{loyaltyWords(preview)}</dd>
          <dt>{t('firstRun.catalog')}</dt>
          <dd data-testid="first-run-catalog">
            {t('firstRun.catalogText', { categories: preview.categories, services: preview.services, items: preview.items })}
          </dd>
          <dt>{t('firstRun.staff')}</dt>
          <dd>
            <ul className="first-run__staff">
              {preview.staff.map((person) => (
                <li key={person.name}>
                  {person.name} <span className="first-run__role">{t(`session.role.${person.role}`)}</span>
                </li>
              ))}
            </ul>
            <p className="first-run__note">{t('firstRun.staffNote')}</p>
          </dd>
        </dl>
        {preview.logoLeftOut && <p className="first-run__note">{t('firstRun.logoLeftOut', { file: preview.logoLeftOut })}</p>}
        <ErrorNote error={error} id="first-run-error" />
        <div className="first-run__actions">
          {onBack && (
            <button type="button" className="button button--ghost signin__submit" disabled={pending} onClick={onBack}>
              {t('firstRun.backToWizard')}
            </button>
          )}
          <button type="button" className="button button--primary signin__submit" disabled={pending} onClick={() => void apply()}>
            {pending ? t('firstRun.applying') : t('firstRun.apply')}
          </button>
        </div>
      </div>
    </main>
  );
}
