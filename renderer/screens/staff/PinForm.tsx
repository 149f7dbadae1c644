import { useState, type FormEvent } from 'react';
import type { StaffMember } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import { PinFields } from './PinFields';
import { checkPins } from './staff-rules';

/** A new PIN for one person, typed twice; it also lifts a lockout, since they now know the right one. */
export function PinForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const reset = useCommand('staff.resetPin');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<{ pin?: string; pinAgain?: string }>({});
  useEscapeFirst(onClose, true);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = checkPins(pin, again);
    setProblems({ pin: found.pin && t(found.pin), pinAgain: found.pinAgain && t(found.pinAgain) });
    if (found.pin || found.pinAgain) return;
    if (await reset.run({ staffId: member.id, pin })) onClose();
  };

  return (
    <SidePanel className="staff-panel" titleId="staff-pin-title" onSubmit={(e) => void save(e)}>
      <h2 id="staff-pin-title">{t('staff.pin.title', { name: member.name })}</h2>
      <p className="side-panel__hint">{t(member.hasPin ? 'staff.pin.replaces' : 'staff.pin.first', { name: member.name })}</p>
      <PinFields
        id="staff-reset"
        autoFocus
        pin={pin}
        again={again}
        onPin={(value) => {
          setPin(value);
          setProblems((p) => ({ ...p, pin: undefined }));
          reset.clearError();
        }}
        onAgain={(value) => {
          setAgain(value);
          setProblems((p) => ({ ...p, pinAgain: undefined }));
          reset.clearError();
        }}
        pinError={problems.pin ?? errorFor(reset.error, ['pin'])}
        againError={problems.pinAgain ?? null}
      />
      <ErrorNote error={errorElsewhere(reset.error, ['pin'])} />
      <FormActions className="side-panel__actions" confirm={t('staff.pin.confirm')} pending={reset.pending} onCancel={onClose} />
    </SidePanel>
  );
}
