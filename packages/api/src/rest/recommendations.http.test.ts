import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createAttempt,
  createExercise,
  createLogicChallenge,
  createRecommendation,
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

const NOW = new Date('2026-02-14T10:20:30.000Z');

const appAs = async (actor: Actor | null) =>
  createTestApp({ clock: fixedClock(NOW), resolveAuth: signedInAs(actor) });

const post = (body?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body }),
});

const errorBody = (code: string, message: string) => ({ code, message, error: message });

describe('GET /api/recommendations (route 44)', () => {
  it('generates on the first read and answers the bare legacy array, counted as displayed', async () => {
    const user = await createUser(prisma, { preferredAgeGroup: 'GROUP_6_8' });
    const exercise = await createExercise(prisma, {
      exerciseType: 'SOUSTRACTION',
      difficulty: 'INITIE',
      ageGroup: 'GROUP_6_8',
      title: 'Soustraction spatiale',
      question: 'Combien font 9 - 4 ?',
    });
    const challenge = await createLogicChallenge(prisma, {
      ageGroup: 'ALL_AGES',
      title: 'La suite mystère',
      difficulty: null,
    });
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/recommendations');
    expect(res.status).toBe(200);
    const rows = await prisma.recommendation.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, shownCount: true },
    });
    expect(rows.map((r) => r.shownCount)).toEqual([1, 1]);
    const [challengeRec, exerciseRec] = rows;
    expect(await res.text()).toBe(
      JSON.stringify([
        {
          id: challengeRec?.id,
          exercise_type: 'challenge',
          difficulty: 'PADAWAN',
          age_group: '9-11',
          reason: 'Découvrez les défis logiques pour aiguiser votre raisonnement !',
          priority: 8,
          recommendation_type: 'challenge',
          challenge_id: challenge.id,
          challenge_title: 'La suite mystère',
          exercise_title: 'La suite mystère',
          reason_code: 'reco.challenge.onboarding',
          reason_params: { challenge_type: 'sequence' },
        },
        {
          id: exerciseRec?.id,
          exercise_type: 'SOUSTRACTION',
          difficulty: 'INITIE',
          age_group: '6-8',
          reason: "Découvrez un nouveau type d'exercice : soustraction",
          priority: 4,
          recommendation_type: 'exercise',
          exercise_id: exercise.id,
          exercise_title: 'Soustraction spatiale',
          exercise_question: 'Combien font 9 - 4 ?',
          reason_code: 'reco.exercise.discovery',
          reason_params: { exercise_type: 'soustraction', target_difficulty: 'initie' },
        },
      ]),
    );
  });

  it('never reveals an answer, an explanation or a hint', async () => {
    const user = await createUser(prisma);
    await createExercise(prisma, {
      correctAnswer: 'SECRET-ANSWER',
      answerKind: 'TEXT',
      explanation: 'SECRET-EXPLANATION',
      hint: 'SECRET-HINT',
    });
    await createLogicChallenge(prisma, {
      correctAnswer: 'SECRET-ANSWER',
      solutionExplanation: 'SECRET-EXPLANATION',
      hints: ['SECRET-HINT'],
    });
    const { app } = await appAs(actorOf(user));
    const text = await (await app.request('/api/recommendations')).text();
    expect(JSON.parse(text)).toHaveLength(2);
    expect(text).not.toMatch(/SECRET|correct_answer|explanation|hint/);
  });

  it('answers [] when nothing can be recommended', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/recommendations');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('[]');
  });

  it('needs a user with full access', async () => {
    const anonymous = await (await appAs(null)).app.request('/api/recommendations');
    expect(anonymous.status).toBe(401);
    const user = await createUser(prisma);
    const limited = await (
      await appAs(actorOf(user, 'exercises_only'))
    ).app.request('/api/recommendations');
    expect(limited.status).toBe(403);
    expect(await limited.json()).toEqual(
      errorBody(
        'EMAIL_VERIFICATION_REQUIRED',
        'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
      ),
    );
  });
});

