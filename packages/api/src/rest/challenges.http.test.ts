import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createChallengeAttempt,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { INPUT_REFUSED_MESSAGE } from '../http/input-guard.ts';
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
  return createTestApp({ clock, resolveAuth: signedInAs(actor, tokenState) });
};

/** A signed-in learner with full access (or `exercises_only`). */
const learner = async (scope: Actor['accessScope'] = 'full') => {
  const user = await createUser(prisma);
  return { user, ...(await appAs(actorOf(user, scope))) };
};

const post = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});

const legacyError = (code: string, message: string) => ({ code, message, error: message });

const AUTH_REQUIRED = legacyError('UNAUTHORIZED', 'Authentication required');
const NOT_FOUND = legacyError('NOT_FOUND', 'Défi logique non trouvé');
const ANSWER_REQUIRED = legacyError('BAD_REQUEST', 'Réponse requise');
const NOT_TEXT = legacyError('BAD_REQUEST', 'La réponse doit être un texte.');
/** NUL, lone surrogates and deep nesting: refused once for every route by the input guard (issue 14). */
const INPUT_REFUSED = legacyError('BAD_REQUEST', INPUT_REFUSED_MESSAGE);

describe('GET /api/challenges (§3.1)', () => {
  it('returns the paginated envelope of list items, Python floats, no answer key', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma, {
      title: 'La suite des étoiles',
      tags: 'suite,nombres',
      difficulty: 'PADAWAN',
      difficultyRating: 2,
      createdAt: new Date('2026-02-01T08:00:00Z'),
    });
    await createLogicChallenge(prisma, { createdAt: new Date('2026-01-01T08:00:00Z') });
    const res = await app.request('/api/challenges?order=recent&limit=1');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"difficulty_rating":2.0');
    expect(text).toContain('"success_rate":0.0');
    expect(JSON.parse(text)).toEqual({
      items: [
        {
          id: c.id,
          title: 'La suite des étoiles',
          description: 'Quel nombre suit : 2, 4, 6, 8 ?',
          challenge_type: 'sequence',
          age_group: '9-11',
          difficulty: 'PADAWAN',
          tags: 'suite,nombres',
          difficulty_rating: 2,
          estimated_time_minutes: 15,
          success_rate: 0,
          view_count: 0,
          is_archived: false,
        },
      ],
      total: 2,
      page: 1,
      limit: 1,
      hasMore: true,
    });
  });

  it('accepts every type and age alias; unknown types drop the filter, unknown ages mean tous-ages', async () => {
    const { app } = await learner();
    const seq = await createLogicChallenge(prisma, { challengeType: 'SEQUENCE' });
    const chess = await createLogicChallenge(prisma, {
      challengeType: 'CHESS',
      ageGroup: 'GROUP_6_8',
    });
    const custom = await createLogicChallenge(prisma, {
      challengeType: 'CUSTOM',
      ageGroup: 'ALL_AGES',
    });
    const ids = async (qs: string) => {
      const res = await app.request(`/api/challenges?order=recent&${qs}`);
      expect(res.status, qs).toBe(200);
      return ((await res.json()) as { items: { id: number }[] }).items.map((i) => i.id).sort();
    };
    const all = [seq.id, chess.id, custom.id].sort();
    for (const type of ['sequence', 'SEQUENCE', 'Suite', 'séquence', 'seq', ' seq ']) {
      expect(await ids(`challenge_type=${encodeURIComponent(type)}`), type).toEqual([seq.id]);
    }
    for (const type of ['échecs', 'echiquier', 'CHESS']) {
      expect(await ids(`challenge_type=${encodeURIComponent(type)}`), type).toEqual([chess.id]);
    }
    for (const type of ['custom', 'nope', '']) {
      expect(await ids(`challenge_type=${type}`), type).toEqual(all);
    }
    for (const age of ['6-8', 'enfant', 'GROUP_6_8']) {
      expect(await ids(`age_group=${age}`), age).toEqual([chess.id]);
    }
    expect(await ids('age_group=10-12')).toEqual([seq.id]);
    expect(await ids('age_group=martien')).toEqual([custom.id]);
    expect(await ids('age_group=%20')).toEqual(all);
  });

  it('active_only (default true) leaves archived challenges out before the page is cut; inactive never listed', async () => {
    const { app } = await learner();
    const open = await createLogicChallenge(prisma, { createdAt: new Date('2026-01-01Z') });
    const archived = await createLogicChallenge(prisma, {
      isArchived: true,
      createdAt: new Date('2026-01-02Z'),
    });
    await createLogicChallenge(prisma, { isActive: false });
    const page = async (qs: string) =>
      (await (await app.request(`/api/challenges?order=recent&limit=1&${qs}`)).json()) as {
        items: { id: number }[];
        total: number;
        hasMore: boolean;
      };
    expect(await page('')).toMatchObject({ items: [{ id: open.id }], total: 1, hasMore: false });
    expect(await page('active_only=TRUE')).toMatchObject({ total: 1 });
    for (const off of ['1', 'false', '']) {
      expect(await page(`active_only=${off}`), off).toMatchObject({
        items: [{ id: archived.id }],
        total: 2,
        hasMore: true,
      });
    }
  });

  it('hide_completed and search (alias q; case-insensitive; total follows)', async () => {
    const { app, user } = await learner();
    const solved = await createLogicChallenge(prisma, { title: 'Le pont' });
    const open = await createLogicChallenge(prisma, { tags: 'graphe,chemin' });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: solved.id });
    const body = async (qs: string) =>
      (await (await app.request(`/api/challenges?${qs}`)).json()) as {
        items: { id: number }[];
        total: number;
      };
    expect(await body('hide_completed=True')).toMatchObject({ items: [{ id: open.id }], total: 1 });
    expect((await body('hide_completed=1')).total).toBe(2);
    expect(await body('search=PONT')).toMatchObject({ items: [{ id: solved.id }], total: 1 });
    expect(await body('q=Chemin')).toMatchObject({ items: [{ id: open.id }], total: 1 });
    expect((await body('search=%20%20')).total).toBe(2);
    expect((await body('search=_')).total).toBe(0);
  });

  it('normalises skip and limit like Python (never a 400) and answers odd values without a 500', async () => {
    const { app } = await learner();
    for (let i = 0; i < 3; i += 1) await createLogicChallenge(prisma);
    const envelope = async (qs: string) => {
      const res = await app.request(`/api/challenges?${qs}`);
      expect(res.status, qs).toBe(200);
      return (await res.json()) as { items: unknown[]; limit: number; page: number; total: number };
    };
    expect(await envelope('limit=0')).toMatchObject({ limit: 1, page: 1 });
    expect(await envelope('limit=-4')).toMatchObject({ limit: 1 });
    expect(await envelope('limit=abc')).toMatchObject({ limit: 20 });
    expect(await envelope('limit=1e3')).toMatchObject({ limit: 20 });
    expect(await envelope('limit=1000')).toMatchObject({ limit: 100 });
    expect(await envelope('limit=%2B2&skip=1_0')).toMatchObject({ limit: 2, page: 6, items: [] });
    expect(await envelope('skip=-3&limit=2')).toMatchObject({ page: 1, items: [{}, {}] });
    expect(await envelope(`skip=${'9'.repeat(40)}`)).toMatchObject({ items: [], total: 3 });
    for (const qs of [
      'search=%ED%A0%80',
      'search=%F0%9F%A7%A9',
      `search=${'x'.repeat(5000)}`,
      `limit=${'9'.repeat(5000)}`,
    ]) {
      const res = await app.request(`/api/challenges?${qs}`);
      expect(res.status, qs).toBe(200);
    }
    for (const qs of [
      'search=%00',
      'q=a%00b',
      'challenge_type=%00',
      'age_group=%00',
      'order=%00',
      'hide_completed=%00',
      'active_only=%00',
      'skip=%00&limit=%00',
    ]) {
      const res = await app.request(`/api/challenges?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(await res.json(), qs).toEqual(INPUT_REFUSED);
    }
  });

  it('answers 401 anonymous, 403 for exercises-only accounts, 307 and 405 as the legacy router', async () => {
    const anon = await appAs(null);
    const res = await anon.app.request('/api/challenges');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(AUTH_REQUIRED);
    const { app } = await learner('exercises_only');
    const forbidden = await app.request('/api/challenges');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({
      code: 'EMAIL_VERIFICATION_REQUIRED',
      message: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
    });
    const full = await learner();
    const slash = await full.app.request('/api/challenges/');
    expect(slash.status).toBe(307);
    expect(new URL(slash.headers.get('location') ?? '').pathname).toBe('/api/challenges');
    const wrongMethod = await full.app.request('/api/challenges', post('{}'));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    const idsMethod = await full.app.request('/api/challenges/completed-ids', post('{}'));
    expect(idsMethod.status).toBe(405);
  });

  it('answers 503 on every challenge route during maintenance', async () => {
    const { app, core } = await learner();
    await core.settings.setSwitch('maintenance_mode', true);
    for (const [path, init] of [
      ['/api/challenges', undefined],
      ['/api/challenges/completed-ids', undefined],
      ['/api/challenges/1', undefined],
      ['/api/challenges/1/hint', undefined],
      ['/api/challenges/1/attempt', post('{"user_solution":"1"}')],
      ['/api/users/me/challenges/progress', undefined],
    ] as const) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(503);
      expect(await res.json()).toEqual(
        legacyError('SERVICE_UNAVAILABLE', 'Le temple est en maintenance. Réessayez plus tard.'),
      );
    }
  });
});

describe('GET /api/challenges/{id} (§3.2)', () => {
  it('before any attempt: no hint text, no answer, no explanation; the positions a visual answer fills', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma, {
      challengeType: 'VISUAL',
      correctAnswer: 'Position 7: étoile jaune, Position 10: losange violet',
      choices: ['étoile jaune', 'losange violet'],
      tags: 'symétrie',
    });
    const res = await app.request(`/api/challenges/${c.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: c.id,
      title: c.title,
      description: 'Quelle forme complète la symétrie ?',
      challenge_type: 'visual',
      age_group: '9-11',
      difficulty: null,
      question: 'Quelle forme complète la symétrie ?',
      correct_answer: 'Position 7: ?, Position 10: ?',
      choices: ['étoile jaune', 'losange violet'],
      solution_explanation: null,
      visual_data: {
        type: 'symmetry',
        symmetry_line: 'vertical',
        shapes: ['cercle rouge', '?'],
      },
      hints: null,
      tags: 'symétrie',
      difficulty_rating: 3,
      estimated_time_minutes: 15,
      success_rate: 0,
      view_count: 1,
      is_active: true,
      is_archived: false,
    });
    const plain = await createLogicChallenge(prisma);
    expect(await (await app.request(`/api/challenges/${plain.id}`)).json()).toMatchObject({
      correct_answer: null,
      solution_explanation: null,
      hints: null,
    });
  });

  it('after an attempt the hints, once solved the answer and explanation; every read is a view', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma);
    await app.request(`/api/challenges/${c.id}/attempt`, post('{"user_solution":"11"}'));
    expect(await (await app.request(`/api/challenges/${c.id}`)).json()).toMatchObject({
      hints: ['Observe bien.', 'Cherche la règle.', 'Vérifie ta réponse.'],
      correct_answer: null,
      solution_explanation: null,
      view_count: 1,
      success_rate: 0,
    });
    await app.request(`/api/challenges/${c.id}/attempt`, post('{"user_solution":"10"}'));
    const solved = await app.request(`/api/challenges/${c.id}`);
    const text = await solved.text();
    expect(text).toContain('"success_rate":50.0');
    expect(JSON.parse(text)).toMatchObject({
      correct_answer: '10',
      solution_explanation: 'La réponse est 10.',
      view_count: 2,
    });
  });

  it('answers 404 for unknown and out-of-range ids; a non-numeric id is the global 404', async () => {
    const { app } = await learner();
    for (const id of ['999999', '2147483648', '99999999999999999999999']) {
      const res = await app.request(`/api/challenges/${id}`);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND);
    }
    const word = await app.request('/api/challenges/abc');
    expect(word.status).toBe(404);
    expect(await word.json()).toEqual({
      ...legacyError('NOT_FOUND', 'The requested resource does not exist.'),
      path: '/api/challenges/abc',
    });
  });
});

