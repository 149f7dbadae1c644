// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupStatus } from '../../../shared/closing-types';
import type { Role } from '../../../shared/permissions';
import type { LedgerCheck } from '../../../shared/types';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { BackupScreen } from './BackupScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const older: BackupInfo = {
  name: 'aftertab-20261123T200000000Z-z.sqlite',
  at: '2026-11-23T20:00:00.000Z',
  sizeBytes: 2_097_152,
  verified: true,
  reason: 'z',
  chain: { seq: 4160, hash: '3f2a' + '0'.repeat(56) + '9c1d' },
};
const newer: BackupInfo = {
  name: 'aftertab-20261124T093000000Z-scheduled.sqlite',
  at: '2026-11-24T09:30:00.000Z',
  sizeBytes: 2_150_000,
  verified: false,
  reason: 'scheduled',
  chain: null,
};

function status(patch: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: '/data/backups',
    keep: 14,
    everyMinutes: 30,
    lastBackup: older,
    lastError: null,
    lastShutdownFailure: null,
    backups: [newer, older],
    ...patch,
  };
}

function renderScreen(role: Role | null = null): void {
  const screenOnly = (
    <MemoryRouter>
      <BackupScreen />
    </MemoryRouter>
  );
  render(role ? <CurrentStaffContext.Provider value={{ id: 1, name: 'Olga', role }}>{screenOnly}</CurrentStaffContext.Provider> : screenOnly);
}

const HEAD = `3f2a${'0'.repeat(56)}9c1d`;

function ledgerCheck(chain: Partial<LedgerCheck['chain']> = {}, problems: string[] = []): LedgerCheck {
  return {
    balanced: problems.length === 0,
    entries: 40,
    postings: 120,
    unbalancedEntries: [],
    accounts: [],
    chain: { full: false, fromSeq: 4000, headSeq: 4160, headHash: HEAD, rowsChecked: 160, broken: null, ...chain },
    problems,
  };
}

