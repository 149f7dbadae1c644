import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStoreProfile, type StoreProfile } from '../shared/store-profile';
import { LOGO_MAX_BYTES } from '../shared/receipt-header';
import { memoryDevicePreferences } from './device-preferences';
import { EMBEDDED_PROFILE_NAME, profileProblemsText, readProfileFile } from './first-run-profile';
import { resolveProfile } from './web-host-args';
import { OWNER_PIN, testCores, windowClient } from './test-support/test-core';

const root = path.join(__dirname, '..');
const salonFile = path.join(root, 'stores', 'salon-example', 'profile.json');
function salon(): StoreProfile {
  const parsed = parseStoreProfile(fs.readFileSync(salonFile, 'utf8'));
  if (!parsed.ok) throw new Error('the salon example must parse');
  return parsed.profile;
}

const temp: string[] = [];
afterEach(() => {
  for (const dir of temp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the web host --profile flag', () => {
  it('reads the file relative to where the host was started, or gives nothing without the flag', () => {
    expect(resolveProfile(['--port=0'], root)).toBeNull();
    const found = resolveProfile(['--profile', 'stores/salon-example/profile.json'], root);
    expect(found).toMatchObject({ ok: true, file: salonFile, profile: { name: 'Fern & Fringe' } });
    expect(resolveProfile([`--profile=${salonFile}`], '/elsewhere')).toMatchObject({ ok: true, file: salonFile });
  });

  it('lists every problem of a bad file, and says when the file or its path is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-profile-'));
    temp.push(dir);
    const bad = JSON.parse(fs.readFileSync(salonFile, 'utf8')) as Record<string, unknown>;
    bad.currency = 'POUNDS';
    bad.tokenLast = 0;
    (bad.staff as Record<string, unknown>[])[1] = { name: 'Tom', role: 'manager', pin: '1234' };
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const result = resolveProfile(['--profile', 'bad.json'], dir);
    if (!result || result.ok) throw new Error('a bad profile must be refused');
    const text = profileProblemsText(result);
    expect(text.split('\n')[0]).toBe(`The store profile ${path.join(dir, 'bad.json')} cannot be used:`);
    expect(text).toMatch(/ {2}- currency: /);
    expect(text).toMatch(/ {2}- tokenFirst: the first token must not be after the last/);
    expect(text).toMatch(/ {2}- staff\[1\]\.pin: a profile holds no PINs/);
    expect(readProfileFile(path.join(dir, 'missing.json'))).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/there is no such file/) as string }],
    });
    expect(resolveProfile(['--profile'], dir)).toMatchObject({
      ok: false,
      problems: [{ message: 'profile: --profile needs the path of a store profile file' }],
    });
    expect(EMBEDDED_PROFILE_NAME).toBe('store-profile.json');
  });
});

describe('a profile that names a logo', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

  /** The salon's profile in a temp folder of its own, naming logo.png, with `logo` written beside it (or nothing). */
  function folderWith(logo: Buffer | null): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-profile-logo-'));
    temp.push(dir);
    const profile = JSON.parse(fs.readFileSync(salonFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'profile.json'), JSON.stringify({ ...profile, logo: 'logo.png' }));
    if (logo) fs.writeFileSync(path.join(dir, 'logo.png'), logo);
    return path.join(dir, 'profile.json');
  }

  it('reads it from the profile’s own folder, wherever the host was started, as a data URL', () => {
    const file = folderWith(PNG);
    const read = resolveProfile(['--profile', file], '/elsewhere');
    if (!read?.ok) throw new Error('the profile and its logo must read');
    expect(read.profile.logo).toBe('logo.png');
    expect(read.profile.logoDataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    // A profile without one reads with none.
    const plain = readProfileFile(salonFile);
    expect(plain.ok && plain.profile.logoDataUrl).toBeNull();
  });

  it('refuses the whole profile, by the path logo, when the file is missing, not a PNG or JPEG, or too large', () => {
    const cases: [Buffer | null, RegExp][] = [
      [null, /^logo: cannot be read from .*logo\.png: there is no such file beside the profile$/],
      [Buffer.from('GIF89a not a png'), /^logo: .*logo\.png is not a PNG or JPEG picture$/],
      [Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]), /^logo: .*logo\.png is larger than 128 KB, the most a receipt logo may be; make it smaller$/],
    ];
    for (const [logo, words] of cases) {
      const read = readProfileFile(folderWith(logo));
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(read.problems).toEqual([{ path: 'logo', message: expect.stringMatching(words) as string }]);
      expect(profileProblemsText(read)).toContain('  - logo: ');
    }
  });
});

