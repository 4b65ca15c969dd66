import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { movableClock } from '../testing/clock.ts';
import { ctxFor } from '../testing/gamification.ts';
import { createExercise, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { TIME_RANGES } from './stats.rules.ts';
import { makeStatsService } from './stats.service.ts';

/**
 * The dashboard windows read `attempt_daily_counts` (kept by triggers) plus the first day's attempts.
 * Oracle: the statistics recomputed from the attempts themselves, as the reads did before (a join of
 * attempts and exercises over the window), whatever wrote, moved or deleted the attempts.
 */
const { db, prisma } = await getTestDb();
const log = pino({ level: 'silent' });
const clock = movableClock('2026-03-10T15:30:00Z');
const stats = makeStatsService({ db, log, clock });

beforeEach(async () => {
  await resetDb(prisma);
});

/** The per-day counts the triggers keep, against a recomputation from every attempt. */
const countsDrift = async () => {
  const kept = await prisma.$queryRaw<{ key: string }[]>`
    SELECT concat_ws('|', user_id, day, exercise_type, total, correct) AS key
    FROM attempt_daily_counts WHERE total > 0 ORDER BY 1`;
  const recomputed = await prisma.$queryRaw<{ key: string }[]>`
    SELECT concat_ws('|', a.user_id, (a.created_at AT TIME ZONE 'UTC')::date, e.exercise_type, COUNT(*),
                     COUNT(*) FILTER (WHERE a.is_correct)) AS key
    FROM attempts a JOIN exercises e ON e.id = a.exercise_id
    GROUP BY a.user_id, (a.created_at AT TIME ZONE 'UTC')::date, e.exercise_type ORDER BY 1`;
  return { kept: kept.map((r) => r.key), recomputed: recomputed.map((r) => r.key) };
};

/** The window's per-type and per-day figures straight from the attempts (the reads before). */
const oracle = async (userId: number, since: Date | null, dailySince: Date) => {
  const byType = await prisma.$queryRaw<{ type: string; total: number; correct: number }[]>`
    SELECT lower(e.exercise_type::text) AS type, COUNT(*)::int AS total,
           COUNT(*) FILTER (WHERE a.is_correct)::int AS correct
    FROM attempts a JOIN exercises e ON e.id = a.exercise_id
    WHERE a.user_id = ${userId} AND a.created_at >= ${since ?? new Date(0)}
    GROUP BY 1 ORDER BY 1`;
  const daily = await prisma.$queryRaw<{ day: string; total: number; correct: number }[]>`
    SELECT to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, COUNT(*)::int AS total,
           COUNT(*) FILTER (WHERE a.is_correct)::int AS correct
    FROM attempts a WHERE a.user_id = ${userId} AND a.created_at >= ${dailySince}
    GROUP BY 1 ORDER BY 1`;
  return { byType, daily };
};

const attemptsAt = async (
  userId: number,
  exerciseId: number,
  rows: readonly { at: string; isCorrect: boolean }[],
) =>
  prisma.attempt.createMany({
    data: rows.map((r) => ({
      userId,
      exerciseId,
      userAnswer: '1',
      isCorrect: r.isCorrect,
      createdAt: new Date(r.at),
    })),
  });

describe('attempt_daily_counts and the dashboard windows', () => {
  it('matches the attempts at every window, the first day split at the exact instant', async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const addition = await createExercise(prisma, { exerciseType: 'ADDITION' });
    const geometry = await createExercise(prisma, { exerciseType: 'GEOMETRIE' });
    // now = 2026-03-10T15:30Z: the 7-day window starts 2026-03-03T15:30Z, in the middle of that day.
    await attemptsAt(user.id, addition.id, [
      { at: '2026-03-03T15:29:59.999Z', isCorrect: true }, // just outside 7 days
      { at: '2026-03-03T15:30:00.000Z', isCorrect: false }, // the first instant inside
      { at: '2026-03-03T23:59:59.999Z', isCorrect: true },
      { at: '2026-03-04T00:00:00.000Z', isCorrect: true },
      { at: '2026-03-10T15:00:00.000Z', isCorrect: false },
      { at: '2026-02-08T15:30:00.000Z', isCorrect: true }, // the first instant of 30 days
      { at: '2025-12-10T15:29:00.000Z', isCorrect: true }, // just outside 90 days
      { at: '2025-01-01T00:00:00.000Z', isCorrect: false }, // only in `all`
    ]);
    await attemptsAt(user.id, geometry.id, [
      { at: '2026-03-05T08:00:00.000Z', isCorrect: true },
      { at: '2026-03-05T09:00:00.000Z', isCorrect: true },
      { at: '2026-01-20T12:00:00.000Z', isCorrect: false },
    ]);
    await attemptsAt(other.id, geometry.id, [{ at: '2026-03-09T10:00:00.000Z', isCorrect: true }]);

    const drift = await countsDrift();
    expect(drift.kept).toEqual(drift.recomputed);
    const now = clock.now().getTime();
    for (const timeRange of TIME_RANGES) {
      const days = timeRange === 'all' ? null : Number(timeRange);
      const since = days === null ? null : new Date(now - days * 86_400_000);
      const dailySince = new Date(now - (days ?? 90) * 86_400_000);
      const expected = await oracle(user.id, since, dailySince);
      const got = await stats.dashboard(ctxFor(user.id), { timeRange });
      if (timeRange !== 'all') {
        // `all` takes its totals from the per-type progress cache (not written by these raw inserts).
        expect(
          Object.entries(got.performanceByType).map(([type, p]) => ({
            type,
            total: p.completed,
            correct: p.correct,
          })),
          timeRange,
        ).toEqual(expected.byType);
      }
      expect(
        got.daily.map((d) => ({ day: d.day, total: d.total, correct: d.correct })),
        timeRange,
      ).toEqual(expected.daily);
    }
    const week = await stats.dashboard(ctxFor(user.id), { timeRange: '7' });
    expect(week.totalExercises).toBe(6); // 4 additions from 15:30 on the 3rd, 2 geometry on the 5th
  });

  it('follows every writer: inserts, updates, attempt deletes, exercise type changes and deletes, user deletes', async () => {
    const user = await createUser(prisma);
    const keep = await createUser(prisma);
    const a = await createExercise(prisma, { exerciseType: 'ADDITION' });
    const b = await createExercise(prisma, { exerciseType: 'DIVISION' });
    await attemptsAt(user.id, a.id, [
      { at: '2026-03-01T10:00:00Z', isCorrect: true },
      { at: '2026-03-01T11:00:00Z', isCorrect: false },
      { at: '2026-03-02T10:00:00Z', isCorrect: true },
    ]);
    await attemptsAt(user.id, b.id, [{ at: '2026-03-01T12:00:00Z', isCorrect: true }]);
    await attemptsAt(keep.id, b.id, [
      { at: '2026-03-01T12:00:00Z', isCorrect: false },
      { at: '2026-03-03T12:00:00Z', isCorrect: true },
    ]);
    const check = async (step: string) => {
      const { kept, recomputed } = await countsDrift();
      expect(kept, step).toEqual(recomputed);
    };
    await check('inserts');

    const first = await prisma.attempt.findFirstOrThrow({
      where: { userId: user.id, exerciseId: a.id },
      orderBy: { id: 'asc' },
    });
    await prisma.attempt.update({
      where: { id: first.id },
      data: { createdAt: new Date('2026-03-04T10:00:00Z'), isCorrect: false },
    });
    await prisma.attempt.update({ where: { id: first.id }, data: { responseSnapshot: { x: 1 } } });
    await check('attempt moved to another day and outcome, then an unrelated column');

    await prisma.attempt.delete({ where: { id: first.id } });
    await check('attempt deleted');

    await prisma.exercise.update({ where: { id: a.id }, data: { exerciseType: 'FRACTIONS' } });
    await check('exercise type changed');

    await prisma.exercise.delete({ where: { id: b.id } });
    await check('exercise deleted (its attempts by cascade)');

    await prisma.user.delete({ where: { id: user.id } });
    await check('learner deleted (attempts and counts by cascade)');
    expect(await prisma.attemptDailyCount.count({ where: { userId: user.id } })).toBe(0);
  });
});
