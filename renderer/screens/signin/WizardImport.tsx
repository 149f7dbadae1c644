import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { PROFILE_TEXT_MAX, type FirstRunPreview, type ImportPreview } from '../../../shared/first-run-types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';

type Problems = Extract<ImportPreview, { ok: false }>['problems'];

const kilobytes = (bytes: number): number => Math.ceil(bytes / 1000);

/**
 * "Import a store profile…": a profile file from this computer, its text sent to the host, which
 * checks it and holds it. What it would set up is shown next (the same screen a profile shipped
 * with Aftertab gets); a file that cannot be used lists every problem in it here, by path.
 */
export function WizardImport({ onPreview }: { onPreview: (preview: FirstRunPreview) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | string | null>(null);
  const [refused, setRefused] = useState<{ file: string; problems: Problems } | null>(null);

  const read = async (file: File): Promise<void> => {
    setError(null);
    setRefused(null);
    if (file.size > PROFILE_TEXT_MAX) {
      setError(t('firstRun.import.tooLarge', { file: file.name, size: kilobytes(file.size), max: kilobytes(PROFILE_TEXT_MAX) }));
      return;
    }
    setPending(true);
    const text = await file.text();
    const result = await api['firstRun.previewImport']({ text });
    setPending(false);
    if (!result.ok) setError(result.error);
    else if (result.value.ok) onPreview(result.value.preview);
    else setRefused({ file: file.name, problems: result.value.problems });
  };

  return (
    <section className="wizard__import" aria-labelledby="wizard-import-title">
      <h2 id="wizard-import-title" className="wizard__import-title">
        {t('firstRun.import.title')}
      </h2>
      <p className="field__hint wizard__import-hint">{t('firstRun.import.hint')}</p>
      <button type="button" className="button button--ghost" disabled={pending} onClick={() => input.current?.click()}>
        {pending ? t('firstRun.import.reading') : t('firstRun.import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="wizard-import-file"
        aria-label={t('firstRun.import.button')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file chosen again (after fixing it) must be read again.
          event.target.value = '';
          if (file) void read(file);
        }}
      />
      <ErrorNote error={error} id="wizard-import-error" className="wizard__import-note" />
      {refused && (
        <div className="wizard__import-note wizard__problems" role="alert">
          <p>{t('firstRun.import.problems', { file: refused.file, count: refused.problems.length })}</p>
          <ul>
            {refused.problems.map((problem) => (
              <li key={problem.path}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
