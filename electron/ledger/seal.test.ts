import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealWriter, decodeSeal, encodeSeal, readSeal, sealKeyFrom, sealPath, writeSealSync, type Seal } from './seal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-seal-'));
  dirs.push(dir);
  return dir;
}

const key = sealKeyFrom(Buffer.alloc(32, 7));
const seal: Seal = { seq: 4160, hash: 'ab'.repeat(32), at: '2026-12-05T14:02:00.000Z' };

describe('the seal', () => {
  it('reads back what it wrote, signed with the key from the install secret', () => {
    expect(decodeSeal(key, encodeSeal(key, seal))).toEqual({ state: 'ok', seal });
    expect(sealKeyFrom(Buffer.alloc(32, 7))).toEqual(key);
    // The seal's key is not the install secret itself.
    expect(key.equals(Buffer.alloc(32, 7))).toBe(false);
  });

  it('refuses a seal signed with another key, a changed entry count or hash, and a file that is not a seal', () => {
    const other = sealKeyFrom(Buffer.alloc(32, 8));
    expect(decodeSeal(other, encodeSeal(key, seal))).toEqual({
      state: 'invalid',
      problem: "the seal beside the ledger is not signed with this computer's key",
    });
    const raw = JSON.parse(encodeSeal(key, seal)) as Record<string, unknown>;
    expect(decodeSeal(key, JSON.stringify({ ...raw, seq: 4159 })).state).toBe('invalid');
    expect(decodeSeal(key, JSON.stringify({ ...raw, hash: 'cd'.repeat(32) })).state).toBe('invalid');
    expect(decodeSeal(key, JSON.stringify({ ...raw, at: '2026-12-05T15:00:00.000Z' })).state).toBe('invalid');
    expect(decodeSeal(key, 'not json')).toEqual({ state: 'invalid', problem: 'the seal beside the ledger is not readable' });
    expect(decodeSeal(key, JSON.stringify({ ...raw, version: 2 }))).toEqual({
      state: 'invalid',
      problem: 'the seal beside the ledger is not a seal this version of Aftertab wrote',
    });
  });

  it('is missing until written, then replaced whole, readable only by its owner', () => {
    const dir = tempDir();
    expect(readSeal(dir, key)).toEqual({ state: 'none' });
    writeSealSync(dir, key, seal);
    expect(readSeal(dir, key)).toEqual({ state: 'ok', seal });
    if (process.platform !== 'win32') expect(fs.statSync(sealPath(dir)).mode & 0o777).toBe(0o600);
    writeSealSync(dir, key, { ...seal, seq: 4161 });
    expect(readSeal(dir, key)).toMatchObject({ state: 'ok', seal: { seq: 4161 } });
    expect(fs.readdirSync(dir)).toEqual(['aftertab.seal']);
  });

  it('the writer keeps the newest head, writes it off the command path, and flushes it at once when asked', async () => {
    const dir = tempDir();
    const errors: unknown[] = [];
    const writer = createSealWriter({ dataDir: dir, key, onError: (error) => errors.push(error) });
    for (let seq = 1; seq <= 50; seq += 1) writer.note({ seq, hash: seq.toString(16).padStart(64, '0') }, seal.at);
    await writer.idle();
    expect(readSeal(dir, key)).toMatchObject({ state: 'ok', seal: { seq: 50 } });
    writer.note({ seq: 51, hash: 'ff'.repeat(32) }, seal.at);
    writer.flush();
    expect(readSeal(dir, key)).toMatchObject({ state: 'ok', seal: { seq: 51 } });
    await writer.idle();
    expect(readSeal(dir, key)).toMatchObject({ state: 'ok', seal: { seq: 51 } });
    expect(writer.last()?.seq).toBe(51);
    expect(errors).toEqual([]);
  });

  it('reports a write that failed and keeps going', async () => {
    const dir = tempDir();
    const errors: unknown[] = [];
    const writer = createSealWriter({ dataDir: path.join(dir, 'gone', 'deeper'), key, onError: (error) => errors.push(error) });
    writer.note({ seq: 1, hash: 'aa'.repeat(32) }, seal.at);
    await writer.idle();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
