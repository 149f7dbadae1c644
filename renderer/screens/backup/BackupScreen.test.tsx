// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupStatus } from '../../../shared/closing-types';
import { testStore } from '../../test-support/store';
import { BackupScreen } from './BackupScreen';

const calls = vi.hoisted(() => ({
  status: vi.fn(),
  now: vi.fn(),
  configure: vi.fn(),
  restore: vi.fn(),
  listeners: [] as ((e: { type: string }) => void)[],
}));

vi.mock('../../api', () => ({
  api: {
    'backup.status': calls.status,
    'backup.now': calls.now,
    'backup.configure': calls.configure,
    'backup.restore': calls.restore,
    'store.get': () => Promise.resolve({ ok: true, value: testStore({ locale: 'en-GB' }) }),
  },
  newCommandId: () => 'command-id-0001',
  onEvent: (listener: (e: { type: string }) => void) => {
    calls.listeners.push(listener);
    return () => undefined;
  },
}));

const older: BackupInfo = { name: 'aftertab-20261123T200000000Z-z.sqlite', at: '2026-11-23T20:00:00.000Z', sizeBytes: 2_097_152, verified: true, reason: 'z' };
const newer: BackupInfo = { name: 'aftertab-20261124T093000000Z-scheduled.sqlite', at: '2026-11-24T09:30:00.000Z', sizeBytes: 2_150_000, verified: false, reason: 'scheduled' };

function status(patch: Partial<BackupStatus> = {}): BackupStatus {
  return { folder: '/data/backups', keep: 14, everyMinutes: 30, lastBackup: older, lastError: null, lastShutdownFailure: null, backups: [newer, older], ...patch };
}

function renderScreen(): void {
  render(
    <MemoryRouter>
      <BackupScreen />
    </MemoryRouter>,
  );
}

describe('BackupScreen', () => {
  beforeEach(() => {
    calls.listeners.length = 0;
    calls.status.mockReset().mockResolvedValue({ ok: true, value: status() });
    calls.now.mockReset();
    calls.configure.mockReset();
    calls.restore.mockReset();
  });
  afterEach(cleanup);

  it('shows the settings, the last backup, the last error in words, and every backup with its check', async () => {
    calls.status.mockResolvedValue({ ok: true, value: status({ lastError: 'the new backup failed its check, so it was deleted and the older backups were kept: page 3' }) });
    renderScreen();
    expect(((await screen.findByLabelText('Backup folder')) as HTMLInputElement).value).toBe('/data/backups');
    expect((screen.getByLabelText('Backups to keep') as HTMLInputElement).value).toBe('14');
    expect((screen.getByLabelText('Every (minutes)') as HTMLInputElement).value).toBe('30');
    expect(screen.getByText(/23 Nov 2026.*after a Z report, checked/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The last backup did not work: the new backup failed its check');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].slice(1, 4).map((cell) => cell.textContent))).toEqual([
      ['scheduled', '2.1 MB', 'Not checked'],
      ['after a Z report', '2 MB', 'Checked'],
    ]);
  });

  it('shows a backup that failed when Aftertab last stopped, with what to do, until a good backup clears it', async () => {
    const problem = 'the disk holding the backup folder /media/usb is full, so no backup was made and the older backups were kept; free some space there or choose another backup folder, then back up again';
    calls.status.mockResolvedValue({ ok: true, value: status({ lastShutdownFailure: { at: '2026-11-24T23:05:00.000Z', problem } }) });
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The backup when Aftertab stopped at 24 Nov 2026.* did not work: the disk holding the backup folder \/media\/usb is full/);
    expect(alert.textContent).toContain('press Back up now');

    calls.status.mockResolvedValue({ ok: true, value: status() });
    for (const listener of calls.listeners) listener({ type: 'backup.changed' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('backs up now, says when, and follows the list when backup.changed arrives', async () => {
    const made: BackupInfo = { ...older, name: 'aftertab-20261124T120000000Z-manual.sqlite', at: '2026-11-24T12:00:00.000Z', reason: 'manual' };
    calls.now.mockResolvedValue({ ok: true, value: made });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.getByText(/Backed up at 24 Nov 2026.* and checked\./)).toBeTruthy());
    expect(calls.now).toHaveBeenCalledWith({}, { commandId: 'command-id-0001' });

    calls.status.mockResolvedValue({ ok: true, value: status({ lastBackup: made, backups: [made, newer, older] }) });
    for (const listener of calls.listeners) listener({ type: 'backup.changed' });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4));
  });

  it('puts a refused backup beside the button', async () => {
    calls.now.mockResolvedValue({ ok: false, error: { code: 'conflict', key: 'errors.backup.folderUnusable', params: { folder: '/media/usb', detail: 'EROFS' }, message: 'x' } });
    renderScreen();
    const button = await screen.findByRole('button', { name: 'Back up now' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Aftertab cannot write to /media/usb: EROFS');
    expect(alert.closest('section')).toBe(button.closest('section'));
  });

  it('saves only the changed settings, and puts a refused folder by its field', async () => {
    calls.configure.mockResolvedValueOnce({ ok: true, value: status({ keep: 7 }) });
    renderScreen();
    fireEvent.change(await screen.findByLabelText('Backups to keep'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());
    expect(calls.configure.mock.calls[0]?.[0]).toEqual({ keep: 7 });

    calls.configure.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', key: 'errors.backup.folderRelative', message: 'x', field: 'folder' } });
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
    expect(calls.configure).not.toHaveBeenCalled();
  });

  it('asks before restoring, says the current file is kept aside, and can be cancelled with Esc', async () => {
    calls.restore.mockResolvedValue({ ok: true, value: { restoredFrom: older.name, keptAside: 'aftertab.sqlite.before-restore-20261124T120000000Z' } });
    renderScreen();
    const restore = await screen.findByRole('button', { name: /Restore the backup from 23 Nov 2026/ });
    fireEvent.click(restore);
    expect(screen.getByRole('heading', { name: /Restore the backup from 23 Nov 2026/ })).toBeTruthy();
    expect(screen.getByText(/keeps the current ledger file aside in the data folder/)).toBeTruthy();
    expect(calls.restore).not.toHaveBeenCalled();

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull());

    fireEvent.click(restore);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(screen.getByText(/The previous ledger was kept as aftertab\.sqlite\.before-restore-20261124T120000000Z\./)).toBeTruthy());
    expect(calls.restore).toHaveBeenCalledWith({ name: older.name }, { commandId: 'command-id-0001' });
  });

  it('keeps the confirmation open with the refusal beside it when the backup fails its check', async () => {
    calls.restore.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', key: 'errors.backup.restoreRefused', params: { name: newer.name, problem: 'integrity_check: page 7' }, message: 'x' },
    });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: /Restore the backup from 24 Nov 2026/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('failed its check, so nothing was restored: integrity_check: page 7');
    expect(screen.getByRole('button', { name: 'Restore this backup' })).toBeTruthy();
  });
});
