import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createArchiviste,
  createAttempt,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { createTestApp, fixedClock, signedInAs, testActor } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];
let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-03-01T09:00:00.000Z');
const err = (code: string, message: string) => ({ code, message, error: message });
const BAD = (message: string) => err('BAD_REQUEST', message);

const adminApp = async () => {
  const admin = await createArchiviste(prisma);
  const actor: Actor = testActor({
    userId: admin.id,
    username: admin.username,
    role: 'archiviste',
    sessionId: null,
  });
  const { app } = await createTestApp({ clock: fixedClock(NOW), resolveAuth: signedInAs(actor) });
  return { app, admin };
};

const send = (method: string, body?: unknown) => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});

const auditEntries = () =>
  prisma.adminAuditLog.findMany({
    orderBy: { id: 'asc' },
    select: {
      adminUserId: true,
      action: true,
      resourceType: true,
      resourceId: true,
      details: true,
    },
  });

const NEW_EXERCISE = {
  title: '  Addition du marché ',
  question: 'Combien font 27 + 15 ?',
  correct_answer: ' 42 ',
  exercise_type: 'addition',
  difficulty: 'INITIE',
  age_group: '6-8',
  choices: ['42', '41', '43', '52'],
  explanation: '27 + 15 = 42',
  hint: '',
};

describe('GET /api/admin/exercises', () => {
  it('lists with attempt statistics, filters, sorts and paginates', async () => {
    const { app } = await adminApp();
    const learner = await createUser(prisma);
    const a = await createExercise(prisma, {
      title: 'Zèbres à compter',
      createdAt: new Date('2026-02-01T10:00:00Z'),
    });
    const b = await createExercise(prisma, {
      title: 'Abeilles',
      exerciseType: 'MULTIPLICATION',
      isArchived: true,
      createdAt: new Date('2026-02-02T10:00:00.5Z'),
    });
    for (const isCorrect of [true, true, false]) {
      await createAttempt(prisma, { userId: learner.id, exerciseId: a.id, isCorrect });
    }
    const res = await app.request('/api/admin/exercises');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(body.items[1]).toEqual({
      id: a.id,
      title: 'Zèbres à compter',
      exercise_type: 'ADDITION',
      difficulty: 'PADAWAN',
      age_group: '9-11',
      is_archived: false,
      attempt_count: 3,
      success_rate: 66.7,
      created_at: '2026-02-01T10:00:00+00:00',
    });
    expect(await (await app.request('/api/admin/exercises?limit=0')).text()).toContain(
      '"success_rate":0.0',
    );

    const list = async (query: string) => {
      const r = await app.request(`/api/admin/exercises?${query}`);
      expect(r.status).toBe(200);
      const j = (await r.json()) as { items: { id: number }[]; total: number };
      return { ids: j.items.map((i) => i.id), total: j.total };
    };
    expect(await list('archived=yes')).toEqual({ ids: [b.id], total: 1 });
    expect(await list('archived=no')).toEqual({ ids: [a.id], total: 1 });
    expect(await list('type=multiplication')).toEqual({ ids: [b.id], total: 1 });
    expect(await list('type=INCONNU')).toEqual({ ids: [], total: 0 });
    expect(await list('search=ZÈBRE')).toEqual({ ids: [a.id], total: 1 });
    expect(await list('sort=title&order=asc')).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await list('sort=nope&order=asc')).toEqual({ ids: [a.id, b.id], total: 2 });
    expect(await list('skip=1&limit=1')).toEqual({ ids: [a.id], total: 2 });
    expect(await list('skip=-4&limit=abc')).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await list('search=%00%F0')).toEqual({ ids: [], total: 0 });
  });
});

