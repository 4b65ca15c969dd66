import { describe, expect, it } from 'vitest';

import { createExercise, createUser, getTestDb, resetDb } from '@mathakine/core/testing';

import { actorOf, createTestApp, signedInAs } from '../testing/index.ts';

/**
 * Hostile input never yields a 500 on the recommendation, analytics and feedback routes: raw bodies, odd
 * value types, NUL bytes, lone surrogates, deep JSON and huge values in every field.
 */
const ROUTES = [
  '/api/recommendations/generate',
  '/api/recommendations/complete',
  '/api/recommendations/open',
  '/api/recommendations/clicked',
  '/api/analytics/event',
  '/api/feedback',
];

const FIELDS = [
  'recommendation_id',
  'event',
  'payload',
  'feedback_type',
  'description',
  'page_url',
  'exercise_id',
  'challenge_id',
];

const DEEP = JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) as unknown;

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  2 ** 31,
  1e308,
  1.5,
  true,
  [],
  {},
  [1, 'a'],
  { nested: { deep: [null] } },
  DEEP,
  '',
  ' ',
  '12',
  'x'.repeat(100_000),
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '💥'.repeat(80),
  'ui',
  'first_attempt',
  Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])),
];

const RAW_BODIES = [
  '',
  'null',
  '[]',
  '"str"',
  '123',
  '{',
  '{"a":',
  'true',
  '1e400',
  '{"event":"\\u0000"}',
];

describe('learning routes never answer 500 to hostile input', () => {
  it('survives raw bodies, odd value types, NUL, lone surrogates, deep JSON and huge values', async () => {
    const { prisma } = await getTestDb();
    await resetDb(prisma);
    const user = await createUser(prisma);
    await createExercise(prisma);
    const { app } = await createTestApp({ resolveAuth: signedInAs(actorOf(user)) });
    const headers = { 'Content-Type': 'application/json' };
    const bodies = [
      ...RAW_BODIES,
      ...ODD_VALUES.map((value) =>
        JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value]))),
      ),
      ...FIELDS.flatMap((f) => ODD_VALUES.map((value) => JSON.stringify({ [f]: value }))),
      ...ODD_VALUES.map((value) =>
        JSON.stringify({ event: 'quick_start_click', payload: { value } }),
      ),
      ...ODD_VALUES.map((value) =>
        JSON.stringify({ feedback_type: 'exercise', exercise_id: value }),
      ),
    ];
    for (const path of ROUTES) {
      for (const body of bodies) {
        const res = await app.request(path, { method: 'POST', headers, body });
        expect(res.status, `${path} ${body.slice(0, 80)}`).toBeLessThan(500);
      }
    }
    expect((await app.request('/api/recommendations')).status).toBe(200);
  });
});
