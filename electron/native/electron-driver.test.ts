import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtAbiOf, electronDriverStatus, installedElectronTarget, writeBuildRecord } from './electron-driver';
import { NODE_BUILD, placeElectronBuild, recordFor, REPO_ROOT, tempAppRoots, thisProcessTarget } from './native-fixture';

const newRoot = tempAppRoots();

const target = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };

describe('the status of Electron’s build of the SQLite driver', () => {
  it('is missing when native/electron has no driver', () => {
    const root = newRoot();
    expect(electronDriverStatus(root, target)).toEqual({ state: 'missing', file: path.join(root, 'native', 'electron', 'better_sqlite3.node') });
  });

  it('is ready when its record names exactly this target', () => {
    const root = newRoot();
    placeElectronBuild(root, { record: recordFor(target) });
    const status = electronDriverStatus(root, target);
    expect(status.state).toBe('ready');
  });

  it.each([
    ['another Electron', { electron: '44.0.0', abi: '140' }, /built for Electron 44\.0\.0 \(NODE_MODULE_VERSION 140\).*not Electron 45\.4\.1 \(NODE_MODULE_VERSION 150\)/],
    ['another ABI of the same version', { abi: '149' }, /NODE_MODULE_VERSION 149/],
    ['another architecture', { arch: 'arm64' }, /linux-arm64/],
    ['another better-sqlite3', { betterSqlite3: '11.0.0' }, /better-sqlite3 11\.0\.0/],
  ])('is stale when it was built for %s', (_name, changes, reason) => {
    const root = newRoot();
    placeElectronBuild(root, { record: recordFor(target, changes) });
    const status = electronDriverStatus(root, target);
    expect(status.state).toBe('stale');
    expect(status.state === 'stale' ? status.reason : '').toMatch(reason);
  });

  it('is stale when nobody can say what it was built for (no record, or a broken one)', () => {
    const root = newRoot();
    placeElectronBuild(root, { record: null });
    expect(electronDriverStatus(root, target)).toMatchObject({ state: 'stale', record: null });
    fs.writeFileSync(path.join(root, 'native', 'electron', 'build.json'), '{"electron": 45');
    expect(electronDriverStatus(root, target).state).toBe('stale');
  });

  it('writes its record in one rename, leaving no partial file', () => {
    const root = newRoot();
    placeElectronBuild(root, { record: null });
    writeBuildRecord(root, recordFor(target, { madeFrom: 'source' }));
    expect(fs.readdirSync(path.join(root, 'native', 'electron')).sort()).toEqual(['better_sqlite3.node', 'build.json']);
    expect(electronDriverStatus(root, target)).toMatchObject({ state: 'ready', record: { madeFrom: 'source' } });
  });
});

describe('reading what a build is for', () => {
  it('finds the ABI in a compiled driver: Node’s own build is for this Node', () => {
    expect(builtAbiOf(NODE_BUILD)).toBe(process.versions.modules);
  });

  it('finds none in a file that is not a Node addon, or no file', () => {
    const root = newRoot();
    expect(builtAbiOf(placeElectronBuild(root, { content: 'plain text', record: null }))).toBeNull();
    expect(builtAbiOf(path.join(root, 'nothing.node'))).toBeNull();
  });

  it('reads the installed Electron’s version and ABI without loading it', () => {
    const electron = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    const installed = installedElectronTarget(REPO_ROOT, { platform: 'win32', arch: 'arm64' });
    expect(installed).toMatchObject({ electron: electron.version, platform: 'win32', arch: 'arm64', betterSqlite3: expect.stringMatching(/^12\./) as unknown });
    expect(Number(installed.abi)).toBeGreaterThan(Number(thisProcessTarget().abi));
  });
});