describe('BackupScreen', () => {
  beforeEach(() => {
    fake.reply('backup.status', status());
    fake.reply('store.get', testStore({ locale: 'en-GB' }));
  });
  afterEach(cleanup);

  it('shows the settings, the last backup, the last error in words, and every backup with its check', async () => {
    fake.reply('backup.status', status({ lastError: 'the new backup failed its check, so it was deleted and the older backups were kept: page 3' }));
    renderScreen();
    expect(((await screen.findByLabelText('Backup folder')) as HTMLInputElement).value).toBe('/data/backups');
    expect((screen.getByLabelText('Backups to keep') as HTMLInputElement).value).toBe('14');
    expect((screen.getByLabelText('Every (minutes)') as HTMLInputElement).value).toBe('30');
    expect(screen.getByText(/23 Nov 2026.*after a Z report, checked/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The last backup did not work: the new backup failed its check');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].slice(1, 3).map((cell) => cell.textContent))).toEqual([
      ['scheduled', '2.1 MB'],
      ['after a Z report', '2 MB'],
    ]);
    expect(rows.map((row) => row.querySelectorAll('td')[3]?.firstElementChild?.textContent)).toEqual(['Not checked', 'Checked']);
  });

  it('shows a backup that failed when Aftertab last stopped, with what to do, until a good backup clears it', async () => {
    const problem =
      'the disk holding the backup folder /media/usb is full, so no backup was made and the older backups were kept; free some space there or choose another backup folder, then back up again';
    fake.reply('backup.status', status({ lastShutdownFailure: { at: '2026-11-24T23:05:00.000Z', problem } }));
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^The backup when Aftertab stopped at 24 Nov 2026.* did not work: the disk holding the backup folder \/media\/usb is full/,
    );
    expect(alert.textContent).toContain('press Back up now');

    fake.reply('backup.status', status());
    fake.emit({ type: 'backup.changed' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('backs up now, says when, and follows the list when backup.changed arrives', async () => {
    const made: BackupInfo = { ...older, name: 'aftertab-20261124T120000000Z-manual.sqlite', at: '2026-11-24T12:00:00.000Z', reason: 'manual' };
    fake.reply('backup.now', made);
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.getByText(/Backed up at 24 Nov 2026.* and checked\./)).toBeTruthy());
    expect(fake.calls('backup.now')).toContainEqual({ input: {}, options: { commandId: 'command-1' } });

    fake.reply('backup.status', status({ lastBackup: made, backups: [made, newer, older] }));
    fake.emit({ type: 'backup.changed' });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4));
  });

  it('puts a refused backup beside the button', async () => {
    fake.fail('backup.now', { code: 'conflict', key: 'errors.backup.folderUnusable', params: { folder: '/media/usb', detail: 'EROFS' }, message: 'x' });
    renderScreen();
    const button = await screen.findByRole('button', { name: 'Back up now' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Aftertab cannot write to /media/usb: EROFS');
    expect(alert.closest('section')).toBe(button.closest('section'));
  });

  it('saves only the changed settings, and puts a refused folder by its field', async () => {
    fake.reply('backup.configure', status({ keep: 7 }));
    renderScreen();
    fireEvent.change(await screen.findByLabelText('Backups to keep'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());
    expect(fake.inputs('backup.configure')[0]).toEqual({ keep: 7 });

    fake.fail('backup.configure', { code: 'invalid_input', key: 'errors.backup.folderRelative', message: 'x', field: 'folder' });
    const folder = screen.getByLabelText('Backup folder');
    fireEvent.change(folder, { target: { value: 'usb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Give the backup folder as a full path/);
    expect(folder.getAttribute('aria-describedby')).toContain(alert.id);
    expect(folder.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a keep of 0 beside the field without sending anything', async () => {
    renderScreen();
    fireEvent.change(await screen.findByLabelText('Backups to keep'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Keep a whole number of backups from 1 to 365');
    expect(fake.calls('backup.configure')).toHaveLength(0);
  });

  it('asks before restoring, says the current file is kept aside, and can be cancelled with Esc', async () => {
    fake.reply('backup.restore', { restoredFrom: older.name, keptAside: 'aftertab.sqlite.before-restore-20261124T120000000Z' });
    renderScreen();
    const restore = await screen.findByRole('button', { name: /Restore the backup from 23 Nov 2026/ });
    fireEvent.click(restore);
    expect(screen.getByRole('heading', { name: /Restore the backup from 23 Nov 2026/ })).toBeTruthy();
    expect(screen.getByText(/keeps the current ledger file aside in the data folder/)).toBeTruthy();
    expect(fake.calls('backup.restore')).toHaveLength(0);

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull());

    fireEvent.click(restore);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(screen.getByText(/The previous ledger was kept as aftertab\.sqlite\.before-restore-20261124T120000000Z\./)).toBeTruthy());
    expect(fake.calls('backup.restore')).toContainEqual({ input: { name: older.name }, options: { commandId: 'command-1' } });
  });

  it('keeps the confirmation open with the refusal beside it when the backup fails its check', async () => {
    fake.fail('backup.restore', {
      code: 'conflict',
      key: 'errors.backup.restoreRefused',
      params: { name: newer.name, problem: 'integrity_check: page 7' },
      message: 'x',
    });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: /Restore the backup from 24 Nov 2026/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('failed its check, so nothing was restored: integrity_check: page 7');
    expect(screen.getByRole('button', { name: 'Restore this backup' })).toBeTruthy();
  });

  it('shows how far each backup reaches in the hash chain, with a short hash, and says when a copy predates the chain', async () => {
    renderScreen();
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    const chains = rows.map((row) => row.querySelector('.backup__chain'));
    expect(chains.map((chain) => chain?.textContent)).toEqual(['made before the chain', 'entry 4,160 · 3f2a…9c1d']);
    expect(chains[1]?.getAttribute('title')).toBe(`Entry 4,160 of the ledger’s hash chain, hash ${HEAD}`);
  });

  it('offers the ledger check to an owner or a manager, not to staff', async () => {
    renderScreen('staff');
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Check since the last Z' })).toBeNull();
    cleanup();
    renderScreen('manager');
    expect(await screen.findByRole('button', { name: 'Check since the last Z' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check everything' })).toBeTruthy();
  });

  it('checks since the last Z or everything, and says where the chain holds and that the journal balances', async () => {
    fake.reply('ledger.check', ledgerCheck());
    renderScreen('owner');
    fireEvent.click(await screen.findByRole('button', { name: 'Check since the last Z' }));
    const panel = screen.getByRole('region', { name: 'Ledger check' });
    await waitFor(() =>
      expect(within(panel).getByRole('status').textContent).toContain(
        'The chain holds from entry 4,000 to entry 4,160 (160 rows checked); the journal balances.',
      ),
    );
    expect(fake.inputs('ledger.check').at(-1)).toEqual({});
    expect(within(panel).getByText('Chain head now: entry 4,160 · 3f2a…9c1d')).toBeTruthy();

    fake.reply('ledger.check', ledgerCheck({ full: true, fromSeq: 0, rowsChecked: 4160 }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Check everything' }));
    await waitFor(() =>
      expect(within(panel).getByRole('status').textContent).toContain(
        'The chain holds from the first entry to entry 4,160 (4,160 rows checked); the journal balances.',
      ),
    );
    expect(fake.inputs('ledger.check').at(-1)).toEqual({ full: true });
  });

  it('says prominently where the chain breaks, once, and lists what else the check found', async () => {
    const broken = 'row 4,102 (audit) does not follow from the row before it: it was changed after it was written';
    fake.reply('ledger.check', ledgerCheck({ broken, rowsChecked: 102 }, [broken, 'the journal is off by 5']));
    renderScreen('owner');
    fireEvent.click(await screen.findByRole('button', { name: 'Check since the last Z' }));
    const verdict = await screen.findByText(`The chain is broken: ${broken}.`);
    expect(verdict.className).toContain('ledger-check__verdict--broken');
    expect(screen.queryByText(/the journal balances/)).toBeNull();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['the journal is off by 5']);
  });

  it('says the chain holds but names the other problems when the journal does not balance', async () => {
    fake.reply('ledger.check', ledgerCheck({}, ['2 journal entries do not balance']));
    renderScreen('owner');
    fireEvent.click(await screen.findByRole('button', { name: 'Check since the last Z' }));
    expect(await screen.findByText('The chain holds from entry 4,000 to entry 4,160 (160 rows checked), but the check found more:')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['2 journal entries do not balance']);
  });
});
