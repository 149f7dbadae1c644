import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startLedgerApp, type LedgerApp } from '../electron/app-core';
import { startWebHost, type WebHost } from '../electron/web-host';

/** The renderer as `npm run build` leaves it; the specs drive the real bundle. */
export const RENDERER_DIR = path.join(__dirname, '..', 'dist', 'renderer');

type Fixtures = {
  /** A fresh ledger in a temp folder, served by an in-process web host. */
  webHost: WebHost & { app: LedgerApp; dataDir: string };
  /** The link the CLI would print, secret included. */
  appUrl: string;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  webHost: async ({}, use) => {
    await fs.access(path.join(RENDERER_DIR, 'index.html')).catch(() => {
      throw new Error(`no built renderer in ${RENDERER_DIR}; run "npm run build" first`);
    });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftertab-e2e-'));
    const app = startLedgerApp({ dataDir });
    const host = await startWebHost({ app, rendererDir: RENDERER_DIR });
    try {
      await use({ ...host, app, dataDir });
    } finally {
      await host.close();
      app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
  appUrl: async ({ webHost }, use) => {
    await use(`${webHost.url}#secret=${webHost.secret}`);
  },
});

export { expect };
