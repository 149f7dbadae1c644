import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupInfo, RecoveryStatus, RestoreResult } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { PersonTile } from '../../components/PersonTile';
import { PinField } from '../../components/PinField';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { formatEntry, formatRecoveryWhen } from './backup-format';

type Seal = NonNullable<RecoveryStatus['seal']>;

/** What "continue with" is set to: the ledger as it is, or a backup by name. */
export type ContinueChoice = { kind: 'asIs' } | { kind: 'backup'; name: string };

type Props = {
  seal: Seal;
  /** The backups that do not reach the seal: putting one back needs this path. */
  behind: BackupInfo[];
  choice: ContinueChoice;
  onChoose: (choice: ContinueChoice) => void;
  /** Changes each time the list asks for this form (a backup's button): the form takes the focus. */
  focusRequest: number;
  onDone: (result: RestoreResult, backup: BackupInfo | null) => void;
};

type LocalErrors = { owner?: string; pin?: string; reason?: string };

/**
 * The owner's way past the seal: who continues (their PIN), why, and with which ledger. Only the
 * ledger host decides whether the PIN is an owner's; this form only keeps a request that could
 * not succeed (no owner chosen, no reason) from being sent, and puts each refusal by its field.
 */
export function ContinueKnowingly({ seal, behind, choice, onChoose, focusRequest, onDone }: Props) {
  const command = useCommand('recovery.continue');
  const [ownerId, setOwnerId] = useState<number | null>(seal.owners.length === 1 ? (seal.owners[0]?.id ?? null) : null);
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<LocalErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.scrollIntoView?.({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('button, input, textarea')?.focus();
  }, [focusRequest]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: LocalErrors = {};
    if (seal.needsPin && ownerId === null) found.owner = t('recovery.knowingly.pickOwner');
    if (seal.needsPin && pin === '') found.pin = t('errors.recovery.ownerNeeded');
    if (reason.trim() === '') found.reason = t('recovery.knowingly.reasonNeeded');
    setErrors(found);
    command.clearError();
    if (Object.keys(found).length > 0) return;
    const backup = choice.kind === 'backup' ? (behind.find((candidate) => candidate.name === choice.name) ?? null) : null;
    const result = await command.run({
      ...(seal.needsPin && ownerId !== null ? { staffId: ownerId, pin } : {}),
      reason: reason.trim(),
      ...(backup ? { backup: backup.name } : {}),
    });
    if (result) {
      onDone(result, backup);
      return;
    }
    // A wrong PIN is typed again from the start, as on the sign-in pad.
    setPin('');
  };

  // Each refusal goes by what it is about; what concerns none of the fields goes by the button.
  const field = command.error?.field;
  const pinError = errors.pin ?? (field === 'pin' || field === 'staffId' ? command.error : null);
  const reasonError = errors.reason ?? (field === 'reason' ? command.error : null);
  const withError = field === 'backup' ? command.error : null;
  const otherError = command.error && pinError !== command.error && reasonError !== command.error && withError !== command.error ? command.error : null;
  const asIsLabel =
    seal.cause === 'ledger_missing'
      ? t('recovery.knowingly.empty')
      : seal.ledgerSeq !== null
        ? t('recovery.knowingly.asIs', { seq: formatEntry(seal.ledgerSeq, navigator.language) })
        : t('recovery.knowingly.asIsUnknown');

  return (
    <form ref={formRef} className="knowingly" onSubmit={(event) => void submit(event)} noValidate>
      {seal.needsPin && (
        <fieldset className="knowingly__group">
          <legend>{t('recovery.knowingly.who')}</legend>
          <div className="knowingly__owners" aria-describedby={errors.owner ? 'knowingly-owner-error' : undefined}>
            {seal.owners.map((owner) => (
              <PersonTile
                key={owner.id}
                name={owner.name}
                chosen={ownerId === owner.id}
                className="knowingly__tile"
                onPick={() => {
                  setOwnerId(owner.id);
                  setErrors((was) => ({ ...was, owner: undefined }));
                }}
              />
            ))}
          </div>
          <ErrorNote error={errors.owner ?? null} id="knowingly-owner-error" />
        </fieldset>
      )}
      {seal.needsPin && (
        <PinField
          id="knowingly-pin"
          label={t('recovery.knowingly.pin')}
          value={pin}
          onChange={(digits) => {
            setPin(digits);
            setErrors((was) => ({ ...was, pin: undefined }));
          }}
          error={pinError}
          className="field knowingly__pin"
        />
      )}
      <div className="field">
        <label htmlFor="knowingly-reason">{t('recovery.knowingly.reason')}</label>
        <input
          id="knowingly-reason"
          type="text"
          maxLength={200}
          value={reason}
          required
          {...describedBy('knowingly-reason', reasonError, true)}
          onChange={(event) => {
            setReason(event.target.value);
            setErrors((was) => ({ ...was, reason: undefined }));
          }}
        />
        <p className="field__hint" id="knowingly-reason-hint">
          {t('recovery.knowingly.reasonHint')}
        </p>
        <ErrorNote error={reasonError} id="knowingly-reason-error" />
      </div>
      <fieldset className="knowingly__group">
        <legend>{t('recovery.knowingly.with')}</legend>
        <label className="knowingly__choice">
          <input type="radio" name="knowingly-with" checked={choice.kind === 'asIs'} onChange={() => onChoose({ kind: 'asIs' })} />
          <span>{asIsLabel}</span>
        </label>
        {behind.map((backup) => (
          <label key={backup.name} className="knowingly__choice">
            <input
              type="radio"
              name="knowingly-with"
              checked={choice.kind === 'backup' && choice.name === backup.name}
              onChange={() => onChoose({ kind: 'backup', name: backup.name })}
            />
            <span>{t('recovery.knowingly.backup', { when: formatRecoveryWhen(backup.at), seq: formatEntry(backup.chain?.seq ?? 0, navigator.language) })}</span>
          </label>
        ))}
        <ErrorNote error={withError} />
      </fieldset>
      <div className="backup__actions">
        <button type="submit" className="button button--danger recovery__main" disabled={command.pending}>
          {command.pending ? t('recovery.knowingly.pending') : t('recovery.knowingly.submit')}
        </button>
      </div>
      <ErrorNote error={otherError} />
    </form>
  );
}
