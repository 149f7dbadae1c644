import { useEffect, useRef, useState } from 'react';
import type { StaffMember } from '../../../shared/types';
import { api } from '../../api';
import { PersonTile } from '../../components/PersonTile';
import { PinField } from '../../components/PinField';
import { usePinEntry } from '../../hooks/use-pin-entry';
import type { MessageKey } from '../../i18n/t';
import { describeError } from '../../i18n/describe-error';
import { hasMessage, t } from '../../i18n/t';
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

/**
 * A manager's or owner's PIN for one refused command, asked where the person is working: tap
 * who approves, their PIN (the keyboard's digits and Enter work), Approve. A wrong PIN is refused
 * here and nothing is posted; only an accepted one sends the command again.
 */
export function ApprovalDialog({ request, currentStaffId, onGranted, onCancel }: Props) {
  const [approvers, setApprovers] = useState<StaffMember[] | null>(null);
  const [chosenId, choose] = useState<number | null>(null);
  const dialog = useRef<HTMLFormElement>(null);
  const chosen = approvers?.find((a) => a.id === chosenId) ?? (approvers?.length === 1 ? approvers[0] : undefined) ?? null;
  const entry = usePinEntry({
    staffId: chosen?.id ?? null,
    chooseFirst: 'approval.chooseFirst',
    send: async (approverId, pin) => {
      const result = await api['approval.grant']({ command: request.command, commandId: request.commandId, input: request.input, approverId, pin });
      // Already approved or no longer needed: sending the command again is what is left to do.
      if (!result.ok && result.error.key !== 'errors.approval.notNeeded') return describeError(result.error);
      onGranted();
      return null;
    },
    onEscape: onCancel,
  });
  const { setError } = entry;

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
  }, [currentStaffId, setError]);

  useEffect(() => {
    // The focus comes back to what sent the command (its confirm button) when the dialog closes.
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

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
        onSubmit={(e) => void entry.submit(e)}
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
          {approvers === null && !entry.error && <p className="approval__muted">{t('approval.loading')}</p>}
          {approvers?.length === 0 && <p className="approval__muted">{t('approval.nobody')}</p>}
          {approvers?.map((a) => (
            <PersonTile
              key={a.id}
              name={a.name}
              chosen={a.id === chosen?.id}
              className="approval__tile"
              onPick={(e) => {
                choose(a.id);
                entry.startOver(e);
              }}
            />
          ))}
        </div>
        <PinField id="approval-pin" inputClassName="approval__pin" label={t('approval.pin')} {...entry.field} />
        <div className="approval__buttons">
          <button type="submit" className="button button--primary" disabled={entry.pending} aria-keyshortcuts="Enter">
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
