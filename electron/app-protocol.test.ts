import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_HOST, APP_SCHEME, createAppProtocolHandler, handleAppProtocol, registerAppScheme, RENDERER_URL, resolveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

let dir: string;
let root: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-app-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), 'b');
  fs.writeFileSync(path.join(root, 'assets', 'app.js.map'), '{"sources":["SECRET-SOURCE"]}');
  fs.writeFileSync(path.join(root, 'assets', 'LOUD.JS.MAP'), '{"sources":["SECRET-SOURCE"]}');
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'TOP-SECRET-OUTSIDE');
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link.txt'));
  fs.symlinkSync(path.join(root, 'assets', 'app.js.map'), path.join(root, 'assets', 'innocent.js'));
  fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'assets', 'alias.js.map'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the constants', () => {
  it('name one secure-looking origin and its index', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('aftertab');
    expect(RENDERER_URL).toBe('app://aftertab/index.html');
  });
});

describe('resolveAppFile', () => {
  it('maps our host to files under the renderer folder, / and no path to index.html', () => {
    const real = fs.realpathSync(root);
    expect(resolveAppFile('app://aftertab/', root)).toBe(path.join(real, 'index.html'));
    expect(resolveAppFile('app://aftertab', root)).toBe(path.join(real, 'index.html'));
    expect(resolveAppFile(RENDERER_URL, root)).toBe(path.join(real, 'index.html'));
    expect(resolveAppFile('app://aftertab/index.html#/tab/3', root)).toBe(path.join(real, 'index.html'));
    expect(resolveAppFile('app://aftertab/assets/app.js?v=1', root)).toBe(path.join(real, 'assets', 'app.js'));
    // Chromium hands over a standard scheme's host lowercased, but the check must not rely on it.
    expect(resolveAppFile('app://AFTERTAB/index.html', root)).toBe(path.join(real, 'index.html'));
  });

  it.each([
    'app://aftertab/../outside.txt',
    'app://aftertab/%2e%2e/outside.txt',
    'app://aftertab/..%2foutside.txt',
    'app://aftertab/%2e%2e%2foutside.txt',
    'app://aftertab/assets/..%2f..%2foutside.txt',
    'app://aftertab/assets/../../outside.txt',
    'app://aftertab/..\\outside.txt',
    'app://aftertab/..%5coutside.txt',
    'app://aftertab/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    'app://aftertab/index.html%00.js',
    'app://aftertab/%00',
    'app://aftertab/%E0%A4%A',
  ])('refuses a path that leaves the folder or cannot be decoded: %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('refuses a symlink that leads out of the folder, even though it sits inside', () => {
    expect(fs.readFileSync(path.join(root, 'link.txt'), 'utf8')).toBe('TOP-SECRET-OUTSIDE');
    expect(resolveAppFile('app://aftertab/link.txt', root)).toBeNull();
  });

  it('refuses directories and missing files', () => {
    expect(resolveAppFile('app://aftertab/assets', root)).toBeNull();
    expect(resolveAppFile('app://aftertab/assets/', root)).toBeNull();
    expect(resolveAppFile('app://aftertab/nothing.js', root)).toBeNull();
  });

  it('refuses source maps, however they are named or reached', () => {
    expect(resolveAppFile('app://aftertab/assets/app.js.map', root)).toBeNull();
    expect(resolveAppFile('app://aftertab/assets/LOUD.JS.MAP', root)).toBeNull();
    expect(resolveAppFile('app://aftertab/assets/app.js%2emap', root)).toBeNull();
    expect(resolveAppFile('app://aftertab/assets/innocent.js', root)).toBeNull();
    // A request for a map is refused by its name alone, whatever the name leads to.
    expect(resolveAppFile('app://aftertab/assets/alias.js.map', root)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://aftertab.evil/index.html',
    'app://aftertab:8080/index.html',
    'app://user@aftertab/index.html',
    'app:///index.html',
    'file:///index.html',
    `file://${root}/index.html`,
    'https://aftertab/index.html',
    'apps://aftertab/index.html',
    'not a url',
  ])('refuses a URL for another scheme or host: %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const get = (url: string, init?: RequestInit): Promise<Response> => createAppProtocolHandler(root)(new Request(url, init));

  it('serves the index with its type, nosniff and the same CSP as the rest of the app', async () => {
    const response = await get('app://aftertab/index.html#/tab/3');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['assets/font.woff2', 'font/woff2', 'w'],
    ['assets/blob.bin', 'application/octet-stream', 'b'],
  ])('serves %s as %s', async (file, type, body) => {
    const response = await get(`app://aftertab/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it.each([
    'app://aftertab/../outside.txt',
    'app://aftertab/%2e%2e%2foutside.txt',
    'app://aftertab/link.txt',
    'app://aftertab/assets/app.js.map',
    'app://aftertab/assets/innocent.js',
    'app://aftertab/assets/',
    'app://evil/index.html',
    'app://aftertab/missing.js',
  ])('answers 404 without the content for %s, still with the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('TOP-SECRET-OUTSIDE');
    expect(text).not.toContain('SECRET-SOURCE');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await get('app://aftertab/index.html', { method, ...(method === 'POST' || method === 'PUT' ? { body: 'x' } : {}) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it('answers 404 for a file that disappears between the check and the read', async () => {
    const handler = createAppProtocolHandler(root);
    fs.rmSync(path.join(root, 'assets', 'app.js'));
    const response = await handler(new Request('app://aftertab/assets/app.js'));
    expect(response.status).toBe(404);
  });
});

describe('registering with Electron', () => {
  it('registers app as standard, secure and fetchable, and nothing more', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('handles app with a handler that serves the folder, and the disposer unhandles it', async () => {
    const handled = new Map<string, (request: Request) => Response | Promise<Response>>();
    const unhandled: string[] = [];
    const fake = {
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void handled.set(scheme, handler),
      unhandle: (scheme: string) => void unhandled.push(scheme),
    };
    const dispose = handleAppProtocol(fake, root);
    expect([...handled.keys()]).toEqual(['app']);
    const response = await handled.get('app')?.(new Request('app://aftertab/assets/app.js'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('console.log(1)');
    expect(unhandled).toEqual([]);
    dispose();
    expect(unhandled).toEqual(['app']);
  });
});
