import { useState } from 'react';
import type { BackupStatus } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { useCommand } from '../../hooks/use-command';
import { describeError } from '../../i18n/describe-error';
import { t } from '../../i18n/t';
import { settingsChange, type DraftErrors, type SettingsDraft } from './backup-format';

type Field = keyof SettingsDraft;

/** Folder, how many to keep, how often: typed values win over the saved ones until saved. */
export function BackupSettingsForm({ status }: { status: BackupStatus }) {
  const configure = useCommand('backup.configure');
  const [typed, setTyped] = useState<Partial<SettingsDraft>>({});
  const [errors, setErrors] = useState<DraftErrors>({});
  const [note, setNote] = useState<'saved' | 'nothing' | null>(null);
  const draft: SettingsDraft = {
    folder: typed.folder ?? status.folder,
    keep: typed.keep ?? String(status.keep),
    everyMinutes: typed.everyMinutes ?? String(status.everyMinutes),
  };
  const serverField = configure.error?.field;
  const serverError = configure.error ? describeError(configure.error) : null;
  const errorFor = (field: Field): string | null => errors[field] ?? (serverField === field ? serverError : null);
  const general = configure.error && !['folder', 'keep', 'everyMinutes'].includes(serverField ?? '') ? configure.error : null;

  const save = async (): Promise<void> => {
    setNote(null);
    configure.clearError();
    const { change, errors: found } = settingsChange(draft, status);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(change).length === 0) return setNote('nothing');
    if (await configure.run(change)) {
      setTyped({});
      setNote('saved');
    }
  };

  const field = (name: Field, label: string, hint: string, input: { inputMode?: 'numeric'; wide?: boolean } = {}) => {
    const id = `backup-${name}`;
    const error = errorFor(name);
    return (
      <div className={`field backup__field${input.wide ? ' backup__field--wide' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={draft[name]}
          inputMode={input.inputMode}
          spellCheck={false}
          {...describedBy(id, error, true)}
          onChange={(event) => {
            setTyped((prev) => ({ ...prev, [name]: event.target.value }));
            setErrors((prev) => ({ ...prev, [name]: undefined }));
            setNote(null);
          }}
        />
        <p className="backup__muted" id={`${id}-hint`}>
          {hint}
        </p>
        <ErrorNote error={error} id={`${id}-error`} />
      </div>
    );
  };

  return (
    <form
      className="panel"
      aria-labelledby="backup-settings-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="backup-settings-heading" className="panel__heading">
        {t('backup.settingsHeading')}
      </h2>
      {field('folder', t('backup.folder'), t('backup.folderHint'), { wide: true })}
      <div className="backup__pair">
        {field('keep', t('backup.keep'), t('backup.keepHint'), { inputMode: 'numeric' })}
        {field('everyMinutes', t('backup.every'), t('backup.everyHint'), { inputMode: 'numeric' })}
      </div>
      <div className="backup__actions">
        <button type="submit" className="button button--primary" disabled={configure.pending}>
          {configure.pending ? t('backup.saving') : t('backup.save')}
        </button>
        <p role="status" className="backup__done">
          {note === 'saved' && t('backup.saved')}
          {note === 'nothing' && t('backup.noChanges')}
        </p>
      </div>
      <ErrorNote error={general} />
    </form>
  );
}
