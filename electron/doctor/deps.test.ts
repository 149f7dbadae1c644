import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_BUILD, REPO_ROOT } from '../native/native-fixture';
import { tempFolders } from '../test-support/temp-folders';
import { chromiumVersion, freeBytes, isExecutable, kindOf, loadDriverInElectron, loadDriverInNode, probeWrite, realDoctorDeps } from './deps';

const tempRoot = tempFolders('aftertab-doctor-deps-');

function script(root: string, name: string, body: string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('the doctor’s real file checks', () => {
  it('tell folders, files and nothing apart, even below a file', () => {
    const root = tempRoot();
    const file = path.join(root, 'file');
    fs.writeFileSync(file, 'x');
    expect(kindOf(root)).toBe('folder');
    expect(kindOf(file)).toBe('file');
    expect(kindOf(path.join(root, 'none'))).toBe('missing');
    expect(kindOf(path.join(file, 'below'))).toBe('missing');
    expect(isExecutable(file)).toBe(false);
    expect(isExecutable(script(root, 'run', 'true'))).toBe(true);
    expect(isExecutable(root)).toBe(false);
  });

  it('probe a folder by writing a file and removing it, and throw where they cannot write', () => {
    const root = tempRoot();
    probeWrite(root);
    expect(fs.readdirSync(root)).toEqual([]);
    expect(() => probeWrite(path.join(root, 'none'))).toThrow(/ENOENT/);
    expect(freeBytes(root)).toBeGreaterThan(0);
  });
});

describe('loading a driver build', () => {
  it('loads Node’s build in this process', () => {
    expect(loadDriverInNode(NODE_BUILD)).toMatch(/^3\.\d+\.\d+$/);
  });

  // Node stands in for Electron: it runs `-e` the same way and ignores ELECTRON_RUN_AS_NODE.
  it('loads a build in a child process and reports SQLite’s version', async () => {
    await expect(loadDriverInElectron(REPO_ROOT, process.execPath, NODE_BUILD)).resolves.toMatch(/^3\.\d+\.\d+$/);
  });

  it('passes on the loader’s own message when the child cannot load the build', async () => {
    const broken = path.join(tempRoot(), 'broken.node');
    fs.writeFileSync(broken, 'not a driver');
    const failure = loadDriverInElectron(REPO_ROOT, process.execPath, broken);
    await expect(failure).rejects.toThrow(/broken\.node/);
    await expect(failure).rejects.not.toThrow(/without an answer/);
  });

  it('says so when the child never answers', async () => {
    const root = tempRoot();
    await expect(loadDriverInElectron(REPO_ROOT, script(root, 'silent', 'exit 3'), NODE_BUILD)).rejects.toThrow(/without an answer \(exit code 3\)/);
    await expect(loadDriverInElectron(REPO_ROOT, path.join(root, 'no-electron'), NODE_BUILD)).rejects.toThrow(/ENOENT/);
  });
});

describe('asking Chromium its version', () => {
  it('gives the first line it prints, or null when it fails', async () => {
    const root = tempRoot();
    await expect(chromiumVersion(script(root, 'chromium', 'echo "Chromium 140.0.1 built on Debian"; echo more'))).resolves.toBe(
      'Chromium 140.0.1 built on Debian',
    );
    await expect(chromiumVersion(script(root, 'broken', 'echo "Chromium 1"; exit 1'))).resolves.toBeNull();
    await expect(chromiumVersion(path.join(root, 'none'))).resolves.toBeNull();
  });
});

describe('realDoctorDeps', () => {
  it('chooses the data folder as the app does: --data-dir, then AFTERTAB_DATA_DIR, then the default', () => {
    const home = tempRoot();
    const base = { appRoot: REPO_ROOT, home };
    expect(realDoctorDeps({ ...base, argv: ['--data-dir=/tmp/flag'], env: { AFTERTAB_DATA_DIR: '/tmp/env' } }).dataDir).toBe('/tmp/flag');
    expect(realDoctorDeps({ ...base, argv: [], env: { AFTERTAB_DATA_DIR: '/tmp/env' } }).dataDir).toBe('/tmp/env');
    const fallback = realDoctorDeps({ ...base, argv: [], env: {} }).dataDir;
    expect(fallback.startsWith(home) || process.platform === 'win32').toBe(true);
    expect(path.basename(fallback)).toBe('Aftertab');
  });

  it('reads engines.node from package.json and CHROMIUM_PATH like the Playwright config', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const deps = realDoctorDeps({ appRoot: REPO_ROOT, argv: [], env: { CHROMIUM_PATH: '/opt/chrome' }, home: tempRoot() });
    expect(deps.requiredNode).toBe(manifest.engines.node);
    expect(deps.chromiumPath).toBe('/opt/chrome');
    expect(realDoctorDeps({ appRoot: REPO_ROOT, argv: [], env: {}, home: tempRoot() }).chromiumPath).toBe('/usr/bin/chromium');
  });
});
