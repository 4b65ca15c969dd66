import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { AuthedCtx, Ctx } from '../kernel/deps.ts';
import {
  createAchievement,
  createArchiviste,
  createExercise,
  createUser,
  getTestDb,
  movableClock,
  resetDb,
  restoreCatalogue,
} from '../testing/index.ts';

const { db, prisma } = await getTestDb();

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
});

const log = pino({ level: 'silent' });

describe('admin badge changes and the badge engine', () => {
  it('are used by the very next submission, without a restart', async () => {
    // One core, as in a running server: the admin change and the submissions go through it.
    const core = createCore({ db, log, clock: movableClock() });
    const admin = await createArchiviste(prisma);
    const adminCtx: Ctx = {
      actor: {
        userId: admin.id,
        username: admin.username,
        role: 'archiviste',
        accessScope: 'full',
        sessionId: null,
      },
      log,
      requestId: 'test',
    };
    const learner = await createUser(prisma);
    const learnerCtx: AuthedCtx = {
      actor: {
        userId: learner.id,
        username: learner.username,
        role: 'padawan',
        accessScope: 'full',
        sessionId: null,
      },
      log,
      requestId: 'test',
    };
    const exercise = await createExercise(prisma);
    const submit = async () =>
      (
        await core.exercises.submitAnswer(learnerCtx, { exerciseId: exercise.id, answer: 'faux' })
      ).newBadges.map((b) => b.code);

    const far = await createAchievement(prisma, {
      code: 'test_far',
      requirements: { attempts_count: 50 },
    });
    const doomed = await createAchievement(prisma, {
      code: 'test_doomed',
      requirements: { attempts_count: 50 },
    });
    expect(await submit()).not.toContain('test_far');

    // Lowered threshold: earned by the next answer. Deactivated badge: never awarded.
    await core.adminBadges.update(adminCtx, {
      badgeId: far.id,
      requirements: { attempts_count: 2 },
    });
    await core.adminBadges.update(adminCtx, {
      badgeId: doomed.id,
      requirements: { attempts_count: 2 },
    });
    await core.adminBadges.delete(adminCtx, { badgeId: doomed.id });
    const created = await core.adminBadges.create(adminCtx, {
      code: 'test_new',
      name: 'Nouveau',
      requirements: { attempts_count: 1 },
    });
    const earned = await submit();
    expect(earned).toContain('test_far');
    expect(earned).toContain('test_new');
    expect(earned).not.toContain('test_doomed');
    const list = await core.adminBadges.list(adminCtx);
    expect(list.find((b) => b.id === created.id)?.userCount).toBe(1);
    expect(list.find((b) => b.id === doomed.id)).toMatchObject({ isActive: false, userCount: 0 });
  });
});
