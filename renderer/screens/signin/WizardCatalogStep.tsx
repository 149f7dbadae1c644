import { rateLabel } from '../../../shared/domain/tax';
import { currencyExponent, formatMoney } from '../../../shared/money';
import { starterChoices, starterGroups, starterPrice, type StarterChoice } from '../../../shared/starter-catalogs';
import { t, type MessageKey } from '../../i18n/t';
import { currencyOf, isKnownLocale, standardRate, type StepProps } from './wizard-draft';

const LABELS: Record<StarterChoice, { label: MessageKey; hint: MessageKey }> = {
  cafe: { label: 'firstRun.wizard.cafe', hint: 'firstRun.wizard.cafeHint' },
  salon: { label: 'firstRun.wizard.salon', hint: 'firstRun.wizard.salonHint' },
  empty: { label: 'firstRun.wizard.empty', hint: 'firstRun.wizard.emptyHint' },
};

/** How many items and services a starter holds, for its description. */
function counts(choice: StarterChoice): { items: number; services: number } {
  const entries = choice === 'empty' ? [] : starterGroups[choice].flatMap((group) => group.items);
  const services = entries.filter((entry) => entry.kind === 'service').length;
  return { items: entries.length - services, services };
}

/** Step 5: a starter catalog, shown as it will be: names in the receipt language, prices in the currency. */
export function CatalogStep({ draft, edit }: StepProps) {
  const currency = currencyOf(draft);
  const locale = isKnownLocale(draft.locale.trim()) ? draft.locale.trim() : 'en';
  const price = (amount: number): string => formatMoney(starterPrice(amount, currencyExponent(currency)), currency, locale);
  const groups = draft.starter === 'empty' ? [] : starterGroups[draft.starter];
  return (
    <>
      <p className="wizard__lead">{t('firstRun.wizard.catalogLead')}</p>
      <fieldset className="wizard__choices wizard__choices--three">
        <legend className="visually-hidden">{t('firstRun.wizard.catalogChoice')}</legend>
        {starterChoices.map((choice, i) => (
          <label key={choice} className={`wizard__choice${draft.starter === choice ? ' wizard__choice--on' : ''}`}>
            <input
              type="radio"
              name="wizard-starter"
              value={choice}
              autoFocus={i === 0}
              checked={draft.starter === choice}
              onChange={() => edit.set({ starter: choice })}
            />
            <span className="wizard__choice-label">{t(LABELS[choice].label)}</span>
            <span className="wizard__choice-hint">{t(LABELS[choice].hint, counts(choice))}</span>
          </label>
        ))}
      </fieldset>
      {groups.length > 0 && (
        <div className="wizard__starter" data-testid="wizard-starter">
          {groups.map((group) => (
            <section key={group.name.en} className="wizard__group" aria-label={group.name[draft.language]}>
              <h3>{group.name[draft.language]}</h3>
              <ul>
                {group.items.map((entry) => (
                  <li key={entry.name.en}>
                    <span className="wizard__item-name">{entry.name[draft.language]}</span>
                    {entry.kind === 'service' && <span className="wizard__item-minutes">{t('firstRun.wizard.minutes', { minutes: entry.minutes })}</span>}
                    <span className="wizard__item-price">{price(entry.price)}</span>
                    {entry.kind === 'service' && <span className="wizard__item-expect">{entry.expect[draft.language]}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <p className="field__hint">
        {t(draft.starter === 'empty' ? 'firstRun.wizard.catalogEmptyNote' : 'firstRun.wizard.catalogNote', { rate: rateLabel(standardRate(draft)) })}
      </p>
    </>
  );
}
