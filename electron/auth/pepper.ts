import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Electron's safeStorage, or anything shaped like it: encrypts with a key the operating system
 * keeps for this user (Keychain, DPAPI, libsecret). Typed structurally so tests pass a fake.
 */
export type SecretBox = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const PEPPER_FILE = 'pin-key';
export const SEALED_PEPPER_FILE = 'pin-key.sealed';
const PEPPER_BYTES = 32;

export class PepperError extends Error {}

function readPlain(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== PEPPER_BYTES) throw new PepperError(`${file} is not an Aftertab PIN key (expected ${PEPPER_BYTES} bytes)`);
  return bytes;
}

/**
 * The per-install secret every PIN hash is made with, kept outside the ledger file so a copied
 * database alone cannot be tried PIN by PIN. With the operating system's secret store (Electron's
 * safeStorage) it is kept sealed by it; otherwise in a file only this user may read (0600). Made
 * once, on first use; the same one is read back at every start.
 */
export function loadPepper(dataDir: string, box: SecretBox | null = null): Buffer {
  const sealed = path.join(dataDir, SEALED_PEPPER_FILE);
  const plain = path.join(dataDir, PEPPER_FILE);
  if (fs.existsSync(sealed)) {
    if (!box?.isEncryptionAvailable()) {
      throw new PepperError(`${sealed} is sealed by this computer's secret store, which is not available now; staff cannot sign in until it is`);
    }
    const bytes = Buffer.from(box.decryptString(fs.readFileSync(sealed)), 'base64');
    if (bytes.length !== PEPPER_BYTES) throw new PepperError(`${sealed} is not an Aftertab PIN key`);
    return bytes;
  }
  if (fs.existsSync(plain)) return readPlain(plain);
  const pepper = randomBytes(PEPPER_BYTES);
  fs.mkdirSync(dataDir, { recursive: true });
  if (box?.isEncryptionAvailable()) {
    fs.writeFileSync(sealed, box.encryptString(pepper.toString('base64')), { mode: 0o600, flag: 'wx' });
  } else {
    fs.writeFileSync(plain, `${pepper.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given to writeFileSync is masked by the umask; say it once more.
    fs.chmodSync(plain, 0o600);
  }
  return pepper;
}