describe('POST /api/challenges/{id}/attempt (§3.3)', () => {
  it('a correct answer: the explanation, the badges, no hints_remaining; the counters move', async () => {
    const { app, user } = await learner();
    const c = await createLogicChallenge(prisma);
    const res = await app.request(
      `/api/challenges/${c.id}/attempt`,
      post('{"user_solution":"10","time_spent":12.5,"hints_used":[1]}'),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      is_correct: true,
      explanation: 'La réponse est 10.',
      new_badges: [],
    });
    expect(
      await prisma.logicChallengeAttempt.findFirstOrThrow({
        where: { userId: user.id },
        select: { userSolution: true, timeSpent: true, hintsUsed: true },
      }),
    ).toEqual({ userSolution: '10', timeSpent: 12.5, hintsUsed: 1 });
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: {
          totalChallengeAttempts: true,
          correctChallengeAttempts: true,
          currentStreak: true,
        },
      }),
    ).toEqual({ totalChallengeAttempts: 1, correctChallengeAttempts: 1, currentStreak: 1 });
  });

  it('an incorrect answer: explanation null, the hints left (never negative), the notification', async () => {
    const { app, user } = await learner();
    for (let i = 0; i < 3; i += 1) await createChallengeAttempt(prisma, { userId: user.id });
    const c = await createLogicChallenge(prisma);
    const res = await app.request(
      `/api/challenges/${c.id}/attempt`,
      post('{"user_solution":"11","hints_used":[1,2]}'),
    );
    expect(await res.json()).toEqual({
      is_correct: false,
      explanation: null,
      new_badges: [],
      progress_notification: { name: 'Explorateur des Défis', remaining: 2 },
      hints_remaining: 1,
    });
    for (const [hints, left] of [
      ['5', 0],
      ['-2', 3],
      ['"2"', 3],
      ['true', 2],
      ['2.5', 3],
      ['null', 3],
    ] as const) {
      const again = await app.request(
        `/api/challenges/${c.id}/attempt`,
        post(`{"user_solution":"11","hints_used":${hints}}`),
      );
      expect(await again.json(), hints).toMatchObject({ hints_remaining: left });
    }
  });

  it('reads `answer` when user_solution is falsy; a falsy answer is 400 Réponse requise', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma);
    const url = `/api/challenges/${c.id}/attempt`;
    for (const body of [
      '{"answer":"10"}',
      '{"user_solution":"","answer":"10"}',
      '{"user_solution":0,"answer":"10"}',
      '{"user_solution":10}',
      '{"user_solution":["10"]}',
    ]) {
      const res = await app.request(url, post(body));
      expect(await res.json(), body).toMatchObject({ is_correct: true });
    }
    for (const falsy of ['null', '""', '0', '0.0', 'false', '[]', '{}']) {
      const res = await app.request(url, post(`{"user_solution":${falsy}}`));
      expect(res.status, falsy).toBe(400);
      expect(await res.json()).toEqual(ANSWER_REQUIRED);
    }
    const missing = await app.request(url, post('{"time_spent":3}'));
    expect(await missing.json()).toEqual(ANSWER_REQUIRED);
    // A whitespace answer is an answer (compared, wrong).
    expect(await (await app.request(url, post('{"user_solution":" "}'))).json()).toMatchObject({
      is_correct: false,
    });
  });

  it('refuses odd answers and bodies with the legacy 4xx, never a 500', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma);
    const url = `/api/challenges/${c.id}/attempt`;
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const cases: [string, number, unknown][] = [
      ['{"user_solution":true}', 400, NOT_TEXT],
      ['{"user_solution":{"a":1}}', 400, NOT_TEXT],
      ['{"user_solution":[["a"]]}', 400, NOT_TEXT],
      [`{"user_solution":${deep}}`, 400, INPUT_REFUSED],
      ['{"user_solution":1e400}', 400, NOT_TEXT],
      ['{"user_solution":"a\\u0000b"}', 400, INPUT_REFUSED],
      ['{"user_solution":"\\ud800"}', 400, INPUT_REFUSED],
      [
        `{"user_solution":"${'x'.repeat(1001)}"}`,
        400,
        legacyError('BAD_REQUEST', 'La réponse ne peut pas dépasser 1000 caractères.'),
      ],
      ['{"user_solution":"10","idempotency_key":"a\\u0000"}', 400, INPUT_REFUSED],
      [
        '{"user_solution":"10","idempotency_key":42}',
        400,
        legacyError('BAD_REQUEST', expect.any(String) as string),
      ],
      ['{nope', 422, legacyError('VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant')],
      ['', 422, legacyError('VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant')],
      ['["10"]', 400, legacyError('BAD_REQUEST', 'Le corps doit être un objet JSON')],
      ['"10"', 400, legacyError('BAD_REQUEST', 'Le corps doit être un objet JSON')],
    ];
    for (const [body, status, expected] of cases) {
      const res = await app.request(url, post(body));
      expect(res.status, body.slice(0, 60)).toBe(status);
      expect(await res.json(), body.slice(0, 60)).toEqual(expected);
    }
    // Odd side fields are ignored, not refused (nesting beyond the input guard's limit is refused first).
    for (const extra of [
      '"time_spent":"abc"',
      '"time_spent":-5',
      '"time_spent":1e400',
      '"hints_used":{"a":1}',
      `"hints_used":${'9'.repeat(400)}`,
    ]) {
      const res = await app.request(url, post(`{"user_solution":"10",${extra}}`));
      expect(res.status, extra.slice(0, 40)).toBe(200);
    }
    expect(
      (
        await prisma.logicChallengeAttempt.findFirstOrThrow({
          where: { challengeId: c.id },
          orderBy: { id: 'asc' },
          select: { timeSpent: true },
        })
      ).timeSpent,
    ).toBeNull();
  });

  it('answers 404 for an unknown challenge after the body checks, 401 / 403 by the guards', async () => {
    const { app } = await learner();
    const missing = await app.request('/api/challenges/424242/attempt', post('{"answer":"1"}'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
    const noAnswer = await app.request('/api/challenges/424242/attempt', post('{}'));
    expect(await noAnswer.json()).toEqual(ANSWER_REQUIRED);
    const anon = await appAs(null);
    expect(
      (await anon.app.request('/api/challenges/1/attempt', post('{"answer":"1"}'))).status,
    ).toBe(401);
    const limited = await learner('exercises_only');
    expect(
      (await limited.app.request('/api/challenges/1/attempt', post('{"answer":"1"}'))).status,
    ).toBe(403);
  });

  it('returns the first response for a retried Idempotency-Key (header or body), counted once', async () => {
    const { app, user } = await learner();
    const c = await createLogicChallenge(prisma);
    const other = await createLogicChallenge(prisma);
    const url = `/api/challenges/${c.id}/attempt`;
    const first = await app.request(
      url,
      post('{"user_solution":"11"}', { 'Idempotency-Key': 'try-1' }),
    );
    const firstBody: unknown = await first.json();
    const retry = await app.request(url, post('{"user_solution":"10","idempotency_key":"try-1"}'));
    expect(await retry.json()).toEqual(firstBody);
    expect(await prisma.logicChallengeAttempt.count({ where: { userId: user.id } })).toBe(1);
    const reused = await app.request(
      `/api/challenges/${other.id}/attempt`,
      post('{"user_solution":"10"}', { 'Idempotency-Key': 'try-1' }),
    );
    expect(reused.status).toBe(409);
    expect(await reused.json()).toEqual(
      legacyError('HTTP_409', "Cette clé d'idempotence a déjà servi pour un autre défi."),
    );
  });
});

