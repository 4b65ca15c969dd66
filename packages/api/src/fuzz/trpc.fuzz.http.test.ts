// Property-based fuzzing of EVERY tRPC procedure (issue 14). The procedures come from the router's own
// record (`appRouter._def.procedures`, with each procedure's type and input parsers): a procedure added
// by any feature is fuzzed here without editing this file. Each runs FUZZ_RUNS cases under its own fixed
// seed, as the same callers as the REST suite, over HTTP: schema-shaped and hostile inputs, the superjson
// envelope and without it, crafted `meta`, batches, the wrong method, odd content types and broken JSON.
// Every answer must be below 500, in the tRPC envelope (each item of a batch), and free of internals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { appRouter } from '../trpc/routers/_app.ts';
import {
  arbitraryFromSchema,
  CONTENT_TYPES,
  hostileValue,
  inputJsonSchema,
  jsonText,
  RAW_BODIES,
  seedFor,
  vocabularyOf,
  wellFormed,
} from './arbitraries.ts';
import {
  ALLOWED_ORIGIN,
  callerHeaders,
  checkTrpcAnswer,
  createFuzzApp,
  EVIL_ORIGIN,
  FUZZ_RUNS,
  fuzzCallers,
  proceduresOf,
  type FuzzProcedure,
} from './harness.ts';

const t = await createFuzzApp();
const procedures = proceduresOf(appRouter);
const vocabulary = vocabularyOf(
  [
    ...procedures.flatMap((p) => p.inputs),
    ...t.legacyRoutes.flatMap((r) => [r.query, r.body?.schema].filter((s) => s !== undefined)),
  ].map(inputJsonSchema),
);

/** superjson `meta` a client could send: legitimate annotations and crafted ones. */
const META = [
  { values: { a: ['undefined'] } },
  { values: { a: ['Date'] } },
  { values: { a: ['map'] } },
  { values: { a: [['custom', 'x']] } },
  { referentialEqualities: [['a']] },
  { referentialEqualities: { a: ['a.b', 'a.b.c'] } },
  { values: ['set'] },
  [1],
  'meta',
  { v: 1e9 },
];

type Form = 'standard' | 'batch' | 'bare' | 'meta' | 'wrong-method' | 'raw';

const caseArb = (procedure: FuzzProcedure, callers: number) => {
  const schema = procedure.inputs[0];
  const input = schema
    ? arbitraryFromSchema(inputJsonSchema(schema), { vocabulary })
    : fc.option(hostileValue, { freq: 3, nil: undefined });
  return fc.record({
    caller: fc.nat({ max: callers - 1 }),
    form: fc.constantFrom<Form>(
      'standard',
      'standard',
      'standard',
      'standard',
      'batch',
      'bare',
      'meta',
      'wrong-method',
      'raw',
    ),
    input,
    meta: fc.constantFrom(...META),
    raw: fc.constantFrom(...RAW_BODIES),
    contentType: fc.constantFrom(...CONTENT_TYPES),
    bearer: fc.boolean(),
    origin: fc.constantFrom(null, null, ALLOWED_ORIGIN, EVIL_ORIGIN),
  });
};

/** The wire text of one call's input, per form. */
const inputText = (c: { form: Form; input: unknown; meta: unknown; raw: string }): string => {
  switch (c.form) {
    case 'bare':
      return jsonText(c.input);
    case 'meta':
      return JSON.stringify({ json: c.input ?? {}, meta: c.meta });
    case 'raw':
      return c.raw;
    default:
      return JSON.stringify(c.input === undefined ? {} : { json: c.input });
  }
};

/** Percent-encodes text, lone surrogates included (as U+FFFD: `encodeURIComponent` refuses them). */
const encode = (text: string): string => encodeURIComponent(wellFormed(text));

describe('every tRPC procedure answers hostile input without a 5xx, in the tRPC envelope', () => {
  it('enumerates the whole router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(35);
  });

  it.each(procedures.map((p) => [`${p.type} ${p.path}`, p] as const))(
    '%s',
    async (name, procedure) => {
      const callers = await fuzzCallers(t);
      await fc.assert(
        fc.asyncProperty(caseArb(procedure, callers.length), async (c) => {
          const caller = callers[c.caller] ?? callers[0];
          if (caller === undefined) throw new Error('no caller');
          const isQuery = procedure.type === 'query';
          const asGet = c.form === 'wrong-method' ? !isQuery : isQuery;
          const text = inputText(c);
          const batch = c.form === 'batch';
          const path = batch ? `${procedure.path},${procedure.path}` : procedure.path;
          const input = batch ? `{"0":${text || '{}'},"1":{}}` : text;
          const search = [
            batch ? 'batch=1' : '',
            asGet && input !== '' ? `input=${encode(input)}` : '',
          ]
            .filter((p) => p !== '')
            .join('&');
          const url = `/trpc/${path}${search === '' ? '' : `?${search}`}`;
          const res = await t.app.request(url, {
            method: asGet ? 'GET' : 'POST',
            headers: callerHeaders(caller, {
              bearer: c.bearer,
              origin: c.origin,
              contentType: asGet ? null : c.contentType,
            }),
            ...(asGet ? {} : { body: input }),
          });
          const label = `${caller.name} ${asGet ? 'GET' : 'POST'} ${url.slice(0, 200)} ${asGet ? '' : input.slice(0, 120)}`;
          await checkTrpcAnswer(res, label);
        }),
        { seed: seedFor(name), numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    },
  );
});
