import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createArchiviste,
  createLogicChallenge,
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
const NOT_FOUND = err('NOT_FOUND', 'Défi non trouvé.');
const REJECTED =
  "La réponse correcte n'est pas acceptée par la correction de ce type de défi (format attendu, ou données incohérentes).";

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
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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

describe('GET /api/admin/challenges', () => {
  it('lists every challenge with legacy age codes and success rates; filters, sorts, paginates', async () => {
    const { app } = await adminApp();
    const seq = await createLogicChallenge(prisma, {
      title: 'Suite',
      attemptCount: 12,
      correctAttemptCount: 5,
      createdAt: new Date('2026-02-01T10:00:00Z'),
    });
    const chess = await createLogicChallenge(prisma, {
      title: 'Mat en un',
      description: 'Un problème d’échecs',
      challengeType: 'CHESS',
      ageGroup: 'GROUP_12_14',
      isActive: false,
      isArchived: true,
      createdAt: new Date('2026-02-02T10:00:00Z'),
    });
    const res = await app.request('/api/admin/challenges');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        {
          id: chess.id,
          title: 'Mat en un',
          challenge_type: 'chess',
          age_group: 'GROUP_13_15',
          is_archived: true,
          attempt_count: 0,
          success_rate: 0,
          created_at: '2026-02-02T10:00:00+00:00',
        },
        {
          id: seq.id,
          title: 'Suite',
          challenge_type: 'sequence',
          age_group: 'GROUP_10_12',
          is_archived: false,
          attempt_count: 12,
          success_rate: 41.7,
          created_at: '2026-02-01T10:00:00+00:00',
        },
      ],
      total: 2,
    });
    const ids = async (query: string) => {
      const r = await app.request(`/api/admin/challenges?${query}`);
      expect(r.status).toBe(200);
      return ((await r.json()) as { items: { id: number }[] }).items.map((i) => i.id);
    };
    expect(await ids('type=CHESS')).toEqual([chess.id]);
    expect(await ids('type=nope')).toEqual([chess.id, seq.id]);
    expect(await ids('search=ÉCHECS')).toEqual([chess.id]);
    expect(await ids('archived=1')).toEqual([chess.id]);
    expect(await ids('archived=false')).toEqual([seq.id]);
    expect(await ids('sort=challenge_type&order=asc')).toEqual([seq.id, chess.id]);
    expect(await ids('skip=1&limit=1')).toEqual([seq.id]);
  });
});

describe('POST /api/admin/challenges', () => {
  it('creates with the legacy defaults and its challenge_create audit entry', async () => {
    const { app, admin } = await adminApp();
    const res = await app.request(
      '/api/admin/challenges',
      send('POST', {
        title: ' Probabilité ',
        description: 'Une pièce',
        challenge_type: 'PROBABILITY',
        age_group: 'GROUP_6_8',
        question: 'Quelle chance d’avoir pile ?',
        correct_answer: '1/2',
        visual_data: { outcomes: { pile: 1, face: 1 } },
        hints: ['Deux faces'],
        tags: 'ignoré',
        difficulty_rating: 5,
      }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number };
    expect(body).toEqual({
      id: body.id,
      title: 'Probabilité',
      description: 'Une pièce',
      challenge_type: 'probability',
      age_group: 'GROUP_6_8',
      difficulty: '',
      content: '',
      question: 'Quelle chance d’avoir pile ?',
      solution: '',
      correct_answer: '1/2',
      choices: null,
      solution_explanation: '',
      visual_data: { outcomes: { pile: 1, face: 1 } },
      hints: ['Deux faces'],
      image_url: '',
      tags: '',
      is_active: true,
      is_archived: false,
      difficulty_rating: 3,
      estimated_time_minutes: 15,
      created_at: '2026-03-01T09:00:00+00:00',
      updated_at: '2026-03-01T09:00:00+00:00',
    });
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'challenge_create',
        resourceType: 'challenge',
        resourceId: body.id,
        details: { title: 'Probabilité' },
      },
    ]);
    const defaults = await app.request(
      '/api/admin/challenges',
      send('POST', { title: 'T', description: 'D', challenge_type: 'inconnu', age_group: '9-11' }),
    );
    expect(await defaults.json()).toMatchObject({
      challenge_type: 'puzzle',
      age_group: 'GROUP_10_12',
      correct_answer: '',
      visual_data: null,
    });
  });

  it.each([
    [{ description: 'D' }, 'Le titre est obligatoire.'],
    [{ title: ' ', description: 'D' }, 'Le titre est obligatoire.'],
    [{ title: 'T' }, 'La description est obligatoire.'],
    [{ title: 'T', description: null }, 'La description est obligatoire.'],
    [
      { title: 'T', description: 'D', challenge_type: 'probability', correct_answer: '3/2' },
      REJECTED,
    ],
    [{ title: 'T', description: 'D', challenge_type: 'chess', correct_answer: 'gagner' }, REJECTED],
    [{ title: 'T', description: 'D', question: { a: 1 } }, 'Ce champ doit être un texte.'],
  ])('refuses %j with 400 and saves nothing', async (payload, message) => {
    const { app } = await adminApp();
    const res = await app.request('/api/admin/challenges', send('POST', payload));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(BAD(message));
    expect(await prisma.logicChallenge.count()).toBe(0);
    expect(await auditEntries()).toEqual([]);
  });
});