describe('POST /api/admin/exercises', () => {
  it('creates the exercise (201, detail) with its exercise_create audit entry', async () => {
    const { app, admin } = await adminApp();
    const res = await app.request('/api/admin/exercises', send('POST', NEW_EXERCISE));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number };
    expect(body).toEqual({
      id: body.id,
      title: 'Addition du marché',
      exercise_type: 'ADDITION',
      difficulty: 'INITIE',
      age_group: '6-8',
      tags: '',
      context_theme: '',
      complexity: null,
      ai_generated: false,
      question: 'Combien font 27 + 15 ?',
      correct_answer: '42',
      choices: ['42', '41', '43', '52'],
      explanation: '27 + 15 = 42',
      hint: '',
      image_url: '',
      audio_url: '',
      is_active: true,
      is_archived: false,
      created_at: '2026-03-01T09:00:00+00:00',
      updated_at: '2026-03-01T09:00:00+00:00',
    });
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'exercise_create',
        resourceType: 'exercise',
        resourceId: body.id,
        details: { title: 'Addition du marché' },
      },
    ]);
    const minimal = await app.request(
      '/api/admin/exercises',
      send('POST', { title: 'T', question: 'Quelle est la capitale ?', correct_answer: 'Berne' }),
    );
    expect(await minimal.json()).toMatchObject({
      exercise_type: 'DIVERS',
      difficulty: 'PADAWAN',
      age_group: '9-11',
      choices: null,
    });
  });

  it.each([
    [{ ...NEW_EXERCISE, title: '   ' }, 'Le titre est obligatoire.'],
    [{ ...NEW_EXERCISE, title: undefined }, 'Le titre est obligatoire.'],
    [{ ...NEW_EXERCISE, question: null }, 'La question est obligatoire.'],
    [{ ...NEW_EXERCISE, correct_answer: '' }, 'La réponse correcte est obligatoire.'],
    [{ ...NEW_EXERCISE, title: 12 }, 'Le titre est obligatoire.'],
    [{ ...NEW_EXERCISE, exercise_type: 'ALGEBRE' }, "Type d'exercice invalide."],
    [{ ...NEW_EXERCISE, difficulty: 'facile' }, 'Difficulté invalide.'],
    [{ ...NEW_EXERCISE, age_group: 'GROUP_10_12' }, "Groupe d'âge invalide."],
    [
      { ...NEW_EXERCISE, choices: { a: 1 } },
      'Les choix doivent être une liste de réponses (20 au plus).',
    ],
    [
      { ...NEW_EXERCISE, correct_answer: '43' },
      'La réponse 43 ne correspond pas au calcul de la question, qui donne 42.',
    ],
    [
      { ...NEW_EXERCISE, correct_answer: 'quarante-deux', choices: null },
      'La réponse correcte doit être le résultat du calcul de la question (42).',
    ],
    [
      { ...NEW_EXERCISE, choices: ['41', '43', '44', '45'] },
      'La bonne réponse doit figurer parmi les choix.',
    ],
    [
      { ...NEW_EXERCISE, choices: ['42', '42,0', '43', '44'] },
      'Les choix doivent avoir des valeurs différentes.',
    ],
  ])('refuses %j with 400 and saves nothing', async (payload, message) => {
    const { app } = await adminApp();
    const res = await app.request('/api/admin/exercises', send('POST', payload));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(BAD(message));
    expect(await prisma.exercise.count()).toBe(0);
    expect(await auditEntries()).toEqual([]);
  });

  it('answers the legacy body errors: 422 without JSON, 400 for a non-object', async () => {
    const { app } = await adminApp();
    const missing = await app.request('/api/admin/exercises', send('POST', 'not json'));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual(
      err('VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'),
    );
    const list = await app.request('/api/admin/exercises', send('POST', [1]));
    expect(list.status).toBe(400);
    expect(await list.json()).toEqual(BAD('Le corps doit être un objet JSON'));
  });
});

