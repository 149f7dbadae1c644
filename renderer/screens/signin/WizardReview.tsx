import { rateLabel } from '../../../shared/domain/tax';
import { languageNames } from '../../../shared/i18n/languages';
import { currencyExponent, formatMoney } from '../../../shared/money';
import { starterCatalog } from '../../../shared/starter-catalogs';
import { PinField } from '../../components/PinField';
import { sampleMinor } from '../../format/money-preview';
import { t, type MessageKey } from '../../i18n/t';
import { addressLines, currencyOf, standardRate, type StepProps, type WizardStep } from './wizard-draft';
import { described, WizardField } from './WizardField';

const STARTER_LABELS: Record<string, MessageKey> = { cafe: 'firstRun.wizard.cafe', salon: 'firstRun.wizard.salon', empty: 'firstRun.wizard.empty' };

type Props = StepProps & {
  /** The store is set up already (the PIN is what is left): nothing above the PIN can change now. */
  applied: boolean;
  goTo: (step: WizardStep) => void;
};

/** Step 6: everything chosen, each with a way back to change it; then the owner's name and PIN. */
export function ReviewStep({ draft, problems, edit, applied, goTo }: Props) {
  const currency = currencyOf(draft);
  const locale = draft.locale.trim();
  const catalog = starterCatalog(draft.starter, draft.language, currencyExponent(currency), standardRate(draft));
  const services = catalog.items.filter((item) => item.kind === 'service').length;
  const rates = draft.rates.map((rate) => `${rate.label.trim()} ${rate.rate.trim().replace(/\s*%$/, '')} %`).join(', ');
  const facts: { step: WizardStep; label: MessageKey; text: string[] }[] = [
    {
      step: 'store',
      label: 'firstRun.wizard.step.store',
      text: [`${draft.name.trim()} (${draft.legalName.trim()})`, addressLines(draft.address).join(', '), draft.taxNumber.trim()],
    },
    {
      step: 'money',
      label: 'firstRun.wizard.step.money',
      text: [
        t('firstRun.moneyText', { currency, example: formatMoney(sampleMinor(currencyExponent(currency)), currency, locale), locale, zone: draft.timeZone }),
        t('firstRun.wizard.receiptsIn', { language: languageNames[draft.language] }),
      ],
    },
    { step: 'tax', label: 'firstRun.wizard.step.tax', text: [t(draft.taxMode === 'inclusive' ? 'firstRun.taxInclusive' : 'firstRun.taxExclusive', { rates })] },
    {
      step: 'tokens',
      label: 'firstRun.wizard.step.tokens',
      text: [
        t('firstRun.wizard.tokensCount', {
          count: Number(draft.tokenLast) - Number(draft.tokenFirst) + 1,
          first: Number(draft.tokenFirst),
          last: Number(draft.tokenLast),
        }),
      ],
    },
    {
      step: 'catalog',
      label: 'firstRun.wizard.step.catalog',
      text: [
        t(STARTER_LABELS[draft.starter] ?? 'firstRun.wizard.empty'),
        ...(catalog.items.length > 0
          ? [
              t('firstRun.catalogText', { categories: catalog.categories.length, services, items: catalog.items.length - services }),
              t('firstRun.wizard.catalogRate', { rate: rateLabel(standardRate(draft)) }),
            ]
          : []),
      ],
    },
  ];
  return (
    <>
      {applied ? (
        <p className="wizard__lead" role="status">
          {t('firstRun.wizard.appliedPin', { name: draft.name.trim() })}
        </p>
      ) : (
        <>
          <p className="wizard__lead">{t('firstRun.wizard.reviewLead')}</p>
          <dl className="wizard__facts">
            {facts.map((fact) => (
              <div key={fact.step} className="wizard__fact">
                <dt>{t(fact.label)}</dt>
                <dd data-testid={`wizard-review-${fact.step}`}>
                  {fact.text.filter(Boolean).map((line, i) => (
                    <span key={i} className="wizard__fact-line">
                      {line}
                    </span>
                  ))}
                </dd>
                <dd className="wizard__fact-change">
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={t('firstRun.wizard.changeLabel', { step: t(fact.label) })}
                    onClick={() => goTo(fact.step)}
                  >
                    {t('firstRun.wizard.change')}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="wizard__owner">
        {!applied && (
          <WizardField field="ownerName" label={t('firstRun.wizard.ownerName')} hint={t('firstRun.wizard.ownerHint')} error={problems.ownerName}>
            <input
              {...described('ownerName', problems.ownerName, true)}
              autoFocus
              autoComplete="name"
              maxLength={40}
              value={draft.ownerName}
              onChange={(e) => edit.set({ ownerName: e.target.value })}
            />
          </WizardField>
        )}
        <PinField
          id="wizard-pin"
          className="field wizard__field"
          label={t('session.newPin')}
          hint={t('firstRun.wizard.pinHint')}
          autoComplete="new-password"
          autoFocus={applied}
          value={draft.pin}
          onChange={(pin) => edit.set({ pin })}
          error={problems.pin ?? null}
        />
        <PinField
          id="wizard-pinAgain"
          className="field wizard__field"
          label={t('session.pinAgain')}
          autoComplete="new-password"
          value={draft.pinAgain}
          onChange={(pinAgain) => edit.set({ pinAgain })}
          error={problems.pinAgain ?? null}
        />
      </div>
    </>
  );
}
