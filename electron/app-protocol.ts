import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';
import { contentTypeFor, resolveStatic } from './static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'aftertab';
/** The one document the window may show; senders and navigation are checked against it. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/**
 * standard: the renderer gets a real origin (app://aftertab), so its relative asset URLs resolve
 * and the CSP's 'self' means our files only. secure: a secure context, which crypto.randomUUID
 * (command ids) needs. supportFetchAPI: Vite's `<script type="module" crossorigin>` is fetched in
 * CORS mode, which Chromium allows only for fetch-enabled schemes. Left off on purpose:
 * corsEnabled (it would let another origin read our files), bypassCSP (our policy must hold),
 * allowServiceWorkers, stream, codeCache and allowExtensions (nothing here uses them).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before the app's ready event: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * The absolute file under rendererDir that an app:// URL names, or null. Only our own host is
 * served: a port, a user name or another host is a URL we never made. Query and hash are ignored.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return null;
  // Chromium lowercases a standard scheme's host; Node keeps it as written.
  if (parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return null;
  }
  return resolveStatic(rendererDir, parsed.pathname === '' ? '/' : parsed.pathname);
}

function reply(status: number, body: Uint8Array | string | null, contentType: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      // Set here as well as by hardenSession: the policy must not depend on webRequest reaching
      // responses from a custom protocol.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      ...extra,
    },
  });
}

/** Serves the built renderer read-only; the renderer never needs anything but GET. */
export function createAppProtocolHandler(rendererDir: string): AppProtocolHandler {
  const root = path.resolve(rendererDir);
  const notFound = (): Response => reply(404, 'Not found', 'text/plain; charset=utf-8');
  return async (request) => {
    if (request.method !== 'GET') return reply(405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET' });
    const file = resolveAppFile(request.url, root);
    if (file === null) return notFound();
    let content: Buffer;
    try {
      content = await fs.promises.readFile(file);
    } catch {
      // Gone between the check and the read (a rebuild under a running dev window).
      return notFound();
    }
    return reply(200, content, contentTypeFor(file));
  };
}

/**
 * Serves app:// from rendererDir in the session `protocol` belongs to; returns the undo. Call it
 * after ready and before the window loads RENDERER_URL.
 */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle' | 'unhandle'>, rendererDir: string): () => void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  return () => protocol.unhandle(APP_SCHEME);
}
