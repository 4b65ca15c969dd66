/**
 * The back office's content services (exercises, challenges, badges): administrators only, checked by
 * the services themselves before any read or write, and each change committed with its audit entry or
 * not at all.
 */
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { Actor, Ctx } from '../kernel/deps.ts';
import {
  createArchiviste,
  createExercise,
  createLogicChallenge,
  getTestDb,
  movableClock,
  resetDb,
} from '../testing/index.ts';

const { db, prisma } = await getTestDb();
const core = createCore({ db, log: pino({ level: 'silent' }), clock: movableClock() });

beforeEach(async () => {
  await resetDb(prisma);
});

const ctxAs = (userId: number, role: Actor['role'] | null): Ctx => ({
  actor: role
    ? { userId, username: `u${userId}`, role, accessScope: 'full', sessionId: null }
    : null,
  log: pino({ level: 'silent' }),
  requestId: 'test',
});

const counts = async () => ({
  exercises: await prisma.exercise.count(),
  challenges: await prisma.logicChallenge.count(),
  badges: await prisma.achievement.count(),
  audit: await prisma.adminAuditLog.count(),
});

describe('admin content services', () => {
  it('refuse learners, teachers, guardians and anonymous callers before touching anything', async () => {
    const ex = await createExercise(prisma);
    const before = await counts();
    for (const role of ['padawan', 'maitre', 'gardien'] as const) {
      const ctx = ctxAs(ex.id, role);
      for (const call of [
        () => core.adminExercises.list(ctx, {}),
        () => core.adminExercises.duplicate(ctx, { exerciseId: ex.id }),
        () => core.adminChallenges.create(ctx, { title: 'T', description: 'D' }),
        () => core.adminBadges.create(ctx, { code: 'c', name: 'N', requirements: { a: 1 } }),
        () => core.adminBadges.list(ctx),
      ]) {
        await expect(call()).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: 'Droits insuffisants',
        });
      }
    }
    await expect(
      core.adminExercises.get(ctxAs(0, null), { exerciseId: ex.id }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Droits insuffisants' });
    expect(await counts()).toEqual(before);
  });

  it('write the change and its audit entry in one transaction: when the entry fails, nothing is saved', async () => {
    // An administrator whose account was removed meanwhile: the entry's foreign key fails after the
    // change was written, and the whole use case rolls back.
    const ghost = ctxAs(2_000_000, 'archiviste');
    const ex = await createExercise(prisma, { title: 'Intact' });
    const challenge = await createLogicChallenge(prisma, { title: 'Intact aussi' });
    const before = await counts();
    await expect(
      core.adminExercises.create(ghost, {
        title: 'Fantôme',
        question: 'Quelle couleur ?',
        correctAnswer: 'bleu',
      }),
    ).rejects.toThrow();
    await expect(
      core.adminExercises.update(ghost, { exerciseId: ex.id, title: 'Modifié' }),
    ).rejects.toThrow();
    await expect(
      core.adminChallenges.archive(ghost, { challengeId: challenge.id, isArchived: true }),
    ).rejects.toThrow();
    await expect(
      core.adminBadges.create(ghost, { code: 'test_ghost', name: 'N', requirements: { a: 1 } }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(
      await prisma.exercise.findUnique({ where: { id: ex.id }, select: { title: true } }),
    ).toEqual({ title: 'Intact' });
    expect(
      await prisma.logicChallenge.findUnique({
        where: { id: challenge.id },
        select: { isArchived: true },
      }),
    ).toEqual({ isArchived: false });

    const admin = await createArchiviste(prisma);
    const saved = await core.adminExercises.update(ctxAs(admin.id, 'archiviste'), {
      exerciseId: ex.id,
      title: 'Modifié',
    });
    expect(saved.title).toBe('Modifié');
    expect(
      await prisma.adminAuditLog.findMany({ select: { action: true, resourceId: true } }),
    ).toEqual([{ action: 'exercise_update', resourceId: ex.id }]);
  });
});
