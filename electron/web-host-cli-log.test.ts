import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './backup/test-ledger';

const dirs: string[] = [];
const children: { kill: () => boolean }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the web host CLI’s log file', () => {
  it('says where it runs, the backup before stopping and the stop, with the secret and the customer left out', async () => {
    const dataDir = tempDir('aftertab-cli-log-');
    dirs.push(dataDir);
    const root = path.join(__dirname, '..');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'web-host-cli.ts'), `--data-dir=${dataDir}`, '--port=0'], {
      cwd: root,
      env: { ...process.env, AFTERTAB_DATA_DIR: '', AFTERTAB_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    const link = await new Promise<{ url: string; port: string; secret: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /running at (http:\/\/[^:]+:(\d+)\/)#secret=(\S+)/.exec(stdout);
        if (match?.[1] && match[2] && match[3]) resolve({ url: match[1], port: match[2], secret: match[3] });
      });
      void exited.then(() => reject(new Error('the web host stopped before it started')));
    });
    // A client signs in like the PIN pad does (first run: the owner sets a PIN), then sends its token.
    const headers = { 'X-Aftertab-Secret': link.secret, 'Content-Type': 'application/json' };
    const setup = await fetch(`${link.url}api/command/session.setup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input: { pin: '97531', pinAgain: '97531' } }),
    });
    const signedIn = (await setup.json()) as { ok: boolean; value: { token: string } };
    expect(signedIn).toMatchObject({ ok: true, value: { token: expect.any(String) } });
    const response = await fetch(`${link.url}api/command/tab.open`, {
      method: 'POST',
      headers: { ...headers, 'X-Aftertab-Session': signedIn.value.token },
      body: JSON.stringify({ input: { name: 'Ana Lindqvist' }, commandId: 'cli-log-00000001' }),
    });
    expect(await response.json()).toMatchObject({ ok: true });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const text = fs.readFileSync(path.join(dataDir, 'logs', 'aftertab.log'), 'utf8');
    const lines = [
      /\] +start dataDir=/,
      /\] +start-up check passed /,
      new RegExp(`\\] +web host started port=${link.port} dataDir=\\S+ logFile=\\S+aftertab\\.log\\n`),
      /\] +web host stopping signal=SIGTERM\n/,
      /\] +backup made name=\S+ reason=scheduled /,
      /\] +the backup before stopping outcome=backed-up name=aftertab-\S+\.sqlite\n/,
      /\] +stop dataDir=\S+\n$/,
    ];
    const at = lines.map((line) => text.search(line));
    expect(Math.min(...at)).toBeGreaterThanOrEqual(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).not.toContain(link.secret);
    expect(text).not.toContain('secret=');
    expect(text).not.toContain('Lindqvist');
    expect(text).not.toContain('97531');
    expect(text).not.toContain(signedIn.value.token);
  }, 30_000);
});
