import { useMemo } from 'react';
import type { StoreSettings } from '../../../shared/types';
import { describedBy } from '../../components/field-error';
import { useMay } from '../../hooks/current-staff';
import { t } from '../../i18n/t';
import { formatBoundary, supportedTimeZones, timeZoneChoices } from './day-boundary';
import { SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/**
 * When one business day ends and the next begins, and the time zone days are counted in. Once a
 * Z has been printed only an owner changes them, and a change waits for the next Z (the main
 * process enforces both; this only says so before anyone tries).
 */
export function DaySection({ form, store }: { form: SettingsDraft; store: StoreSettings }) {
  const { draft, set, errorAt } = form;
  const supported = useMemo(() => supportedTimeZones(), []);
  const mayChange = useMay('store.businessDay') || !store.businessDayLocked;
  const savedZone = (store.pendingDay ?? store).timeZone;
  const zones = timeZoneChoices(draft.timeZone, savedZone, supported);
  const rule = !store.businessDayLocked ? null : mayChange ? t('day.afterZ') : t('day.ownerOnly');
  return (
    <section className="panel settings-section" aria-labelledby="settings-day" aria-describedby={rule ? 'settings-day-rule' : undefined}>
      <h2 id="settings-day">{t('day.section')}</h2>
      {store.pendingDay && (
        <p className="settings-field__hint" role="note">
          {t('day.pending', { zone: store.pendingDay.timeZone.replace(/_/g, ' '), boundary: formatBoundary(store.pendingDay.dayBoundaryMinutes) })}
        </p>
      )}
      {rule && (
        <p className="settings-field__hint" id="settings-day-rule">
          {rule}
        </p>
      )}
      <SettingsField id="settings-boundary" label={t('day.boundary')} hint={t('day.boundaryHint')} error={errorAt('dayBoundaryMinutes')}>
        <input
          id="settings-boundary"
          className="settings-time"
          inputMode="numeric"
          autoComplete="off"
          placeholder="04:00"
          maxLength={5}
          readOnly={!mayChange}
          value={draft.dayBoundaryMinutes}
          onChange={(e) => set('dayBoundaryMinutes', e.target.value)}
          {...describedBy('settings-boundary', errorAt('dayBoundaryMinutes'), true)}
        />
      </SettingsField>
      <SettingsField id="settings-zone" label={t('day.timeZone')} hint={t('day.timeZoneHint')} error={errorAt('timeZone')}>
        {supported.length > 0 ? (
          <select
            id="settings-zone"
            disabled={!mayChange}
            value={draft.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            {...describedBy('settings-zone', errorAt('timeZone'), true)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        ) : (
          <input
            id="settings-zone"
            autoComplete="off"
            readOnly={!mayChange}
            value={draft.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            {...describedBy('settings-zone', errorAt('timeZone'), true)}
          />
        )}
      </SettingsField>
    </section>
  );
}
