import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppError, Result } from '../shared/errors';
import type { AppEvent } from '../shared/types';
import type { CommandRouter } from './ipc/host-commands';
import { CONTENT_SECURITY_POLICY } from './security';
import { contentTypeFor, resolveStatic } from './static-files';

export const SECRET_HEADER = 'x-aftertab-secret';
/** The session token a client got at sign-in; sent beside the per-launch secret, held in memory only. */
export const SESSION_HEADER = 'x-aftertab-session';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const MAX_BODY_BYTES = 256 * 1024;
export const KEEPALIVE_MS = 15_000;

/**
 * What the host lets one machine's clients hold at once, and how long it waits for a request to
 * arrive. A till on loopback sends a whole request in well under a millisecond, so the timeouts
 * only ever catch a client that trickles its headers or never finishes its body (a slowloris).
 */
export type WebHostLimits = {
  /** Every header of a request must have arrived by then, or the connection gets 408 and is closed. */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived by then. Answers and event streams are not timed. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection waits for its next request before it is closed. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; one more is closed unanswered until another ends. */
  maxConnections: number;
  /** Open /api/events streams per session token (a browser tab keeps one, plus a reconnect or two). */
  maxStreamsPerSession: number;
  /** Open /api/events streams in all, with or without a session; kept below maxConnections so commands still get through. */
  maxStreams: number;
};

export const DEFAULT_LIMITS: Readonly<WebHostLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
  maxStreamsPerSession: 4,
  maxStreams: 16,
});

/** The limits with the caller's changes, or a plain message saying which one cannot work. */
export function resolveLimits(changes: Partial<WebHostLimits> = {}): WebHostLimits {
  const limits = { ...DEFAULT_LIMITS, ...changes };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`the web host limit ${name} must be a whole number above 0, not ${String(value)}`);
  }
  // node:http refuses a header timeout longer than the request timeout; say so in our words first.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new Error('the web host header timeout must not be longer than its request timeout');
  if (limits.maxStreamsPerSession > limits.maxStreams) throw new Error('the web host cannot allow more event streams per session than in all');
  if (limits.maxStreams >= limits.maxConnections)
    throw new Error('the web host must allow more connections than event streams, or commands could not get through');
  return limits;
}

export type WebHostOptions = {
  /** Every command and event, through whichever ledger is current (see app-core.ts). */
  commands: CommandRouter;
  rendererDir: string;
  /** 0 picks any free port. */
  port?: number;
  secret?: string;
  host?: string;
  keepaliveMs?: number;
  /** Changes to DEFAULT_LIMITS (the tests make them small; the app runs with the defaults). */
  limits?: Partial<WebHostLimits>;
  /** Where a request that failed inside the host goes, with its stack (the app's log file). */
  log?: (error: unknown) => void;
};

export type WebHost = { url: string; port: number; secret: string; close: () => Promise<void> };

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string | string[] | undefined, secret: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given, 'utf8');
  // timingSafeEqual throws on unequal lengths; the length of a random secret is no secret.
  return buffer.length === secret.length && timingSafeEqual(buffer, secret);
}

function errorResult(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

class BodyTooLarge extends Error {}
/** The client went away (or was cut off by a timeout) before its body arrived; nobody is left to answer. */
class ClientGone extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        // Stop buffering but let the response go out before the socket closes.
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientGone()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}