describe('GET / PUT / PATCH /api/admin/challenges/{id}', () => {
  it('reads an inactive archived challenge; 404 for an unknown id', async () => {
    const { app } = await adminApp();
    const c = await createLogicChallenge(prisma, { isActive: false, isArchived: true });
    const res = await app.request(`/api/admin/challenges/${c.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: c.id, is_active: false, is_archived: true });
    for (const id of [c.id + 50, 0]) {
      const missing = await app.request(`/api/admin/challenges/${id}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual(NOT_FOUND);
    }
  });

  it('applies only the keys sent, the legacy way, with its audit entry', async () => {
    const { app, admin } = await adminApp();
    const c = await createLogicChallenge(prisma, { title: 'Avant' });
    const res = await app.request(
      `/api/admin/challenges/${c.id}`,
      send('PUT', {
        title: 'Après',
        description: null,
        difficulty: '',
        challenge_type: 'inconnu',
        age_group: '9-11',
        difficulty_rating: '4.5',
        estimated_time_minutes: 7.9,
        is_archived: 'true',
        hints: null,
        content: 'ignoré',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      title: 'Après',
      challenge_type: 'sequence',
      age_group: 'GROUP_10_12',
      difficulty: '',
      difficulty_rating: 4.5,
      estimated_time_minutes: 7,
      is_archived: true,
      hints: null,
    });
    expect(await auditEntries()).toMatchObject([
      {
        adminUserId: admin.id,
        action: 'challenge_update',
        resourceType: 'challenge',
        resourceId: c.id,
        details: {
          fields: [
            'title',
            'difficulty',
            'hints',
            'is_archived',
            'difficulty_rating',
            'estimated_time_minutes',
          ],
          changes: { title: { from: 'Avant', to: 'Après' } },
        },
      },
    ]);
  });

  it('refuses an answer its checker rejects, changing nothing; 404 for an unknown id', async () => {
    const { app } = await adminApp();
    const c = await createLogicChallenge(prisma, {
      challengeType: 'PROBABILITY',
      correctAnswer: '1/2',
    });
    const res = await app.request(
      `/api/admin/challenges/${c.id}`,
      send('PUT', { title: 'Nouveau', correct_answer: '7/4' }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(BAD(REJECTED));
    const row = await prisma.logicChallenge.findUnique({
      where: { id: c.id },
      select: { title: true, correctAnswer: true },
    });
    expect(row).toEqual({ title: c.title, correctAnswer: '1/2' });
    expect(await auditEntries()).toEqual([]);
    const missing = await app.request(`/api/admin/challenges/${c.id + 1}`, send('PUT', {}));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
  });

  it('archives with PATCH; is_archived must be a JSON boolean', async () => {
    const { app } = await adminApp();
    const c = await createLogicChallenge(prisma, { title: 'Archivable' });
    const res = await app.request(
      `/api/admin/challenges/${c.id}`,
      send('PATCH', { is_archived: true }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: c.id, title: 'Archivable', is_archived: true });
    expect(await auditEntries()).toMatchObject([
      { action: 'challenge_archive', resourceType: 'challenge', details: { is_archived: true } },
    ]);
    const bad = await app.request(
      `/api/admin/challenges/${c.id}`,
      send('PATCH', { is_archived: 'true' }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(BAD('Le champ is_archived doit être un booléen.'));
    const missing = await app.request(
      `/api/admin/challenges/${c.id + 1}`,
      send('PATCH', { is_archived: true }),
    );
    expect(await missing.json()).toEqual(NOT_FOUND);
  });
});

describe('POST /api/admin/challenges/{id}/duplicate', () => {
  it('copies the content, not the statistics, and audits the copy', async () => {
    const { app, admin } = await adminApp();
    const c = await createLogicChallenge(prisma, {
      title: 'Original',
      isArchived: true,
      attemptCount: 4,
      correctAttemptCount: 2,
      difficultyRating: 4.5,
      tags: 'logique',
    });
    const res = await app.request(`/api/admin/challenges/${c.id}/duplicate`, send('POST'));
    expect(res.status).toBe(201);
    const copy = (await res.json()) as { id: number };
    expect(copy).toMatchObject({
      title: 'Original (copie)',
      is_archived: false,
      difficulty_rating: 4.5,
      tags: 'logique',
      correct_answer: '10',
    });
    expect(
      await prisma.logicChallenge.findUnique({
        where: { id: copy.id },
        select: { attemptCount: true },
      }),
    ).toEqual({ attemptCount: 0 });
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'challenge_duplicate',
        resourceType: 'challenge',
        resourceId: copy.id,
        details: { from_id: c.id, title: 'Original (copie)' },
      },
    ]);
    const missing = await app.request(`/api/admin/challenges/${c.id + 9}/duplicate`, send('POST'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
  });
});
