// Property-based fuzzing of EVERY legacy REST route (issue 14). The routes come from the app's own route
// table (`createApiApp(...).legacyRoutes`) with their declared zod schemas: a route added by any feature
// is fuzzed here without editing this file. Each route runs FUZZ_RUNS cases under its own fixed seed,
// as anonymous, learner, administrator, a deleted account's cached session and a forged token, with
// schema-shaped and hostile params, query and body, right and wrong content types. Every answer must be
// below 500, in the legacy error envelope (or the route's declared pydantic 422), and free of internals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { RegisteredRoute } from '../rest/router.ts';
import { appRouter } from '../trpc/routers/_app.ts';
import {
  arbitraryFromSchema,
  CONTENT_TYPES,
  hostileValue,
  inputJsonSchema,
  jsonText,
  RAW_BODIES,
  RAW_QUERY_VALUES,
  seedFor,
  vocabularyOf,
  wellFormed,
  type JsonSchema,
} from './arbitraries.ts';
import {
  ALLOWED_ORIGIN,
  callerHeaders,
  checkLegacyAnswer,
  createFuzzApp,
  EVIL_ORIGIN,
  FUZZ_RUNS,
  fuzzCallers,
  proceduresOf,
} from './harness.ts';

const t = await createFuzzApp();
const routes = t.legacyRoutes;
const vocabulary = vocabularyOf(
  [
    ...routes.flatMap((r) => [r.params, r.query, r.body?.schema].filter((s) => s !== undefined)),
    ...proceduresOf(appRouter).flatMap((p) => p.inputs),
  ].map(inputJsonSchema),
);

const templateParams = (template: string) =>
  [...template.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');

/** A path segment for a parameter: mostly ids that exist, some that cannot, a few that do not match. */
const paramValue = fc.oneof(
  { arbitrary: fc.constantFrom('1', '2', '3'), weight: 4 },
  {
    arbitrary: fc.constantFrom('0', '007', '2147483647', '2147483648', '99999999999999999999'),
    weight: 2,
  },
  { arbitrary: fc.nat().map(String), weight: 1 },
  { arbitrary: fc.constantFrom('abc', '-1', '%00', '%ED%A0%80', '1.5', ''), weight: 1 },
);

/**
 * Query pairs percent-encoded by hand (what `encodeURIComponent` would never write: NUL, encoded lone
 * surrogates, broken escapes), on the route's own query names and on unknown ones.
 */
const rawQueryArb = (route: RegisteredRoute) => {
  const names = Object.keys((route.query ? inputJsonSchema(route.query) : {}).properties ?? {});
  return fc.array(
    fc
      .tuple(fc.constantFrom(...names, 'x', '%00'), fc.constantFrom(...RAW_QUERY_VALUES))
      .map(([name, value]) => `${name}=${value}`),
    { maxLength: 2 },
  );
};

const asQueryValue = (value: unknown): string =>
  typeof value === 'string' ? value : jsonText(value);

/** Percent-encodes text, lone surrogates included (as U+FFFD: `encodeURIComponent` refuses them). */
const encode = (text: string): string => encodeURIComponent(wellFormed(text));

const objectArb = (schema: JsonSchema | undefined) =>
  schema ? arbitraryFromSchema(schema, { vocabulary }) : fc.constant({});

const caseArb = (route: RegisteredRoute, callers: number) => {
  const names = templateParams(route.template);
  const bodySchema = route.body ? inputJsonSchema(route.body.schema) : undefined;
  const body = route.body
    ? fc.oneof(
        { arbitrary: objectArb(bodySchema).map(jsonText), weight: 6 },
        { arbitrary: fc.constantFrom(...RAW_BODIES), weight: 1 },
        { arbitrary: hostileValue.map(jsonText), weight: 1 },
      )
    : fc.option(fc.constantFrom(...RAW_BODIES, '{}'), { freq: 4 });
  return fc.record({
    caller: fc.nat({ max: callers - 1 }),
    params: fc.tuple(...names.map(() => paramValue)),
    query: fc.option(objectArb(route.query ? inputJsonSchema(route.query) : undefined), {
      freq: 4,
    }),
    rawQuery: rawQueryArb(route),
    body,
    contentType: fc.constantFrom(...CONTENT_TYPES),
    bearer: fc.boolean(),
    origin: fc.constantFrom(null, null, ALLOWED_ORIGIN, EVIL_ORIGIN, 'null'),
  });
};

describe('every legacy route answers hostile input without a 5xx, in the legacy envelope', () => {
  it('enumerates the whole route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(35);
  });

  it.each(routes.map((r) => [`${r.method} ${r.template}`, r] as const))(
    '%s',
    async (name, route) => {
      const callers = await fuzzCallers(t);
      const names = templateParams(route.template);
      await fc.assert(
        fc.asyncProperty(caseArb(route, callers.length), async (c) => {
          const caller = callers[c.caller] ?? callers[0];
          if (caller === undefined) throw new Error('no caller');
          let path = route.template;
          names.forEach((param, i) => {
            path = path.replace(new RegExp(`:${param}(\\{[^}]*\\})?`), c.params[i] ?? '1');
          });
          const query = [
            ...Object.entries((c.query ?? {}) as Record<string, unknown>).map(
              ([k, v]) => `${encode(k)}=${encode(asQueryValue(v))}`,
            ),
            ...c.rawQuery,
          ].join('&');
          const url = query === '' ? path : `${path}?${query}`;
          const hasBody = route.method !== 'GET' && c.body !== null;
          const res = await t.app.request(url, {
            method: route.method,
            headers: callerHeaders(caller, {
              bearer: c.bearer,
              origin: c.origin,
              contentType: hasBody ? c.contentType : null,
            }),
            ...(hasBody ? { body: c.body } : {}),
          });
          const label = `${caller.name} ${route.method} ${url.slice(0, 200)} body=${String(c.body).slice(0, 120)}`;
          await checkLegacyAnswer(res, route, label);
        }),
        { seed: seedFor(name), numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    },
  );
});
