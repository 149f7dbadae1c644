import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost; the numbers travel inside every hash, so a later change still reads old ones. */
export type ScryptCost = { N: number; r: number; p: number };
/** 2^15 × 8: about 32 MiB and a few tens of milliseconds per try on a shop PC. */
export const PIN_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** For tests only: the same scheme, cheap enough to run hundreds of times. */
export const TEST_PIN_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

export type PinHasher = {
  /** A new salted hash of the PIN: `scrypt$N$r$p$salt$hash` (base64url parts). */
  hash(pin: string): Promise<string>;
  verify(pin: string, stored: string): Promise<boolean>;
  /**
   * A keyed digest of the PIN for the command log's payload hash, so the ledger never holds a
   * plain or unkeyed hash of a PIN; it cannot be tried PIN by PIN without the pepper.
   */
  digest(pin: string): string;
  /** A fingerprint of the pepper, kept in the ledger to tell when its PINs were made with another key. */
  keyId(): string;
};

function derive(secret: Buffer, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p)) return null;
  return { cost: { N: N!, r: r!, p: p! }, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

/**
 * PINs hashed with scrypt over HMAC(pepper, PIN): the salt makes every hash different, the
 * pepper (kept outside the ledger, see pepper.ts) means the database alone is not enough to try
 * the 10^4..10^8 PINs there are.
 */
export function createPinHasher(pepper: Buffer, cost: ScryptCost = PIN_COST): PinHasher {
  const peppered = (pin: string): Buffer => createHmac('sha256', pepper).update(`pin:${pin}`).digest();
  return {
    async hash(pin) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(peppered(pin), salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(pin, stored) {
      const parsed = parse(stored);
      if (!parsed || parsed.key.length !== KEY_BYTES) return false;
      const key = await derive(peppered(pin), parsed.salt, parsed.cost);
      return timingSafeEqual(key, parsed.key);
    },
    digest(pin) {
      return createHmac('sha256', pepper).update(`payload:${pin}`).digest('base64url');
    },
    keyId() {
      return createHmac('sha256', pepper).update('key-id').digest('base64url').slice(0, 16);
    },
  };
}
