import fs from 'node:fs';
import path from 'node:path';

/**
 * What the built renderer is made of. Source maps are deliberately absent: they would hand the
 * readable source of the till to anyone who can reach the page, so they are never served.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** An unknown type goes out as bytes; with nosniff the browser then never runs it as script. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function isSourceMap(file: string): boolean {
  return path.extname(file).toLowerCase() === '.map';
}

/**
 * The file a URL path names inside root, or null if it would leave root, is not a file or is a
 * source map. `/` names index.html. The path is decoded once here, so an encoded `..`, slash,
 * backslash or NUL is judged as what it decodes to.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(base, relative);
  if (!full.startsWith(base + path.sep) || isSourceMap(full)) return null;
  try {
    // realpath catches a symlink inside the build that points outside it (or at a map).
    const real = fs.realpathSync(full);
    if (!real.startsWith(fs.realpathSync(base) + path.sep) || isSourceMap(real)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
