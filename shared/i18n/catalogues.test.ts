import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import de from './catalogues/de.json';
import en from './catalogues/en.json';
import es from './catalogues/es.json';
import { languages, type Language } from './languages';

const catalogues: Record<Language, Record<string, string>> = { en, de, es };

/** What a message needs from its caller: each value's name and how it is used (plain, plural, select...). */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) out.add(element.value);
    else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) out.add(`${element.value}:${TYPE[element.type]}`);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      out.add(`${element.value}:${TYPE[element.type]}`);
      for (const option of Object.values(element.options)) placeholders(option.value, out);
    }
  }
  return out;
}

function signature(message: string): string {
  return [...placeholders(parse(message, { ignoreTag: true }))].sort().join(' ');
}

describe('the catalogues', () => {
  it('every English message is valid ICU', () => {
    const broken = Object.entries(en).filter(([, message]) => {
      try {
        parse(message, { ignoreTag: true });
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(1000);
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    describe(language, () => {
      const catalogue = catalogues[language];
      it('has every key English has, and no other', () => {
        expect(Object.keys(en).filter((key) => !Object.hasOwn(catalogue, key))).toEqual([]);
        expect(Object.keys(catalogue).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
      });

      it('asks for the same placeholders as English in every message', () => {
        const differing = Object.keys(en)
          .filter((key) => Object.hasOwn(catalogue, key))
          .flatMap((key) => {
            const theirs = (() => {
              try {
                return signature(catalogue[key]!);
              } catch (error) {
                return `unparsable: ${(error as Error).message}`;
              }
            })();
            const ours = signature(en[key as keyof typeof en]);
            return theirs === ours ? [] : [`${key}: en {${ours}} ${language} {${theirs}}`];
          });
        expect(differing).toEqual([]);
      });

      it('is translated: most messages differ from English', () => {
        // Names, shortcuts and codes (PIN, CSV, Z) may stay as they are; whole screens may not.
        const same = Object.keys(en).filter((key) => catalogue[key] === en[key as keyof typeof en]);
        expect(same.length / Object.keys(en).length).toBeLessThan(0.08);
      });
    });
  }

  it('the placeholder check catches a renamed placeholder and a plural turned into text', () => {
    expect(signature('{count, plural, one {1 Rechnung} other {{count} Rechnungen}}')).toBe(signature(en['board.tabsHeading']));
    expect(signature('{anzahl} offene Rechnungen')).not.toBe(signature(en['board.tabsHeading']));
    expect(signature('{count} offene Rechnungen')).not.toBe(signature(en['board.tabsHeading']));
  });
});
