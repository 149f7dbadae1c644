// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, RecoveryStatus } from '../../../shared/closing-types';
import { fake } from '../../test-support/fake-api';
import { formatRecoveryWhen, formatSealWhen } from './backup-format';
import { RecoveryScreen } from './RecoveryScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const z: BackupInfo = {
  name: 'aftertab-20261123T200000000Z-z.sqlite',
  at: '2026-11-23T20:00:00.000Z',
  sizeBytes: 2_097_152,
  verified: true,
  reason: 'z',
  chain: null,
};
const scheduled: BackupInfo = {
  name: 'aftertab-20261124T093000000Z-scheduled.sqlite',
  at: '2026-11-24T09:30:00.000Z',
  sizeBytes: 2_150_000,
  verified: true,
  reason: 'scheduled',
  chain: null,
};
const unchecked: BackupInfo = {
  name: 'aftertab-20261124T100000000Z-manual.sqlite',
  at: '2026-11-24T10:00:00.000Z',
  sizeBytes: 1000,
  verified: false,
  reason: 'manual',
  chain: null,
};

function damaged(backups: BackupInfo[]): RecoveryStatus {
  return {
    damaged: true,
    problem: 'file is not a database',
    seal: null,
    ledgerFile: '/home/till/.config/Aftertab/aftertab.sqlite',
    backupFolder: '/home/till/.config/Aftertab/backups',
    backups,
  };
}

function show(status: RecoveryStatus) {
  const onRestored = vi.fn();
  const onRecheck = vi.fn();
  render(<RecoveryScreen status={status} onRestored={onRestored} onRecheck={onRecheck} />);
  return { onRestored, onRecheck };
}

