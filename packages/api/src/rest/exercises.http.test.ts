import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createAttempt,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { CSRF_MESSAGES } from '../middleware/csrf.ts';
import { actorOf, createTestApp, fixedClock, signedInAs } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

/** An app where every request is signed in as `actor` (or anonymous, optionally with a bad token). */
const appAs = async (
  actor: Actor | null,
  tokenState: 'valid' | 'invalid' | 'none' = actor ? 'valid' : 'none',
) => {
  const clock = fixedClock(new Date('2026-02-14T10:20:30.000Z'));
  const test = await createTestApp({
    clock,
    resolveAuth: signedInAs(actor, tokenState),
  });
  return { ...test, clock };
};

const json = { 'Content-Type': 'application/json' };
const post = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...json, ...headers },
  body,
});

describe('GET /api/exercises (route 27)', () => {
  it('returns the paginated envelope without answers, with created_at', async () => {
    const { app } = await appAs(null);
    const ex = await createExercise(prisma, {
      createdAt: new Date('2026-02-01T08:00:00Z'),
      tags: 'algorithmique,simple',
    });
    await createExercise(prisma, { isArchived: true });
    const res = await app.request('/api/exercises?order=recent');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        {
          id: ex.id,
          title: ex.title,
          exercise_type: 'ADDITION',
          difficulty: 'PADAWAN',
          age_group: '9-11',
          question: 'Combien font 2 + 3 ?',
          choices: ['4', '5', '6', '7'],
          explanation: null,
          hint: null,
          tags: ['algorithmique', 'simple'],
          ai_generated: false,
          is_active: true,
          view_count: 0,
          created_at: '2026-02-01T08:00:00+00:00',
        },
      ],
      total: 1,
      page: 1,
      limit: 20,
      hasMore: false,
    });
  });

  it('never answers 500 to odd query values and paginates with skip/limit', async () => {
    const { app } = await appAs(null);
    for (let i = 0; i < 3; i++) await createExercise(prisma, { exerciseType: 'DIVISION' });
    const res = await app.request(
      '/api/exercises?skip=2&limit=1&exercise_type=%C3%B7&order=recent',
    );
    expect(await res.json()).toMatchObject({ total: 3, page: 3, limit: 1, hasMore: false });
    for (const q of [
      'skip=99999999999999',
      'skip=1e3&limit=1e2',
      'skip=-4&limit=abc',
      'limit=0',
      'limit=1000',
      'age_group=%F0%9F%9A%80',
      'hide_completed=yes',
      'q=%25',
    ]) {
      const r = await app.request(`/api/exercises?${q}`);
      expect(r.status, q).toBe(200);
    }
    // A NUL character is refused at the boundary for every route (issue 14, legacy-differences.md).
    expect((await app.request('/api/exercises?exercise_type=%00')).status).toBe(400);
    expect(await (await app.request('/api/exercises?limit=1000')).json()).toMatchObject({
      limit: 100,
    });
    expect(await (await app.request('/api/exercises?limit=0')).json()).toMatchObject({
      limit: 1,
      hasMore: true,
    });
  });

  it('hides completed exercises for a signed-in caller; a bad token is just anonymous', async () => {
    const user = await createUser(prisma);
    const solved = await createExercise(prisma);
    const open = await createExercise(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: solved.id, isCorrect: true });
    const signed = await appAs(actorOf(user));
    const mine = (await (
      await signed.app.request('/api/exercises?hide_completed=true')
    ).json()) as { items: { id: number }[] };
    expect(mine.items.map((i) => i.id)).toEqual([open.id]);
    const badToken = await appAs(null, 'invalid');
    const res = await badToken.app.request('/api/exercises?hide_completed=true');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ total: 2 });
  });
});

