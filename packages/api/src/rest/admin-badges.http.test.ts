import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor, AuthedCtx } from '@mathakine/core';
import {
  awardBadge,
  createAchievement,
  createArchiviste,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
  restoreCatalogue,
} from '@mathakine/core/testing';

import { createTestApp, fixedClock, signedInAs, testActor } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];
let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
  await restoreCatalogue(prisma);
});

const NOW = new Date('2026-03-01T09:00:00.000Z');
const err = (code: string, message: string) => ({ code, message, error: message });
const BAD = (message: string) => err('BAD_REQUEST', message);
const NOT_FOUND = err('NOT_FOUND', 'Badge non trouvé.');

const adminApp = async () => {
  const admin = await createArchiviste(prisma);
  const actor: Actor = testActor({
    userId: admin.id,
    username: admin.username,
    role: 'archiviste',
    sessionId: null,
  });
  const { app, core } = await createTestApp({
    clock: fixedClock(NOW),
    resolveAuth: signedInAs(actor),
  });
  return { app, admin, core };
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

const BADGE = {
  code: ' Test Super Compteur ',
  name: ' Super compteur ',
  requirements: { attempts_count: 1 },
  description: '',
  category: 'Progression',
  difficulty: 'GOLD',
  points_reward: '25',
  is_secret: 'yes',
  star_wars_title: 'Maître du calcul',
};

describe('GET /api/admin/badges', () => {
  it('lists every badge, inactive ones included, by category then code, with holders', async () => {
    const { app } = await adminApp();
    const learner = await createUser(prisma);
    const a = await createAchievement(prisma, {
      code: 'test_adm_b',
      category: 'SPECIAL',
      isActive: false,
    });
    const b = await createAchievement(prisma, { code: 'test_adm_a', category: 'SPECIAL' });
    await awardBadge(prisma, { userId: learner.id, achievementId: a.id });
    const res = await app.request('/api/admin/badges');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      success: boolean;
      data: { id: number; category: string; code: string; _user_count: number }[];
    };
    expect(body.success).toBe(true);
    const keys = body.data.map((d) => `${d.category}|${d.code}`);
    expect(keys).toEqual([...keys].sort());
    const mine = body.data.filter((d) => d.code.startsWith('test_adm_'));
    expect(mine.map((d) => [d.id, d._user_count])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    expect(mine[1]).toMatchObject({ is_active: false, category: 'special', difficulty: 'bronze' });
  });
});

describe('POST /api/admin/badges', () => {
  it('creates an active badge (201) with its badge_create entry; the next submission can award it', async () => {
    const { app, admin, core } = await adminApp();
    const res = await app.request('/api/admin/badges', send('POST', BADGE));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number };
    expect(body).toEqual({
      id: body.id,
      code: 'test_super_compteur',
      name: 'Super compteur',
      description: '',
      icon_url: '',
      category: 'progression',
      difficulty: 'gold',
      points_reward: 25,
      is_secret: true,
      requirements: { attempts_count: 1 },
      star_wars_title: 'Maître du calcul',
      is_active: true,
      created_at: '2026-03-01T09:00:00+00:00',
    });
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'badge_create',
        resourceType: 'achievement',
        resourceId: body.id,
        details: { code: 'test_super_compteur', name: 'Super compteur' },
      },
    ]);
    const minimal = await app.request(
      '/api/admin/badges',
      send('POST', { code: 'test_minimal', name: 'X', requirements: { perfect_day: true } }),
    );
    expect(await minimal.json()).toMatchObject({
      difficulty: 'bronze',
      points_reward: 0,
      is_secret: false,
      category: '',
    });

    // The badge engine reads the catalogue at every evaluation: the learner's next answer earns it.
    const learner = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const ctx: AuthedCtx = {
      actor: {
        userId: learner.id,
        username: learner.username,
        role: 'padawan',
        accessScope: 'full',
        sessionId: null,
      },
      log: pino({ level: 'silent' }),
      requestId: 'test',
    };
    const result = await core.exercises.submitAnswer(ctx, {
      exerciseId: exercise.id,
      answer: 'faux',
    });
    expect(result.newBadges.map((b) => b.code)).toContain('test_super_compteur');
  });

  it.each([
    [{ name: 'N', requirements: { attempts_count: 1 } }, 'Le code est obligatoire.'],
    [{ code: '  ', name: 'N', requirements: { attempts_count: 1 } }, 'Le code est obligatoire.'],
    [{ code: 'c', requirements: { attempts_count: 1 } }, 'Le nom est obligatoire.'],
    [{ code: 'c', name: 'N' }, 'requirements est requis'],
    [{ code: 'c', name: 'N', requirements: null }, 'requirements est requis'],
    [{ code: 'c', name: 'N', requirements: [1] }, 'requirements doit être un objet JSON'],
    [{ code: 'c', name: 'N', requirements: 'x' }, 'requirements doit être un objet JSON'],
    [{ code: 'c', name: 'N', requirements: {} }, 'requirements doit contenir au moins une clé'],
    [
      { code: 'c', name: 'N', requirements: { attempts_count: 0 } },
      'attempts_count doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { attempts_count: '5' } },
      'attempts_count doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { min_attempts: 0, success_rate: 50 } },
      'min_attempts doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { min_attempts: 5, success_rate: 101 } },
      'success_rate doit être entre 0 et 100',
    ],
    [
      { code: 'c', name: 'N', requirements: { consecutive_correct: 0 } },
      'consecutive_correct doit être un nombre >= 1',
    ],
    [{ code: 'c', name: 'N', requirements: { max_time: -1 } }, 'max_time doit être un nombre >= 0'],
    [
      { code: 'c', name: 'N', requirements: { consecutive_days: 0.5 } },
      'consecutive_days doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { logic_attempts_count: false } },
      'logic_attempts_count doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { comeback_days: null } },
      'comeback_days doit être un nombre >= 1',
    ],
    [
      { code: 'c', name: 'N', requirements: { attempts_count: 1 }, category: 'magie' },
      'Catégorie invalide (progression, mastery, regularity, performance, discovery, special).',
    ],
    [
      { code: 'c', name: 'N', requirements: { attempts_count: 1 }, difficulty: 'platine' },
      'Difficulté invalide (bronze, silver, gold, legendary).',
    ],
    [
      { code: 'c', name: 'N', requirements: { attempts_count: 1 }, points_reward: 'beaucoup' },
      'points_reward doit être un nombre entier.',
    ],
  ])('refuses %j with 400 and saves nothing', async (payload, message) => {
    const { app } = await adminApp();
    const before = await prisma.achievement.count();
    const res = await app.request('/api/admin/badges', send('POST', payload));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(BAD(message));
    expect(await prisma.achievement.count()).toBe(before);
    expect(await auditEntries()).toEqual([]);
  });

  it.each([
    [{ attempts_count: true }],
    [{ attempts_count: 3, consecutive_correct: 0 }],
    [{ min_attempts: 1, success_rate: 0 }],
    [{ max_time: 0 }],
    [{ perfect_day: true }],
  ])('accepts the requirements %j (rules 4–11)', async (requirements) => {
    const { app } = await adminApp();
    const code = `test_ok_${JSON.stringify(requirements).length}_${Object.keys(requirements).join('_')}`;
    const res = await app.request(
      '/api/admin/badges',
      send('POST', { code, name: 'Ok', requirements }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ requirements });
  });

  it('answers 409 for a code that exists (after normalisation)', async () => {
    const { app } = await adminApp();
    await createAchievement(prisma, { code: 'test_deja_la' });
    const res = await app.request(
      '/api/admin/badges',
      send('POST', { code: 'Test Deja La', name: 'N', requirements: { attempts_count: 1 } }),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual(err('HTTP_409', "Le code 'test_deja_la' existe déjà."));
  });
});