describe('POST /api/recommendations/generate (route 45)', () => {
  it('replaces the pending set and says how many were created', async () => {
    const user = await createUser(prisma);
    const old = await createRecommendation(prisma, { userId: user.id });
    await createExercise(prisma, { exerciseType: 'DIVISION' });
    const { app } = await appAs(actorOf(user));
    const res = await app.request('/api/recommendations/generate', post());
    expect(res.status).toBe(200);
    // The old recommendation's exercise (ADDITION) and the new DIVISION one: one discovery each.
    expect(await res.json()).toEqual({
      message: 'Recommandations générées avec succès',
      count: 2,
    });
    expect(await prisma.recommendation.findUnique({ where: { id: old.id } })).toBeNull();
    const ignoredBody = await app.request('/api/recommendations/generate', post('not json'));
    expect(ignoredBody.status).toBe(200);
  });
});

describe('POST /api/recommendations/complete (route 46)', () => {
  it('completes the caller’s recommendation, again and again', async () => {
    const user = await createUser(prisma);
    const rec = await createRecommendation(prisma, { userId: user.id });
    const { app } = await appAs(actorOf(user));
    for (const id of [rec.id, String(rec.id), ` ${rec.id} `]) {
      const res = await app.request(
        '/api/recommendations/complete',
        post(JSON.stringify({ recommendation_id: id })),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        message: 'Recommandation marquée comme complétée',
        id: rec.id,
      });
    }
    expect(
      await prisma.recommendation.findUnique({
        where: { id: rec.id },
        select: { isCompleted: true, completedAt: true },
      }),
    ).toEqual({ isCompleted: true, completedAt: NOW });
  });

  it('answers every bad body with the legacy status and message, never a 500', async () => {
    const user = await createUser(prisma);
    const other = await createRecommendation(prisma);
    const { app } = await appAs(actorOf(user));
    const cases: [string | undefined, number, string, string][] = [
      [undefined, 422, 'VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'],
      ['{', 422, 'VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'],
      ['[1]', 400, 'BAD_REQUEST', 'Le corps doit être un objet JSON'],
      ['"12"', 400, 'BAD_REQUEST', 'Le corps doit être un objet JSON'],
      ['{}', 400, 'BAD_REQUEST', 'recommendation_id manquant'],
      ['{"recommendation_id":null}', 400, 'BAD_REQUEST', 'recommendation_id manquant'],
      ['{"recommendation_id":"abc"}', 400, 'BAD_REQUEST', 'recommendation_id invalide'],
      ['{"recommendation_id":1.5}', 400, 'BAD_REQUEST', 'recommendation_id invalide'],
      ['{"recommendation_id":true}', 400, 'BAD_REQUEST', 'recommendation_id invalide'],
      ['{"recommendation_id":"1\\u0000"}', 400, 'BAD_REQUEST', INPUT_REFUSED_MESSAGE],
      ['{"recommendation_id":"\\ud800"}', 400, 'BAD_REQUEST', INPUT_REFUSED_MESSAGE],
      ['{"recommendation_id":1e400}', 400, 'BAD_REQUEST', 'recommendation_id invalide'],
      [
        `{"recommendation_id":${'['.repeat(5000)}${']'.repeat(5000)}}`,
        400,
        'BAD_REQUEST',
        INPUT_REFUSED_MESSAGE,
      ],
      [
        `{"recommendation_id":"${'9'.repeat(100_000)}"}`,
        400,
        'BAD_REQUEST',
        'recommendation_id invalide',
      ],
      ['{"recommendation_id":0}', 404, 'NOT_FOUND', 'Recommandation non trouvée'],
      ['{"recommendation_id":-7}', 404, 'NOT_FOUND', 'Recommandation non trouvée'],
      ['{"recommendation_id":99999999999}', 404, 'NOT_FOUND', 'Recommandation non trouvée'],
      [`{"recommendation_id":${other.id}}`, 404, 'NOT_FOUND', 'Recommandation non trouvée'],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await app.request('/api/recommendations/complete', post(body));
      expect(res.status, body?.slice(0, 60)).toBe(status);
      expect(await res.json(), body?.slice(0, 60)).toEqual(errorBody(code, message));
    }
    expect(
      await prisma.recommendation.findUnique({
        where: { id: other.id },
        select: { isCompleted: true },
      }),
    ).toEqual({ isCompleted: false });
  });
});

