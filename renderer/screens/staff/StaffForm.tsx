import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Role } from '../../../shared/permissions';
import type { Staff, StaffMember } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { describedBy } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import { PinFields } from './PinFields';
import { checkPins, rolesOffered } from './staff-rules';

type Props = {
  actor: Staff;
  /** The person being changed; null adds a new one (with a PIN). */
  member: StaffMember | null;
  onClose: () => void;
};

type Problems = { name?: string; pin?: string; pinAgain?: string };

const FIELDS = ['name', 'role', 'pin'];

/** Enter on a role saves too, as in every text field of the form. */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLInputElement;
  if (event.key !== 'Enter' || target.type !== 'radio') return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** Adds a person (name, role, PIN twice) or changes one's name and role; Enter saves, Esc closes. */
export function StaffForm({ actor, member, onClose }: Props) {
  const create = useCommand('staff.create');
  const update = useCommand('staff.update');
  const command = member ? update : create;
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<Role>(member?.role ?? 'staff');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  useEscapeFirst(onClose, true);

  const edited = (clear: keyof Problems | 'role') => {
    setProblems((p) => ({ ...p, [clear]: undefined }));
    command.clearError();
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = name.trim();
    const found: Problems = {};
    if (!trimmed) found.name = t('errors.field.nameRequired');
    if (!member) {
      const pins = checkPins(pin, again);
      if (pins.pin) found.pin = t(pins.pin);
      if (pins.pinAgain) found.pinAgain = t(pins.pinAgain);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (!member) {
      if (await create.run({ name: trimmed, role, pin })) onClose();
      return;
    }
    const change = { ...(trimmed !== member.name ? { name: trimmed } : {}), ...(role !== member.role ? { role } : {}) };
    if (Object.keys(change).length === 0) return onClose();
    if (await update.run({ staffId: member.id, ...change })) onClose();
  };

  const nameError = problems.name ?? errorFor(command.error, ['name']);
  const roleError = errorFor(command.error, ['role']);
  const pinError = problems.pin ?? errorFor(command.error, ['pin']);
  const offered = rolesOffered(actor);
  const title = member ? t('staff.form.editTitle', { name: member.name }) : t('staff.form.addTitle');

  return (
    <SidePanel className="staff-panel" titleId="staff-form-title" onSubmit={(e) => void save(e)} onKeyDown={submitOnEnter}>
      <h2 id="staff-form-title">{title}</h2>

      <div className="field">
        <label htmlFor="staff-name">{t('staff.form.name')}</label>
        <input
          id="staff-name"
          autoFocus
          autoComplete="off"
          maxLength={40}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            edited('name');
          }}
          {...describedBy('staff-name', nameError)}
        />
        <ErrorNote error={nameError} id="staff-name-error" />
      </div>

      <fieldset className="field staff-panel__roles" aria-describedby={roleError ? 'staff-role-hint staff-role-error' : 'staff-role-hint'}>
        <legend>{t('staff.form.role')}</legend>
        <div className="side-panel__toggle">
          {offered.map((r) => (
            <label key={r} className={role === r ? 'is-on' : undefined}>
              <input
                type="radio"
                name="staff-role"
                value={r}
                checked={role === r}
                onChange={() => {
                  setRole(r);
                  edited('role');
                }}
              />
              {t(`staff.role.${r}`)}
            </label>
          ))}
        </div>
        <p className="side-panel__hint" id="staff-role-hint">
          {t(`staff.roleHint.${role}`)}
        </p>
        <ErrorNote error={roleError} id="staff-role-error" />
      </fieldset>

      {!member && (
        <PinFields
          id="staff-new"
          pin={pin}
          again={again}
          onPin={(value) => {
            setPin(value);
            edited('pin');
          }}
          onAgain={(value) => {
            setAgain(value);
            edited('pinAgain');
          }}
          pinError={pinError}
          againError={problems.pinAgain ?? null}
        />
      )}

      <ErrorNote error={errorElsewhere(command.error, FIELDS)} />
      <FormActions className="side-panel__actions" confirm={member ? t('staff.form.save') : t('staff.form.add')} pending={command.pending} onCancel={onClose} />
    </SidePanel>
  );
}
