import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './backup/test-ledger';
import type { CommandRouter } from './ipc/host-commands';
import { startWebHost, type WebHost } from './web-host';

let host: WebHost | null = null;
let dir = '';
afterEach(async () => {
  await host?.close();
  host = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a request that fails inside the web host', () => {
  it('goes to the injected log with its error, and the client gets a plain internal 500', async () => {
    dir = tempDir('aftertab-web-host-log-');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    const broken: CommandRouter = {
      dispatch: () => Promise.reject(new Error('router exploded')),
      forget: () => undefined,
      subscribe: () => () => {},
    };
    const log = vi.fn();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    host = await startWebHost({ commands: broken, rendererDir: dir, log });
    const reply = await fetch(`${host.url}api/command/tab.listOpen`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Aftertab-Secret': host.secret },
      body: '{"input":{}}',
    });
    expect(reply.status).toBe(500);
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'router exploded' }));
    // With a log given, nothing goes to the console instead.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