describe('GET / PUT / PATCH /api/admin/exercises/{id}', () => {
  it('reads an archived exercise and answers 404 for an unknown id', async () => {
    const { app } = await adminApp();
    const ex = await createExercise(prisma, { isArchived: true, isActive: false });
    const res = await app.request(`/api/admin/exercises/${ex.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ex.id, is_archived: true, is_active: false });
    for (const id of [ex.id + 1000, 0, 99999999999]) {
      const missing = await app.request(`/api/admin/exercises/${id}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual(err('NOT_FOUND', 'Exercice non trouvé.'));
    }
  });

  it('updates only the fields sent (null ignored, legacy booleans), with its audit entry', async () => {
    const { app, admin } = await adminApp();
    const ex = await createExercise(prisma, { title: 'Avant', hint: 'Compte' });
    const res = await app.request(
      `/api/admin/exercises/${ex.id}`,
      send('PUT', {
        title: 'Après',
        hint: null,
        complexity: '3',
        is_active: '1',
        is_archived: 'oui',
        tags: 7,
        unknown: 'x',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: ex.id,
      title: 'Après',
      hint: 'Compte',
      complexity: 3,
      is_active: true,
      is_archived: false,
      tags: '7',
      updated_at: '2026-03-01T09:00:00+00:00',
    });
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({
      adminUserId: admin.id,
      action: 'exercise_update',
      resourceType: 'exercise',
      resourceId: ex.id,
      details: {
        fields: ['title', 'tags', 'complexity', 'is_active', 'is_archived'],
        changes: { title: { from: 'Avant', to: 'Après' }, tags: { from: 'test', to: '7' } },
      },
    });
  });

  it('refuses an update that makes the key contradict the question, and changes nothing', async () => {
    const { app } = await adminApp();
    const ex = await createExercise(prisma, {
      question: 'Combien font 2 + 3 ?',
      correctAnswer: '5',
    });
    const res = await app.request(
      `/api/admin/exercises/${ex.id}`,
      send('PUT', { title: 'Nouveau', correct_answer: '6', choices: null }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(
      BAD('La réponse 6 ne correspond pas au calcul de la question, qui donne 5.'),
    );
    expect(
      await prisma.exercise.findUnique({ where: { id: ex.id }, select: { title: true } }),
    ).toEqual({
      title: ex.title,
    });
    expect(await auditEntries()).toEqual([]);
    const empty = await app.request(`/api/admin/exercises/${ex.id}`, send('PUT', { title: '' }));
    expect(await empty.json()).toEqual(BAD('Le titre est obligatoire.'));
    const missing = await app.request(`/api/admin/exercises/${ex.id + 1}`, send('PUT', {}));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(err('NOT_FOUND', 'Exercice non trouvé.'));
  });

  it('archives and restores with PATCH; is_archived must be a JSON boolean', async () => {
    const { app } = await adminApp();
    const ex = await createExercise(prisma, { title: 'Archivable' });
    const res = await app.request(
      `/api/admin/exercises/${ex.id}`,
      send('PATCH', { is_archived: true }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: ex.id, title: 'Archivable', is_archived: true });
    expect(await auditEntries()).toMatchObject([
      { action: 'exercise_archive', resourceId: ex.id, details: { is_archived: true } },
    ]);
    for (const body of [{ is_archived: 'true' }, {}, { is_archived: 1 }]) {
      const bad = await app.request(`/api/admin/exercises/${ex.id}`, send('PATCH', body));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual(BAD('Le champ is_archived doit être un booléen.'));
    }
    const missing = await app.request(
      `/api/admin/exercises/${ex.id + 1}`,
      send('PATCH', { is_archived: false }),
    );
    expect(missing.status).toBe(404);
  });
});

describe('POST /api/admin/exercises/{id}/duplicate', () => {
  it('copies the content, not archived, and audits the copy', async () => {
    const { app, admin } = await adminApp();
    const learner = await createUser(prisma);
    const ex = await createExercise(prisma, {
      title: 'Original',
      isArchived: true,
      aiGenerated: true,
    });
    await createAttempt(prisma, { userId: learner.id, exerciseId: ex.id });
    const res = await app.request(`/api/admin/exercises/${ex.id}/duplicate`, send('POST', {}));
    expect(res.status).toBe(201);
    const copy = (await res.json()) as { id: number };
    expect(copy).toMatchObject({
      title: 'Original (copie)',
      is_archived: false,
      ai_generated: true,
    });
    expect(copy.id).not.toBe(ex.id);
    expect(await prisma.attempt.count({ where: { exerciseId: copy.id } })).toBe(0);
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'exercise_duplicate',
        resourceType: 'exercise',
        resourceId: copy.id,
        details: { from_id: ex.id, title: 'Original (copie)' },
      },
    ]);
    const missing = await app.request(`/api/admin/exercises/${ex.id + 99}/duplicate`, send('POST'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(err('NOT_FOUND', 'Exercice non trouvé.'));
  });
});
