import { describe, expect, it } from 'vitest';
import type { LoyaltySettings } from '../../../shared/loyalty-types';
import { previewText, receiptBalanceText, standingText } from './loyalty-words';

const euro = (minor: number) => `€${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const settings: LoyaltySettings = { scheme: 'stamps', categoryId: 1, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 };

describe('loyalty in words', () => {
  it('words a stamp card and points, before and after a reward is due', () => {
    const stamps = { scheme: 'stamps' as const, balance: 7, goal: 9, rewardDue: false, spendableMinor: 0, categoryName: 'Coffee', stampsEvery: 10 };
    expect(standingText(stamps, euro)).toBe('Stamps: 7 of 9');
    expect(standingText({ ...stamps, balance: 9, rewardDue: true }, euro)).toBe('Stamps: 9 of 9, the next Coffee is free');
    expect(standingText({ ...stamps, scheme: 'points', balance: 120, goal: 100, spendableMinor: 120 }, euro)).toBe('Points: 120, €1.20 to spend');
  });

  it('previews the setting and the receipt balance in plain words', () => {
    expect(previewText(settings, 'Coffee', euro)).toBe(
      'Every 10th item from Coffee is free: a customer collects a stamp for each one they pay for, and after 9 stamps the next one is on the house.',
    );
    expect(previewText({ ...settings, scheme: 'points' }, '', euro)).toBe(
      'A customer earns 1 point for every €1.00 paid (tips do not count). Each point takes €0.01 off a later bill, from 100 points (€1.00).',
    );
    expect(previewText({ ...settings, scheme: 'off' }, '', euro)).toBe('No loyalty: customers collect nothing.');
    const standing = { scheme: 'stamps' as const, balance: 3, goal: 9, rewardDue: false, spendableMinor: 0, categoryName: 'Coffee', stampsEvery: 10 };
    expect(receiptBalanceText({ standing, reward: null, offerMinor: null, earned: 2, balanceAfter: 3, scheme: 'stamps' })).toBe(
      'Stamps earned: 2. Card: 3 of 9',
    );
  });
});
