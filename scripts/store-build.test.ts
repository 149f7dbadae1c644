import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_PROFILE_NAME, readProfileFile } from '../electron/first-run-profile';
import { baseConfig, listStores, parseDistArgs, planDist, pngSize, storeBuildConfig, storeProductName, writeStoreConfig } from './store-build';

const ROOT = path.join(__dirname, '..');
const STORES = listStores(ROOT);

// electron-builder's own schema (app-builder-lib/scheme.json, draft-07), checked twice: by the
// validator electron-builder runs before it packages (it coerces types, as the build would), and
// by the same ajv without coercion, so a value of the wrong type is refused too.
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const scheme = fromBuilder('./scheme.json') as object;
const { validateSchema } = fromBuilder('./out/util/config/schemaValidator.js') as {
  validateSchema: (schema: unknown, data: unknown, options?: { name?: string }) => void;
};
type AjvError = { instancePath: string; message?: string };
const { default: Ajv } = fromBuilder('ajv') as {
  default: new (options: object) => { compile: (schema: object) => ((data: unknown) => boolean) & { errors?: AjvError[] | null } };
};
const strictValidate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
// How electron-builder's CLI reads a --config file and checks it before it packages anything.
const { getConfig, validateConfiguration } = fromBuilder('./out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string, configFromOptions: null) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, debugLogger: { isEnabled: boolean }) => Promise<void>;
};

