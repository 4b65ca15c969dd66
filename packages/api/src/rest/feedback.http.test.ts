import { Registry } from 'prom-client';
import { beforeEach, describe, expect, it } from 'vitest';

import { createCore, type Actor } from '@mathakine/core';
import {
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  movableClock,
  resetDb,
} from '@mathakine/core/testing';
import { testCoreConfig } from '@mathakine/core/testing/accounts';

import { createApiApp } from '../app.ts';
import { INPUT_REFUSED_MESSAGE } from '../http/input-guard.ts';
import {
  actorOf,
  createTestApp,
  fixedClock,
  signedInAs,
  silentLogger,
  testApiConfig,
} from '../testing/index.ts';

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

const EVENT = 'event invalide (attendu: first_attempt, quick_start_click)';
const PAYLOAD = "payload invalide (objet plat d'au plus 20 champs attendu)";
const TYPE = 'feedback_type invalide (exercise, challenge, ui, other)';

describe('POST /api/analytics/event (route 42)', () => {
  it('stores the event for the EdTech report, for users with any access scope', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user, 'exercises_only'));
    const res = await app.request(
      '/api/analytics/event',
      post(
        JSON.stringify({
          event: ' QUICK_START_CLICK ',
          payload: { type: 'exercise', guided: true, targetId: 7, screen: 'home' },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"ok":true}');
    await app.request(
      '/api/analytics/event',
      post(
        JSON.stringify({
          event: 'first_attempt',
          payload: { type: 'challenge', targetId: 3, timeToFirstAttemptMs: null },
        }),
      ),
    );
    expect(
      await prisma.edtechEvent.findMany({
        orderBy: { id: 'asc' },
        select: { userId: true, event: true, payload: true, createdAt: true },
      }),
    ).toEqual([
      {
        userId: user.id,
        event: 'QUICK_START_CLICK',
        payload: { type: 'exercise', guided: true, targetId: 7 },
        createdAt: NOW,
      },
      {
        userId: user.id,
        event: 'FIRST_ATTEMPT',
        payload: { type: 'challenge', targetId: 3, timeToFirstAttemptMs: null },
        createdAt: NOW,
      },
    ]);
  });

  it('answers unknown names and bad payloads with a documented 4xx and stores nothing', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const cases: [string | undefined, number, string, string][] = [
      [undefined, 422, 'VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'],
      ['{"event":', 422, 'VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'],
      ['[]', 400, 'BAD_REQUEST', 'Le corps doit être un objet JSON'],
      ['{}', 400, 'BAD_REQUEST', EVENT],
      ['{"event":"page_view"}', 400, 'BAD_REQUEST', EVENT],
      ['{"event":42}', 400, 'BAD_REQUEST', EVENT],
      ['{"event":"first_attempt\\u0000"}', 400, 'BAD_REQUEST', INPUT_REFUSED_MESSAGE],
      ['{"event":"first_attempt","payload":"x"}', 400, 'BAD_REQUEST', PAYLOAD],
      ['{"event":"first_attempt","payload":[1]}', 400, 'BAD_REQUEST', PAYLOAD],
      ['{"event":"first_attempt","payload":{"a":{"b":1}}}', 400, 'BAD_REQUEST', PAYLOAD],
      [
        `{"event":"first_attempt","payload":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
        400,
        'BAD_REQUEST',
        INPUT_REFUSED_MESSAGE,
      ],
      [
        JSON.stringify({ event: 'first_attempt', payload: { note: 'x'.repeat(300_000) } }),
        400,
        'BAD_REQUEST',
        PAYLOAD,
      ],
      [
        '{"event":"first_attempt","payload":{"note":"\\ud83d"}}',
        400,
        'BAD_REQUEST',
        INPUT_REFUSED_MESSAGE,
      ],
      ['{"event":"first_attempt","payload":{"targetId":1e400}}', 400, 'BAD_REQUEST', PAYLOAD],
      ['{"event":"quick_start_click","payload":{"guided":"oui"}}', 400, 'BAD_REQUEST', PAYLOAD],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await app.request('/api/analytics/event', post(body));
      expect(res.status, body?.slice(0, 60)).toBe(status);
      expect(await res.json(), body?.slice(0, 60)).toEqual(errorBody(code, message));
    }
    expect(await prisma.edtechEvent.count()).toBe(0);
    expect((await (await appAs(null)).app.request('/api/analytics/event', post('{}'))).status).toBe(
      401,
    );
  });
});

describe('POST /api/feedback (route 43)', () => {
  it('answers 201 and stores a new report linked to the exercise', async () => {
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const { app } = await appAs(actorOf(user, 'exercises_only'));
    const res = await app.request(
      '/api/feedback',
      post(
        JSON.stringify({
          feedback_type: ' Exercise ',
          description: '  La réponse 7 est refusée  ',
          page_url: '/exercises',
          exercise_id: String(exercise.id),
          challenge_id: 'pas un nombre',
        }),
      ),
    );
    expect(res.status).toBe(201);
    const row = await prisma.feedbackReport.findFirstOrThrow({
      select: {
        id: true,
        userId: true,
        feedbackType: true,
        status: true,
        description: true,
        pageUrl: true,
        exerciseId: true,
        challengeId: true,
        createdAt: true,
      },
    });
    expect(await res.text()).toBe(
      `{"success":true,"id":${row.id},"message":"Merci pour votre retour !"}`,
    );
    expect(row).toEqual({
      id: row.id,
      userId: user.id,
      feedbackType: 'EXERCISE',
      status: 'NEW',
      description: 'La réponse 7 est refusée',
      pageUrl: '/exercises',
      exerciseId: exercise.id,
      challengeId: null,
      createdAt: NOW,
    });
  });

  it('answers bad bodies and unknown targets with a documented 4xx, writing nothing', async () => {
    const user = await createUser(prisma);
    const challenge = await createLogicChallenge(prisma);
    const { app } = await appAs(actorOf(user));
    const cases: [string | undefined, number, string, string][] = [
      [undefined, 422, 'VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'],
      ['"ui"', 400, 'BAD_REQUEST', 'Le corps doit être un objet JSON'],
      ['{}', 400, 'BAD_REQUEST', TYPE],
      ['{"feedback_type":"bug"}', 400, 'BAD_REQUEST', TYPE],
      ['{"feedback_type":["ui"]}', 400, 'BAD_REQUEST', TYPE],
      [
        '{"feedback_type":"ui","description":{"a":1}}',
        400,
        'BAD_REQUEST',
        "La description doit être un texte d'au plus 2000 caractères.",
      ],
      [
        JSON.stringify({ feedback_type: 'ui', description: 'x'.repeat(2001) }),
        400,
        'BAD_REQUEST',
        "La description doit être un texte d'au plus 2000 caractères.",
      ],
      [
        JSON.stringify({ feedback_type: 'ui', page_url: 'x'.repeat(500_000) }),
        400,
        'BAD_REQUEST',
        "L'adresse de la page doit être un texte d'au plus 2048 caractères.",
      ],
      [
        '{"feedback_type":"ui","description":"a\\u0000b"}',
        400,
        'BAD_REQUEST',
        INPUT_REFUSED_MESSAGE,
      ],
      ['{"feedback_type":"ui","page_url":"\\udc00"}', 400, 'BAD_REQUEST', INPUT_REFUSED_MESSAGE],
      [
        `{"feedback_type":"ui","description":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        400,
        'BAD_REQUEST',
        INPUT_REFUSED_MESSAGE,
      ],
      [
        '{"feedback_type":"exercise","exercise_id":999999}',
        404,
        'NOT_FOUND',
        'Exercice non trouvé',
      ],
      ['{"feedback_type":"exercise","exercise_id":0}', 404, 'NOT_FOUND', 'Exercice non trouvé'],
      [
        '{"feedback_type":"exercise","exercise_id":99999999999}',
        404,
        'NOT_FOUND',
        'Exercice non trouvé',
      ],
      [
        `{"feedback_type":"challenge","challenge_id":${challenge.id + 50}}`,
        404,
        'NOT_FOUND',
        'Défi logique non trouvé',
      ],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await app.request('/api/feedback', post(body));
      expect(res.status, body?.slice(0, 60)).toBe(status);
      expect(await res.json(), body?.slice(0, 60)).toEqual(errorBody(code, message));
    }
    expect(await prisma.feedbackReport.count()).toBe(0);
    expect((await (await appAs(null)).app.request('/api/feedback', post('{}'))).status).toBe(401);
  });

  it('is rate limited per user from the configuration (429 with Retry-After)', async () => {
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    const { db } = await getTestDb();
    const log = silentLogger();
    const clock = movableClock(NOW);
    const core = createCore({
      db,
      log,
      clock,
      config: testCoreConfig({ rateLimits: { feedback: 2 } }),
    });
    let actor = actorOf(alice);
    const { app } = createApiApp(
      {
        core,
        config: testApiConfig(),
        log,
        registry: new Registry(),
        resolveAuth: () => Promise.resolve({ actor, tokenState: 'valid' }),
      },
      { validateLegacyResponses: true },
    );
    const send = () => app.request('/api/feedback', post('{"feedback_type":"ui"}'));
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^[1-9][0-9]*$/);
    expect(await limited.json()).toEqual(
      errorBody('HTTP_429', 'Trop de retours envoyés. Veuillez réessayer dans une minute.'),
    );
    actor = actorOf(bob);
    expect((await send()).status).toBe(201);
    expect(await prisma.feedbackReport.count()).toBe(3);
  });
});
