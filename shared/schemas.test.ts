import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { readableText, reason, requiredName } from './schemas';

/** The first refusal's key, as the dispatcher would send it; null when the value passes. */
function refusal(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'no message');
}

// Nothing a person can see: spaces, zero-width characters, format and control characters.
const invisible = [
  '\u200b',
  '\u200b\u200b ',
  '\t\n',
  ' \r\n ',
  '\u200c\u200d',
  '\u2060\ufeff',
  '\u00a0\u3000',
  '\u00ad',
  '\u200e\u200f',
  '\u3164',
  '\ufe0f',
  '\u2028',
];
const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const controls = ['\u0000', '\u0007', '\u001b', '\u000b', '\u007f', '\u0085'];

describe('a text made only of invisible characters counts as empty', () => {
  it.each(invisible)('%j is no reason', (value) => {
    expect(refusal(reason, value)).toBe('errors.field.reason');
    expect(refusal(requiredName(60), value)).toBe('errors.field.nameRequired');
  });

  it.each(invisible)('%j leaves an optional note empty rather than invisibly filled', (value) => {
    expect(readableText(280).parse(value)).toBe('');
  });

  it('holds for any mix of invisible characters', () => {
    const blank = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u3000', '\u180e');
    fc.assert(
      fc.property(fc.array(blank, { minLength: 1, maxLength: 30 }), (parts) => {
        const value = parts.join('');
        expect(readableText(200).parse(value)).toBe('');
        expect(refusal(reason, value)).toBe('errors.field.reason');
      }),
    );
  });
});

describe('hidden controls and direction overrides are refused anywhere', () => {
  it.each([...bidi, ...controls])('%j alone, at the start, inside and at the end', (hidden) => {
    for (const value of [hidden, `${hidden}Ana`, `An${hidden}a`, `Ana${hidden}`]) {
      expect(refusal(requiredName(60), value), JSON.stringify(value)).toBe('errors.field.hiddenCharacters');
      expect(refusal(reason, value), JSON.stringify(value)).toBe('errors.field.hiddenCharacters');
      expect(refusal(readableText(280), value), JSON.stringify(value)).toBe('errors.field.hiddenCharacters');
    }
  });

  it('refuses a right-to-left override that makes a name read backwards', () => {
    expect(refusal(requiredName(80), 'Invoice \u202Efdp.exe')).toBe('errors.field.hiddenCharacters');
  });

  it('refuses one inserted anywhere into any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.constantFrom(...bidi, ...controls), (text, at, hidden) => {
        const cut = at % (text.length + 1);
        expect(refusal(readableText(200), text.slice(0, cut) + hidden + text.slice(cut))).toBe('errors.field.hiddenCharacters');
      }),
    );
  });
});

describe('readable text is stored as it was typed', () => {
  it.each([
    'Not satisfied',
    'Café crème trop froid, à refaire',
    'Waited too long 😞',
    'Family 👩‍👩‍👧 (the joiners inside the emoji stay)',
    'Flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    '待ち時間が長すぎました',
    'می‌خواهم',
    'שלום\u200f עולם',
    'no sugar\noat milk\r\n\tsecond line',
    'Zero\u200bwidth inside stays',
  ])('%j passes unchanged', (value) => {
    expect(reason.parse(value)).toBe(value);
    expect(requiredName(200).parse(value)).toBe(value);
  });

  it('drops spaces and zero-width characters at the ends only', () => {
    expect(requiredName(60).parse('\u200b Cakes\u2060\ufeff')).toBe('Cakes');
    expect(reason.parse('\u200dmilk from the shop\u200c\n')).toBe('milk from the shop');
  });

  it('keeps the length limit on what is stored', () => {
    expect(readableText(5).parse('abcde\u200b')).toBe('abcde');
    expect(refusal(readableText(5), 'abcdef')).not.toBeNull();
  });

  it('keeps every text with something visible in it, apart from its blank ends', () => {
    const hidden = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u;
    const blankEnds = (text: string) => text.replace(/^[\s\u200B-\u200D\u2060\uFEFF]+/, '').replace(/[\s\u200B-\u200D\u2060\uFEFF]+$/, '');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 5 }), (around, word) => {
        fc.pre(/[!-~]/.test(word) && !hidden.test(around + word));
        const value = `${around}${word}${around}`;
        expect(readableText(200).parse(value)).toBe(blankEnds(value));
      }),
    );
  });
});
