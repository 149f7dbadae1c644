// The electron-builder configuration for `npm run dist`: the generic build as electron-builder.yml
// says, or one store's build from stores/<slug>/ (its profile embedded, its name, its icon). No
// Electron here, so the configuration each store produces is tested without packaging anything.
import fs from 'node:fs';
import path from 'node:path';
import type { Configuration, FileSet as BuilderFileSet } from 'electron-builder';
import { parse } from 'yaml';
import { parseStoreProfile } from '../shared/store-profile';
import { EMBEDDED_PROFILE_NAME } from '../electron/first-run-profile';

export const BASE_CONFIG_FILE = 'electron-builder.yml';
export const STORES_DIR = 'stores';
export const PROFILE_FILE = 'profile.json';
/** The generated configuration is written beside the installers it makes. */
export const STORE_CONFIG_FILE = 'electron-builder.store.json';
/** electron-builder makes a macOS icon from a PNG only from 512×512 up (Windows needs 256×256). */
export const MIN_ICON_PNG = 512;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type FileSet = { from: string; to: string };
type Resource = string | BuilderFileSet;
type StoreIcons = { icon?: string; win?: { icon: string }; mac?: { icon: string } };
export type StoreBuild = { ok: true; config: Configuration } | { ok: false; problems: string[] };

