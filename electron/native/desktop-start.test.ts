import { describe, expect, it } from 'vitest';
import { shortReason, startDesktop, USE_THE_WEB_HOST, type DesktopStartDeps } from './desktop-start';
import type { ElectronDriverStatus } from './electron-driver';

const target = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };
const FETCH_FAILED = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download';

type Scene = Partial<DesktopStartDeps> & { binaryAfterDownload?: boolean; status?: ElectronDriverStatus };

function scene(options: Scene): { deps: DesktopStartDeps; calls: string[]; lines: string[]; failures: string[] } {
  const calls: string[] = [];
  const lines: string[] = [];
  const failures: string[] = [];
  let downloaded = false;
  const deps: DesktopStartDeps = {
    findBinary: () => (options.binaryAfterDownload === undefined || (downloaded && options.binaryAfterDownload) ? '/app/node_modules/electron/dist/electron' : null),
    downloadElectron: () => {
      calls.push('download');
      downloaded = true;
      return Promise.resolve({ code: options.binaryAfterDownload ? 0 : 1, output: options.binaryAfterDownload ? '' : FETCH_FAILED });
    },
    target: () => target,
    driverStatus: () => options.status ?? { state: 'ready', file: '/app/native/electron/better_sqlite3.node', record: { ...target, madeFrom: 'prebuild', madeAt: '' } },
    makeDriver: () => {
      calls.push('make');
      return Promise.resolve({ ok: true, file: '/app/native/electron/better_sqlite3.node', record: { ...target, madeFrom: 'source', madeAt: '' } });
    },
    build: () => {
      calls.push('build');
      return Promise.resolve(0);
    },
    launch: (binary) => {
      calls.push(`launch ${binary}`);
      return Promise.resolve(0);
    },
    say: (line) => lines.push(line),
    fail: (line) => failures.push(line),
    ...options,
  };
  return { deps, calls, lines, failures };
}

describe('npm start', () => {
  it('ends in one line pointing to the web host where the Electron binary cannot be downloaded, before building anything', async () => {
    const { deps, calls, failures } = scene({ binaryAfterDownload: false });
    expect(await startDesktop(deps)).toBe(1);
    expect(calls).toEqual(['download']);
    expect(failures).toEqual([
      `Aftertab's desktop app cannot start on this machine: the Electron binary is not installed and could not be downloaded (its download host cannot be reached from this machine). ${USE_THE_WEB_HOST}`,
    ]);
    expect(failures[0]).toContain('npm run start:web');
  });

  it('downloads the binary once where it can, then goes on', async () => {
    const { deps, calls } = scene({ binaryAfterDownload: true });
    expect(await startDesktop(deps)).toBe(0);
    expect(calls).toEqual(['download', 'build', 'launch /app/node_modules/electron/dist/electron']);
  });

  it('makes the driver when it is missing, then builds and launches', async () => {
    const { deps, calls, lines } = scene({ status: { state: 'missing', file: '/app/native/electron/better_sqlite3.node' } });
    expect(await startDesktop(deps)).toBe(0);
    expect(calls).toEqual(['make', 'build', 'launch /app/node_modules/electron/dist/electron']);
    expect(lines.join('\n')).toContain('No SQLite driver for Electron 45.4.1 yet; making it (once).');
  });

  it('makes it again when it was made for another Electron', async () => {
    const { deps, calls, lines } = scene({ status: { state: 'stale', file: '/f', record: null, reason: 'it was built for Electron 44.0.0' } });
    await startDesktop(deps);
    expect(calls[0]).toBe('make');
    expect(lines[0]).toContain('it was built for Electron 44.0.0');
  });

  it('ends in one line where the driver can be neither downloaded nor compiled', async () => {
    const { deps, calls, failures } = scene({
      status: { state: 'missing', file: '/f' },
      makeDriver: () => Promise.resolve({ ok: false, reason: 'download: prebuild-install warn install getaddrinfo ENOTFOUND github.com', attempts: [] }),
    });
    expect(await startDesktop(deps)).toBe(1);
    expect(calls).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBe(
      `Aftertab's desktop app cannot start on this machine: no SQLite driver for Electron 45.4.1 (NODE_MODULE_VERSION 150) on linux-x64 with better-sqlite3 12.11.1 could be made (its download host cannot be reached from this machine). ${USE_THE_WEB_HOST}`,
    );
  });

  it('does not launch a stale bundle when the build fails', async () => {
    const { deps, calls, failures } = scene({ build: () => Promise.resolve(2) });
    expect(await startDesktop(deps)).toBe(2);
    expect(calls.some((call) => call.startsWith('launch'))).toBe(false);
    expect(failures[0]).toContain('`npm run build` failed (exit code 2)');
  });

  it('passes on the app’s exit code', async () => {
    const { deps } = scene({ launch: () => Promise.resolve(7) });
    expect(await startDesktop(deps)).toBe(7);
  });

  it('words a failure that is not the network by its error line', () => {
    expect(shortReason('gyp info spawn make\nmake: g++: Command not found\ngyp ERR! build error\ngyp ERR! not ok')).toBe('gyp ERR! build error');
    expect(shortReason('')).toBe('no output');
  });
});
