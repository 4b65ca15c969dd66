/**
 * Test support for the gamification tests (imported by *.int.test.ts / *.pg.test.ts only): a badge
 * service and the real exercise submit service wired with its post-attempt step, on the file's test
 * database and a clock the tests move.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { pino } from 'pino';

import { DB_DEFAULTS, type ManagedDatabase } from '../db/client.ts';
import { PrismaClient } from '../db/generated/client.ts';
import type { ExerciseType } from '../db/generated/enums.ts';
import { inProcessPglite } from '../db/migrate.ts';
import { createSqlTransactionRunner } from '../db/sql-transaction.ts';
import type { Database } from '../db/types.ts';
import { makeExerciseService } from '../exercises/index.ts';
import { makeBadgeService } from '../gamification/index.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { makeSettingsService } from '../settings/index.ts';
import { createExercise, EXERCISE_TEMPLATES } from './factories.ts';

export { movableClock } from './clock.ts';

export const DAY_MS = 86_400_000;

/**
 * resetDb keeps the catalogue (reference data) and an admin's `is_active` choice: this removes the test
 * badges (`test_…`) and re-activates catalogue badges a test deactivated.
 */
export const restoreCatalogue = async (prisma: PrismaClient) => {
  await prisma.achievement.deleteMany({ where: { code: { startsWith: 'test_' } } });
  await prisma.achievement.updateMany({ where: { isActive: false }, data: { isActive: true } });
};

export const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: `u${userId}`, role: 'padawan', accessScope: 'full', sessionId: null },
  log: pino({ level: 'silent' }),
  requestId: 'test',
});

export const createGamificationHarness = (db: Database, clock: Clock) => {
  const log = pino({ level: 'silent' });
  const badges = makeBadgeService({ db, clock });
  const exercises = makeExerciseService(
    { db, log, clock },
    { postAttemptStep: badges.postAttemptStep, settings: makeSettingsService({ db, log, clock }) },
  );
  const exerciseIds = new Map<ExerciseType, number>();

  /** One exercise per type (created on first use), so submissions can target any type. */
  const exerciseOf = async (type: ExerciseType): Promise<number> => {
    const known = exerciseIds.get(type);
    if (known !== undefined) return known;
    const created = await createExercise(db.prisma, { exerciseType: type });
    exerciseIds.set(type, created.id);
    return created.id;
  };

  /** A real submission through the exercise submit service (its transaction runs the badge step). */
  const submit = async (
    userId: number,
    opts: { type?: ExerciseType; correct?: boolean; timeSpent?: number } = {},
  ) => {
    const type = opts.type ?? 'ADDITION';
    const exerciseId = await exerciseOf(type);
    const answer =
      (opts.correct ?? true) ? EXERCISE_TEMPLATES[type].correctAnswer : 'réponse fausse 999';
    return exercises.submitAnswer(ctxFor(userId), {
      exerciseId,
      answer,
      timeSpent: opts.timeSpent ?? 12,
    });
  };

  /**
   * Bulk history: `count` attempts of a type written in one statement, plus the caches the submit
   * transaction would have left (the type's `exercise_progress` row and the user's attempt counters).
   * No badge step runs.
   */
  const bulkAttempts = async (
    userId: number,
    count: number,
    opts: { type?: ExerciseType; correct?: boolean; timeSpent?: number; at?: Date } = {},
  ) => {
    const type = opts.type ?? 'ADDITION';
    const correct = opts.correct ?? true;
    const timeSpent = opts.timeSpent ?? 12;
    const exerciseId = await exerciseOf(type);
    const at = opts.at ?? new Date(clock.now().getTime() - 1000);
    await db.prisma.attempt.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        userId,
        exerciseId,
        userAnswer: '5',
        isCorrect: correct,
        timeSpent,
        createdAt: new Date(at.getTime() - (count - i) * 10),
      })),
    });
    const key = { userId_exerciseType: { userId, exerciseType: type } };
    const row = await db.prisma.exerciseProgress.findUnique({
      where: key,
      select: { currentCorrectStreak: true, bestCorrectStreak: true },
    });
    const current = correct ? (row?.currentCorrectStreak ?? 0) + count : 0;
    const best = Math.max(row?.bestCorrectStreak ?? 0, current);
    const timed = timeSpent > 0 ? count : 0;
    // Find then create or update (an INSERT … ON CONFLICT checks its CHECKs on the proposed row).
    if (row === null) {
      await db.prisma.exerciseProgress.create({
        data: {
          userId,
          exerciseType: type,
          totalAttempts: count,
          correctAttempts: correct ? count : 0,
          timedAttempts: timed,
          totalTimeSpent: timed * timeSpent,
          currentCorrectStreak: current,
          bestCorrectStreak: best,
          lastAttemptAt: at,
        },
        select: { userId: true },
      });
    } else {
      await db.prisma.exerciseProgress.update({
        where: key,
        data: {
          totalAttempts: { increment: count },
          correctAttempts: { increment: correct ? count : 0 },
          timedAttempts: { increment: timed },
          totalTimeSpent: { increment: timed * timeSpent },
          currentCorrectStreak: current,
          bestCorrectStreak: best,
          lastAttemptAt: at,
        },
        select: { userId: true },
      });
    }
    await db.prisma.user.update({
      where: { id: userId },
      data: {
        totalAttempts: { increment: count },
        correctAttempts: { increment: correct ? count : 0 },
      },
      select: { id: true },
    });
  };

  /** Forget the per-type exercises (call after resetDb). */
  const reset = () => {
    exerciseIds.clear();
  };

  return { badges, exercises, exerciseOf, submit, bulkAttempts, reset };
};

/**
 * A second Prisma client on the same database that reports every SQL statement it sends (Prisma's
 * `query` log events, which driver adapters emit too), and `database`: a `Database` on that client
 * whose `sqlTransaction`s report theirs to the same list (BEGIN and COMMIT aside). For PGlite it shares
 * the in-memory instance.
 */
export const statementCountingClient = (db: ManagedDatabase) => {
  const target = db.migrationTarget;
  const adapter =
    target.kind === 'pglite'
      ? new PrismaPGlite(inProcessPglite(target))
      : new PrismaPg({ connectionString: target.url });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const statements: string[] = [];
  client.$on('query', (e) => {
    statements.push(e.query);
  });
  const runner = adapter.connect().then((connected) =>
    createSqlTransactionRunner(connected, {
      maxWaitMs: DB_DEFAULTS.transactionMaxWaitMs,
      timeoutMs: DB_DEFAULTS.transactionTimeoutMs,
      onStatement: (sql) => statements.push(sql),
    }),
  );
  const database: Database = {
    kind: db.kind,
    prisma: client,
    sqlTransaction: async (fn) => (await runner)(fn),
    transactionSlots: db.transactionSlots,
    ping: (ms) => db.ping(ms),
    close: () => Promise.resolve(),
  };
  return { client, statements, database };
};
