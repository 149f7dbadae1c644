import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startAppCore, type AppCore, type LedgerApp } from '../electron/app-core';
import { createAppLog, type AppLog } from '../electron/app-log';
import { logErrorsTo } from '../electron/logger';
import { newSecret, startWebHost, type WebHost } from '../electron/web-host';

/** The renderer as `npm run build` leaves it; the specs drive the real bundle. */
export const RENDERER_DIR = path.join(__dirname, '..', 'dist', 'renderer');

/**
 * Prepares the data folder before the web host opens it (e.g. a ledger, a backup, then damage).
 * An object, not a bare function: Playwright would take a function given to test.use for a fixture.
 */
export type SeedDataDir = { prepare: (dataDir: string) => Promise<void> | void };

type Options = {
  /** null: a fresh, empty data folder (the default). */
  seedDataDir: SeedDataDir | null;
};

type Fixtures = {
  /**
   * A ledger in a temp folder, served by an in-process web host. `app` is the ledger in use
   * (it throws in recovery mode, where there is none); `core` is everything behind the host.
   */
  webHost: WebHost & { app: LedgerApp; core: AppCore; dataDir: string; log: AppLog };
  /** The link the CLI would print, secret included. */
  appUrl: string;
};

export const test = base.extend<Options & Fixtures>({
  seedDataDir: [null, { option: true }],
  webHost: async ({ seedDataDir }, use) => {
    await fs.access(path.join(RENDERER_DIR, 'index.html')).catch(() => {
      throw new Error(`no built renderer in ${RENDERER_DIR}; run "npm run build" first`);
    });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftertab-e2e-'));
    if (seedDataDir) await seedDataDir.prepare(dataDir);
    // A real log file in every test's data folder, written as the CLI writes it (secret masked).
    const log = createAppLog({ dataDir });
    const secret = newSecret();
    log.redact(secret);
    const core = startAppCore({ dataDir, logger: log });
    const host = await startWebHost({ commands: core.commands, rendererDir: RENDERER_DIR, secret, log: logErrorsTo(log, 'web host request failed') });
    try {
      await use({
        ...host,
        core,
        dataDir,
        log,
        get app(): LedgerApp {
          const ledger = core.ledger();
          if (!ledger) throw new Error(`no ledger: the web host started in recovery mode (${core.host.problem() ?? ''})`);
          return ledger;
        },
      });
    } finally {
      await host.close();
      await core.idle();
      core.close();
      log.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
  appUrl: async ({ webHost }, use) => {
    await use(`${webHost.url}#secret=${webHost.secret}`);
  },
});

export { expect };