describe('POST /api/recommendations/open and /clicked (newer frontend)', () => {
  it('counts a click on the caller’s recommendation, completed or not', async () => {
    const user = await createUser(prisma);
    const rec = await createRecommendation(prisma, { userId: user.id, isCompleted: true });
    const { app } = await appAs(actorOf(user));
    const open = await app.request(
      '/api/recommendations/open',
      post(JSON.stringify({ recommendation_id: rec.id })),
    );
    expect(open.status).toBe(200);
    expect(await open.text()).toBe(
      `{"id":${rec.id},"clicked_count":1,"last_clicked_at":"2026-02-14T10:20:30+00:00"}`,
    );
    const clicked = await app.request(
      '/api/recommendations/clicked',
      post(JSON.stringify({ recommendation_id: String(rec.id) })),
    );
    expect(await clicked.json()).toMatchObject({ id: rec.id, clicked_count: 2 });
  });

  it('answers 404 for someone else’s and the legacy 4xx for bad bodies', async () => {
    const user = await createUser(prisma);
    const other = await createRecommendation(prisma);
    const { app } = await appAs(actorOf(user));
    for (const path of ['/api/recommendations/open', '/api/recommendations/clicked']) {
      const res = await app.request(path, post(JSON.stringify({ recommendation_id: other.id })));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(errorBody('NOT_FOUND', 'Recommandation non trouvée'));
      const missing = await app.request(path, post('{}'));
      expect(missing.status).toBe(400);
      expect(await missing.json()).toEqual(errorBody('BAD_REQUEST', 'recommendation_id manquant'));
      expect((await app.request(path, post('nope'))).status).toBe(422);
      expect((await app.request(path, post('{"recommendation_id":[{}]}'))).status).toBe(400);
    }
    expect(
      await prisma.recommendation.findUnique({
        where: { id: other.id },
        select: { clickedCount: true },
      }),
    ).toEqual({ clickedCount: 0 });
  });
});

describe('two learners over HTTP', () => {
  it('each reads only their own recommendations and cannot complete the other’s', async () => {
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    await createExercise(prisma, { exerciseType: 'ADDITION' });
    await createExercise(prisma, { exerciseType: 'TEXTE' });
    const aliceApp = (await appAs(actorOf(alice))).app;
    const bobApp = (await appAs(actorOf(bob))).app;
    const aliceIds = (
      (await (await aliceApp.request('/api/recommendations')).json()) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const bobIds = (
      (await (await bobApp.request('/api/recommendations')).json()) as {
        id: number;
      }[]
    ).map((r) => r.id);
    expect(aliceIds).toHaveLength(2);
    expect(bobIds).toHaveLength(2);
    expect(aliceIds.some((id) => bobIds.includes(id))).toBe(false);
    for (const id of bobIds) {
      const res = await aliceApp.request(
        '/api/recommendations/complete',
        post(JSON.stringify({ recommendation_id: id })),
      );
      expect(res.status).toBe(404);
    }
    const again = (await (await bobApp.request('/api/recommendations')).json()) as { id: number }[];
    expect(again.map((r) => r.id)).toEqual(bobIds);
  });

  it('hides a recommendation whose exercise the learner solved since', async () => {
    const user = await createUser(prisma);
    const [a, b] = [
      await createExercise(prisma),
      await createExercise(prisma, { exerciseType: 'TEXTE' }),
    ];
    const { app } = await appAs(actorOf(user));
    expect(((await (await app.request('/api/recommendations')).json()) as unknown[]).length).toBe(
      2,
    );
    await createAttempt(prisma, { userId: user.id, exerciseId: a.id, isCorrect: true });
    const after = (await (await app.request('/api/recommendations')).json()) as {
      exercise_id: number;
    }[];
    expect(after.map((r) => r.exercise_id)).toEqual([b.id]);
  });
});
