import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planDist } from './store-build';

const ROOT = path.join(__dirname, '..');
const CONFIG_FILE = 'electron-builder.yml';

type BuilderConfig = {
  files?: unknown;
  asar?: unknown;
  asarUnpack?: unknown;
  npmRebuild?: unknown;
  electronFuses?: Record<string, unknown>;
};

const config = parse(fs.readFileSync(path.join(ROOT, CONFIG_FILE), 'utf8')) as BuilderConfig;

// electron-builder's own schema check and file filter, loaded from where electron-builder loads
// them, so these tests judge the config the way the packaging step does.
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { validateSchema } = fromBuilder('./out/util/config/schemaValidator.js') as {
  validateSchema: (schema: unknown, data: unknown, options?: { name?: string }) => void;
};
const scheme = fromBuilder('./scheme.json') as unknown;
type Pattern = { negate: boolean; match: (file: string, partial?: boolean) => boolean };
const { Minimatch } = createRequire(fromBuilder.resolve('./out/util/filter.js'))('minimatch') as {
  Minimatch: new (pattern: string, options: { dot: boolean }) => Pattern;
};
const { createFilter } = fromBuilder('./out/util/filter.js') as {
  createFilter: (src: string, patterns: Pattern[], exclude?: Pattern[]) => (file: string, stat: { isDirectory: () => boolean }) => boolean;
};

function validate(candidate: unknown): void {
  // The validator coerces types in place; the parsed config must stay as the file says.
  validateSchema(scheme, structuredClone(candidate), { name: CONFIG_FILE });
}

describe('what the packaging step gets', () => {
  it('is this file: npm run dist passes it, and package.json carries no competing build key', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; build?: unknown };
    expect(manifest.scripts.dist).toBe('npm run build && tsx scripts/dist.ts');
    // Without --store, dist.ts hands electron-builder this file; a store's build starts from it (store-build.test.ts).
    expect(planDist(ROOT, ['--win'])).toMatchObject({ ok: true, configFile: CONFIG_FILE, builderArgs: ['--config', CONFIG_FILE, '--win'] });
    expect(manifest.build).toBeUndefined();
  });

  it('passes electron-builder schema check, which refuses a misspelled fuse', () => {
    expect(() => validate(config)).not.toThrow();
    expect(() => validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toThrow(/electronFuses/);
  });
});

describe('Electron fuses', () => {
  it('are flipped exactly as the hardening asks', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('keep an asar to validate and load from', () => {
    // onlyLoadAppFromAsar with no asar would leave Electron nothing to start.
    expect(config.asar === undefined || config.asar === true).toBe(true);
  });
});

describe('the native SQLite driver', () => {
  it('is unpacked from the asar and rebuilt for Electron', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });
});

describe('the files packed', () => {
  const patterns = (config.files as string[]).map((pattern) => new Minimatch(pattern, { dot: true }));
  const packs = createFilter('/app', patterns);
  const isPacked = (file: string, directory = false): boolean => packs(`/app/${file}`, { isDirectory: () => directory });

  it('are the build, the manifest and the runtime modules', () => {
    expect(isPacked('dist/electron/main.cjs')).toBe(true);
    expect(isPacked('dist/electron/preload.cjs')).toBe(true);
    expect(isPacked('dist/renderer/index.html')).toBe(true);
    expect(isPacked('dist/renderer/assets/index-abc123.js')).toBe(true);
    expect(isPacked('package.json')).toBe(true);
    expect(isPacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });

  it('leave out every source map, in the build or in a module', () => {
    expect(config.files).toContain('!**/*.map');
    expect(isPacked('dist/renderer/assets/index-abc123.js.map')).toBe(false);
    expect(isPacked('dist/electron/main.cjs.map')).toBe(false);
    expect(isPacked('node_modules/zod/index.js.map')).toBe(false);
  });

  it('leave out the development build of the SQLite driver in native/', () => {
    expect(config.files).toContain('!native{,/**/*}');
    expect(isPacked('native', true)).toBe(false);
    expect(isPacked('native/electron', true)).toBe(false);
    expect(isPacked('native/electron/better_sqlite3.node')).toBe(false);
    expect(isPacked('native/electron/build/Release/better_sqlite3.node')).toBe(false);
  });

  it('keep native/ and maps out even if the list is widened to everything', () => {
    const widened = createFilter(
      '/app',
      ['**/*', ...(config.files as string[])].map((pattern) => new Minimatch(pattern, { dot: true })),
    );
    const file = { isDirectory: () => false };
    expect(widened('/app/electron/main.ts', file)).toBe(true);
    expect(widened('/app/native/electron/better_sqlite3.node', file)).toBe(false);
    expect(widened('/app/dist/renderer/assets/index-abc123.js.map', file)).toBe(false);
  });

  it('leave out the sources and the tests', () => {
    expect(isPacked('electron/main.ts')).toBe(false);
    expect(isPacked('electron/native/better_sqlite3.node')).toBe(false);
    expect(isPacked('renderer/App.tsx')).toBe(false);
    expect(isPacked('e2e/board.spec.ts')).toBe(false);
  });
});
