import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

type Lock = { packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }> };
type Manifest = { allowScripts?: Record<string, boolean> };

describe('install scripts (npm 12 skips those allowScripts does not name)', () => {
  const manifest = readJson('package.json') as Manifest;
  const lock = readJson('package-lock.json') as Lock;
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript === true)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));

  it('names every locked package that has an install script, allowed or denied on purpose', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(manifest.allowScripts ?? {})).toContain(name);
  });

  it('lets the SQLite driver build itself, and nothing it does not need', () => {
    expect(manifest.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: true, 'electron-winstaller': false });
  });

  it('makes an unreviewed install script an install error rather than a silently missing driver', () => {
    expect(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8')).toMatch(/^strict-allow-scripts=true$/m);
  });
});
