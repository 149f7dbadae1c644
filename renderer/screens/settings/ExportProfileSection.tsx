import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { PROFILE_FILE_NAME } from '../../../shared/profile-export-types';
import type { StoreProfile } from '../../../shared/store-profile';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { downloadBlob } from '../../download';
import { useMay } from '../../hooks/current-staff';
import { t } from '../../i18n/t';

/** The profile as people read and review it by hand: indented JSON, ending in a newline. */
export function profileBlob(profile: StoreProfile): Blob {
  return new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: 'application/json' });
}

/** A data URL's bytes as a file of its type, decoded here (the page's CSP need not allow fetching data: URLs). */
export function dataUrlBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const type = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * "Export store profile…": the store's setup as profile.json (and its logo file beside it), to
 * install a second shop the same way or set up a replacement PC. Owners only, as the command is.
 */
export function ExportProfileSection() {
  const may = useMay('backup.manage');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!may) return null;

  const exportProfile = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api['store.exportProfile']({});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const { profile, logo } = result.value;
    downloadBlob(profileBlob(profile), PROFILE_FILE_NAME);
    // The profile names the logo by this file name: the two belong in one folder.
    if (logo) downloadBlob(dataUrlBlob(logo.dataUrl), logo.fileName);
    setDone(
      logo
        ? t('settings.profile.downloadedWithLogo', { file: PROFILE_FILE_NAME, logo: logo.fileName })
        : t('settings.profile.downloaded', { file: PROFILE_FILE_NAME }),
    );
  };

  // Spaced from the form above as the PC's own section is.
  return (
    <div className="settings__grid settings__device">
      <section className="panel settings-section" aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('settings.profile.section')}</h2>
        <p className="settings-field__hint">{t('settings.profile.hint')}</p>
        <button type="button" className="button" disabled={busy} onClick={() => void exportProfile()}>
          {busy ? t('settings.profile.exporting') : t('settings.profile.export')}
        </button>
        <p className="settings__status" aria-live="polite">
          {done ?? ''}
        </p>
        <ErrorNote error={error} />
      </section>
    </div>
  );
}
