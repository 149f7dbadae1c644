import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../shared/errors';
import type { AppEvent } from '../shared/types';
import type { Caller } from './auth/auth-commands';
import type { CommandRouter } from './ipc/host-commands';
import { CONTENT_SECURITY_POLICY } from './security';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from './web-host';

type FakeDispatcher = CommandRouter & {
  calls: { name: string; envelope: unknown }[];
  callers: Caller[];
  listeners: Set<(event: AppEvent) => void>;
  publish(event: AppEvent): void;
};

function fakeDispatcher(reply: Result<unknown> = { ok: true, value: [] }): FakeDispatcher {
  const calls: FakeDispatcher['calls'] = [];
  const callers: Caller[] = [];
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    calls,
    callers,
    listeners,
    async dispatch(name, envelope, caller) {
      calls.push({ name, envelope });
      callers.push(caller);
      return reply;
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

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let root: string;
let dispatcher: FakeDispatcher;
let host: WebHost;

function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Content-Type': 'application/json', 'X-Aftertab-Secret': host.secret, ...extra };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-web-host-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.js.map'), '{"sources":["SECRET-SOURCE"]}');
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'TOP-SECRET-OUTSIDE');
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link.txt'));
  dispatcher = fakeDispatcher({ ok: true, value: [{ id: 1, token: 3 }] });
  host = await startWebHost({ commands: dispatcher, rendererDir: root, keepaliveMs: 50 });
});

