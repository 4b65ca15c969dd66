/**
 * fast-check arbitraries built from the declared zod schemas (through their JSON Schema), so a route or a
 * procedure added tomorrow is fuzzed with inputs shaped like its own: valid-ish values at each node,
 * mixed with hostile ones (NUL, lone surrogates, deep nesting, huge numbers, wrong types). Test-only.
 */
import fc from 'fast-check';
import { z } from 'zod';

import { coreFieldOf } from '../legacy/inputs.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/**
 * The JSON Schema of an input as clients send it. Fields the core validates itself (`validatedByCore`)
 * are documented by their core schema, which is what the fuzzer should aim at.
 */
export const inputJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const core = coreFieldOf(ctx.zodSchema as unknown as z.ZodType);
      if (core) {
        const { $schema: _ignored, ...coreJson } = z.toJSONSchema(core, {
          io: 'input',
          unrepresentable: 'any',
        });
        Object.assign(ctx.jsonSchema, coreJson);
      }
    },
  }) as JsonSchema;

/** Every enum string of the given schemas: a vocabulary that makes free-text fields hit real values. */
export const vocabularyOf = (schemas: readonly JsonSchema[]): string[] => {
  const words = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.enum)) {
      for (const v of record.enum) if (typeof v === 'string') words.add(v);
    }
    Object.values(record).forEach(visit);
  };
  schemas.forEach(visit);
  return [...words].sort();
};

/** Hostile values, any type. None contains the words the internal-text check looks for. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udc00',
  '\ud83d',
  '💥'.repeat(80),
  'x'.repeat(5_000),
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '\\u0000',
  '9'.repeat(40),
  '2147483648',
  '-1',
  '1e400',
  'NaN',
  'null',
  '０１２',
  ' 12 ',
  '\u202e\u0301',
  '{"a":',
];

/** Characters spliced into otherwise ordinary strings (a NUL in the middle of a search term…). */
const HOSTILE_CHARS = ['\u0000', '\ud800', '\udc00', '\ud83d', "'", '"', '%', '\\', '\u202e', '\n'];

/** An ordinary string with a hostile character in it. */
export const taintedString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(...HOSTILE_CHARS),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

/** Percent-encoded query values that decode to hostile text, or do not decode at all. */
export const RAW_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  'x%ED%B0%80y',
  '%',
  '%zz',
  '%F0%9F',
  '%C0%80',
];

const deepJson = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  taintedString,
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    [],
    {},
    [1, 'a', null],
    { nested: { deep: [null] } },
    deepJson(80),
    deepJson(3_000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

const stringArb = (schema: JsonSchema, vocabulary: readonly string[]): fc.Arbitrary<string> => {
  const minLength = schema.minLength ?? 0;
  const maxLength = clamp(schema.maxLength ?? 60, minLength, minLength + 120);
  const choices: fc.Arbitrary<string>[] = [
    fc.string({ minLength, maxLength }),
    taintedString,
    fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 20) }),
  ];
  if (schema.format === 'email' || /@/.test(schema.pattern ?? '')) {
    choices.push(fc.emailAddress());
  }
  if (schema.pattern !== undefined) {
    try {
      choices.push(
        fc
          .stringMatching(new RegExp(schema.pattern, 'u'))
          .filter((s) => s.length >= minLength && s.length <= maxLength),
      );
    } catch {
      // A pattern fast-check cannot read: the free strings stay.
    }
  }
  if (vocabulary.length > 0) choices.push(fc.constantFrom(...vocabulary));
  choices.push(
    fc.integer({ min: -5, max: 5_000 }).map(String),
    fc.constantFrom('1', '2', '3', '20', '0', 'true', 'false', 'recent', 'all', '7'),
  );
  return fc.oneof(...choices);
};

const numberArb = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const lo = schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + (integer ? 1 : 0);
  const hi = schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - (integer ? 1 : 0);
  const min = clamp(lo, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const max = clamp(hi, min, Number.MAX_SAFE_INTEGER);
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // Small values matter most (ids of the seeded rows, limits, pages).
  const small = fc.integer({
    min: Math.ceil(clamp(min, -3, 10)),
    max: Math.floor(clamp(max, -3, 10)),
  });
  return Math.ceil(clamp(min, -3, 10)) <= Math.floor(clamp(max, -3, 10))
    ? fc.oneof({ arbitrary: small, weight: 2 }, { arbitrary: inRange, weight: 1 })
    : inRange;
};

