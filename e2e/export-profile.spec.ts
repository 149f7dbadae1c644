import fs from 'node:fs/promises';
import type { Catalog } from '../shared/types';
import { parseStoreProfile } from '../shared/store-profile';
import { expect, test } from './fixtures';
import { must } from './pages/commands';
import { SettingsPage } from './pages/settings-page';

/** A real 1×1 PNG. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('the owner exports the store as profile.json and its logo, and the file reads back as a store profile', async ({ page, appUrl, request, webHost }) => {
  await must(request, webHost, 'store.update', {
    name: 'Harbour Bean',
    legalName: 'Harbour Bean Coffee Ltd',
    address: ['3 Quay Street', 'Galway H91 X2K7'],
    taxNumber: 'IE 3456789KH',
    logo: PNG,
  });
  await must(request, webHost, 'catalog.loadStarter', { kind: 'cafe' });
  const catalog = await must<Catalog>(request, webHost, 'catalog.list', {});

  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  const section = page.getByRole('region', { name: 'Store profile' });
  await expect(section.getByText('never PINs or sales')).toBeVisible();

  const profileFile = page.waitForEvent('download', (download) => download.suggestedFilename() === 'profile.json');
  const logoFile = page.waitForEvent('download', (download) => download.suggestedFilename() === 'logo.png');
  await section.getByRole('button', { name: 'Export store profile…' }).click();

  const text = await fs.readFile(await (await profileFile).path(), 'utf8');
  const parsed = parseStoreProfile(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
  expect(parsed.profile).toMatchObject({ name: 'Harbour Bean', legalName: 'Harbour Bean Coffee Ltd', taxNumber: 'IE 3456789KH', logo: 'logo.png' });
  expect(parsed.profile.catalog.categories).toEqual(catalog.categories.map((category) => category.name));
  expect(parsed.profile.catalog.items.map((item) => item.name).sort()).toEqual(catalog.items.map((item) => item.name).sort());
  expect(parsed.profile.staff).toEqual([{ name: 'Owner', role: 'owner' }]);
  // Indented for people to read, as the examples are.
  expect(text).toMatch(/^\{\n {2}"format": "aftertab.store-profile",\n/);

  const logo = await fs.readFile(await (await logoFile).path());
  expect(`data:image/png;base64,${logo.toString('base64')}`).toBe(PNG);
  await expect(section.getByText('Downloaded profile.json and logo.png: keep the two files in one folder.')).toBeVisible();
});

test('an export refused for a missing receipt header says so beside the button', async ({ page, appUrl }) => {
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  const section = page.getByRole('region', { name: 'Store profile' });
  await section.getByRole('button', { name: 'Export store profile…' }).click();
  await expect(section.getByRole('alert')).toHaveText(/^A store profile needs the receipt header/);
});
