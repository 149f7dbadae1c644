import { useState } from 'react';
import type { CsvExport } from '../../shared/closing-types';
import type { AppError, Result } from '../../shared/errors';
import { csvBlob, downloadBlob } from '../download';

/**
 * A CSV the main process makes, downloaded under the name it gives: while it is on its way the
 * button is busy, a refusal is kept to show beside it, and `done` says what was saved.
 */
export function useCsvDownload(fetchCsv: () => Promise<Result<CsvExport>>, doneText: (filename: string) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const download = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await fetchCsv();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadBlob(csvBlob(result.value.text), result.value.filename);
    setDone(doneText(result.value.filename));
  };
  return { busy, error, done, download };
}