export interface ArbitraryOptions {
  /** Strings every free-text field may take (enum values of the whole API). */
  vocabulary: readonly string[];
  /** Weight of a hostile value against 4 for a schema-shaped one, at every node. */
  hostileWeight?: number;
}

/** An arbitrary of values shaped by `schema`, each node sometimes replaced by a hostile value. */
export const arbitraryFromSchema = (
  root: JsonSchema,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> => {
  const hostileWeight = options.hostileWeight ?? 1;
  const defs = root.$defs ?? {};

  const shaped = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (schema.$ref !== undefined) {
      const target = defs[schema.$ref.replace('#/$defs/', '')];
      return target && depth < 4 ? node(target, depth + 1) : fc.constant(null);
    }
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives !== undefined && alternatives.length > 0) {
      return fc.oneof(...alternatives.map((s) => node(s, depth)));
    }
    if (schema.allOf?.[0] !== undefined) return node(schema.allOf[0], depth);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length > 1) {
      return fc.oneof(...types.map((type) => shaped({ ...schema, type }, depth)));
    }
    switch (types[0]) {
      case 'string':
        return stringArb(schema, options.vocabulary);
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const minLength = schema.minItems ?? 0;
        const maxLength = clamp(schema.maxItems ?? 4, minLength, minLength + 4);
        return fc.array(node(schema.items ?? {}, depth + 1), { minLength, maxLength });
      }
      case 'object':
        return objectArb(schema, depth);
      default:
        // Anything (`{}`): JSON of every kind.
        return fc.oneof(
          stringArb({}, options.vocabulary),
          fc.integer({ min: -3, max: 100 }),
          fc.jsonValue({ maxDepth: 2 }),
        );
    }
  };

  const objectArb = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const keys = Object.keys(properties);
    const extra =
      schema.additionalProperties === false
        ? fc.constant({})
        : fc.dictionary(
            stringArb({ maxLength: 12 }, options.vocabulary),
            typeof schema.additionalProperties === 'object'
              ? node(schema.additionalProperties, depth + 1)
              : hostileOr(fc.jsonValue({ maxDepth: 2 })),
            { maxKeys: keys.length === 0 ? 4 : 2 },
          );
    if (keys.length === 0) return extra;
    const record = fc.record(
      Object.fromEntries(keys.map((k) => [k, node(properties[k] ?? {}, depth + 1)])),
      { requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)) },
    );
    return fc
      .tuple(
        record,
        fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: extra, weight: 1 }),
      )
      .map(([known, more]) => ({ ...more, ...known }));
  };

  const hostileOr = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: hostileValue, weight: hostileWeight });

  const node = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> =>
    depth > 6 ? hostileValue : hostileOr(shaped(schema, depth));

  return shaped(root, 0);
};

/** Raw bodies no schema describes: not JSON, not an object, too deep, broken. */
export const RAW_BODIES: readonly string[] = [
  '',
  'null',
  '[]',
  '"str"',
  '123',
  '{',
  '{"a":',
  'true',
  '1e400',
  '{"a":1,"a":2}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"a":${'{"b":'.repeat(2_000)}1${'}'.repeat(2_000)}}`,
  '{"answer":"\\u0000"}',
  '{"x":"\\ud800"}',
  'a=1&b=2',
  '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
];

/** Content types a client may (wrongly) send with a body. */
export const CONTENT_TYPES: readonly (string | null)[] = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  null,
];

/** The JSON text of a value (`undefined`, which JSON cannot write, as the empty text). */
export const jsonText = (value: unknown): string => {
  // JSON.stringify answers `undefined` for values JSON cannot write (its type says string).
  const text: unknown = JSON.stringify(value);
  return typeof text === 'string' ? text : '';
};

/** Text with its lone surrogates replaced by U+FFFD (what `encodeURIComponent` can encode). */
export const wellFormed = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A deterministic per-name seed, so each route keeps its own case sequence as the table grows. */
export const seedFor = (name: string, base = 14): number => {
  let hash = base;
  for (let i = 0; i < name.length; i += 1) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
};
