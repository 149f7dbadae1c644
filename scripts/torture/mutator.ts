import { z } from 'zod';
import type { Random } from '../../bench/seeded-random';
import { contract, type CommandName } from '../../shared/contract';
import { parseCommand } from '../../electron/ipc/admission';
import { MAX_BODY_BYTES } from '../../electron/web-host';

/** A JSON schema as zod writes it: only the parts the mutator reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minItems?: number;
};

/** One request body for `POST /api/command/<name>`, with the content type it is sent as. */
export type Payload = { body: string; contentType: string; kind: string };

/**
 * Text that stands for raw JSON the serializer cannot write (1e400, a duplicate key, __proto__):
 * the marker survives JSON.stringify as an escaped string and is then swapped for the raw text.
 */
const RAW_OPEN = '\u0001RAW:';
const RAW_CLOSE = '\u0001';
const raw = (text: string): string => `${RAW_OPEN}${text}${RAW_CLOSE}`;
const RAW_IN_JSON = /"\\u0001RAW:((?:[^"\\]|\\.)*?)\\u0001"/g;

function unescapeJsonString(text: string): string {
  return JSON.parse(`"${text}"`) as string;
}

/** JSON.stringify with the raw markers replaced by the text they carry. */
export function serialize(value: unknown): string {
  return JSON.stringify(value).replace(RAW_IN_JSON, (_, text: string) => unescapeJsonString(text));
}

function deepArray(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** Values of every wrong kind: wrong types, edge numbers, floats for money, odd text and nested junk. */
export const JUNK: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  0.1,
  1.5,
  99.99,
  1e21,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  raw('1e400'),
  raw('-1e400'),
  raw('NaN'),
  raw('9007199254740993'),
  raw('1E-400'),
  'NaN',
  'Infinity',
  '-1',
  '12',
  '0x10',
  '',
  ' ',
  '\u200B',
  '\u0000',
  'a\u0000b',
  '\u202Eevil',
  '\u2066x\u2069',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦'.repeat(40),
  'x'.repeat(201),
  'x'.repeat(5000),
  '\n'.repeat(300),
  "'; DROP TABLE tabs; --",
  '2024-02-30',
  '9999-99-99',
  '__proto__',
  'constructor',
  [],
  [1, 2, 3],
  [null],
  {},
  { a: { b: { c: [null, { d: 'e' }] } } },
  { tabId: 1 },
  deepArray(200),
  raw('{"__proto__":{"polluted":true}}'),
  raw('{"a":1,"a":2}'),
];

const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'tabId', 'id', '', ' ', 'toString', 'x'.repeat(300), '\u0000', 'commandId'];

function schemaTypes(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A value shaped like what the schema asks for (often valid, sometimes not): the thing to mutate. */
export function sampleFrom(schema: JsonSchema, random: Random, depth = 0): unknown {
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices && choices.length > 0) return sampleFrom(random.pick(choices), random, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum);
  const type = schemaTypes(schema)[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || random.chance(0.5)) out[key] = sampleFrom(child, random, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (depth > 6 || !schema.items) return [];
      const count = Math.max(schema.minItems ?? 0, random.int(0, 2));
      return Array.from({ length: count }, () => sampleFrom(schema.items as JsonSchema, random, depth + 1));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return random.pick(['note', '1234', '2025-01-15', 'EUR', 'en-GB']);
    case 'null':
      return null;
    default:
      return null;
  }
}

type Path = (string | number)[];

/** Every place inside a value a mutation can reach: objects' keys and arrays' items. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push([...prefix, index], ...pathsOf(item, [...prefix, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return found;
}

function containerAt(value: unknown, path: Path): unknown {
  let here: unknown = value;
  for (const step of path) here = (here as Record<string | number, unknown>)[step];
  return here;
}

function objectsIn(value: unknown): Path[] {
  const found: Path[] = typeof value === 'object' && value !== null && !Array.isArray(value) ? [[]] : [];
  for (const path of pathsOf(value)) {
    const there = containerAt(value, path);
    if (typeof there === 'object' && there !== null && !Array.isArray(there)) found.push(path);
  }
  return found;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A copy of one junk value: later mutations may change inside it, and JUNK must stay as it is. */
function junk(random: Random): unknown {
  return clone(random.pick(JUNK));
}

