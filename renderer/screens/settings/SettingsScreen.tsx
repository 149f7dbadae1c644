import { useState } from 'react';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { useStore } from '../../hooks/use-live-data';
import { t } from '../../i18n/t';
import { ApprovalsSection } from './ApprovalsSection';
import { CountersSection } from './CountersSection';
import { DaySection } from './DaySection';
import { DeviceSection } from './DeviceSection';
import { ExportProfileSection } from './ExportProfileSection';
import { PaymentsSection } from './PaymentsSection';
import { DepositSection, HoursSection } from './SalonSection';
import { LoyaltySection } from '../loyalty/LoyaltySection';
import { ReceiptSection } from './ReceiptSection';
import { StoreSection } from './StoreSection';
import { TaxSection } from './TaxSection';
import { useSettingsDraft } from './use-settings-draft';
import './settings.css';

/** The store's settings, edited as one form and saved together (only what changed is sent). */
export function SettingsScreen() {
  const store = useStore();
  return (
    <Screen title={t('settings.title')} back="/" className="settings">
      {store.error && <ErrorNote error={t('settings.loadFailed', { message: store.error })} />}
      {store.data ? <SettingsForm store={store.data} /> : !store.error && <p>{t('settings.loading')}</p>}
      <div className="settings__grid settings__device">
        <DeviceSection />
      </div>
      <ExportProfileSection />
    </Screen>
  );
}

function SettingsForm({ store }: { store: StoreSettings }) {
  const form = useSettingsDraft(store);
  const count = form.changed.length;
  // Unsaved edits are not thrown away by a stray Esc: the first one warns, the second leaves.
  const [warnedAt, setWarnedAt] = useState<number | null>(null);
  const warned = count > 0 && warnedAt === count;
  useEscapeFirst(() => setWarnedAt(count), count > 0 && !warned);
  return (
    <form
      className="settings__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <div className="settings__grid">
        <StoreSection form={form} store={store} />
        <ReceiptSection form={form} />
        <TaxSection form={form} />
        <CountersSection form={form} />
        <PaymentsSection form={form} />
        <ApprovalsSection form={form} store={store} />
        <DaySection form={form} store={store} />
        <HoursSection form={form} />
        <DepositSection form={form} store={store} />
        <LoyaltySection form={form} store={store} />
      </div>
      <div className="settings__bar">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? t('settings.saving') : t('settings.save')}
        </button>
        {count > 0 && (
          <button type="button" className="button button--ghost" onClick={form.undo}>
            {t('settings.undo')}
          </button>
        )}
        <p className="settings__status" role="status">
          {form.status === 'saved' && count === 0 && t('settings.saved')}
          {form.status === 'nothing' && t('settings.noChanges')}
          {count > 0 && t('settings.unsaved', { count })}
        </p>
        {warned && (
          <p className="error-note" role="alert">
            {t('common.unsavedLeave')}
          </p>
        )}
        <ErrorNote error={form.generalError} />
      </div>
    </form>
  );
}