describe('GET /api/exercises/{id} (route 29) and completed-ids (route 33)', () => {
  it('shows the detail without the answer and with an empty explanation', async () => {
    const { app } = await appAs(null);
    const ex = await createExercise(prisma, { hint: 'Compte.' });
    const res = await app.request(`/api/exercises/${ex.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: ex.id,
      exercise_type: 'ADDITION',
      difficulty: 'PADAWAN',
      choices: ['4', '5', '6', '7'],
      question: 'Combien font 2 + 3 ?',
      explanation: '',
      title: ex.title,
      age_group: '9-11',
      hint: 'Compte.',
      tags: ['test'],
      ai_generated: false,
    });
  });

  it('answers the legacy 404 for unknown and out-of-range ids', async () => {
    const { app } = await appAs(null);
    for (const id of ['999', '99999999999999999999']) {
      const res = await app.request(`/api/exercises/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        code: 'NOT_FOUND',
        message: 'Exercice non trouvé',
        error: 'Exercice non trouvé',
      });
    }
  });

  it('lists the solved ids, [] when anonymous', async () => {
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: ex.id, isCorrect: true });
    await createAttempt(prisma, { userId: user.id, exerciseId: ex.id, isCorrect: true });
    expect(
      await (await (await appAs(actorOf(user))).app.request('/api/exercises/completed-ids')).json(),
    ).toEqual({ completed_ids: [ex.id] });
    expect(
      await (
        await (await appAs(null, 'invalid')).app.request('/api/exercises/completed-ids')
      ).json(),
    ).toEqual({ completed_ids: [] });
  });
});

describe('GET /api/exercises/stats (route 28)', () => {
  it('renders the exact landing-page shape with Python floats', async () => {
    const { app } = await appAs(null);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma, { exerciseType: 'MULTIPLICATION' });
    await createAttempt(prisma, { userId: user.id, exerciseId: ex.id, isCorrect: true });
    const res = await app.request('/api/exercises/stats');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"percentage":100.0');
    expect(text).toContain('"mastery_rate":100.0');
    expect(text).toContain('"challenge_mastery_rate":0.0');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'academy_statistics',
        'archive_status',
        'by_apprentice_group',
        'by_discipline',
        'by_rank',
        'global_performance',
        'legendary_challenges',
        'sage_wisdom',
      ].sort(),
    );
    expect(body).toMatchObject({
      archive_status: 'Chroniques accessibles',
      academy_statistics: {
        total_exercises: 1,
        total_challenges: 0,
        total_content: 1,
        archived_exercises: 0,
        ai_generated: 0,
        ai_generated_exercises: 0,
        ai_generated_challenges: 0,
        ai_generated_percentage: 0,
      },
      by_discipline: {
        MULTIPLICATION: { count: 1, discipline_name: 'Puissance Multiplicative', percentage: 100 },
      },
      by_rank: {
        PADAWAN: {
          count: 1,
          rank_name: 'Apprenti',
          description: 'En cours de formation',
          min_age: 9,
          percentage: 100,
        },
      },
      by_apprentice_group: {
        '9-11': {
          count: 1,
          group_name: 'Apprentis Juniors',
          description: 'Formation intermédiaire',
          percentage: 100,
        },
      },
      global_performance: {
        total_attempts: 1,
        exercise_attempts: 1,
        challenge_attempts: 0,
        successful_attempts: 1,
        mastery_rate: 100,
        challenge_mastery_rate: 0,
        message: "L'Académie forme d'excellents mathématiciens ! La sagesse règne ici.",
      },
      legendary_challenges: [
        {
          id: ex.id,
          title: ex.title,
          discipline: 'Puissance Multiplicative',
          rank: 'Apprenti',
          apprentices_trained: 1,
        },
      ],
    });
    expect(typeof body.sage_wisdom).toBe('string');
  });
});