/** Sets an own, enumerable property even for "__proto__", which plain assignment would not. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The input with one thing wrong in it: a field of the wrong kind, a field missing, or one too many. */
export function mutateInput(sample: unknown, random: Random): { input: unknown; kind: string } {
  const input = clone(sample);
  const paths = pathsOf(input);
  const move = random.weighted<'wrong' | 'missing' | 'extra' | 'whole' | 'several'>([
    ['wrong', 5],
    ['missing', 2],
    ['extra', 2],
    ['whole', 1],
    ['several', 2],
  ]);
  if (move === 'whole' || (paths.length === 0 && move !== 'extra')) return { input: junk(random), kind: 'whole' };
  if (move === 'extra') {
    const objects = objectsIn(input);
    if (objects.length === 0) return { input: junk(random), kind: 'whole' };
    const target = containerAt(input, random.pick(objects)) as Record<string, unknown>;
    setOwn(target, random.pick(EXTRA_KEYS), junk(random));
    return { input, kind: 'extra' };
  }
  const rounds = move === 'several' ? random.int(2, 4) : 1;
  for (let i = 0; i < rounds; i += 1) {
    const all = pathsOf(input);
    if (all.length === 0) break;
    const path = random.pick(all);
    const parent = containerAt(input, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (move === 'missing' || (move === 'several' && random.chance(0.3))) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      if (Array.isArray(parent)) parent[key as number] = junk(random);
      else setOwn(parent as Record<string, unknown>, String(key), junk(random));
    }
  }
  return { input, kind: move };
}

const BAD_COMMAND_IDS: readonly unknown[] = [
  null,
  12345678,
  '',
  'short',
  'has spaces in it',
  'x'.repeat(65),
  '../../etc/passwd',
  ['a'],
  { id: 'abcdefgh' },
  '\u0000abcdefgh',
];

/**
 * One malformed request body for a command, built from its schema: a mutated input, a bad
 * envelope, or text that is not JSON at all. Whether it really is malformed is decided by
 * isMalformed (some mutations happen to stay valid, and are not sent).
 */
export function malformedPayload(schema: JsonSchema, random: Random, commandId: string): Payload {
  const shape = random.weighted<'input' | 'envelope' | 'text' | 'type' | 'huge'>([
    ['input', 14],
    ['envelope', 3],
    ['text', 2],
    ['type', 1],
    ['huge', 1],
  ]);
  const sample = sampleFrom(schema, random);
  const json = 'application/json';
  if (shape === 'text') {
    const valid = serialize({ input: sample, commandId });
    const text = random.pick([
      valid.slice(0, random.int(0, Math.max(0, valid.length - 1))),
      `${valid}garbage`,
      `\uFEFF${valid}`,
      valid.replace(/"/g, "'"),
      '',
      'null',
      '[]',
      '"input"',
      '{"input":',
      '\u0000\u0001\u0002',
      '{'.repeat(5000),
    ]);
    return { body: text, contentType: json, kind: 'not-json' };
  }
  if (shape === 'type') {
    return {
      body: serialize({ input: mutateInput(sample, random).input, commandId }),
      contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded', '', 'application/jsonx']),
      kind: 'content-type',
    };
  }
  if (shape === 'huge') {
    return { body: serialize({ input: { note: 'x'.repeat(MAX_BODY_BYTES + 10) }, commandId }), contentType: json, kind: 'too-large' };
  }
  if (shape === 'envelope') {
    const { input } = mutateInput(sample, random);
    const envelope = random.pick<unknown>([
      [input, commandId],
      input,
      'input',
      42,
      { input, commandId: random.pick(BAD_COMMAND_IDS) },
      { input, commandId, extra: junk(random) },
      { Input: sample, commandId },
      { input: sample, commandId: random.pick(BAD_COMMAND_IDS) },
      { input: sample },
      { input: raw(`${serialize(input)}, "input": ${serialize(input)}`), commandId },
    ]);
    return { body: serialize(envelope), contentType: json, kind: 'envelope' };
  }
  const { input, kind } = mutateInput(sample, random);
  return { body: serialize({ input, commandId }), contentType: json, kind };
}

/**
 * True when the web host must refuse this request before it reaches a handler: not sent as
 * JSON, too large, not JSON, or an envelope or input its own parser refuses (the very function
 * the router uses, so "malformed" means what the host means by it).
 */
export function isMalformed(name: CommandName, payload: Payload): boolean {
  if (payload.contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') return true;
  if (Buffer.byteLength(payload.body, 'utf8') > MAX_BODY_BYTES) return true;
  let envelope: unknown;
  try {
    envelope = JSON.parse(payload.body);
  } catch {
    return true;
  }
  try {
    parseCommand(name, envelope, (pin) => pin);
    return false;
  } catch {
    return true;
  }
}

/** The command's input as a JSON schema, for sampleFrom. */
export function inputSchemaOf(name: CommandName): JsonSchema {
  return z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}
