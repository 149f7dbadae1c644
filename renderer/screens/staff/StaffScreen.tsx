import { useState } from 'react';
import type { Result } from '../../../shared/errors';
import type { Staff, StaffMember, StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCurrentStaff } from '../../hooks/current-staff';
import { useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import { useShortcut } from '../../hooks/use-shortcut';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { PinForm } from './PinForm';
import { StaffForm } from './StaffForm';
import { StaffRow } from './StaffRow';
import { mayManageStaff, splitByActive } from './staff-rules';
import '../../components/card-list.css';
import './staff.css';

// Everyone, archived too: the toggle only hides them, and its label can say how many there are.
const loadStaff = (): Promise<Result<StaffMember[]>> => api['staff.list']({ includeArchived: true });
// Who is signed in here, from the ledger (their role as it is now), again after any staff change
// (they may have just changed their own role) and for each person who signs in on this screen.
const currentLoaders = new Map<number, () => Promise<Result<Staff>>>();
function currentLoader(staffId: number): () => Promise<Result<Staff>> {
  let load = currentLoaders.get(staffId);
  if (!load) {
    load = () => api['session.current']({});
    currentLoaders.set(staffId, load);
  }
  return load;
}

/** Null when no panel is open; otherwise adding a person, editing one, or setting one's PIN. */
type Panel = null | { kind: 'add' } | { kind: 'edit'; member: StaffMember } | { kind: 'pin'; member: StaffMember };

/** Who works here: add people, change their name, role or PIN, archive them, lift a lockout. */
export function StaffScreen() {
  const store = useStore();
  const staff = useLiveQuery(loadStaff, 'staff.changed');
  const shellStaff = useCurrentStaff();
  const current = useLiveQuery(currentLoader(shellStaff?.id ?? 0), 'staff.changed');
  const [opened, setOpened] = useState<{ by: number; panel: NonNullable<Panel> } | null>(null);
  // Until the ledger has answered for the person now signed in, offer no one's actions.
  const actor = current.data && (shellStaff === null || current.data.id === shellStaff.id) ? current.data : null;
  // A form belongs to whoever opened it: a person switch on the PIN pad does not hand it on.
  const panel = opened && actor && opened.by === actor.id ? opened.panel : null;
  const setPanel = (next: Panel): void => setOpened(next && actor ? { by: actor.id, panel: next } : null);
  const canAdd = mayManageStaff(actor) && panel === null;
  useShortcut(
    ['n', 'N'],
    (event) => {
      event.preventDefault();
      setPanel({ kind: 'add' });
    },
    { enabled: canAdd },
  );

  const loadError = staff.error ?? store.error;
  const actions = mayManageStaff(actor) ? (
    <button type="button" className="button button--primary" aria-keyshortcuts="n" onClick={() => setPanel({ kind: 'add' })}>
      {t('staff.add')}
    </button>
  ) : null;

  return (
    <Screen title={t('staff.title')} back="/" actions={actions} className="staff">
      {loadError && <ErrorNote error={t('staff.loadFailed', { message: loadError })} />}
      {staff.data && store.data ? (
        <StaffBody members={staff.data} store={store.data} actor={actor} onPanel={setPanel} />
      ) : (
        !loadError && <p>{t('staff.loading')}</p>
      )}
      {actor && panel?.kind === 'add' && <StaffForm actor={actor} member={null} onClose={() => setPanel(null)} />}
      {actor && panel?.kind === 'edit' && <StaffForm key={panel.member.id} actor={actor} member={panel.member} onClose={() => setPanel(null)} />}
      {actor && panel?.kind === 'pin' && <PinForm key={panel.member.id} member={panel.member} onClose={() => setPanel(null)} />}
    </Screen>
  );
}

type BodyProps = { members: StaffMember[]; store: StoreSettings; actor: Staff | null; onPanel: (panel: Panel) => void };

function StaffBody({ members, store, actor, onPanel }: BodyProps) {
  const when = useWhen(store);
  // A lockout ends on its own after five minutes; the row stops saying so without a reload.
  const nowMs = useNow(15_000);
  const [showArchived, setShowArchived] = useState(false);
  const { active, archived } = splitByActive(members);
  const row = (member: StaffMember) => (
    <StaffRow
      key={member.id}
      member={member}
      actor={actor}
      when={when}
      nowMs={nowMs}
      onEdit={() => onPanel({ kind: 'edit', member })}
      onResetPin={() => onPanel({ kind: 'pin', member })}
    />
  );

  return (
    <div className="staff__body">
      {actor && !mayManageStaff(actor) && <p className="staff__note">{t('staff.readOnly')}</p>}
      <ul className="card-list" aria-label={t('staff.activeList')}>
        {active.map(row)}
      </ul>
      <div className="staff__archived">
        <button type="button" className="button button--ghost" aria-pressed={showArchived} onClick={() => setShowArchived((v) => !v)}>
          {t(showArchived ? 'staff.hideArchived' : 'staff.showArchived', { count: archived.length })}
        </button>
        {showArchived && (
          <div id="staff-archived" className="staff__archived-list">
            <p className="staff__note">{t('staff.archivedHint')}</p>
            {archived.length === 0 ? (
              <p>{t('staff.archivedEmpty')}</p>
            ) : (
              <ul className="card-list" aria-label={t('staff.archivedList')}>
                {archived.map(row)}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
