import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/seeded-random';
import { commandNames } from '../../shared/contract';
import { inputSchemaOf, isMalformed, JUNK, malformedPayload, mutateInput, pathsOf, sampleFrom, serialize } from './mutator';

describe('the payload mutator', () => {
  it('writes the raw JSON the serializer cannot (huge numbers, duplicate keys)', () => {
    const rawNumber = JUNK.find((value) => typeof value === 'string' && value.includes('1e400'));
    expect(serialize({ amountMinor: rawNumber })).toBe('{"amountMinor":1e400}');
    expect(JSON.parse(serialize({ a: rawNumber })).a).toBe(Infinity);
    expect(serialize({ text: 'plain "quoted" \u0000' })).toBe(JSON.stringify({ text: 'plain "quoted" \u0000' }));
  });

  it('samples an input of the schema’s shape, and lists every place in it', () => {
    const random = seededRandom(7);
    const sample = sampleFrom(inputSchemaOf('tab.addLine'), random) as Record<string, unknown>;
    expect(sample).toMatchObject({ tabId: 1, itemId: 1 });
    expect(pathsOf({ a: [1, { b: 2 }] })).toEqual([['a'], ['a', 0], ['a', 1], ['a', 1, 'b']]);
  });

  it('changes something in every mutated input and never touches the sample', () => {
    const random = seededRandom(3);
    const sample = { tabId: 4, method: 'cash', confirmed: { tipMinor: 10 } };
    for (let i = 0; i < 200; i += 1) {
      const { input } = mutateInput(sample, random);
      expect(serialize(input)).not.toBe(JSON.stringify(sample));
    }
    expect(sample).toEqual({ tabId: 4, method: 'cash', confirmed: { tipMinor: 10 } });
  });

  it('calls malformed exactly what the host’s own parser refuses', () => {
    const valid = { body: JSON.stringify({ input: { tabId: 3 }, commandId: 'abcdefgh-1' }), contentType: 'application/json', kind: 'valid' };
    expect(isMalformed('tab.get', valid)).toBe(false);
    expect(isMalformed('tab.void', valid)).toBe(false);
    expect(isMalformed('tab.void', { ...valid, body: JSON.stringify({ input: { tabId: 3 } }) })).toBe(true);
    expect(isMalformed('tab.get', { ...valid, contentType: 'text/plain' })).toBe(true);
    expect(isMalformed('tab.get', { ...valid, body: '{"input":' })).toBe(true);
    expect(isMalformed('tab.get', { ...valid, body: '{"input":{"tabId":1.5}}' })).toBe(true);
    expect(isMalformed('tab.get', { ...valid, body: '{"input":{"tabId":3},"extra":1}' })).toBe(true);
    expect(isMalformed('audit.csv', { ...valid, body: '{"input":{"businessDate":"9999-99-99"}}' })).toBe(true);
  });

  it('finds malformed payloads for every command in the contract, the same ones for the same seed', () => {
    const first: string[] = [];
    for (const seed of [11, 11]) {
      const random = seededRandom(seed);
      const bodies: string[] = [];
      for (const name of commandNames) {
        const schema = inputSchemaOf(name);
        let found = 0;
        for (let i = 0; i < 200 && found < 5; i += 1) {
          const payload = malformedPayload(schema, random, 'fuzz-abcdefgh');
          if (isMalformed(name, payload)) {
            found += 1;
            bodies.push(payload.body.slice(0, 100));
          }
        }
        expect(found, name).toBe(5);
      }
      if (first.length === 0) first.push(...bodies);
      else expect(bodies).toEqual(first);
    }
  });
});
