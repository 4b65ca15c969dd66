import { describe, expect, it } from 'vitest';

import {
  createAchievement,
  createArchiviste,
  createExercise,
  createLogicChallenge,
  getTestDb,
  resetDb,
  restoreCatalogue,
} from '@mathakine/core/testing';

import { createTestApp, signedInAs, testActor } from '../testing/index.ts';

/**
 * Hostile input never yields a 500 on the back office's content routes: raw bodies, odd value types,
 * NUL bytes, lone surrogates, deep JSON and huge values in every field, over a valid body; and odd list
 * queries.
 */
const DEEP = JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) as unknown;
const DEEP_OBJECT = JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`) as unknown;

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
  DEEP,
  DEEP_OBJECT,
  '',
  ' ',
  'x'.repeat(100_000),
  'a\u0000b',
  '\ud800',
  { k: 'a\u0000b', '\u0000': ['\udfff'] },
  Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
];
const NASTY: unknown[] = [DEEP, 'a\u0000b\ud800'];

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
  '{"title":"\\u0000"}',
];

const EXERCISE = {
  title: 'T',
  question: 'Combien font 2 + 3 ?',
  correct_answer: '5',
  choices: ['5', '6'],
};
const CHALLENGE = {
  title: 'T',
  description: 'D',
  challenge_type: 'sequence',
  correct_answer: '10',
};
const BADGE = { code: 'test_fuzz', name: 'N', requirements: { attempts_count: 1 } };
const FIELDS = [
  'title',
  'question',
  'correct_answer',
  'exercise_type',
  'difficulty',
  'age_group',
  'choices',
  'explanation',
  'hint',
  'tags',
  'context_theme',
  'complexity',
  'image_url',
  'audio_url',
  'is_active',
  'is_archived',
  'description',
  'challenge_type',
  'solution_explanation',
  'visual_data',
  'hints',
  'difficulty_rating',
  'estimated_time_minutes',
  'code',
  'name',
  'requirements',
  'category',
  'points_reward',
  'is_secret',
  'star_wars_title',
  'icon_url',
];

const setup = async () => {
  const { prisma } = await getTestDb();
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  const admin = await createArchiviste(prisma);
  const ex = await createExercise(prisma);
  const challenge = await createLogicChallenge(prisma);
  const badge = await createAchievement(prisma, { code: 'test_fuzzed' });
  const { app } = await createTestApp({
    resolveAuth: signedInAs(
      testActor({ userId: admin.id, username: admin.username, role: 'archiviste' }),
    ),
  });
  return { app, ids: { exercise: ex.id, challenge: challenge.id, badge: badge.id } };
};

type Ids = Awaited<ReturnType<typeof setup>>['ids'];
const TARGETS: [string, string, (ids: Ids) => string, Record<string, unknown>][] = [
  ['POST /api/admin/exercises', 'POST', () => '/api/admin/exercises', EXERCISE],
  [
    'PUT /api/admin/exercises/{id}',
    'PUT',
    (ids) => `/api/admin/exercises/${ids.exercise}`,
    EXERCISE,
  ],
  [
    'PATCH /api/admin/exercises/{id}',
    'PATCH',
    (ids) => `/api/admin/exercises/${ids.exercise}`,
    { is_archived: false },
  ],
  ['POST /api/admin/challenges', 'POST', () => '/api/admin/challenges', CHALLENGE],
  [
    'PUT /api/admin/challenges/{id}',
    'PUT',
    (ids) => `/api/admin/challenges/${ids.challenge}`,
    CHALLENGE,
  ],
  [
    'PATCH /api/admin/challenges/{id}',
    'PATCH',
    (ids) => `/api/admin/challenges/${ids.challenge}`,
    { is_archived: false },
  ],
  ['POST /api/admin/badges', 'POST', () => '/api/admin/badges', BADGE],
  ['PUT /api/admin/badges/{id}', 'PUT', (ids) => `/api/admin/badges/${ids.badge}`, BADGE],
];

describe('admin content routes never answer 500 to hostile input', () => {
  it.each(TARGETS)('%s survives hostile bodies', async (_label, method, pathOf, base) => {
    const { app, ids } = await setup();
    const path = pathOf(ids);
    const headers = { 'Content-Type': 'application/json' };
    const bodies = [
      ...RAW_BODIES,
      ...ODD_VALUES.map((value) =>
        JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value]))),
      ),
      ...FIELDS.flatMap((f) => NASTY.map((value) => JSON.stringify({ ...base, [f]: value }))),
    ];
    for (const body of bodies) {
      const res = await app.request(path, { method, headers, body });
      expect(res.status, `${method} ${path} ${body.slice(0, 80)}`).toBeLessThan(500);
    }
  });

  it('answers odd list queries with 200 (NUL: 400 from the input guard) and odd ids with 404', async () => {
    const { app } = await setup();
    for (const list of ['exercises', 'challenges']) {
      for (const query of ['search=%00', 'type=%00&archived=%00']) {
        const nul = await app.request(`/api/admin/${list}?${query}`);
        expect(nul.status, `${list} ${query}`).toBe(400);
      }
      for (const query of [
        'search=%ED%A0%80',
        `search=${'x'.repeat(5000)}`,
        'skip=99999999999999999999&limit=-5',
        'sort=__proto__&order=asc',
      ]) {
        const res = await app.request(`/api/admin/${list}?${query}`);
        expect(res.status, `${list} ${query}`).toBe(200);
      }
    }
    for (const id of ['0', '2147483648', '99999999999999999999']) {
      for (const path of [
        `/api/admin/exercises/${id}`,
        `/api/admin/challenges/${id}`,
        `/api/admin/badges/${id}`,
      ]) {
        expect((await app.request(path)).status, path).toBe(404);
      }
    }
  });
});
