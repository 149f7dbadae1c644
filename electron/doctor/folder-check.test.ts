import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../test-support/temp-folders';
import { kindOf, probeWrite } from './deps';
import { checkFolder, formatBytes, type FolderDeps } from './folder-check';

const tempRoot = tempFolders('aftertab-folder-');

const words = { createdBy: 'a first start creates it', unreachableFix: 'choose another folder' };

function folderDeps(changes: Partial<FolderDeps> = {}): FolderDeps {
  return { kindOf, probeWrite, freeBytes: () => 2 * 1024 * 1024 * 1024, ...changes };
}

describe('checkFolder', () => {
  it('passes a writable folder and leaves nothing in it', () => {
    const dir = tempRoot();
    expect(checkFolder(dir, folderDeps(), words)).toEqual({ status: 'ok', detail: `${dir}, writable, 2 GB free` });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails a file where the folder should be', () => {
    const file = path.join(tempRoot(), 'data');
    fs.writeFileSync(file, 'x');
    expect(checkFolder(file, folderDeps(), words)).toEqual({ status: 'fail', detail: `${file} is a file, not a folder`, fix: 'choose another folder' });
  });

  it('fails a folder it cannot even look at', () => {
    const refused = (): never => {
      throw Object.assign(new Error('EACCES: permission denied, stat'), { code: 'EACCES' });
    };
    expect(checkFolder('/somewhere/data', folderDeps({ kindOf: refused }), words)).toMatchObject({
      status: 'fail',
      detail: '/somewhere/data cannot be reached: EACCES: permission denied, stat',
    });
  });

  it('probes the closest existing folder when the folder is not there yet, without making it', () => {
    const root = tempRoot();
    const probed: string[] = [];
    const deps = folderDeps({ probeWrite: (dir) => probed.push(dir) });
    const verdict = checkFolder(path.join(root, 'a', 'b', 'data'), deps, words);
    expect(verdict.status).toBe('ok');
    expect(verdict.detail).toContain(`(not there yet; a first start creates it under ${root}, which is writable)`);
    expect(probed).toEqual([root]);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('names the folder once, not the probe file node:fs would append', () => {
    const root = tempRoot();
    const refused = (dir: string): never => {
      throw Object.assign(new Error(`EROFS: read-only file system, open '${dir}/.aftertab-doctor-1-x.probe'`), { code: 'EROFS' });
    };
    expect(checkFolder(root, folderDeps({ probeWrite: refused }), words)).toEqual({
      status: 'fail',
      detail: `${root} is not writable: EROFS: read-only file system`,
      fix: 'choose another folder',
    });
  });

  it('warns, not fails, when the free space cannot be read', () => {
    const dir = tempRoot();
    const verdict = checkFolder(
      dir,
      folderDeps({
        freeBytes: () => {
          throw new Error('ENOSYS: statfs');
        },
      }),
      words,
    );
    expect(verdict).toMatchObject({ status: 'warn', detail: `${dir}, writable; its free space is unknown (ENOSYS: statfs)` });
  });
});

describe('formatBytes', () => {
  it('gives megabytes whole and gigabytes to a tenth', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1023 * 1024 * 1024)).toBe('1023 MB');
    expect(formatBytes(1.25 * 1024 * 1024 * 1024)).toBe('1.3 GB');
    expect(formatBytes(80 * 1024 * 1024 * 1024)).toBe('80 GB');
  });
});
