import fs from 'node:fs';
import path from 'node:path';
import { expect, RENDERER_DIR, test } from './fixtures';

const DIST = path.join(__dirname, '..', 'dist');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// What `npm run build` leaves in dist/ is what electron-builder packs and the web host serves.
test('the build holds no source maps and points to none', () => {
  const files = filesUnder(DIST).map((file) => path.relative(DIST, file));
  // The walk must have found the build, or an empty dist/ would pass.
  expect(files).toContain(path.join('renderer', 'index.html'));
  expect(files).toContain(path.join('electron', 'main.cjs'));
  expect(files.filter((file) => file.toLowerCase().endsWith('.map'))).toEqual([]);
  const pointing = files
    .filter((file) => /\.(c?js|mjs|css)$/.test(file))
    .filter((file) => /^(\/\/|\/\*)# sourceMappingURL=/m.test(fs.readFileSync(path.join(DIST, file), 'utf8')));
  expect(pointing).toEqual([]);
});

test('the web host answers 404 for the map of a real bundle', async ({ request, webHost }) => {
  const bundle = fs.readdirSync(path.join(RENDERER_DIR, 'assets')).find((name) => name.endsWith('.js'));
  expect(bundle).toBeDefined();
  const served = await request.get(`${webHost.url}assets/${bundle}`);
  expect(served.status()).toBe(200);
  const map = await request.get(`${webHost.url}assets/${bundle}.map`);
  expect(map.status()).toBe(404);
});
