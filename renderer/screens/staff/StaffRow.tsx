import { useState } from 'react';
import type { Staff, StaffMember } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import type { WhenTools } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { lockedAt, mayArchive, mayChange, mayManageStaff, mayUnlock } from './staff-rules';

type Props = {
  member: StaffMember;
  actor: Staff | null;
  when: WhenTools;
  nowMs: number;
  onEdit: () => void;
  onResetPin: () => void;
};

/** One person: name, role, whether a PIN is set, a running lockout, and what the actor may do to them. */
export function StaffRow({ member, actor, when, nowMs, onEdit, onResetPin }: Props) {
  const archive = useCommand('staff.archive');
  const unlock = useCommand('staff.unlock');
  const [confirming, setConfirming] = useState(false);
  const locked = lockedAt(member, nowMs);
  const changeable = mayChange(actor, member);
  const you = actor?.id === member.id;
  const error = archive.error ?? unlock.error;

  const setArchived = async (archived: boolean): Promise<void> => {
    unlock.clearError();
    if (await archive.run({ staffId: member.id, archived })) setConfirming(false);
  };

  return (
    <li className={`card-row staff-row${member.active ? '' : ' staff-row--archived'}`} aria-label={member.name}>
      <div className="card-row__main">
        <span className="staff-row__name">{member.name}</span>
        {you && <span className="staff-row__you">{t('staff.you')}</span>}
        <span className={`staff-row__role staff-row__role--${member.role}`}>{t(`staff.role.${member.role}`)}</span>
      </div>
      <div className="staff-row__state">
        {member.active && <span className={member.hasPin ? undefined : 'staff-row__warn'}>{t(member.hasPin ? 'staff.pinSet' : 'staff.pinMissing')}</span>}
        {!member.active && <span>{t('staff.archivedBadge')}</span>}
        {locked && <span className="staff-row__warn">{t('staff.lockedUntil', { time: when.time(locked) })}</span>}
      </div>
      <div className="staff-row__actions">
        {confirming ? (
          <>
            <span className="staff-row__question">{t('staff.archiveQuestion', { name: member.name })}</span>
            <button type="button" className="button button--danger" disabled={archive.pending} autoFocus onClick={() => void setArchived(true)}>
              {t('staff.archiveConfirm')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            {member.active && changeable && (
              <>
                <button type="button" className="button button--ghost" aria-label={t('staff.editLabel', { name: member.name })} onClick={onEdit}>
                  {t('staff.edit')}
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={t(member.hasPin ? 'staff.resetPinLabel' : 'staff.setPinLabel', { name: member.name })}
                  onClick={onResetPin}
                >
                  {t(member.hasPin ? 'staff.resetPin' : 'staff.setPin')}
                </button>
              </>
            )}
            {locked && mayUnlock(actor) && (
              <button
                type="button"
                className="button button--primary"
                aria-label={t('staff.unlockLabel', { name: member.name })}
                disabled={unlock.pending}
                onClick={() => {
                  archive.clearError();
                  void unlock.run({ staffId: member.id });
                }}
              >
                {t('staff.unlock')}
              </button>
            )}
            {member.active && mayArchive(actor, member) && (
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('staff.archiveLabel', { name: member.name })}
                onClick={() => setConfirming(true)}
              >
                {t('staff.archive')}
              </button>
            )}
            {!member.active && changeable && (
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('staff.restoreLabel', { name: member.name })}
                disabled={archive.pending}
                onClick={() => void setArchived(false)}
              >
                {t('staff.restore')}
              </button>
            )}
            {!changeable && mayManageStaff(actor) && <span className="staff-row__note">{t('staff.ownersOnly')}</span>}
          </>
        )}
      </div>
      <ErrorNote error={error} className="card-row__error" />
    </li>
  );
}
