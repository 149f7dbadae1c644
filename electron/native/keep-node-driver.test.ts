import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepNodeDriver, nodeDriverFile } from './keep-node-driver';
import { tempFolders } from '../test-support/temp-folders';
import { NODE_BUILD } from './native-fixture';

const tempRoot = tempFolders('aftertab-keep-');

/** An app folder with its own copy of Node's build, so the test may overwrite it as electron-builder would. */
function appWithNodeBuild(): string {
  const root = tempRoot();
  fs.mkdirSync(path.dirname(nodeDriverFile(root)), { recursive: true });
  fs.copyFileSync(NODE_BUILD, nodeDriverFile(root));
  return root;
}
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const rebuildForElectron = (root: string) => () => {
  fs.writeFileSync(nodeDriverFile(root), 'ELF…node_register_module_v150…');
  return Promise.resolve(0);
};

describe('packaging keeps Node’s build of the driver', () => {
  it('puts Node’s build back after electron-builder rebuilt it for Electron', async () => {
    const root = appWithNodeBuild();
    const before = sha256(nodeDriverFile(root));
    expect(await keepNodeDriver(root, rebuildForElectron(root))).toEqual({ value: 0, restored: true });
    expect(sha256(nodeDriverFile(root))).toBe(before);
  });

  it('leaves it alone when the packaging did not touch it', async () => {
    const root = appWithNodeBuild();
    const mtime = fs.statSync(nodeDriverFile(root)).mtimeMs;
    expect(await keepNodeDriver(root, () => Promise.resolve('done'))).toEqual({ value: 'done', restored: false });
    expect(fs.statSync(nodeDriverFile(root)).mtimeMs).toBe(mtime);
  });

  it('puts it back even when the packaging fails halfway', async () => {
    const root = appWithNodeBuild();
    const before = sha256(nodeDriverFile(root));
    await expect(
      keepNodeDriver(root, async () => {
        await rebuildForElectron(root)();
        throw new Error('cannot download Electron');
      }),
    ).rejects.toThrow('cannot download Electron');
    expect(sha256(nodeDriverFile(root))).toBe(before);
  });
});