describe('RecoveryScreen', () => {
  afterEach(cleanup);

  it('says plainly that the check failed, with the detail and the file, and offers the newest checked backup', async () => {
    fake.reply('recovery.restore', { restoredFrom: scheduled.name, keptAside: 'aftertab.sqlite.damaged-20261124T120000000Z' });
    const { onRestored } = show(damaged([unchecked, scheduled, z]));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The ledger failed its check');
    expect(screen.getByText('What the check found: file is not a database')).toBeTruthy();
    expect(screen.getByText('The damaged file: /home/till/.config/Aftertab/aftertab.sqlite')).toBeTruthy();
    expect(screen.getByText(/^From .*2026.* \(scheduled\), 2\.1 MB\.$/)).toBeTruthy();
    expect(screen.getByText(/keeps the damaged file aside as aftertab\.sqlite\.damaged-… \(it is never deleted\)/)).toBeTruthy();
    expect(screen.queryByText(/empty ledger/)).toBeNull();

    const main = screen.getByRole('button', { name: 'Restore this backup' });
    expect(document.activeElement).toBe(main);
    fireEvent.click(main);
    await screen.findByRole('heading', { level: 1, name: 'The backup is restored' });
    expect(fake.calls('recovery.restore')).toContainEqual({ input: { name: scheduled.name }, options: { commandId: 'command-1' } });
    // The board waits until the owner has read what the restore means.
    expect(onRestored).not.toHaveBeenCalled();
  });

  it('after a restore says which backup, what is missing, where the damaged file is and to count the drawer, then continues', async () => {
    fake.reply('recovery.restore', { restoredFrom: scheduled.name, keptAside: 'aftertab.sqlite.damaged-20261124T120000000Z' });
    // The reload that found the damage may have been on another screen.
    history.replaceState(null, '', '/#/backups');
    const { onRestored } = show(damaged([scheduled, z]));
    const when = formatRecoveryWhen(scheduled.at);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const notice = await screen.findByRole('region', { name: 'The backup is restored' });
    expect(notice.textContent).toContain(`Aftertab now runs on the backup from ${when}.`);
    expect(notice.textContent).toContain(`Anything recorded after ${when} (sales, payments, tabs, closed days) is not in this ledger.`);
    expect(notice.textContent).toContain('The damaged file was kept in the data folder as aftertab.sqlite.damaged-20261124T120000000Z');
    expect(notice.textContent).toMatch(/Count the cash in the drawer now and compare it with the Drawer screen/);
    expect(screen.queryByText('What the check found: file is not a database')).toBeNull();
    const go = screen.getByRole('button', { name: 'Continue to the board' });
    expect(document.activeElement).toBe(go);
    fireEvent.click(go);
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/');
  });

  it('shows times with the system language and a 24-hour clock', () => {
    const evening: BackupInfo = { ...scheduled, at: '2026-11-24T12:45:00.000Z' };
    show(damaged([evening]));
    const line = screen.getByText(/^From .* \(scheduled\)/).textContent ?? '';
    expect(line).toContain(formatRecoveryWhen(evening.at, navigator.language));
    expect(line).toMatch(/\d{2}:45/);
    expect(line).not.toMatch(/AM|PM/);
  });

  it('never offers the before-restore copy as the newest good backup, but lists it to pick deliberately', () => {
    const beforeRestore: BackupInfo = {
      name: 'aftertab-20261124T110000000Z-before-restore.sqlite',
      at: '2026-11-24T11:00:00.000Z',
      sizeBytes: 3_000_000,
      verified: true,
      reason: 'before-restore',
      chain: null,
    };
    show(damaged([beforeRestore, scheduled, z]));
    expect(screen.getByText(/^From .* \(scheduled\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pick another backup' }));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('before a restore'),
      expect.stringContaining('after a Z report'),
    ]);
  });

  it('says so when the only checked backup is a before-restore copy, and still lists it', () => {
    const beforeRestore: BackupInfo = {
      name: 'aftertab-20261124T110000000Z-before-restore.sqlite',
      at: '2026-11-24T11:00:00.000Z',
      sizeBytes: 3_000_000,
      verified: true,
      reason: 'before-restore',
      chain: null,
    };
    show(damaged([beforeRestore]));
    expect(screen.getByRole('heading', { name: /The only checked backup in .* was made just before a restore/ })).toBeTruthy();
    expect(screen.queryByText(/were not checked when they were made/)).toBeNull();
    expect(screen.getAllByRole('button', { name: /Restore the backup from/ })).toHaveLength(1);
  });

  it('lets another backup be picked, and puts its refusal beside it', async () => {
    fake.fail('recovery.restore', {
      code: 'conflict',
      key: 'errors.backup.restoreRefused',
      params: { name: unchecked.name, problem: 'the file is empty' },
      message: 'x',
    });
    const { onRestored } = show(damaged([unchecked, scheduled, z]));
    expect(screen.queryByRole('button', { name: /Restore the backup from/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pick another backup' }));
    // The other backups, newest first: the unchecked one from 10:00, then the Z from the day before.
    const [other] = screen.getAllByRole('button', { name: /Restore the backup from .*2026/ });
    if (!other) throw new Error('no other backup offered');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(other);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nothing was restored: the file is empty');
    expect(alert.closest('li')).toBe(other.closest('li'));
    expect(onRestored).not.toHaveBeenCalled();
  });

  it('with no backup says so, says where, tells how to start over by hand, and offers no empty ledger', () => {
    const { onRecheck } = show(damaged([]));
    expect(screen.getByRole('heading', { name: 'There is no backup in /home/till/.config/Aftertab/backups.' })).toBeTruthy();
    expect(screen.getByText(/move the damaged file out of the data folder yourself/)).toBeTruthy();
    expect(screen.getByText('The damaged file: /home/till/.config/Aftertab/aftertab.sqlite')).toBeTruthy();
    const buttons = screen.getAllByRole('button').map((button) => button.textContent);
    expect(buttons).toEqual(['Check again']);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onRecheck).toHaveBeenCalledTimes(1);
  });

  it('offers unchecked backups when there is no checked one, saying they are checked before restoring', () => {
    show(damaged([unchecked]));
    expect(screen.getByRole('heading', { name: /There is no checked backup in/ })).toBeTruthy();
    expect(screen.getByText(/Aftertab checks each one before restoring it/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /Restore the backup from .*2026/ })).toHaveLength(1);
  });
});

const HASH = `3f2a${'0'.repeat(56)}9c1d`;
const sealedAt = '2026-11-24T14:02:00.000Z';
// The newest copy was made after the ledger fell short (it holds the short ledger); the one before reaches the seal.
const reaching: BackupInfo = { ...scheduled, chain: { seq: 4160, hash: HASH }, reachesSeal: true };
const short: BackupInfo = {
  ...unchecked,
  name: 'aftertab-20261124T150000000Z-manual.sqlite',
  at: '2026-11-24T15:00:00.000Z',
  verified: true,
  chain: { seq: 4100, hash: HASH },
  reachesSeal: false,
};
const owners = [
  { id: 1, name: 'Olga' },
  { id: 5, name: 'Piet' },
];

function sealed(patch: Partial<NonNullable<RecoveryStatus['seal']>> = {}, backups: BackupInfo[] = [short, reaching]): RecoveryStatus {
  return {
    ...damaged(backups),
    problem: 'the ledger ends at entry 4,120 of 4,160, recorded 2026-11-24 14:02 UTC',
    seal: { cause: 'behind', sealedSeq: 4160, sealedAt, ledgerSeq: 4120, needsPin: true, owners, ...patch },
  };
}

describe('RecoveryScreen when the ledger does not reach its seal', () => {
  afterEach(cleanup);

  it('says how far the ledger reaches against the seal, in words and the system clock, and offers the newest backup that reaches it first', async () => {
    fake.reply('recovery.restore', { restoredFrom: reaching.name, keptAside: 'aftertab.sqlite.damaged-20261124T160000000Z' });
    show(sealed());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The ledger does not reach its seal');
    expect(screen.getByText(`The ledger ends at entry 4,120 of 4,160, recorded ${formatSealWhen(sealedAt)}.`)).toBeTruthy();
    // The newer copy falls short of the seal: the one offered is the newest that reaches it.
    const newest = screen.getByRole('region', { name: 'Newest backup that reaches the seal' });
    expect(newest.textContent).toContain('(scheduled)');
    expect(newest.textContent).toContain('It holds every entry the seal knew of (up to entry 4,160).');
    const main = within(newest).getByRole('button', { name: 'Restore this backup' });
    expect(document.activeElement).toBe(main);
    fireEvent.click(main);
    await screen.findByRole('heading', { level: 1, name: 'The backup is restored' });
    expect(fake.calls('recovery.restore')).toContainEqual({ input: { name: reaching.name }, options: { commandId: 'command-1' } });
  });

  it('marks each backup with how far it reaches; one short of the seal goes to Continue knowingly, chosen, not to a plain restore', () => {
    const older: BackupInfo = { ...z, chain: { seq: 3900, hash: HASH }, reachesSeal: false };
    show(sealed({}, [short, reaching, older]));
    fireEvent.click(screen.getByRole('button', { name: 'Pick another backup' }));
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining('ends at entry 4,100'), expect.stringContaining('ends at entry 3,900')]);
    expect(screen.queryAllByRole('button', { name: /^Restore the backup from/ })).toHaveLength(0);
    expect(screen.queryByLabelText('Owner’s PIN')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: `Continue knowingly from the backup of ${formatRecoveryWhen(older.at)}` }));
    const chosen = screen.getByRole('radio', { name: `the backup of ${formatRecoveryWhen(older.at)} (it ends at entry 3,900)` }) as HTMLInputElement;
    expect(chosen.checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'the ledger as it is (it ends at entry 4,120)' }) as HTMLInputElement).checked).toBe(false);
    // The form takes the focus: the first owner to choose.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Olga' }));
  });

  it('continues knowingly only with an owner, a PIN and a reason, puts a wrong PIN under the PIN field, then leaves recovery like a restore', async () => {
    const { onRestored } = show(sealed());
    fireEvent.click(screen.getByRole('button', { name: 'Continue knowingly…' }));
    const submit = screen.getByRole('button', { name: 'Continue knowingly' });
    fireEvent.click(submit);
    expect(fake.calls('recovery.continue')).toHaveLength(0);
    expect(screen.getByText('Choose the owner who continues')).toBeTruthy();
    const reason = screen.getByLabelText('Why you continue');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('knowingly-reason-error')?.textContent).toBe('Say why you continue; it is recorded with your name');

    fake.fail('recovery.continue', { code: 'wrong_pin', key: 'errors.recovery.ownerPin', message: 'x', field: 'pin' });
    fireEvent.click(screen.getByRole('button', { name: 'Piet' }));
    const pin = screen.getByLabelText('Owner’s PIN') as HTMLInputElement;
    expect(pin.type).toBe('password');
    fireEvent.change(pin, { target: { value: '12ab34' } });
    expect(pin.value).toBe('1234');
    fireEvent.change(reason, { target: { value: '  the PC was restored from an old image ' } });
    fireEvent.click(submit);
    const alert = await screen.findByText('That is not the PIN of an owner of this ledger');
    expect(pin.getAttribute('aria-describedby')).toContain(alert.id);
    expect(pin.value).toBe('');
    expect(fake.calls('recovery.continue')).toContainEqual({
      input: { staffId: 5, pin: '1234', reason: 'the PC was restored from an old image' },
      options: { commandId: 'command-1' },
    });

    fake.reply('recovery.continue', { restoredFrom: '', keptAside: '' });
    fireEvent.change(pin, { target: { value: '4321' } });
    fireEvent.click(submit);
    const notice = await screen.findByRole('region', { name: 'Aftertab goes on with this ledger' });
    expect(notice.textContent).toContain('Aftertab now runs on the ledger as it was found.');
    expect(notice.textContent).toContain('Your reason was recorded in the activity log.');
    expect(onRestored).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the board' }));
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/');
  });

  it('continuing from a backup sends its name and then says which backup Aftertab now runs on', async () => {
    fake.reply('recovery.continue', { restoredFrom: short.name, keptAside: 'aftertab.sqlite.damaged-20261124T160000000Z' });
    show(sealed({ owners: [{ id: 1, name: 'Olga' }] }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue knowingly…' }));
    // A single owner is chosen already.
    expect(screen.getByRole('button', { name: 'Olga' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: /^the backup of/ }));
    fireEvent.change(screen.getByLabelText('Owner’s PIN'), { target: { value: '2468' } });
    fireEvent.change(screen.getByLabelText('Why you continue'), { target: { value: 'the sealed copy is lost' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Continue knowingly' }).closest('form') as HTMLFormElement);
    const notice = await screen.findByRole('region', { name: 'The backup is restored' });
    expect(notice.textContent).toContain(`Aftertab now runs on the backup from ${formatRecoveryWhen(short.at)}.`);
    expect(fake.calls('recovery.continue')).toContainEqual({
      input: { staffId: 1, pin: '2468', reason: 'the sealed copy is lost', backup: short.name },
      options: { commandId: 'command-1' },
    });
  });

  it('asks no owner or PIN when no ledger or backup holds one, and a refusal with no field goes by the button', async () => {
    fake.fail('recovery.continue', { code: 'conflict', key: 'errors.recovery.notSealProblem', message: 'x' });
    show(sealed({ cause: 'ledger_missing', sealedSeq: null, sealedAt: null, ledgerSeq: null, needsPin: false, owners: [] }, [short]));
    expect(screen.getByText('The ledger file is missing, but there are backups of it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue knowingly…' }));
    expect(screen.queryByLabelText('Owner’s PIN')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Which owner continues' })).toBeNull();
    expect((screen.getByRole('radio', { name: 'a new, empty ledger (the ledger file is missing)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Why you continue'), { target: { value: 'new shop' } });
    const submit = screen.getByRole('button', { name: 'Continue knowingly' });
    fireEvent.click(submit);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Only a ledger that does not reach its seal can be continued knowingly/);
    expect(alert.previousElementSibling).toBe(submit.parentElement);
    expect(fake.calls('recovery.continue')).toContainEqual({ input: { reason: 'new shop' }, options: { commandId: 'command-1' } });
  });

  it('when no backup reaches the seal, says so, points to Continue knowingly and offers no empty ledger by hand', () => {
    show(sealed({}, [short]));
    expect(screen.getByRole('heading', { name: 'No backup in /home/till/.config/Aftertab/backups reaches the seal.' })).toBeTruthy();
    expect(screen.queryByText(/move the damaged file out of the data folder yourself/)).toBeNull();
    expect(screen.getByRole('button', { name: /^Continue knowingly from the backup of/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('words every cause: a missing ledger with a seal, a rewritten one, a missing or untrusted seal', () => {
    const when = formatSealWhen(sealedAt);
    show(sealed({ cause: 'ledger_missing', ledgerSeq: null }));
    expect(screen.getByText(`The ledger file is missing. The seal beside it says it reached entry 4,160 at ${when}.`)).toBeTruthy();
    cleanup();
    show(sealed({ cause: 'diverged', ledgerSeq: 4200 }));
    expect(screen.getByText(`Entry 4,160 of this ledger is not the one sealed at ${when}: this is another ledger, or it was rewritten.`)).toBeTruthy();
    cleanup();
    show(sealed({ cause: 'seal_missing', sealedSeq: null, sealedAt: null, ledgerSeq: 812 }));
    expect(screen.getByText(/^The seal beside the ledger is missing, though this ledger has been traded on \(it reaches entry 812\)/)).toBeTruthy();
    cleanup();
    show({
      ...sealed({ cause: 'seal_invalid', sealedSeq: null, sealedAt: null, ledgerSeq: 812 }),
      problem: "the seal beside the ledger is not signed with this computer's key",
    });
    expect(
      screen.getByText(
        "The seal cannot be trusted: the seal beside the ledger is not signed with this computer's key. Aftertab cannot tell whether this ledger is complete.",
      ),
    ).toBeTruthy();
  });
});