describe('GET / PUT / DELETE /api/admin/badges/{id}', () => {
  it('reads a badge with its holders; 404 for an unknown id', async () => {
    const { app } = await adminApp();
    const badge = await createAchievement(prisma, { code: 'test_read' });
    const res = await app.request(`/api/admin/badges/${badge.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: badge.id, code: 'test_read', _user_count: 0 });
    const missing = await app.request('/api/admin/badges/987654');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
  });

  it('updates the fields sent (code immutable, points null → 0), with its audit entry', async () => {
    const { app, admin } = await adminApp();
    const badge = await createAchievement(prisma, {
      code: 'test_upd',
      name: 'Avant',
      isActive: false,
    });
    const res = await app.request(
      `/api/admin/badges/${badge.id}`,
      send('PUT', {
        code: 'autre',
        name: ' Après ',
        description: null,
        category: '',
        points_reward: null,
        is_active: 1,
        is_secret: 'non',
        requirements: { consecutive_days: 3 },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      code: 'test_upd',
      name: 'Après',
      description: 'Badge de test',
      category: '',
      points_reward: 0,
      is_active: true,
      is_secret: false,
      requirements: { consecutive_days: 3 },
    });
    expect(await auditEntries()).toMatchObject([
      {
        adminUserId: admin.id,
        action: 'badge_update',
        resourceType: 'achievement',
        resourceId: badge.id,
        details: {
          fields: ['name', 'category', 'points_reward', 'is_secret', 'is_active', 'requirements'],
        },
      },
    ]);
  });

  it('validates requirements on update and changes nothing when refused; 404 for an unknown id', async () => {
    const { app } = await adminApp();
    const badge = await createAchievement(prisma, { code: 'test_req' });
    for (const [requirements, message] of [
      [null, 'requirements est requis'],
      [{ max_time: 'vite' }, 'max_time doit être un nombre >= 0'],
    ] as const) {
      const res = await app.request(
        `/api/admin/badges/${badge.id}`,
        send('PUT', { name: 'X', requirements }),
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(BAD(message));
    }
    const empty = await app.request(`/api/admin/badges/${badge.id}`, send('PUT', { name: '' }));
    expect(await empty.json()).toEqual(BAD('Le nom est obligatoire.'));
    expect(
      await prisma.achievement.findUnique({ where: { id: badge.id }, select: { name: true } }),
    ).toEqual({ name: badge.name });
    expect(await auditEntries()).toEqual([]);
    const missing = await app.request(`/api/admin/badges/${badge.id + 500}`, send('PUT', {}));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
  });

  it('soft-deletes: inactive, held badges kept, never awarded again; 404 for an unknown id', async () => {
    const { app, admin, core } = await adminApp();
    const learner = await createUser(prisma);
    const held = await createAchievement(prisma, { code: 'test_held' });
    await awardBadge(prisma, { userId: learner.id, achievementId: held.id });
    const res = await app.request(`/api/admin/badges/${held.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      id: held.id,
      code: 'test_held',
      name: held.name,
      is_active: false,
      message: 'Badge désactivé (soft delete).',
    });
    expect(await prisma.userAchievement.count({ where: { achievementId: held.id } })).toBe(1);
    expect(await auditEntries()).toEqual([
      {
        adminUserId: admin.id,
        action: 'badge_delete',
        resourceType: 'achievement',
        resourceId: held.id,
        details: { soft: true, user_count: 1 },
      },
    ]);
    // A deactivated badge is no longer awarded by the next submission.
    const gone = await createAchievement(prisma, { code: 'test_gone' });
    await app.request(`/api/admin/badges/${gone.id}`, { method: 'DELETE' });
    const other = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const result = await core.exercises.submitAnswer(
      {
        actor: {
          userId: other.id,
          username: other.username,
          role: 'padawan',
          accessScope: 'full',
          sessionId: null,
        },
        log: pino({ level: 'silent' }),
        requestId: 'test',
      },
      { exerciseId: exercise.id, answer: 'faux' },
    );
    expect(result.newBadges.map((b) => b.code)).not.toContain('test_gone');
    const missing = await app.request(`/api/admin/badges/${held.id + 500}`, { method: 'DELETE' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(NOT_FOUND);
  });
});
