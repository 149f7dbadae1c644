import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../shared/types';
import type { CommandRouter } from './ipc/host-commands';
import { DEFAULT_LIMITS, resolveLimits, startWebHost, type WebHost, type WebHostLimits } from './web-host';

const TOKEN_A = 'a'.repeat(43);
const TOKEN_B = 'b'.repeat(43);

type Dispatcher = CommandRouter & { calls: string[]; listeners: Set<(event: AppEvent) => void>; publish(event: AppEvent): void };

function dispatcher(): Dispatcher {
  const calls: string[] = [];
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    calls,
    listeners,
    async dispatch(name) {
      calls.push(name);
      return { ok: true, value: [] };
    },
    forget: () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(event) {
      for (const listener of listeners) listener(event);
    },
  };
}

let dir: string;
let commands: Dispatcher;
let logged: unknown[];
let host: WebHost | null;

async function start(limits: Partial<WebHostLimits>): Promise<WebHost> {
  host = await startWebHost({ commands, rendererDir: dir, limits, log: (error) => logged.push(error) });
  return host;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-web-host-limits-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  commands = dispatcher();
  logged = [];
  host = null;
});

afterEach(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw TCP client: what it received, and when the server closed it. */
function rawClient(port: number): Promise<{ socket: net.Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    // A reset is how a refused connection may end; the test looks at when, not how.
    socket.on('error', () => undefined);
    const opened = Date.now();
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - opened)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Sends one whole GET / on a kept-alive raw connection and waits for its whole answer. */
async function getIndex(client: { socket: net.Socket; received: () => string }, port: number): Promise<string> {
  const before = client.received().length;
  client.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
  await vi.waitFor(() => expect(client.received().slice(before)).toMatch(/<div id="root"><\/div>$/), { timeout: 2000 });
  return client.received().slice(before);
}

type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {}, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

type Stream = { status: number; body: () => string; close: () => void };

/** Opens /api/events; a refused stream comes back with its whole answer in body. */
function openStream(web: WebHost, token: string | null): Promise<Stream> {
  const headers: Record<string, string> = { 'X-Aftertab-Secret': web.secret };
  if (token !== null) headers['X-Aftertab-Session'] = token;
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      const stream = { status: res.statusCode ?? 0, body: () => body, close: () => req.destroy() };
      if (res.statusCode === 200) {
        res.once('data', () => resolve(stream));
      } else {
        res.on('end', () => resolve(stream));
      }
    });
    req.on('error', reject);
  });
}

describe('the web host limits', () => {
  it('defaults to a 10 s header and 30 s request timeout, 64 connections and 4 streams a session, 16 in all', () => {
    expect(DEFAULT_LIMITS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 64,
      maxStreamsPerSession: 4,
      maxStreams: 16,
    });
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxStreams: 8 })).toEqual({ ...DEFAULT_LIMITS, maxStreams: 8 });
  });

  it.each<[Partial<WebHostLimits>, RegExp]>([
    [{ headersTimeoutMs: 0 }, /headersTimeoutMs must be a whole number above 0/],
    [{ maxConnections: 2.5 }, /maxConnections must be a whole number above 0/],
    [{ headersTimeoutMs: 40_000 }, /header timeout must not be longer than its request timeout/],
    [{ maxStreamsPerSession: 17 }, /more event streams per session than in all/],
    [{ maxConnections: 16 }, /more connections than event streams/],
  ])('refuses limits that cannot work: %o', async (limits, message) => {
    expect(() => resolveLimits(limits)).toThrow(message);
    await expect(startWebHost({ commands, rendererDir: dir, limits })).rejects.toThrow(message);
  });
});

