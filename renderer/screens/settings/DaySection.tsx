import { useMemo } from 'react';
import { t } from '../../i18n/t';
import { supportedTimeZones, timeZoneChoices } from './day-boundary';
import { describedBy, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/** When one business day ends and the next begins, and the time zone days are counted in. */
export function DaySection({ form, savedZone }: { form: SettingsDraft; savedZone: string }) {
  const { draft, set, errorAt } = form;
  const supported = useMemo(() => supportedTimeZones(), []);
  const zones = timeZoneChoices(draft.timeZone, savedZone, supported);
  return (
    <section className="settings-section" aria-labelledby="settings-day">
      <h2 id="settings-day">{t('day.section')}</h2>
      <SettingsField id="settings-boundary" label={t('day.boundary')} hint={t('day.boundaryHint')} error={errorAt('dayBoundaryMinutes')}>
        <input
          id="settings-boundary"
          className="settings-time"
          inputMode="numeric"
          autoComplete="off"
          placeholder="04:00"
          maxLength={5}
          value={draft.dayBoundaryMinutes}
          onChange={(e) => set('dayBoundaryMinutes', e.target.value)}
          {...describedBy('settings-boundary', errorAt('dayBoundaryMinutes'), true)}
        />
      </SettingsField>
      <SettingsField id="settings-zone" label={t('day.timeZone')} hint={t('day.timeZoneHint')} error={errorAt('timeZone')}>
        {supported.length > 0 ? (
          <select id="settings-zone" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} {...describedBy('settings-zone', errorAt('timeZone'), true)}>
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
            value={draft.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            {...describedBy('settings-zone', errorAt('timeZone'), true)}
          />
        )}
      </SettingsField>
    </section>
  );
}