describe('generation (routes 30, 31, 32)', () => {
  it('requires a token', async () => {
    const { app } = await appAs(null);
    const res = await app.request(
      '/api/exercises/generate',
      post('{"exercise_type":"addition","age_group":"6-8"}'),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Authentication required',
    });
  });

  it('generates and saves, without the answer', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const res = await app.request(
      '/api/exercises/generate',
      post('{"exercise_type":"addition","age_group":"6-8","save":true}'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      exercise_type: 'ADDITION',
      age_group: '6-8',
      difficulty: 'INITIE',
      ai_generated: false,
      id: expect.any(Number) as number,
    });
    expect(typeof body.tags).toBe('string');
    expect(body).not.toHaveProperty('correct_answer');
    expect(body).not.toHaveProperty('explanation');
    expect(typeof body.num1).toBe('number');

    const themed = await app.request(
      '/api/exercises/generate',
      post('{"exercise_type":"nimporte","age_group":"?","ai":"YES","save":0}'),
    );
    expect(await themed.json()).toMatchObject({
      exercise_type: 'ADDITION',
      age_group: '9-11',
      ai_generated: true,
    });
    expect(await prisma.exercise.count()).toBe(1);
  });

  it('answers the documented errors for bad bodies', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const required = "Les paramètres 'exercise_type' et 'age_group' sont requis";
    const cases: [string, number, string][] = [
      ['{"exercise_type":"addition"}', 400, required],
      ['{"exercise_type":"  ","age_group":"6-8"}', 400, required],
      ['{"exercise_type":3,"age_group":"6-8"}', 400, required],
      ['[1]', 400, 'Le corps doit être un objet JSON'],
      ['{oops', 422, 'Corps de requête JSON invalide ou manquant'],
      ['', 422, 'Corps de requête JSON invalide ou manquant'],
    ];
    for (const [body, status, message] of cases) {
      const res = await app.request('/api/exercises/generate', post(body));
      expect(res.status, body).toBe(status);
      expect(await res.json(), body).toMatchObject({ message, error: message });
    }
  });

  it('limits saved generations per user per hour (429 with Retry-After)', async () => {
    const user = await createUser(prisma);
    await prisma.setting.update({
      where: { key: 'max_generations_per_user_per_hour' },
      data: { value: '1' },
    });
    const { app } = await appAs(actorOf(user));
    expect(
      (
        await app.request(
          '/api/exercises/generate',
          post('{"exercise_type":"add","age_group":"9-11"}'),
        )
      ).status,
    ).toBe(200);
    const res = await app.request(
      '/api/exercises/generate',
      post('{"exercise_type":"add","age_group":"9-11"}'),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('3600');
    const body = (await res.json()) as { code: string; message: string; error: string };
    expect(body.code).toBe('HTTP_429');
    expect(body.error).toBe(body.message);
    expect(body.message).toMatch(/^Limite de 1 exercices générés par heure atteinte/);
    // The legacy GET variant is limited too.
    expect((await app.request('/api/exercises/generate?type=add')).status).toBe(429);
  });

  it('GET /generate saves and redirects 303', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/exercises/generate?type=fractions&age_group=12-14&ai=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/exercises?generated=true');
    expect(
      await prisma.exercise.findFirst({
        select: { exerciseType: true, aiGenerated: true, ageGroup: true },
      }),
    ).toEqual({
      exerciseType: 'FRACTIONS',
      aiGenerated: true,
      ageGroup: 'GROUP_12_14',
    });
  });

  it('GET /generate refuses a cross-site navigation or foreign origin, spending nothing (issue 14)', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const path = '/api/exercises/generate?type=addition&age_group=6-8';
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'image' },
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
    ] as Record<string, string>[]) {
      const res = await app.request(path, { headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        code: 'FORBIDDEN',
        message: CSRF_MESSAGES.crossSite,
        error: CSRF_MESSAGES.crossSite,
      });
    }
    expect(await prisma.exercise.count()).toBe(0);
    // The frontend's own origin, a same-site navigation and a typed URL pass.
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://localhost:3000' },
      { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'navigate' },
      { 'Sec-Fetch-Site': 'none' },
    ] as Record<string, string>[]) {
      expect((await app.request(path, { headers })).status).toBe(303);
    }
    expect(await prisma.exercise.count()).toBe(3);
  });

  it('route 32 answers the "not configured" SSE error event', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/exercises/generate-ai-stream?exercise_type=addition');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(
      'data: {"type": "error", "message": "OpenAI API key non configur\\u00e9e"}\n\n',
    );
    expect(
      (await (await appAs(null)).app.request('/api/exercises/generate-ai-stream')).status,
    ).toBe(401);
  });
});