/** Every way the schema refuses this configuration; none for one electron-builder takes as it is. */
function schemaProblems(config: unknown): string[] {
  const problems: string[] = [];
  try {
    validateSchema(scheme, structuredClone(config), { name: 'the store configuration' });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!strictValidate(config)) problems.push(...(strictValidate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`));
  return problems;
}

function configOf(root: string, slug: string | null): Configuration {
  const build = storeBuildConfig(root, slug);
  if (!build.ok) throw new Error(`expected a configuration, got:\n${build.problems.join('\n')}`);
  return build.config;
}

function problemsOf(root: string, slug: string): string[] {
  const build = storeBuildConfig(root, slug);
  if (build.ok) throw new Error('expected the store to be refused');
  return build.problems;
}

type FileSet = { from: string; to: string };
const resourcesOf = (config: Configuration): FileSet[] => (config.extraResources ?? []) as FileSet[];

/** What electron-builder does with extraResources: each `from` (in the project) copied to `to` in the app's resources. */
function placeResources(root: string, config: Configuration): string {
  const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-resources-'));
  temp.push(resources);
  for (const { from, to } of resourcesOf(config)) {
    fs.mkdirSync(path.dirname(path.join(resources, to)), { recursive: true });
    fs.copyFileSync(path.join(root, from), path.join(resources, to));
  }
  return resources;
}

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

const salonProfile = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'stores', 'salon-example', 'profile.json'), 'utf8')) as Record<string, unknown>;
const cafeIcon = fs.readFileSync(path.join(ROOT, 'stores', 'cafe-example', 'icon.png'));

/** The header of a PNG this size: all pngSize reads. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/** A checkout of its own: this electron-builder.yml and the stores given, file by file. */
function fixture(stores: Record<string, Record<string, string | Buffer>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-stores-'));
  temp.push(root);
  fs.copyFileSync(path.join(ROOT, 'electron-builder.yml'), path.join(root, 'electron-builder.yml'));
  for (const [slug, files] of Object.entries(stores)) {
    fs.mkdirSync(path.join(root, 'stores', slug), { recursive: true });
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, 'stores', slug, name), content);
  }
  return root;
}

const profileText = (changes: Record<string, unknown>): string => JSON.stringify({ ...salonProfile(), ...changes }, null, 2);

// A store with everything a folder may hold: a logo, and an icon for each system.
const FULL = fixture({
  'corner-deli': {
    'profile.json': profileText({ name: 'Corner Deli', logo: 'deli-logo.png', build: { branded: true } }),
    'deli-logo.png': pngHeader(300, 100),
    'icon.png': cafeIcon,
    'icon.ico': 'an ico file',
    'icon.icns': 'an icns file',
  },
  'second-shop': { 'profile.json': profileText({ name: 'Second Shop', build: { branded: true } }) },
});

describe('the configurations npm run dist makes', () => {
  it('cover the generic build and every store in stores/, a café and a salon among them', () => {
    expect(STORES).toEqual(expect.arrayContaining(['cafe-example', 'salon-example']));
    for (const slug of STORES) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each([null, ...STORES].map((slug) => [slug ?? '(none: the generic build)', slug] as const))(
    "--store %s: passes electron-builder's schema",
    (_name, slug) => {
      expect(schemaProblems(configOf(ROOT, slug))).toEqual([]);
    },
  );

  it.each(['corner-deli', 'second-shop'])("a store with a logo and every icon (%s): passes electron-builder's schema", (slug) => {
    expect(schemaProblems(configOf(FULL, slug))).toEqual([]);
  });

  it.each(STORES)('--store %s: the file dist.ts writes is read and accepted by electron-builder as its --config', async (slug) => {
    const root = fixture({});
    fs.cpSync(path.join(ROOT, 'stores'), path.join(root, 'stores'), { recursive: true });
    const plan = planDist(root, ['--store', slug, '--linux']);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    writeStoreConfig(root, plan);
    expect(plan.builderArgs.slice(0, 2)).toEqual(['--config', `release/${slug}/electron-builder.store.json`]);
    const loaded = await getConfig(root, plan.configFile, null);
    await expect(validateConfiguration(loaded, { isEnabled: false })).resolves.toBeUndefined();
    expect(loaded).toMatchObject({
      appId: plan.config.appId,
      productName: plan.config.productName,
      extraResources: plan.config.extraResources,
      directories: { output: `release/${slug}` },
    });
  });

  it('are refused by that schema when a key is misspelled or a value has the wrong type', () => {
    const config = configOf(ROOT, 'cafe-example');
    const { artifactName, ...rest } = config;
    expect(schemaProblems({ ...rest, artifactname: artifactName }).join('\n')).toMatch(/artifactname/);
    expect(schemaProblems({ ...config, extraResources: [{ form: 'stores/cafe-example/profile.json', to: EMBEDDED_PROFILE_NAME }] }).join('\n')).toMatch(
      /extraResources/,
    );
    expect(schemaProblems({ ...config, directories: { ...config.directories, ouput: 'release/x' } }).join('\n')).toMatch(
      /directories must NOT have additional properties/,
    );
    // electron-builder would turn 42 into "42"; the check without coercion does not let it pass.
    expect(schemaProblems({ ...config, productName: 42 })).toEqual(['/productName must be null,string']);
  });
});

describe('the generic build', () => {
  it('is electron-builder.yml as it is, passed with electron-builder arguments as before', () => {
    expect(configOf(ROOT, null)).toEqual(baseConfig(ROOT));
    expect(configOf(ROOT, null)).toMatchObject({ appId: 'app.aftertab.pos', productName: 'Aftertab', directories: { output: 'release' } });
    expect(planDist(ROOT, ['--linux', '-c.compression=store'])).toEqual({
      ok: true,
      config: baseConfig(ROOT),
      printConfig: false,
      configFile: 'electron-builder.yml',
      writeConfig: false,
      builderArgs: ['--config', 'electron-builder.yml', '--linux', '-c.compression=store'],
    });
  });
});

describe("a store's build", () => {
  it('embeds the profile where the app looks for it, and the app reads it from there', () => {
    const config = configOf(ROOT, 'cafe-example');
    expect(resourcesOf(config)).toEqual([{ from: 'stores/cafe-example/profile.json', to: EMBEDDED_PROFILE_NAME }]);
    // main.ts looks for path.join(process.resourcesPath, EMBEDDED_PROFILE_NAME) and reads it with readProfileFile.
    const embedded = readProfileFile(path.join(placeResources(ROOT, config), EMBEDDED_PROFILE_NAME));
    expect(embedded.ok && embedded.profile.name).toBe('Harbour Bean');
  });

  it('ships the logo beside the embedded profile, under the name the profile gives it', () => {
    const config = configOf(FULL, 'corner-deli');
    expect(resourcesOf(config)).toEqual([
      { from: 'stores/corner-deli/profile.json', to: EMBEDDED_PROFILE_NAME },
      { from: 'stores/corner-deli/deli-logo.png', to: 'deli-logo.png' },
    ]);
    const profileFile = path.join(placeResources(FULL, config), EMBEDDED_PROFILE_NAME);
    const embedded = readProfileFile(profileFile);
    if (!embedded.ok || embedded.profile.logo === undefined) throw new Error('the embedded profile names a logo');
    // A first run reads the logo relative to the profile file, as it sits in the store's folder.
    expect(fs.readFileSync(path.join(path.dirname(profileFile), embedded.profile.logo))).toEqual(pngHeader(300, 100));
  });

  it("carries the store's name in the product name, as file names allow", () => {
    expect(configOf(ROOT, 'cafe-example').productName).toBe('Aftertab - Harbour Bean');
    expect(configOf(ROOT, 'salon-example').productName).toBe('Aftertab - Fern and Fringe');
  });

  it('goes into its own folder under release/, with the store in every artifact name', () => {
    for (const slug of STORES) {
      const config = configOf(ROOT, slug);
      expect(config.directories).toEqual({ ...baseConfig(ROOT).directories, output: `release/${slug}` });
      expect(config.artifactName).toBe(`aftertab-${slug}-\${version}-\${os}-\${arch}.\${ext}`);
    }
  });

  it('keeps everything else electron-builder.yml sets: fuses, files, the unpacked driver, targets', () => {
    const base = baseConfig(ROOT);
    for (const config of [...STORES.map((slug) => configOf(ROOT, slug)), configOf(FULL, 'corner-deli')]) {
      expect(config.electronFuses).toEqual(base.electronFuses);
      expect(config.files).toEqual(base.files);
      expect(config.asarUnpack).toEqual(base.asarUnpack);
      expect(config.npmRebuild).toBe(true);
      expect(config.linux).toEqual(base.linux);
      expect(config.win?.target).toEqual(base.win?.target);
      expect(config.mac?.target).toEqual(base.mac?.target);
    }
  });

  it('unbranded (the café): keeps the generic app id and package name, so it upgrades the generic build', () => {
    const config = configOf(ROOT, 'cafe-example');
    expect(config.appId).toBe(baseConfig(ROOT).appId);
    expect(config.extraMetadata).toBeUndefined();
  });

  it('branded (the salon): its own app id and package name, so two stores install side by side', () => {
    const salon = configOf(ROOT, 'salon-example');
    expect(salon.appId).toBe('app.aftertab.pos.salon-example');
    expect(salon.extraMetadata).toEqual({ name: 'aftertab-salon-example', productName: 'Aftertab - Fern and Fringe' });
    const other = configOf(FULL, 'second-shop');
    expect(other.appId).toBe('app.aftertab.pos.second-shop');
    expect((other.extraMetadata as { name: string }).name).toBe('aftertab-second-shop');
    expect(new Set([baseConfig(ROOT).appId, salon.appId, other.appId]).size).toBe(3);
  });

  it("uses the store folder's icons: icon.png everywhere, icon.ico on Windows and icon.icns on macOS before it", () => {
    expect(configOf(ROOT, 'cafe-example').icon).toBe('stores/cafe-example/icon.png');
    expect(configOf(ROOT, 'salon-example')).not.toHaveProperty('icon');
    const full = configOf(FULL, 'corner-deli');
    expect(full.icon).toBe('stores/corner-deli/icon.png');
    expect(full.win).toEqual({ ...baseConfig(ROOT).win, icon: 'stores/corner-deli/icon.ico' });
    expect(full.mac).toEqual({ ...baseConfig(ROOT).mac, icon: 'stores/corner-deli/icon.icns' });
    expect(pngSize(cafeIcon)).toEqual({ width: 512, height: 512 });
  });

  it('is planned into release/<slug>/, where dist.ts writes its configuration before handing it to electron-builder', () => {
    const plan = planDist(ROOT, ['--store', 'salon-example', '--win', '--print-config']);
    expect(plan).toEqual({
      ok: true,
      config: configOf(ROOT, 'salon-example'),
      printConfig: true,
      configFile: 'release/salon-example/electron-builder.store.json',
      writeConfig: true,
      builderArgs: ['--config', 'release/salon-example/electron-builder.store.json', '--win'],
    });
    expect(planDist(ROOT, ['--store=cafe-example'])).toMatchObject({ ok: true, configFile: 'release/cafe-example/electron-builder.store.json' });
  });
});

describe('a store that cannot be built', () => {
  it('is refused for a profile with problems, each listed by its path with the icon’s, and nothing is made', () => {
    const root = fixture({
      broken: { 'profile.json': profileText({ currency: 'EURO', staff: [], build: { branded: 'yes' } }), 'icon.png': pngHeader(64, 64) },
    });
    expect(problemsOf(root, 'broken')).toEqual([
      expect.stringMatching(/^stores\/broken\/profile\.json: currency: /),
      expect.stringMatching(/^stores\/broken\/profile\.json: staff: /),
      'stores/broken/profile.json: build.branded: must be true or false',
      'stores/broken/icon.png: is 64×64; an icon is square and at least 512×512',
    ]);
    expect(planDist(root, ['--store', 'broken'])).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.stringContaining('build.branded')]) as unknown,
    });
    expect(fs.existsSync(path.join(root, 'release'))).toBe(false);
  });

  it('is refused when its logo is missing, or its icon is not a PNG or too small, all at once', () => {
    const root = fixture({ shop: { 'profile.json': profileText({ logo: 'logo.png' }), 'icon.png': pngHeader(256, 256) } });
    expect(problemsOf(root, 'shop')).toEqual([
      'stores/shop/profile.json: logo: there is no stores/shop/logo.png; the logo is a file beside profile.json',
      'stores/shop/icon.png: is 256×256; an icon is square and at least 512×512',
    ]);
    const notPng = fixture({ shop: { 'profile.json': profileText({}), 'icon.png': 'GIF89a' } });
    expect(problemsOf(notPng, 'shop')).toEqual(['stores/shop/icon.png: is not a PNG file']);
    const oblong = fixture({ shop: { 'profile.json': profileText({}), 'icon.png': pngHeader(1024, 512) } });
    expect(problemsOf(oblong, 'shop')).toEqual(['stores/shop/icon.png: is 1024×512; an icon is square and at least 512×512']);
  });

  it('is refused for a store that does not exist, naming the stores there are', () => {
    expect(problemsOf(ROOT, 'bakery')).toEqual([`--store bakery: there is no stores/bakery/profile.json; the stores are: ${STORES.join(', ')}`]);
    expect(problemsOf(fixture({}), 'bakery')).toEqual(['--store bakery: there is no stores/bakery/profile.json; the stores are: none']);
  });

  it('is refused for a name that is not a store folder name, before anything is read', () => {
    for (const slug of ['../cafe-example', 'Cafe-Example', 'cafe_example', 'cafe-', '']) {
      expect(problemsOf(ROOT, slug)).toEqual([expect.stringContaining('lowercase letters, digits and hyphens')]);
    }
  });
});

describe('parseDistArgs', () => {
  it('takes --store <slug> or --store=<slug> and --print-config, and passes everything else to electron-builder', () => {
    expect(parseDistArgs(['--win', '--store', 'cafe-example', '--x64'])).toEqual({
      ok: true,
      store: 'cafe-example',
      printConfig: false,
      builderArgs: ['--win', '--x64'],
    });
    expect(parseDistArgs(['--store=salon-example', '--print-config'])).toEqual({ ok: true, store: 'salon-example', printConfig: true, builderArgs: [] });
    expect(parseDistArgs([])).toEqual({ ok: true, store: null, printConfig: false, builderArgs: [] });
  });

  it('refuses --store without a name, twice, or a --config of its own', () => {
    for (const argv of [['--store'], ['--store='], ['--store', '--win']])
      expect(parseDistArgs(argv)).toMatchObject({ ok: false, problem: expect.stringContaining('--store needs') as unknown });
    expect(parseDistArgs(['--store', 'a', '--store=b'])).toMatchObject({ ok: false, problem: expect.stringContaining('twice') as unknown });
    for (const argv of [['--config', 'x.yml'], ['-c', 'x.yml'], ['--config=x.yml']]) expect(parseDistArgs(argv)).toMatchObject({ ok: false });
  });
});

describe('storeProductName', () => {
  it('keeps letters (any script), digits, spaces and hyphens; writes & out; drops the rest', () => {
    expect(storeProductName('Aftertab', 'Fern & Fringe', 'x')).toBe('Aftertab - Fern and Fringe');
    expect(storeProductName('Aftertab', "O'Brien’s Café", 'x')).toBe('Aftertab - OBriens Café');
    expect(storeProductName('Aftertab', 'Bar: "Tap/Room" <2>?', 'x')).toBe('Aftertab - Bar Tap Room 2');
    expect(storeProductName('Aftertab', 'Kaffee Eck – Süd', 'x')).toBe('Aftertab - Kaffee Eck Süd');
    expect(storeProductName('Aftertab', '喫茶 こもれび', 'x')).toBe('Aftertab - 喫茶 こもれび');
  });

  it("falls back to the store's folder name when no letter or digit is left, and stays short", () => {
    expect(storeProductName('Aftertab', '☕ ☕', 'cafe-example')).toBe('Aftertab - cafe-example');
    const long = storeProductName('Aftertab', 'A'.repeat(80), 'x');
    expect(long).toBe(`Aftertab - ${'A'.repeat(60)}`);
  });
});
