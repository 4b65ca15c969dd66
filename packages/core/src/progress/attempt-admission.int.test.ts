import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { makeChallengeService } from '../challenges/index.ts';
import { makeExerciseService } from '../exercises/index.ts';
import { AppError } from '../kernel/errors.ts';
import { makeSettingsService } from '../settings/index.ts';
import { movableClock } from '../testing/clock.ts';
import { ctxFor } from '../testing/gamification.ts';
import {
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { createAttemptAdmission } from './attempt-admission.ts';
import { noopPostAttemptStep } from './post-attempt.ts';

/**
 * Overload: both submits share one admission sized to the database's transaction slots. A submit that
 * cannot be admitted is answered 503 DEPENDENCY_UNAVAILABLE with `Retry-After` and writes nothing; once
 * a slot is free the same submit goes through.
 */
const { db, prisma } = await getTestDb();
const log = pino({ level: 'silent' });
const clock = movableClock('2026-03-10T12:00:00Z');

beforeEach(async () => {
  await resetDb(prisma);
});

const servicesWith = (admission: ReturnType<typeof createAttemptAdmission>) => ({
  exercises: makeExerciseService(
    { db, log, clock },
    {
      postAttemptStep: noopPostAttemptStep,
      attemptAdmission: admission,
      settings: makeSettingsService({ db, log, clock }),
    },
  ),
  challenges: makeChallengeService(
    { db, log, clock },
    { postAttemptStep: noopPostAttemptStep, attemptAdmission: admission },
  ),
});

/** Holds the admission's only slot until `release()` (what a long submit of another learner does). */
const holdSlot = (admission: ReturnType<typeof createAttemptAdmission>) => {
  let release: () => void = () => undefined;
  const held = admission.run(
    () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
  );
  return {
    release: async () => {
      release();
      await held;
    },
  };
};

describe('submit admission', () => {
  it('sizes itself to the database: the pool on PostgreSQL, one session on PGlite', () => {
    expect(db.transactionSlots).toBe(db.kind === 'pglite' ? 1 : 4);
  });

  it('refuses an exercise submit and a challenge attempt it cannot admit: 503 busy, Retry-After, nothing written', async () => {
    const admission = createAttemptAdmission({ transactionSlots: 1 }, { maxQueued: 0 });
    const { exercises, challenges } = servicesWith(admission);
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const challenge = await createLogicChallenge(prisma);

    const slot = holdSlot(admission);
    const refusedSubmit = await exercises
      .submitAnswer(ctxFor(user.id), { exerciseId: exercise.id, answer: exercise.correctAnswer })
      .catch((err: unknown) => err);
    const refusedAttempt = await challenges
      .attempt(ctxFor(user.id), { challengeId: challenge.id, answer: '11' })
      .catch((err: unknown) => err);
    for (const refused of [refusedSubmit, refusedAttempt]) {
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        message: 'Le service est momentanément surchargé. Réessayez dans quelques instants.',
        retryAfterSeconds: 2,
      });
    }
    expect(await prisma.attempt.count()).toBe(0);
    expect(await prisma.logicChallengeAttempt.count()).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totalAttempts: 0,
    });

    await slot.release();
    const accepted = await exercises.submitAnswer(ctxFor(user.id), {
      exerciseId: exercise.id,
      answer: exercise.correctAnswer,
    });
    expect(accepted.replayed).toBe(false);
    expect(await prisma.attempt.count()).toBe(1);
    expect(admission.active).toBe(0);
  });

  it('queues a submit behind a busy slot and runs it once the slot is free', async () => {
    const admission = createAttemptAdmission({ transactionSlots: 1 }, { maxQueued: 4 });
    const { exercises } = servicesWith(admission);
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);

    const slot = holdSlot(admission);
    const waiting = exercises.submitAnswer(ctxFor(user.id), {
      exerciseId: exercise.id,
      answer: exercise.correctAnswer,
    });
    await expect.poll(() => admission.queued, { timeout: 60_000, interval: 20 }).toBe(1);
    expect(await prisma.attempt.count()).toBe(0);
    await slot.release();
    await expect(waiting).resolves.toMatchObject({ isCorrect: true, replayed: false });
    expect(await prisma.attempt.count()).toBe(1);
  });
});