afterEach(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('startWebHost', () => {
  it('reports the port it really listens on in its url', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('binds the listening socket to 127.0.0.1', async () => {
    const listen = vi.spyOn(http.Server.prototype, 'listen');
    const probe = await startWebHost({ commands: dispatcher, rendererDir: root });
    try {
      const server = listen.mock.contexts[0] as http.Server;
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      listen.mockRestore();
      await probe.close();
    }
  });

  it('refuses to bind to a non-loopback address', async () => {
    await expect(startWebHost({ commands: dispatcher, rendererDir: root, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('makes a fresh 43-character secret per launch', async () => {
    const other = await startWebHost({ commands: dispatcher, rendererDir: root });
    try {
      expect(host.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.secret).not.toBe(host.secret);
    } finally {
      await other.close();
    }
  });
});

describe('the command route', () => {
  it('refuses a request without the secret and never calls the dispatcher', async () => {
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.listOpen', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('refuses a wrong secret of the same length', async () => {
    const wrong = host.secret.slice(0, -1) + (host.secret.endsWith('A') ? 'B' : 'A');
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: jsonHeaders({ 'X-Aftertab-Secret': wrong }),
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('refuses the secret sent as a cookie', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: { 'Content-Type': 'application/json', Cookie: `x-aftertab-secret=${host.secret}` },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: jsonHeaders({ Host: `evil.example:${host.port}` }),
      body: '{}',
    });
    expect(reply.status).toBe(421);
    expect(dispatcher.calls).toHaveLength(0);
    const wrongPort = await send(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port + 1}` } });
    expect(wrongPort.status).toBe(421);
  });

  it('accepts localhost:<port> as a Host', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: jsonHeaders({ Host: `localhost:${host.port}` }),
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a foreign Origin even with the secret', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: jsonHeaders({ Origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('accepts our own Origin', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: jsonHeaders({ Origin: `http://127.0.0.1:${host.port}` }),
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('passes {input, commandId} to the router and returns its result', async () => {
    const envelope = { input: { name: 'Ana' }, commandId: 'cmd-12345678' };
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.open', headers: jsonHeaders(), body: JSON.stringify(envelope) });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [{ id: 1, token: 3 }] });
    expect(dispatcher.calls).toEqual([{ name: 'tab.open', envelope }]);
    expect(dispatcher.callers).toEqual([{ kind: 'web', token: null }]);
  });

  it('passes the session token from its header as the caller, and a malformed one as no session', async () => {
    const token = 'a'.repeat(40) + '-_Z';
    const body = JSON.stringify({ input: {} });
    const route = '/api/command/tab.listOpen';
    await send(host.port, { method: 'POST', path: route, headers: jsonHeaders({ 'X-Aftertab-Session': token }), body });
    for (const bad of ['a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)} `, '']) {
      await send(host.port, { method: 'POST', path: route, headers: jsonHeaders({ 'X-Aftertab-Session': bad }), body });
    }
    expect(dispatcher.callers).toEqual([{ kind: 'web', token }, ...Array.from({ length: 5 }, () => ({ kind: 'web', token: null }))]);
  });

  it('still needs the per-launch secret beside a session token', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.listOpen',
      headers: { 'Content-Type': 'application/json', 'X-Aftertab-Session': 'a'.repeat(43) },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('waits for a command that answers later, such as a backup', async () => {
    await host.close();
    let finish: (value: Result<unknown>) => void = () => {};
    const slow: CommandRouter = {
      dispatch: () => new Promise<Result<unknown>>((resolve) => (finish = resolve)),
      forget: () => undefined,
      subscribe: () => () => {},
    };
    host = await startWebHost({ commands: slow, rendererDir: root });
    const pending = send(host.port, { method: 'POST', path: '/api/command/backup.now', headers: jsonHeaders(), body: '{"input":{}}' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    finish({ ok: true, value: { name: 'aftertab-20261124T090000000Z-manual.sqlite' } });
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { name: 'aftertab-20261124T090000000Z-manual.sqlite' } });
  });

  it('returns a domain error as 200 with ok:false', async () => {
    await host.close();
    const failing = fakeDispatcher({ ok: false, error: { code: 'no_free_token', message: 'every token is in use' } });
    host = await startWebHost({ commands: failing, rendererDir: root });
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.open', headers: jsonHeaders(), body: '{"commandId":"abcdefgh"}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'no_free_token', message: 'every token is in use' } });
  });

  it('answers malformed JSON with 400 and a Result-shaped invalid_input', async () => {
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.open', headers: jsonHeaders(), body: '{"input":' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('requires application/json', async () => {
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.open', headers: jsonHeaders({ 'Content-Type': 'text/plain' }), body: '{}' });
    expect(reply.status).toBe(415);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ input: { note: 'x'.repeat(MAX_BODY_BYTES) } });
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.open', headers: jsonHeaders(), body: big });
    expect(reply.status).toBe(413);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('refuses a streamed body over the limit with 413 even without a Content-Length', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/command/tab.open',
      headers: jsonHeaders({ 'Transfer-Encoding': 'chunked' }),
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(reply.status).toBe(413);
    expect(dispatcher.calls).toHaveLength(0);
  });

  it('answers GET on a command with 405', async () => {
    const reply = await send(host.port, { path: '/api/command/tab.listOpen', headers: { 'X-Aftertab-Secret': host.secret } });
    expect(reply.status).toBe(405);
    expect(dispatcher.calls).toHaveLength(0);
  });
});

describe('static files', () => {
  it('serves index.html for / with the CSP, nosniff, no-referrer and no-store', async () => {
    const reply = await send(host.port, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<div id="root">');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type', async () => {
    const reply = await send(host.port, { path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.body).toBe('console.log(1)');
  });

  it('puts the security headers on API errors too', async () => {
    const reply = await send(host.port, { method: 'POST', path: '/api/command/tab.listOpen', body: '{}' });
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/..%2foutside.txt',
    '/assets/../../outside.txt',
    '/..\\outside.txt',
    '/link.txt',
    '/../../../../etc/passwd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/index.html%00.js',
  ])('never serves a file outside the renderer folder: %s', async (target) => {
    const reply = await send(host.port, { path: target });
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('TOP-SECRET-OUTSIDE');
    expect(reply.body).not.toContain('root:');
  });

  it.each(['/assets/app.js.map', '/assets/app.js%2emap', '/assets/../assets/app.js.map'])(
    'never serves a source map, even one in the build: %s',
    async (target) => {
      expect(fs.existsSync(path.join(root, 'assets', 'app.js.map'))).toBe(true);
      const reply = await send(host.port, { path: target });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('SECRET-SOURCE');
    },
  );

  it('answers POST to a static path with 405', async () => {
    const reply = await send(host.port, { method: 'POST', path: '/index.html', body: 'x' });
    expect(reply.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const reply = await send(host.port, { method: 'HEAD', path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });
});

describe('the event stream', () => {
  function openStream(
    headers: Record<string, string>,
  ): Promise<{ res: http.IncomingMessage; req: http.ClientRequest; next: (pattern: RegExp) => Promise<string> }> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers }, (res) => {
        let buffer = '';
        const waiters: { pattern: RegExp; done: (text: string) => void }[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (const waiter of [...waiters]) {
            const match = waiter.pattern.exec(buffer);
            if (match) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.done(match[0]);
            }
          }
        });
        resolve({
          res,
          req,
          next: (pattern) =>
            new Promise((done) => {
              const match = pattern.exec(buffer);
              if (match) done(match[0]);
              else waiters.push({ pattern, done });
            }),
        });
      });
      req.on('error', reject);
    });
  }

  it('refuses the stream without the secret', async () => {
    const reply = await send(host.port, { path: '/api/events' });
    expect(reply.status).toBe(401);
    expect(dispatcher.listeners.size).toBe(0);
  });

  it('delivers published events as SSE data lines and keeps the connection alive', async () => {
    const stream = await openStream({ 'X-Aftertab-Secret': host.secret });
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.next(/: connected\n\n/);
    expect(dispatcher.listeners.size).toBe(1);
    // A tab change carries the changed tabs' cards; one event is one data line, whole.
    const card = {
      id: 4,
      token: 9,
      name: 'Ana · "window"',
      label: '',
      note: 'two\nlines',
      status: 'open' as const,
      itemCount: 2,
      totalMinor: 900,
      paidMinor: 0,
      dueMinor: 900,
      openedAt: '2026-11-24T09:00:00.000Z',
      lastActivityAt: '2026-11-24T09:05:00.000Z',
      customerId: null,
      customerName: null,
    };
    const event = {
      type: 'tabs.changed' as const,
      tabIds: [4, 5],
      board: [
        { tabId: 4, card },
        { tabId: 5, card: null },
      ],
    };
    dispatcher.publish(event);
    const line = await stream.next(/data: .*\n\n/);
    expect(JSON.parse(line.slice('data: '.length))).toEqual(event);
    await stream.next(/: keepalive\n\n/);
    stream.req.destroy();
  });

  it('unsubscribes when the client disconnects', async () => {
    const stream = await openStream({ 'X-Aftertab-Secret': host.secret });
    await stream.next(/: connected\n\n/);
    expect(dispatcher.listeners.size).toBe(1);
    stream.req.destroy();
    await vi.waitFor(() => expect(dispatcher.listeners.size).toBe(0), { timeout: 2000 });
  });

  it('ends open streams on close so shutdown does not hang', async () => {
    const stream = await openStream({ 'X-Aftertab-Secret': host.secret });
    await stream.next(/: connected\n\n/);
    const ended = new Promise<void>((resolve) => stream.res.on('close', () => resolve()));
    await host.close();
    await ended;
    expect(dispatcher.listeners.size).toBe(0);
    host = await startWebHost({ commands: dispatcher, rendererDir: root });
  });
});
