import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, loadConfigFromFile } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The web host serves dist/renderer as it is, and the package ships it: a source map there, or a
 * comment pointing at one, would hand out the readable source of the till.
 */
const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, 'vite.config.mts');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-renderer-build-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the built renderer', () => {
  it('is configured without source maps', async () => {
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, CONFIG, ROOT, 'silent');
    expect(loaded?.config.build?.sourcemap).toBe(false);
  });

  it('builds to files with no .map beside them and no sourceMappingURL inside', async () => {
    await build({ configFile: CONFIG, root: path.join(ROOT, 'renderer'), mode: 'production', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const files = filesUnder(out);
    // The build really ran: the page and at least one script are there to be checked.
    expect(files.map((file) => path.basename(file))).toContain('index.html');
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((name) => /\.(js|css|html)$/.test(name))) {
      expect(fs.readFileSync(file, 'utf8'), path.relative(out, file)).not.toContain('sourceMappingURL');
    }
  });
});
