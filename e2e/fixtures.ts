import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { startAppCore, type AppCore } from '../electron/app-core';
import { type LedgerApp } from '../electron/ledger-host/ledger-app';
import { createAppLog, type AppLog } from '../electron/app-log';
import { TEST_PIN_COST } from '../electron/auth/pin-hash';
import { profileProblemsText } from '../electron/first-run-profile';
import { logErrorsTo } from '../electron/logger';
import { resolveProfile } from '../electron/web-host-args';
import { newSecret, startWebHost, type WebHost } from '../electron/web-host';
import { OWNER_NAME, OWNER_PIN, sessionState, setUpOwnerOverHttp, signInOverHttp, type Host } from './pages/commands';

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
  /**
   * true (the default): the owner's PIN is set to OWNER_PIN over HTTP, as the first-run screen
   * would, and the back door acts as the owner. false: the ledger is left at its first run (the
   * setup screen), and the back door has no session.
   */
  ownerPinSet: boolean;
  /** A store profile file for the first run, read as the CLI's --profile reads it (from the checkout's root). */
  profileFile: string | null;
};

type Fixtures = {
  /**
   * A ledger in a temp folder, served by an in-process web host. `app` is the ledger in use
   * (it throws in recovery mode, where there is none); `core` is everything behind the host.
   * `token` is the owner's session over HTTP (null with ownerPinSet false, or in recovery mode,
   * where nobody can sign in): the back door sends it with every command.
   */
  webHost: WebHost & { app: LedgerApp; core: AppCore; dataDir: string; log: AppLog; token: string | null };
  /** The link the CLI would print, secret included. */
  appUrl: string;
};

export const test = base.extend<Options & Fixtures>({
  seedDataDir: [null, { option: true }],
  ownerPinSet: [true, { option: true }],
  profileFile: [null, { option: true }],
  webHost: async ({ seedDataDir, ownerPinSet, profileFile, request }, use) => {
    await fs.access(path.join(RENDERER_DIR, 'index.html')).catch(() => {
      throw new Error(`no built renderer in ${RENDERER_DIR}; run "npm run build" first`);
    });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftertab-e2e-'));
    if (seedDataDir) await seedDataDir.prepare(dataDir);
    // A real log file in every test's data folder, written as the CLI writes it (secret masked).
    const log = createAppLog({ dataDir });
    const secret = newSecret();
    log.redact(secret);
    // The test cost keeps a PIN try to a millisecond; the scheme is the one the app uses.
    const profile = profileFile === null ? null : resolveProfile(['--profile', profileFile], path.join(__dirname, '..'));
    if (profile && !profile.ok) throw new Error(profileProblemsText(profile));
    const core = startAppCore({ dataDir, logger: log, pinCost: TEST_PIN_COST, profile: profile?.profile ?? null });
    const host = await startWebHost({ commands: core.commands, rendererDir: RENDERER_DIR, secret, log: logErrorsTo(log, 'web host request failed') });
    try {
      const token = ownerPinSet && core.ledger() !== null ? await ownerToken(request, { ...host, token: null }) : null;
      await use({
        ...host,
        token,
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

/**
 * The owner's session, got over the HTTP transport exactly as a client gets it: on a first run by
 * setting the PIN (session.setup), on a seeded ledger whose owner has one by signing in.
 */
async function ownerToken(request: APIRequestContext, host: Host): Promise<string> {
  const state = await sessionState(request, host);
  return state.needsSetup ? setUpOwnerOverHttp(request, host, OWNER_PIN) : signInOverHttp(request, host, OWNER_NAME, OWNER_PIN);
}

export { expect };