describe('POST /api/exercises/{id}/attempt (route 34)', () => {
  it('answers the §4.7 body: new badges on the first attempt, nulls when none was earned', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user, 'exercises_only'));
    const ex = await createExercise(prisma);
    // The very first attempt earns the first-attempt badge, inside the submit transaction.
    const first = await app.request(`/api/exercises/${ex.id}/attempt`, post('{"answer":"4"}'));
    const firstBody = (await first.json()) as {
      new_badges: { code: string; earned_at: string; points_reward: number }[] | null;
      badges_earned: number | null;
    };
    expect(firstBody.new_badges?.map((b) => b.code)).toContain('first_steps');
    expect(firstBody.badges_earned).toBe(firstBody.new_badges?.length);
    expect(firstBody.new_badges?.[0]?.earned_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/,
    );

    const res = await app.request(
      `/api/exercises/${ex.id}/attempt`,
      post('{"answer":"5.0","time_spent":"12.5"}'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { attempt_id: number; progress_notification: unknown };
    expect(body).toEqual({
      is_correct: true,
      correct_answer: '5',
      explanation: '2 + 3 = 5',
      attempt_id: expect.any(Number) as number,
      new_badges: null,
      badges_earned: null,
      progress_notification: body.progress_notification,
    });
    // "Tu approches !" is null or {name, remaining} when nothing new was earned.
    if (body.progress_notification !== null) {
      expect(body.progress_notification).toEqual({
        name: expect.any(String) as string,
        remaining: expect.any(Number) as number,
      });
    }
    expect(
      await prisma.attempt.findUniqueOrThrow({
        where: { id: body.attempt_id },
        select: { timeSpent: true },
      }),
    ).toEqual({ timeSpent: 12.5 });
    // selected_answer is used when answer is absent.
    const alt = await app.request(
      `/api/exercises/${ex.id}/attempt`,
      post('{"selected_answer":"4"}'),
    );
    expect(await alt.json()).toMatchObject({ is_correct: false });
  });

  it('returns the 400 and 422 legacy bodies for malformed input', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const ex = await createExercise(prisma);
    const url = `/api/exercises/${ex.id}/attempt`;
    const bad = await app.request(url, post('{nope'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'Corps JSON invalide.',
      error: 'Corps JSON invalide.',
    });

    const detail = async (body: string) => {
      const res = await app.request(url, post(body));
      expect(res.status, body).toBe(422);
      return ((await res.json()) as { detail: unknown[] }).detail;
    };
    expect(await detail('{"answer":42}')).toEqual([
      {
        type: 'string_type',
        loc: ['answer'],
        msg: 'Input should be a valid string',
        input: 42,
        url: 'https://errors.pydantic.dev/2.12/v/string_type',
      },
    ]);
    expect(await detail('{"time_spent":1}')).toEqual([
      {
        type: 'missing',
        loc: ['answer'],
        msg: 'Field required',
        input: { time_spent: 1 },
        url: 'https://errors.pydantic.dev/2.12/v/missing',
      },
    ]);
    expect(await detail('{"answer":""}')).toEqual([
      {
        type: 'string_too_short',
        loc: ['answer'],
        msg: 'String should have at least 1 character',
        input: '',
        ctx: { min_length: 1 },
        url: 'https://errors.pydantic.dev/2.12/v/string_too_short',
      },
    ]);
    expect(await detail('{"answer":"5","time_spent":-1}')).toEqual([
      {
        type: 'greater_than_equal',
        loc: ['time_spent'],
        msg: 'Input should be greater than or equal to 0',
        input: -1,
        ctx: { ge: 0 },
        url: 'https://errors.pydantic.dev/2.12/v/greater_than_equal',
      },
    ]);
    expect(await detail('{"answer":null,"time_spent":null}')).toMatchObject([
      { type: 'string_type' },
      { type: 'float_type', loc: ['time_spent'] },
    ]);
    expect(await detail('{"answer":"5","time_spent":"vite"}')).toMatchObject([
      { type: 'float_parsing' },
    ]);
    expect(await detail('{"answer":"5","time_spent":"inf"}')).toMatchObject([
      { type: 'finite_number' },
    ]);
    expect(await detail('{"answer":"5","idempotency_key":""}')).toMatchObject([
      { type: 'string_too_short', loc: ['idempotency_key'] },
    ]);
    expect(await detail('[1,2]')).toEqual([
      {
        type: 'model_type',
        loc: [],
        msg: 'Input should be a valid dictionary or instance of SubmitAnswerRequest',
        input: [1, 2],
        ctx: { class_name: 'SubmitAnswerRequest' },
        url: 'https://errors.pydantic.dev/2.12/v/model_type',
      },
    ]);
    expect(await prisma.attempt.count()).toBe(0);
  });

  it('answers 401 anonymous and 404 for an unknown exercise', async () => {
    const user = await createUser(prisma);
    const anon = await appAs(null);
    expect(
      (await anon.app.request('/api/exercises/1/attempt', post('{"answer":"5"}'))).status,
    ).toBe(401);
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/exercises/12345/attempt', post('{"answer":"5"}'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Exercice non trouvé',
      error: 'Exercice non trouvé',
    });
  });

  it('returns the first response for a retried Idempotency-Key', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const ex = await createExercise(prisma);
    const url = `/api/exercises/${ex.id}/attempt`;
    const first = await app.request(url, post('{"answer":"5"}', { 'Idempotency-Key': 'abc-123' }));
    const retry = await app.request(url, post('{"answer":"7"}', { 'Idempotency-Key': 'abc-123' }));
    const viaBody = await app.request(url, post('{"answer":"7","idempotency_key":"abc-123"}'));
    const firstBody: unknown = await first.json();
    expect(await retry.json()).toEqual(firstBody);
    expect(await viaBody.json()).toEqual(firstBody);
    expect(await prisma.attempt.count()).toBe(1);
    const other = await createExercise(prisma);
    const reused = await app.request(
      `/api/exercises/${other.id}/attempt`,
      post('{"answer":"5","idempotency_key":"abc-123"}'),
    );
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: 'HTTP_409' });
  });

  it('allows the Idempotency-Key header in CORS preflights', async () => {
    const { app } = await appAs(null);
    const res = await app.request('/api/exercises/1/attempt', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
  });
});

