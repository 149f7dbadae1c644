// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, RecoveryStatus } from '../../../shared/closing-types';
import { formatRecoveryWhen } from './backup-format';
import { RecoveryScreen } from './RecoveryScreen';

const calls = vi.hoisted(() => ({ restore: vi.fn() }));
vi.mock('../../api', () => ({
  api: { 'recovery.restore': calls.restore },
  newCommandId: () => 'command-id-0001',
  onEvent: () => () => undefined,
}));

const z: BackupInfo = { name: 'aftertab-20261123T200000000Z-z.sqlite', at: '2026-11-23T20:00:00.000Z', sizeBytes: 2_097_152, verified: true, reason: 'z' };
const scheduled: BackupInfo = { name: 'aftertab-20261124T093000000Z-scheduled.sqlite', at: '2026-11-24T09:30:00.000Z', sizeBytes: 2_150_000, verified: true, reason: 'scheduled' };
const unchecked: BackupInfo = { name: 'aftertab-20261124T100000000Z-manual.sqlite', at: '2026-11-24T10:00:00.000Z', sizeBytes: 1000, verified: false, reason: 'manual' };

function damaged(backups: BackupInfo[]): RecoveryStatus {
  return { damaged: true, problem: 'file is not a database', ledgerFile: '/home/till/.config/Aftertab/aftertab.sqlite', backupFolder: '/home/till/.config/Aftertab/backups', backups };
}

function show(status: RecoveryStatus) {
  const onRestored = vi.fn();
  const onRecheck = vi.fn();
  render(<RecoveryScreen status={status} onRestored={onRestored} onRecheck={onRecheck} />);
  return { onRestored, onRecheck };
}

describe('RecoveryScreen', () => {
  beforeEach(() => calls.restore.mockReset());
  afterEach(cleanup);

  it('says plainly that the check failed, with the detail and the file, and offers the newest checked backup', async () => {
    calls.restore.mockResolvedValue({ ok: true, value: { restoredFrom: scheduled.name, keptAside: 'aftertab.sqlite.damaged-20261124T120000000Z' } });
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
    expect(calls.restore).toHaveBeenCalledWith({ name: scheduled.name }, { commandId: 'command-id-0001' });
    // The board waits until the owner has read what the restore means.
    expect(onRestored).not.toHaveBeenCalled();
  });

  it('after a restore says which backup, what is missing, where the damaged file is and to count the drawer, then continues', async () => {
    calls.restore.mockResolvedValue({ ok: true, value: { restoredFrom: scheduled.name, keptAside: 'aftertab.sqlite.damaged-20261124T120000000Z' } });
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
    const beforeRestore: BackupInfo = { name: 'aftertab-20261124T110000000Z-before-restore.sqlite', at: '2026-11-24T11:00:00.000Z', sizeBytes: 3_000_000, verified: true, reason: 'before-restore' };
    show(damaged([beforeRestore, scheduled, z]));
    expect(screen.getByText(/^From .* \(scheduled\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pick another backup' }));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('before a restore'), expect.stringContaining('after a Z report')]);
  });

  it('says so when the only checked backup is a before-restore copy, and still lists it', () => {
    const beforeRestore: BackupInfo = { name: 'aftertab-20261124T110000000Z-before-restore.sqlite', at: '2026-11-24T11:00:00.000Z', sizeBytes: 3_000_000, verified: true, reason: 'before-restore' };
    show(damaged([beforeRestore]));
    expect(screen.getByRole('heading', { name: /The only checked backup in .* was made just before a restore/ })).toBeTruthy();
    expect(screen.queryByText(/were not checked when they were made/)).toBeNull();
    expect(screen.getAllByRole('button', { name: /Restore the backup from/ })).toHaveLength(1);
  });

  it('lets another backup be picked, and puts its refusal beside it', async () => {
    calls.restore.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', key: 'errors.backup.restoreRefused', params: { name: unchecked.name, problem: 'the file is empty' }, message: 'x' },
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
