import Conf from 'conf';
import { devicePreferencesOver } from './device-preferences';
import os from 'node:os';
import path from 'node:path';
import { startAppCore, type AppCore } from './app-core';
import { createAppLog } from './app-log';
import { backupBeforeExit } from './backup/shutdown-backup';
import { defaultDataDir, resolveDataDir } from './data-dir';
import { logErrorsTo } from './logger';
import { newSecret, startWebHost, type WebHost } from './web-host';
import { profileProblemsText } from './first-run-profile';
import { resolvePort, resolveProfile } from './web-host-args';

// Bundled to dist/electron/web-host.cjs; the built renderer sits beside it in dist/renderer.
const rendererDir = path.join(__dirname, '..', 'renderer');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir(process.platform, process.env, os.homedir()));
  const port = resolvePort(argv, process.env);
  // A bad profile stops the start with every problem listed: nothing of it is ever half-applied.
  const profile = resolveProfile(argv, process.env.INIT_CWD ?? process.cwd());
  if (profile && !profile.ok) {
    process.stderr.write(`${profileProblemsText(profile)}\n`);
    process.exit(1);
  }
  const log = createAppLog({ dataDir });
  // Made here, not by the host, so the log masks it before anything could print it.
  const secret = newSecret();
  log.redact(secret);

  let core: AppCore;
  try {
    // This PC's language and printer, in the same device-settings.json the desktop app keeps
    // through electron-store (which is conf with Electron's folder; here the data folder is given).
    const device = devicePreferencesOver(new Conf<Record<string, unknown>>({ configName: 'device-settings', cwd: dataDir, clearInvalidConfig: true }));
    core = startAppCore({ dataDir, logger: log, profile: profile?.profile ?? null, device });
  } catch (error) {
    // A ledger newer than this build, a file that is not an Aftertab ledger (left untouched), or a
    // folder we may not write: say so and stop (the core logged it).
    process.stderr.write(`Aftertab could not open its ledger in ${dataDir}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  let host: WebHost;
  try {
    host = await startWebHost({ commands: core.commands, rendererDir, port, secret, log: logErrorsTo(log, 'web host request failed') });
  } catch (error) {
    log.error('the web host could not start', error, { port });
    core.close();
    throw error;
  }
  // The port and folder only: the link carries the secret, which stays out of the log.
  log.info('web host started', { port: host.port, dataDir, logFile: log.file });
  process.stdout.write(`Aftertab is running at ${host.url}#secret=${host.secret}\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  const problem = core.host.problem();
  if (problem !== null) {
    // Not started on a fresh ledger: the page opens on the recovery screen instead.
    process.stderr.write(
      `The ledger ${core.host.file} failed its start-up check (${problem}).\nAftertab is in recovery mode: open the link to restore a backup.\n`,
    );
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log.info('web host stopping', { signal });
    // A stop whose backup did not complete exits 1, so a service manager or script sees that
    // the work since the last backup is in no copy; the next start shows it on the Backups screen.
    let exitCode = 0;
    const failed = (error: unknown): void => {
      exitCode = 1;
      const problem = error instanceof Error ? error.message : String(error);
      // The backup service has already logged a failed copy with its details; this is the outcome.
      log.warn('the backup before stopping did not complete', { problem });
      process.stderr.write(`The backup before stopping did not complete: ${problem}\n`);
    };
    // Close the streams and the socket first so no command lands on a closed database, then
    // back up what changed since the last backup (within a few seconds at most), then stop.
    void host
      .close()
      .then(() => backupBeforeExit(core.backups, { log: failed }))
      .then((result) => {
        log.info('the backup before stopping', { outcome: result.outcome, name: result.outcome === 'backed-up' ? result.backup.name : null });
        if (result.outcome === 'backed-up') process.stdout.write(`Backed up to ${result.backup.name} before stopping.\n`);
      })
      .catch(failed)
      .finally(() => {
        core.close();
        log.close();
        process.exit(exitCode);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Aftertab could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
