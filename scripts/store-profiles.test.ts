import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoreProfile, storeProfileV1 } from '../shared/store-profile';

const ROOT = path.join(__dirname, '..');
const STORES = path.join(ROOT, 'stores');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'STORE-PROFILE.md'), 'utf8');

const stores = fs
  .readdirSync(STORES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the example stores', () => {
  it('include a café and a salon', () => {
    expect(stores).toEqual(expect.arrayContaining(['cafe-example', 'salon-example']));
  });

  it.each(stores)('stores/%s/profile.json is a valid store profile', (slug) => {
    const result = parseStoreProfile(fs.readFileSync(path.join(STORES, slug, 'profile.json'), 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('the salon books services with durations and texts, under opening hours and a deposit policy, with three staff', () => {
    const result = parseStoreProfile(fs.readFileSync(path.join(STORES, 'salon-example', 'profile.json'), 'utf8'));
    if (!result.ok) throw new Error('the salon example must be valid');
    const services = result.profile.catalog.items.filter((item) => item.kind === 'service');
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((item) => item.durationMinutes > 0 && item.expectText.length > 0)).toBe(true);
    expect(result.profile.openingHours).toBeDefined();
    expect(result.profile.depositPolicy?.mode).not.toBe('none');
    expect(result.profile.staff).toHaveLength(3);
  });

  it('the café has a stamp card on its coffee', () => {
    const result = parseStoreProfile(fs.readFileSync(path.join(STORES, 'cafe-example', 'profile.json'), 'utf8'));
    if (!result.ok) throw new Error('the café example must be valid');
    expect(result.profile.loyalty).toMatchObject({ scheme: 'stamps', category: 'Coffee' });
  });
});

describe('docs/STORE-PROFILE.md', () => {
  it('describes every top-level field of the schema, and no field the schema lacks', () => {
    const keys = Object.keys(storeProfileV1.shape);
    const missing = keys.filter((key) => !new RegExp(`^\\| \`${key}\``, 'm').test(DOC));
    expect(missing).toEqual([]);
    const documented = [...DOC.matchAll(/^\| `([A-Za-z]+)` /gm)].map((m) => m[1]);
    expect(documented.filter((key) => key !== undefined && !keys.includes(key))).toEqual([]);
  });

  it("shows the salon example's profile in full, as it is in stores/", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(DOC.slice(DOC.indexOf('## A full example')));
    expect(block).not.toBeNull();
    const shown: unknown = JSON.parse(block?.[1] ?? '');
    const file: unknown = JSON.parse(fs.readFileSync(path.join(STORES, 'salon-example', 'profile.json'), 'utf8'));
    expect(shown).toEqual(file);
  });
});