describe('GET /api/challenges/{id}/hint (§3.4)', () => {
  it('serves one hint by level (default 1), to any signed-in user', async () => {
    const { app } = await learner('exercises_only');
    const c = await createLogicChallenge(prisma);
    expect(await (await app.request(`/api/challenges/${c.id}/hint`)).json()).toEqual({
      hint: 'Observe bien.',
    });
    expect(await (await app.request(`/api/challenges/${c.id}/hint?level=3`)).json()).toEqual({
      hint: 'Vérifie ta réponse.',
    });
    expect(await (await app.request(`/api/challenges/${c.id}/hint?level=%202%20`)).json()).toEqual({
      hint: 'Cherche la règle.',
    });
  });

  it('answers the documented 400s and 404, never a 500', async () => {
    const { app } = await learner();
    const c = await createLogicChallenge(prisma);
    for (const level of ['abc', '', '1.5', '%ED%A0%80', '1e2', '9'.repeat(5000)]) {
      const res = await app.request(`/api/challenges/${c.id}/hint?level=${level}`);
      expect(res.status, level.slice(0, 20)).toBe(400);
      expect(await res.json()).toEqual(legacyError('BAD_REQUEST', 'ID de défi ou niveau invalide'));
    }
    const nul = await app.request(`/api/challenges/${c.id}/hint?level=%00`);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toEqual(INPUT_REFUSED);
    for (const [level, shown] of [
      ['0', '0'],
      ['-1', '-1'],
      ['4', '4'],
      ['+04', '4'],
      ['99999999999999999999', '9007199254740991'],
    ]) {
      const res = await app.request(`/api/challenges/${c.id}/hint?level=${level}`);
      expect(res.status, level).toBe(400);
      expect(await res.json()).toEqual(
        legacyError('BAD_REQUEST', `Indice de niveau ${shown} non disponible`),
      );
    }
    const missing = await app.request(`/api/challenges/${c.id + 1}/hint?level=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
    const anon = await appAs(null);
    expect((await anon.app.request(`/api/challenges/${c.id}/hint`)).status).toBe(401);
  });
});

describe('GET /api/challenges/completed-ids (§3.5)', () => {
  it('lists the solved ids; [] for anonymous callers and bad tokens', async () => {
    const { app, user } = await learner('exercises_only');
    const a = await createLogicChallenge(prisma);
    const b = await createLogicChallenge(prisma);
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: b.id });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: b.id });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: a.id, isCorrect: false });
    expect(await (await app.request('/api/challenges/completed-ids')).json()).toEqual({
      completed_ids: [b.id],
    });
    for (const state of ['none', 'invalid'] as const) {
      const anon = await appAs(null, state);
      const res = await anon.app.request('/api/challenges/completed-ids');
      expect(res.status, state).toBe(200);
      expect(await res.json()).toEqual({ completed_ids: [] });
    }
  });
});

describe('GET /api/users/me/challenges/progress (route 23) and the dashboard counter', () => {
  it('answers the §6.3.11 shape with Python floats; the dashboard challenge counter moves', async () => {
    const { app, user } = await learner();
    const a = await createLogicChallenge(prisma, { title: 'A' });
    await createLogicChallenge(prisma, { isArchived: true });
    const empty = await app.request('/api/users/me/challenges/progress');
    expect(await empty.text()).toBe(
      '{"completed_challenges":0,"total_challenges":1,"success_rate":0.0,"average_time":0.0,"challenges":[]}',
    );
    const stats = async () =>
      ((await (await app.request('/api/users/stats')).json()) as { total_challenges: number })
        .total_challenges;
    expect(await stats()).toBe(0);
    await app.request(
      `/api/challenges/${a.id}/attempt`,
      post('{"user_solution":"11","time_spent":4}'),
    );
    await app.request(
      `/api/challenges/${a.id}/attempt`,
      post('{"user_solution":"10","time_spent":7}'),
    );
    const res = await app.request('/api/users/me/challenges/progress');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      `{"completed_challenges":1,"total_challenges":1,"success_rate":0.5,"average_time":5.5,"challenges":[{"id":${a.id},"title":"A","is_completed":true,"attempts":2,"best_time":7.0}]}`,
    );
    expect(await stats()).toBe(1);
    expect(user.id).toBeGreaterThan(0);
  });

  it('needs a full-access user', async () => {
    const anon = await appAs(null);
    expect((await anon.app.request('/api/users/me/challenges/progress')).status).toBe(401);
    const { app } = await learner('exercises_only');
    expect((await app.request('/api/users/me/challenges/progress')).status).toBe(403);
  });
});
