import { describe, expect, it } from 'vitest';
import { paperTools } from './paper-tools';

describe("a paper's dates", () => {
  it("name the month in the store's language, whatever the locale money is formatted in", () => {
    // An English-formatted store (en-GB money and numbers) whose paper speaks Spanish.
    const p = paperTools({ currency: 'EUR', locale: 'en-GB', timeZone: 'Europe/Madrid' }, 'es');
    expect(p.shortDate('2026-12-01')).toBe(
      new Intl.DateTimeFormat('es-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date('2026-12-01T12:00:00Z')),
    );
    expect(p.shortDate('2026-12-01')).not.toContain('Dec');
    expect(p.date('2026-12-01')).not.toContain('Dec');
  });
});