/** The store folders under stores/: each one holding a profile.json, by name. */
export function listStores(root: string): string[] {
  const dir = path.join(root, STORES_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, PROFILE_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** The generic build: electron-builder.yml as it is. */
export function baseConfig(root: string): Configuration {
  return parse(fs.readFileSync(path.join(root, BASE_CONFIG_FILE), 'utf8')) as Configuration;
}

/**
 * The store's name as a product name: electron-builder makes the app's file, folder and
 * shortcut names from it, so only letters, digits, spaces and hyphens stay. "&" is written out
 * (NSIS shows it as an underlined next letter), apostrophes are dropped, anything else becomes a
 * space. A name with no letter or digit at all falls back to the store's folder name.
 */
export function storeProductName(appName: string, storeName: string, slug: string): string {
  const safe = storeName
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N} -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  return `${appName} - ${/[\p{L}\p{N}]/u.test(safe) ? safe : slug}`;
}

/** Width and height of a PNG, read from its header; null for anything else. */
export function pngSize(file: Buffer): { width: number; height: number } | null {
  if (file.length < 24 || !file.subarray(0, 8).equals(PNG_SIGNATURE) || file.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** The icons in a store folder: icon.png for every system, icon.ico for Windows, icon.icns for macOS. */
function storeIcons(root: string, slug: string, problems: string[]): StoreIcons {
  const rel = (name: string): string => `${STORES_DIR}/${slug}/${name}`;
  const has = (name: string): boolean => fs.existsSync(path.join(root, rel(name)));
  const icons: StoreIcons = {};
  if (has('icon.png')) {
    const size = pngSize(fs.readFileSync(path.join(root, rel('icon.png'))));
    if (!size) problems.push(`${rel('icon.png')}: is not a PNG file`);
    else if (size.width < MIN_ICON_PNG || size.height < MIN_ICON_PNG || size.width !== size.height) {
      problems.push(`${rel('icon.png')}: is ${size.width}×${size.height}; an icon is square and at least ${MIN_ICON_PNG}×${MIN_ICON_PNG}`);
    } else icons.icon = rel('icon.png');
  }
  if (has('icon.ico')) icons.win = { icon: rel('icon.ico') };
  if (has('icon.icns')) icons.mac = { icon: rel('icon.icns') };
  return icons;
}

function listOf(value: Configuration['extraResources']): Resource[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The configuration `npm run dist` hands electron-builder: without a slug, electron-builder.yml;
 * with one, that store's build. A store whose folder, profile, logo or icon is wrong is refused
 * with every problem listed, and no configuration at all.
 */
export function storeBuildConfig(root: string, slug: string | null): StoreBuild {
  const base = baseConfig(root);
  if (slug === null) return { ok: true, config: base };
  if (!SLUG.test(slug)) {
    return {
      ok: false,
      problems: [
        `--store ${JSON.stringify(slug)}: a store is named by its folder in ${STORES_DIR}/: lowercase letters, digits and hyphens, such as cafe-example`,
      ],
    };
  }
  const known = listStores(root);
  if (!known.includes(slug)) {
    const list = known.length > 0 ? known.join(', ') : 'none';
    return { ok: false, problems: [`--store ${slug}: there is no ${STORES_DIR}/${slug}/${PROFILE_FILE}; the stores are: ${list}`] };
  }

  const profileFile = `${STORES_DIR}/${slug}/${PROFILE_FILE}`;
  const parsed = parseStoreProfile(fs.readFileSync(path.join(root, profileFile), 'utf8'));
  const problems = parsed.ok ? [] : parsed.problems.map((problem) => `${profileFile}: ${problem.message}`);
  // The profile and its logo go side by side into the app's resources, as they sit in the store's folder.
  const resources: FileSet[] = [{ from: profileFile, to: EMBEDDED_PROFILE_NAME }];
  const logo = parsed.ok ? parsed.profile.logo : undefined;
  if (logo !== undefined) {
    const logoFile = `${STORES_DIR}/${slug}/${logo}`;
    if (fs.existsSync(path.join(root, logoFile))) resources.push({ from: logoFile, to: logo });
    else problems.push(`${profileFile}: logo: there is no ${logoFile}; the logo is a file beside ${PROFILE_FILE}`);
  }
  const icons = storeIcons(root, slug, problems);
  if (!parsed.ok || problems.length > 0) return { ok: false, problems };
  const profile = parsed.profile;

  const productName = storeProductName(base.productName ?? 'Aftertab', profile.name, slug);
  // One app id for every unbranded build, so a store's build upgrades the generic one in place.
  const branded = profile.build?.branded === true;
  return {
    ok: true,
    config: {
      ...base,
      productName,
      ...(branded ? { appId: `${base.appId}.${slug}`, extraMetadata: { name: `aftertab-${slug}`, productName } } : {}),
      directories: { ...base.directories, output: `release/${slug}` },
      artifactName: `aftertab-${slug}-\${version}-\${os}-\${arch}.\${ext}`,
      extraResources: [...listOf(base.extraResources), ...resources],
      ...(icons.icon !== undefined ? { icon: icons.icon } : {}),
      ...(icons.win ? { win: { ...base.win, ...icons.win } } : {}),
      ...(icons.mac ? { mac: { ...base.mac, ...icons.mac } } : {}),
    },
  };
}

export type DistArgs = { ok: true; store: string | null; printConfig: boolean; builderArgs: string[] } | { ok: false; problem: string };

/** `npm run dist -- [--store <slug> | --store=<slug>] [--print-config] [electron-builder's own arguments]`. */
export function parseDistArgs(argv: readonly string[]): DistArgs {
  let store: string | null = null;
  let printConfig = false;
  const builderArgs: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--print-config') printConfig = true;
    else if (arg === '--store' || arg.startsWith('--store=')) {
      const value = arg === '--store' ? argv[(index += 1)] : arg.slice('--store='.length);
      if (value === undefined || value === '' || value.startsWith('-'))
        return { ok: false, problem: '--store needs the name of a store folder, such as --store cafe-example' };
      if (store !== null) return { ok: false, problem: `--store is given twice (${store} and ${value}); one build is one store` };
      store = value;
    } else if (arg === '--config' || arg === '-c' || arg.startsWith('--config=')) {
      return {
        ok: false,
        problem: `${arg}: npm run dist chooses the configuration itself (${BASE_CONFIG_FILE}, or the store's with --store); -c.<key>=<value> still overrides one key`,
      };
    } else builderArgs.push(arg);
  }
  return { ok: true, store, printConfig, builderArgs };
}

export type DistPlan =
  | { ok: true; config: Configuration; printConfig: boolean; configFile: string; writeConfig: boolean; builderArgs: string[] }
  | { ok: false; problems: string[] };

/**
 * What `npm run dist` does with its arguments: the generic build passes electron-builder.yml as
 * it always did; a store's build writes its configuration to release/<slug>/ and passes that.
 */
export function planDist(root: string, argv: readonly string[]): DistPlan {
  const args = parseDistArgs(argv);
  if (!args.ok) return { ok: false, problems: [args.problem] };
  const build = storeBuildConfig(root, args.store);
  if (!build.ok) return build;
  const configFile = args.store === null ? BASE_CONFIG_FILE : `release/${args.store}/${STORE_CONFIG_FILE}`;
  return {
    ok: true,
    config: build.config,
    printConfig: args.printConfig,
    configFile,
    writeConfig: args.store !== null,
    builderArgs: ['--config', configFile, ...args.builderArgs],
  };
}

/** Writes a store's configuration where its plan says (release/<slug>/), for electron-builder's --config. */
export function writeStoreConfig(root: string, plan: Extract<DistPlan, { ok: true }>): void {
  if (!plan.writeConfig) return;
  const file = path.join(root, plan.configFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(plan.config, null, 2)}\n`);
}
