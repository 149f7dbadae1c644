import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPinHasher, PIN_COST, TEST_PIN_COST } from './pin-hash';

const pepper = randomBytes(32);
const hasher = createPinHasher(pepper, TEST_PIN_COST);

describe('PIN hashes', () => {
  it('verify the right PIN and refuse a wrong one', async () => {
    const stored = await hasher.hash('2468');
    expect(await hasher.verify('2468', stored)).toBe(true);
    for (const wrong of ['2469', '24680', '8642', '246', '']) expect(await hasher.verify(wrong, stored), wrong).toBe(false);
  });

  it('differ for two hashes of one PIN (each has its own salt), and both verify', async () => {
    const [first, second] = await Promise.all([hasher.hash('1357'), hasher.hash('1357')]);
    expect(first).not.toBe(second);
    expect(await hasher.verify('1357', first)).toBe(true);
    expect(await hasher.verify('1357', second)).toBe(true);
  });

  it('do not verify under another pepper: the database alone is not enough', async () => {
    const stored = await hasher.hash('2468');
    expect(await createPinHasher(randomBytes(32), TEST_PIN_COST).verify('2468', stored)).toBe(false);
    // The same pepper in another hasher (the next start) does.
    expect(await createPinHasher(Buffer.from(pepper), TEST_PIN_COST).verify('2468', stored)).toBe(true);
  });

  it('read as scrypt$N$r$p$salt$key, with the cost inside, so a later cost still verifies an old hash', async () => {
    const stored = await hasher.hash('97531');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // A hasher made with the production cost reads the test cost from the hash itself.
    expect(await createPinHasher(pepper, PIN_COST).verify('97531', stored)).toBe(true);
    expect(PIN_COST.N).toBeGreaterThan(TEST_PIN_COST.N);
  });

  it('refuse a stored value that is not such a hash, without throwing', async () => {
    const good = await hasher.hash('2468');
    const parts = good.split('$');
    const broken = [
      '',
      '2468',
      'bcrypt$1024$8$1$abc$def',
      good.replace('scrypt$1024', 'scrypt$many'),
      [...parts.slice(0, 5), 'c2hvcnQ'].join('$'),
      `${good}$extra`,
    ];
    for (const stored of broken) expect(await hasher.verify('2468', stored), stored).toBe(false);
  });

  it('digest a PIN for the command log: keyed by the pepper, the same each time, never the PIN', () => {
    const digest = hasher.digest('2468');
    expect(digest).toBe(hasher.digest('2468'));
    expect(digest).not.toBe(hasher.digest('2469'));
    expect(createPinHasher(randomBytes(32), TEST_PIN_COST).digest('2468')).not.toBe(digest);
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