/**
 * Serves the built renderer and the HTTP transport on the loopback interface only. Every /api
 * request must carry the per-launch secret in a header: a header (unlike a cookie) is never
 * attached by the browser on its own, so another site cannot ride on it.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { commands } = options;
  const host = options.host ?? '127.0.0.1';
  // The secret is the only lock; it must never be reachable from another machine.
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    return Promise.reject(new Error(`the web host binds to a loopback address only, not ${host}`));
  }
  const secret = options.secret ?? newSecret();
  const secretBytes = Buffer.from(secret, 'utf8');
  const root = path.resolve(options.rendererDir);
  const keepaliveMs = options.keepaliveMs ?? KEEPALIVE_MS;
  let limits: WebHostLimits;
  try {
    limits = resolveLimits(options.limits);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const streams = new Set<http.ServerResponse>();
  /** Open streams per session token; a stream sent without one counts toward the overall cap only. */
  const streamsPerSession = new Map<string, number>();
  let port = 0;

  function sessionToken(req: http.IncomingMessage): string | null {
    const token = req.headers[SESSION_HEADER];
    return typeof token === 'string' && TOKEN_PATTERN.test(token) ? token : null;
  }

  function allowedHosts(): string[] {
    return [`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`];
  }

  async function handleCommand(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendJson(res, 415, errorResult('invalid_input', 'commands must be sent as application/json'));
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(res, 413, errorResult('invalid_input', 'the request is too large'), { Connection: 'close' });
      }
      // Not a failure of ours: a slow or vanished client (node:http already answered 408 and closed).
      if (error instanceof ClientGone) return;
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, errorResult('invalid_input', 'the request body is not valid JSON'));
    }
    // The router checks the envelope's shape, the input and the session; domain errors stay 200.
    const caller = { kind: 'web', token: sessionToken(req) } as const;
    sendJson(res, 200, await commands.dispatch(name, body, caller));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    // The new stream is refused, not the oldest: a stream that works keeps working, and the
    // renderer retries a refused one with backoff until a tab is closed.
    const token = sessionToken(req);
    const mine = token === null ? 0 : (streamsPerSession.get(token) ?? 0);
    if (token !== null && mine >= limits.maxStreamsPerSession) {
      return sendJson(
        res,
        429,
        errorResult(
          'too_many_streams',
          `this sign-in already has ${mine} live update streams open, the most one sign-in may keep; close a tab showing Aftertab and this one reconnects on its own`,
        ),
        { 'Retry-After': '5' },
      );
    }
    if (streams.size >= limits.maxStreams) {
      return sendJson(
        res,
        429,
        errorResult(
          'too_many_streams',
          `Aftertab already has ${streams.size} live update streams open, the most it keeps at once; close a tab showing Aftertab and this one reconnects on its own`,
        ),
        { 'Retry-After': '5' },
      );
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // A first comment makes fetch() resolve at once, so the client knows it is connected.
    res.write(': connected\n\n');
    const unsubscribe = commands.subscribe((event: AppEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), keepaliveMs);
    streams.add(res);
    if (token !== null) streamsPerSession.set(token, mine + 1);
    res.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
      streams.delete(res);
      if (token === null) return;
      const left = (streamsPerSession.get(token) ?? 1) - 1;
      if (left > 0) streamsPerSession.set(token, left);
      else streamsPerSession.delete(token);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A rebinding attack reaches us under the attacker's host name; only our own names pass.
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().includes(hostHeader)) return sendText(res, 421, 'Misdirected request');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return sendText(res, 403, 'Cross-origin requests are refused');

    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const method = req.method ?? 'GET';

    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!sameSecret(req.headers[SECRET_HEADER], secretBytes)) {
        return sendJson(res, 401, errorResult('unauthorized', 'open the exact link Aftertab printed when it started'));
      }
      const command = /^\/api\/command\/([A-Za-z]+\.[A-Za-z]+)$/.exec(url.pathname);
      if (command) {
        if (method !== 'POST') return sendJson(res, 405, errorResult('invalid_input', 'use POST'), { Allow: 'POST' });
        return handleCommand(req, res, command[1] ?? '');
      }
      if (url.pathname === '/api/events') {
        if (method !== 'GET') return sendJson(res, 405, errorResult('invalid_input', 'use GET'), { Allow: 'GET' });
        return handleEvents(req, res);
      }
      return sendJson(res, 404, errorResult('not_found', 'no such API route'));
    }

    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const file = resolveStatic(root, url.pathname);
    if (!file) return sendText(res, 404, 'Not found');
    const content = await fs.promises.readFile(file);
    const isIndex = path.basename(file) === 'index.html';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Content-Length': content.length,
      // The index names the hashed bundles; it must never be stale. Hashed assets may be cached.
      'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(method === 'HEAD' ? undefined : content);
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    handle(req, res).catch((error: unknown) => {
      (options.log ?? ((failure: unknown) => console.error('[aftertab] web host request failed:', failure)))(error);
      if (!res.headersSent) sendJson(res, 500, errorResult('internal', 'Something went wrong inside Aftertab; nothing was saved.'));
      else res.destroy();
    });
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // node:http only looks for timed-out requests this often (30 s by default, which would let a
      // slow client hold a connection three times the header timeout); a quarter of it, at most 1 s.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    onRequest,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // One connection over the cap is closed by node:net before a byte is read.
  server.maxConnections = limits.maxConnections;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        secret,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep server.close() waiting forever.
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
