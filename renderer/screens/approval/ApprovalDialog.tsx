import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { StaffMember } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { enterSubmits, pinDigit, useKeyCapture } from '../../hooks/use-key-capture';
import type { MessageKey } from '../../i18n/en';
import { describeError } from '../../i18n/describe-error';
import { hasMessage, t } from '../../i18n/t';
import { PIN_MAX_DIGITS, pinText } from '../signin/pin-text';
import type { ApprovalRequest } from './approval-context';
import './approval.css';

type Props = {
  request: ApprovalRequest;
  /** The person asking, who cannot approve their own action. */
  currentStaffId: number;
  onGranted: () => void;
  onCancel: () => void;
};

/** What each permission named in an approval_needed refusal means, in words. */
function reasons(permissions: unknown): string[] {
  if (typeof permissions !== 'string') return [];
  return permissions
    .split(',')
    .map((p) => `approval.why.${p.trim()}`)
    .filter((key): key is MessageKey => hasMessage(key))
    .map((key) => t(key));
}

/** Managers and owners other than the person asking, who have a PIN to give. */
export function approversOf(staff: readonly StaffMember[], currentStaffId: number): StaffMember[] {
  return staff.filter((s) => s.active && s.hasPin && s.id !== currentStaffId && (s.role === 'manager' || s.role === 'owner'));
}

const keepFocus = (event: MouseEvent): void => event.preventDefault();

/**
 * A manager's or owner's PIN for one refused command, asked where the person is working: tap
 * who approves, their PIN (the keyboard's digits and Enter work), Approve. A wrong PIN is refused
 * here and nothing is posted; only an accepted one sends the command again.
 */
export function ApprovalDialog({ request, currentStaffId, onGranted, onCancel }: Props) {
  const [approvers, setApprovers] = useState<StaffMember[] | null>(null);
  const [chosenId, choose] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dialog = useRef<HTMLFormElement>(null);
  const pinInput = useRef<HTMLInputElement>(null);
  const chosen = approvers?.find((a) => a.id === chosenId) ?? (approvers?.length === 1 ? approvers[0] : undefined) ?? null;

  useEffect(() => {
    let active = true;
    void api['staff.list']({}).then((result) => {
      if (!active) return;
      if (result.ok) setApprovers(approversOf(result.value, currentStaffId));
      else setError(describeError(result.error));
    });
    return () => {
      active = false;
    };
  }, [currentStaffId]);

  useEffect(() => {
    // The focus comes back to what sent the command (its confirm button) when the dialog closes.
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const type = (digit: string): void => {
    setError(null);
    setPin((p) => (p.length >= PIN_MAX_DIGITS ? p : p + digit));
  };

  const approve = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (pending) return;
    if (!chosen) {
      setError(t('approval.chooseFirst'));
      return;
    }
    setPending(true);
    setError(null);
    const result = await api['approval.grant']({ command: request.command, commandId: request.commandId, input: request.input, approverId: chosen.id, pin });
    setPending(false);
    // Already approved or no longer needed: sending the command again is what is left to do.
    if (result.ok || result.error.key === 'errors.approval.notNeeded') return onGranted();
    setError(describeError(result.error));
    setPin('');
  };

  useKeyCapture((event) => {
    const digit = pinDigit(event);
    if (digit) {
      event.preventDefault();
      type(digit);
    } else if (event.key === 'Backspace' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      setPin((p) => p.slice(0, -1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (enterSubmits(event)) {
      event.preventDefault();
      void approve();
    }
  }, true);

  const why = reasons(request.error.params?.permission);

  return (
    <div className="approval__backdrop">
      <form
        ref={dialog}
        className="approval"
        role="dialog"
        aria-modal="true"
        aria-labelledby="approval-title"
        aria-describedby="approval-asked"
        tabIndex={-1}
        noValidate
        onSubmit={(e) => void approve(e)}
      >
        <h2 id="approval-title" className="approval__title">
          {t('approval.title')}
        </h2>
        <p id="approval-asked" className="approval__asked">
          {describeError(request.error).replace(/^./, (c) => c.toUpperCase())}
        </p>
        {why.length > 0 && (
          <p className="approval__muted">
            {t('approval.what')} {why.join('; ')}
          </p>
        )}
        <p className="approval__muted">{t('approval.intro')}</p>
        <div className="approval__people" role="group" aria-label={t('approval.who')}>
          {approvers === null && !error && <p className="approval__muted">{t('approval.loading')}</p>}
          {approvers?.length === 0 && <p className="approval__muted">{t('approval.nobody')}</p>}
          {approvers?.map((a) => (
            <button
              key={a.id}
              type="button"
              className={`approval__tile${a.id === chosen?.id ? ' approval__tile--chosen' : ''}`}
              aria-pressed={a.id === chosen?.id}
              onMouseDown={keepFocus}
              onClick={(e) => {
                choose(a.id);
                setError(null);
                setPin('');
                if (e.detail === 0) pinInput.current?.focus();
              }}
            >
              {a.name}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor="approval-pin">{t('approval.pin')}</label>
          <input
            ref={pinInput}
            id="approval-pin"
            className="approval__pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={PIN_MAX_DIGITS}
            value={pin}
            onChange={(e) => setPin(pinText(e.target.value))}
            aria-invalid={error !== null}
            aria-describedby={error ? 'approval-error' : undefined}
          />
        </div>
        <ErrorNote error={error} id="approval-error" />
        <div className="approval__buttons">
          <button type="submit" className="button button--primary" disabled={pending} aria-keyshortcuts="Enter">
            {t('approval.approve')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel} aria-keyshortcuts="Escape">
            {t('approval.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