describe('timeouts', () => {
  it('cuts off a client that sends its headers slowly, with 408, at the header timeout', async () => {
    const web = await start({ headersTimeoutMs: 150, requestTimeoutMs: 400 });
    const client = await rawClient(web.port);
    client.socket.write('GET / HTTP/1.1\r\n');
    // One header line every 20 ms keeps the socket busy but never finishes the headers.
    const trickle = setInterval(() => client.socket.write('X-Slow: 1\r\n'), 20);
    const after = await client.closed;
    clearInterval(trickle);
    expect(after).toBeGreaterThanOrEqual(140);
    expect(after).toBeLessThan(2000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(logged).toEqual([]);
  });

  it('cuts off a connection that never sends anything', async () => {
    const web = await start({ headersTimeoutMs: 150, requestTimeoutMs: 400 });
    const client = await rawClient(web.port);
    expect(await client.closed).toBeLessThan(2000);
  });

  it('cuts off a command whose body never completes, without dispatching or logging it', async () => {
    const web = await start({ headersTimeoutMs: 100, requestTimeoutMs: 250 });
    const client = await rawClient(web.port);
    client.socket.write(
      `POST /api/command/tab.open HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nX-Aftertab-Secret: ${web.secret}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"input":',
    );
    const after = await client.closed;
    expect(after).toBeGreaterThanOrEqual(240);
    expect(after).toBeLessThan(2000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(commands.calls).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('keeps an event stream open past the request timeout, delivering events', async () => {
    const web = await start({ headersTimeoutMs: 50, requestTimeoutMs: 100 });
    const stream = await openStream(web, TOKEN_A);
    expect(stream.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    commands.publish({ type: 'tabs.changed', tabIds: [7] });
    await vi.waitFor(() => expect(stream.body()).toContain('data: {"type":"tabs.changed","tabIds":[7]}'), { timeout: 2000 });
    stream.close();
  });

  it('closes a kept-alive connection that stays idle past the keep-alive timeout', async () => {
    const web = await start({ keepAliveTimeoutMs: 150 });
    const client = await rawClient(web.port);
    expect(await getIndex(client, web.port)).toMatch(/^HTTP\/1\.1 200 /);
    const answered = Date.now();
    await client.closed;
    expect(Date.now() - answered).toBeGreaterThanOrEqual(140);
    expect(Date.now() - answered).toBeLessThan(2000);
  });

  it('answers a whole command well inside the timeouts', async () => {
    const web = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    const reply = await send(web.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: { 'Content-Type': 'application/json', 'X-Aftertab-Secret': web.secret },
      body: '{"input":{}}',
    });
    expect(reply.status).toBe(200);
    expect(commands.calls).toEqual(['tab.listOpen']);
  });
});

describe('the connection cap', () => {
  it('closes a connection over the cap unanswered, keeps the others working, and admits one when another ends', async () => {
    const web = await start({ maxConnections: 3, maxStreams: 2, maxStreamsPerSession: 1 });
    const held = [await rawClient(web.port), await rawClient(web.port), await rawClient(web.port)];
    // A whole answer on each proves the host accepted all three before the fourth comes.
    for (const client of held) expect(await getIndex(client, web.port)).toMatch(/^HTTP\/1\.1 200 /);

    const extra = await rawClient(web.port);
    extra.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`);
    expect(await extra.closed).toBeLessThan(2000);
    expect(extra.received()).toBe('');

    expect(await getIndex(held[0]!, web.port)).toMatch(/^HTTP\/1\.1 200 /);
    held[2]!.socket.destroy();
    await vi.waitFor(
      async () => {
        const reply = await send(web.port, { path: '/' }).catch(() => ({ status: 0 }));
        expect(reply.status).toBe(200);
      },
      { timeout: 2000, interval: 20 },
    );
    for (const client of held) client.socket.destroy();
  });
});

describe('the event stream cap', () => {
  it('refuses a session a stream over its share with 429 in words, while its open streams keep working', async () => {
    const web = await start({ maxStreamsPerSession: 2, maxStreams: 3, maxConnections: 10 });
    const first = await openStream(web, TOKEN_A);
    const second = await openStream(web, TOKEN_A);
    expect([first.status, second.status]).toEqual([200, 200]);

    const refused = await openStream(web, TOKEN_A);
    expect(refused.status).toBe(429);
    const body = JSON.parse(refused.body()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toEqual({
      ok: false,
      error: { code: 'too_many_streams', message: expect.stringMatching(/this sign-in already has 2 live update streams open/) },
    });
    expect(commands.listeners.size).toBe(2);

    // Another sign-in still gets its own.
    const other = await openStream(web, TOKEN_B);
    expect(other.status).toBe(200);

    commands.publish({ type: 'catalog.changed' });
    for (const stream of [first, second, other]) {
      await vi.waitFor(() => expect(stream.body()).toContain('data: {"type":"catalog.changed"}'), { timeout: 2000 });
    }

    // Commands go through while the streams are at their cap.
    const reply = await send(web.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: { 'Content-Type': 'application/json', 'X-Aftertab-Secret': web.secret, 'X-Aftertab-Session': TOKEN_A },
      body: '{"input":{}}',
    });
    expect(reply.status).toBe(200);

    // A stream that ends frees its place: the reconnect the renderer makes gets in.
    first.close();
    await vi.waitFor(async () => expect((await openStream(web, TOKEN_A)).status).toBe(200), { timeout: 2000, interval: 20 });
    for (const stream of [second, other]) stream.close();
  });

  it('refuses a stream over the overall cap with 429 in words, with or without a session', async () => {
    const web = await start({ maxStreamsPerSession: 2, maxStreams: 2, maxConnections: 10 });
    const open = [await openStream(web, null), await openStream(web, TOKEN_A)];
    expect(open.map((stream) => stream.status)).toEqual([200, 200]);
    for (const token of [null, TOKEN_B]) {
      const refused = await openStream(web, token);
      expect(refused.status).toBe(429);
      expect(refused.body()).toContain('Aftertab already has 2 live update streams open, the most it keeps at once');
    }
    expect(commands.listeners.size).toBe(2);
    for (const stream of open) stream.close();
    await vi.waitFor(() => expect(commands.listeners.size).toBe(0), { timeout: 2000 });
  });

  it('counts streams without a session token only toward the overall cap', async () => {
    const web = await start({ maxStreamsPerSession: 1, maxStreams: 3, maxConnections: 10 });
    const open = [await openStream(web, null), await openStream(web, null), await openStream(web, null)];
    expect(open.map((stream) => stream.status)).toEqual([200, 200, 200]);
    for (const stream of open) stream.close();
  });
});
