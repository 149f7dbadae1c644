import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The built web host the torture run drives, exactly as `npm run start:web` starts it. */
export const WEB_HOST_FILE = path.join(__dirname, '..', '..', 'dist', 'electron', 'web-host.cjs');
/** The owner's PIN the torture run sets on every fresh ledger. */
export const TORTURE_PIN = '8642';

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** What a start ended in: a host that answers, or a process that stopped on its own (a refusal). */
export type Started =
  { kind: 'running'; host: RunningHost; restartMs: number } | { kind: 'exited'; code: number | null; signal: string | null; stderr: string };

export type RunningHost = {
  url: string;
  secret: string;
  child: ChildProcess;
  /** Everything the host wrote to stderr so far (a start-up problem, a failed backup at stop). */
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
};

/** A command that reached no answer: the host died, or the connection broke mid-request. */
export class NoAnswer extends Error {}

/**
 * Starts the web host on `dataDir` (any free port) and waits until it has printed its link and
 * answered session.state, or has exited. The time is from spawn to that first answer.
 */
export async function startHost(dataDir: string, timeoutMs = 60_000): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, [WEB_HOST_FILE, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const link = await new Promise<{ url: string; secret: string } | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the web host on ${dataDir} printed no link within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /running at (\S+)#secret=(\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, secret: match[2] as string });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (!link) {
    const { code, signal } = await exited;
    return { kind: 'exited', code, signal, stderr };
  }
  const host: RunningHost = { ...link, child, stderr: () => stderr, exited };
  // Any answer counts: in recovery mode the PIN pad may refuse, and that is still an answer.
  await send(host, null, 'session.state', {});
  return { kind: 'running', host, restartMs: performance.now() - began };
}

/** kill -9: no shutdown, no backup, no checkpoint. Waits until the process is gone. */
export async function killHard(host: RunningHost): Promise<void> {
  host.child.kill('SIGKILL');
  await host.exited;
}

/** A clean stop (SIGTERM: streams closed, backup, WAL checkpointed); returns the exit code. */
export async function stopHost(host: RunningHost): Promise<number | null> {
  host.child.kill('SIGTERM');
  const timer = setTimeout(() => host.child.kill('SIGKILL'), 30_000);
  const { code } = await host.exited;
  clearTimeout(timer);
  return code;
}

/** One command over HTTP as a client sends it; throws NoAnswer when no answer came back. */
export async function send(host: Pick<RunningHost, 'url' | 'secret'>, token: string | null, name: string, input: unknown, commandId?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'X-Aftertab-Secret': host.secret, 'Content-Type': 'application/json' };
  if (token) headers['X-Aftertab-Session'] = token;
  const envelope = commandId === undefined ? { input } : { input, commandId };
  const response = await rawPost(host, token, name, JSON.stringify(envelope), 'application/json', headers);
  if (response.status >= 500) throw new Error(`${name} answered HTTP ${response.status}: ${response.text.slice(0, 200)}`);
  return JSON.parse(response.text) as Answer;
}

/** A request body as given (the fuzz sends what no client would); the status and the text back. */
export async function rawPost(
  host: Pick<RunningHost, 'url' | 'secret'>,
  token: string | null,
  name: string,
  body: string,
  contentType: string,
  headers?: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const sent = headers ?? { 'X-Aftertab-Secret': host.secret, 'Content-Type': contentType, ...(token ? { 'X-Aftertab-Session': token } : {}) };
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${host.url}api/command/${name}`, { method: 'POST', headers: sent, body });
    text = await response.text();
  } catch (error) {
    throw new NoAnswer(`${name}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  return { status: response.status, text };
}

/** Like send, but a refusal throws with the host's words. */
export async function must<T>(host: Pick<RunningHost, 'url' | 'secret'>, token: string | null, name: string, input: unknown, commandId?: string): Promise<T> {
  const answer = await send(host, token, name, input, commandId);
  if (!answer.ok) throw new Error(`${name} was refused (${answer.error.code}): ${answer.error.message}`);
  return answer.value as T;
}

/** The owner's session: the first PIN on a fresh ledger, a sign-in on one that has it. */
export async function ownerToken(host: RunningHost): Promise<string> {
  const state = await must<{ needsSetup: boolean; staff: { id: number; name: string; role?: string }[] }>(host, null, 'session.state', {});
  const result = state.needsSetup
    ? await must<{ token?: string }>(host, null, 'session.setup', { pin: TORTURE_PIN, pinAgain: TORTURE_PIN })
    : await must<{ token?: string }>(host, null, 'session.signIn', { staffId: (state.staff[0] as { id: number }).id, pin: TORTURE_PIN });
  if (!result.token) throw new Error('the web host gave no session token');
  return result.token;
}
