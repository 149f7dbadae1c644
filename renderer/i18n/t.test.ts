import { describe, expect, it } from 'vitest';
import { t } from './t';

describe('t', () => {
  it('fills placeholders and picks plural forms', () => {
    expect(t('tab.token', { token: 7 })).toBe('Token 7');
    expect(t('tab.items', { count: 1 })).toBe('1 item');
    expect(t('tab.items', { count: 3 })).toBe('3 items');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(t('tab.due')).toBe('Due {amount}');
  });
});
