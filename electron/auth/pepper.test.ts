import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../test-support/temp-folders';
import { loadPepper, PEPPER_FILE, PepperError, SEALED_PEPPER_FILE, type SecretBox } from './pepper';

const folder = tempFolders('aftertab-pepper-');

/** Stands in for Electron's safeStorage: a reversible seal with a marker, so a plain read shows it. */
function fakeBox(available = true): SecretBox & { sealed: number; opened: number } {
  const box = {
    sealed: 0,
    opened: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain: string): Buffer {
      box.sealed += 1;
      return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)]);
    },
    decryptString(encrypted: Buffer): string {
      box.opened += 1;
      if (!encrypted.subarray(0, 7).equals(Buffer.from('SEALED:'))) throw new Error('not sealed by this box');
      return Buffer.from(encrypted.subarray(7).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
  };
  return box;
}

describe('the PIN key (pepper)', () => {
  it('is made once, 32 random bytes in a file only this user may read, and read back the same', () => {
    const dir = folder();
    const pepper = loadPepper(dir);
    expect(pepper).toHaveLength(32);
    const file = path.join(dir, PEPPER_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(pepper.toString('base64'));
    expect(loadPepper(dir).equals(pepper)).toBe(true);
    expect(fs.existsSync(path.join(dir, SEALED_PEPPER_FILE))).toBe(false);
    // Another install has another key.
    expect(loadPepper(folder()).equals(pepper)).toBe(false);
  });

  it('makes the data folder when it does not exist yet', () => {
    const dir = path.join(folder(), 'new', 'data');
    expect(loadPepper(dir)).toHaveLength(32);
    expect(fs.existsSync(path.join(dir, PEPPER_FILE))).toBe(true);
  });

  it('is sealed by the secret store when there is one, never written in plain, and opened by it', () => {
    const dir = folder();
    const box = fakeBox();
    const pepper = loadPepper(dir, box);
    expect(box.sealed).toBe(1);
    expect(fs.existsSync(path.join(dir, PEPPER_FILE))).toBe(false);
    const sealed = fs.readFileSync(path.join(dir, SEALED_PEPPER_FILE));
    expect(sealed.includes(Buffer.from(pepper.toString('base64')))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, SEALED_PEPPER_FILE)).mode & 0o777).toBe(0o600);
    expect(loadPepper(dir, box).equals(pepper)).toBe(true);
    expect(box.opened).toBe(1);
    expect(box.sealed).toBe(1);
  });

  it('refuses a sealed key when the secret store is missing or not available, saying why', () => {
    const dir = folder();
    const pepper = loadPepper(dir, fakeBox());
    for (const box of [null, fakeBox(false)]) {
      expect(() => loadPepper(dir, box)).toThrow(PepperError);
      expect(() => loadPepper(dir, box)).toThrow(/sealed by this computer's secret store, which is not available now; staff cannot sign in/);
    }
    // It never falls back to a new plain key, which would make every PIN wrong.
    expect(fs.existsSync(path.join(dir, PEPPER_FILE))).toBe(false);
    expect(loadPepper(dir, fakeBox()).equals(pepper)).toBe(true);
  });

  it('keeps reading a plain key made before a secret store was there', () => {
    const dir = folder();
    const pepper = loadPepper(dir);
    const box = fakeBox();
    expect(loadPepper(dir, box).equals(pepper)).toBe(true);
    expect(box.sealed).toBe(0);
    expect(fs.existsSync(path.join(dir, SEALED_PEPPER_FILE))).toBe(false);
  });

  it.each([
    ['too short', Buffer.alloc(16, 7).toString('base64')],
    ['too long', Buffer.alloc(48, 7).toString('base64')],
    ['empty', ''],
  ])('refuses a key file of the wrong size (%s)', (_label, text) => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, PEPPER_FILE), text);
    expect(() => loadPepper(dir)).toThrow(PepperError);
    expect(() => loadPepper(dir)).toThrow(/is not an Aftertab PIN key \(expected 32 bytes\)/);
    // The file is left as it was, for someone to look at.
    expect(fs.readFileSync(path.join(dir, PEPPER_FILE), 'utf8')).toBe(text);
  });

  it('refuses a sealed key that opens to the wrong size', () => {
    const dir = folder();
    const box = fakeBox();
    fs.writeFileSync(path.join(dir, SEALED_PEPPER_FILE), box.encryptString(Buffer.alloc(8, 1).toString('base64')));
    expect(() => loadPepper(dir, box)).toThrow(/is not an Aftertab PIN key/);
  });
});