describe('the first run with a profile, through the router', () => {
  const core = testCores('aftertab-first-run-');

  it('shows the summary before sign-in, applies the host file once, then the owner sets their PIN', async () => {
    const c = core({ profile: salon() });
    const pad = windowClient(c, 1);
    const preview = await pad.call('firstRun.profile', {});
    expect(preview).toMatchObject({
      name: 'Fern & Fringe',
      currency: 'GBP',
      categories: 3,
      services: 7,
      items: 2,
      staff: [{ name: 'Priya', role: 'owner' }, { name: 'Tom' }, { name: 'Aisling' }],
    });
    expect(await pad.call('firstRun.applyProfile', {})).toEqual({ storeName: 'Fern & Fringe', categories: 3, items: 2, services: 7, staff: 3 });
    // Applied once: nothing more to show, and a second try is refused.
    expect(await pad.call('firstRun.profile', {})).toBeNull();
    expect(await pad.refuse('firstRun.applyProfile', {})).toMatchObject({ key: 'errors.profile.notFresh' });
    const state = await pad.call('session.state', {});
    expect(state).toMatchObject({ storeName: 'Fern & Fringe', needsSetup: true });
    expect(state.staff.map((p) => [p.name, p.role, p.hasPin])).toEqual([
      ['Priya', 'owner', false],
      ['Tom', 'manager', false],
      ['Aisling', 'staff', false],
    ]);
    const signedIn = await pad.setup(OWNER_PIN);
    expect(signedIn.staff.name).toBe('Priya');
    expect(c.backups.settings()).toMatchObject({ keep: 30, everyMinutes: 30 });
  });

  it("makes the profile's printer hint this PC's printer, unless the PC has chosen one", async () => {
    const fresh = memoryDevicePreferences();
    const pad = windowClient(core({ profile: salon(), device: fresh }), 1);
    await pad.call('firstRun.applyProfile', {});
    expect(fresh.load().printer).toEqual({ kind: 'system', paper: '80mm', name: null });

    const chosen = memoryDevicePreferences({ printer: { kind: 'system', paper: '58mm', name: 'Star' } });
    const other = windowClient(core({ profile: salon(), device: chosen }), 1);
    await other.call('firstRun.applyProfile', {});
    expect(chosen.load().printer).toEqual({ kind: 'system', paper: '58mm', name: 'Star' });
  });

  it('sets the receipt header and the logo the host read beside its profile', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const c = core({ profile: { ...salon(), logo: 'logo.png', logoDataUrl: logo } as StoreProfile });
    const pad = windowClient(c, 1);
    await pad.call('firstRun.applyProfile', {});
    await pad.setup(OWNER_PIN);
    expect(await pad.call('store.get', {})).toMatchObject({ legalName: 'Fern & Fringe Hair Studio Ltd', taxNumber: 'GB 284 7716 93', language: 'en', logo });
  });

  it('ignores the profile once the ledger is in use: the owner already has a PIN', async () => {
    const first = core();
    await windowClient(first, 1).setup(OWNER_PIN);
    await first.idle();
    first.close();
    const again = core({ dataDir: first.dir, profile: salon() });
    const pad = windowClient(again, 1);
    expect(await pad.call('firstRun.profile', {})).toBeNull();
    expect(await pad.refuse('firstRun.applyProfile', {})).toMatchObject({ key: 'errors.profile.notFresh' });
    expect((await pad.call('session.state', {})).storeName).toBe('My café');
  });
});