describe('learner statistics (routes 22 and 24)', () => {
  it('GET /api/users/me/progress: user+full, fractions as Python floats, streak decays on read', async () => {
    const user = await createUser(prisma);
    const limited = await appAs(actorOf(user, 'exercises_only'));
    const forbidden = await limited.app.request('/api/users/me/progress');
    expect(forbidden.status).toBe(403);
    expect((await (await appAs(null)).app.request('/api/users/me/progress')).status).toBe(401);

    const { app, clock } = await appAs(actorOf(user));
    const empty = await app.request('/api/users/me/progress');
    expect(await empty.text()).toBe(
      '{"total_attempts":0,"correct_attempts":0,"accuracy":0.0,"average_time":0.0,"exercises_completed":0,"highest_streak":0,"current_streak":0,"by_category":{}}',
    );
    const ex = await createExercise(prisma);
    await app.request(`/api/exercises/${ex.id}/attempt`, post('{"answer":"5","time_spent":10}'));
    await app.request(`/api/exercises/${ex.id}/attempt`, post('{"answer":"5","time_spent":5}'));
    const res = await app.request('/api/users/me/progress');
    expect(await res.text()).toBe(
      '{"total_attempts":2,"correct_attempts":2,"accuracy":1.0,"average_time":7.5,"exercises_completed":1,"highest_streak":1,"current_streak":1,"by_category":{"ADDITION":{"completed":1,"accuracy":1.0}}}',
    );
    clock.advance(2 * 86_400_000);
    expect(await (await app.request('/api/users/me/progress')).json()).toMatchObject({
      current_streak: 0,
      highest_streak: 1,
    });
  });

  it('GET /api/users/stats: the dashboard shape; unknown timeRange means 30', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user, 'exercises_only'));
    const ex = await createExercise(prisma, { exerciseType: 'SOUSTRACTION' });
    await app.request(`/api/exercises/${ex.id}/attempt`, post('{"answer":"5"}'));
    await app.request(`/api/exercises/${ex.id}/attempt`, post('{"answer":"1"}'));
    for (const range of ['7', '30', '90', 'all', 'bogus', '']) {
      const res = await app.request(`/api/users/stats?timeRange=${range}`);
      expect(res.status, range).toBe(200);
      const text = await res.text();
      expect(text).toContain(
        '"performance_by_type":{"soustraction":{"completed":2,"correct":1,"success_rate":50.0}}',
      );
      expect(text).toContain(
        '"progress_over_time":{"labels":["2026-02-14"],"datasets":[{"label":"Taux de réussite (%)","data":[50.0]}]}',
      );
      expect(JSON.parse(text)).toEqual({
        total_exercises: 2,
        total_challenges: 0,
        correct_answers: 1,
        success_rate: 50,
        experience_points: 20,
        performance_by_type: { soustraction: { completed: 2, correct: 1, success_rate: 50 } },
        recent_activity: [
          {
            type: 'exercise',
            description: 'Exercice complété',
            time: '2026-02-14T10:20:30+00:00',
            is_correct: false,
          },
          {
            type: 'exercise',
            description: 'Exercice complété',
            time: '2026-02-14T10:20:30+00:00',
            is_correct: true,
          },
        ],
        level: { current: 1, title: 'Jeune Padawan', current_xp: 20, next_level_xp: 100 },
        progress_over_time: {
          labels: ['2026-02-14'],
          datasets: [{ label: 'Taux de réussite (%)', data: [50] }],
        },
        exercises_by_day: {
          labels: ['2026-02-14'],
          datasets: [
            {
              label: 'Exercices complétés',
              data: [2],
              borderColor: 'rgb(139, 92, 246)',
              backgroundColor: 'rgba(139, 92, 246, 0.1)',
            },
          ],
        },
        lastUpdated: '2026-02-14T10:20:30+00:00',
      });
    }
    expect((await (await appAs(null)).app.request('/api/users/stats')).status).toBe(401);
  });
});
