/**
 * GET /api/users/me/progress (spec/domain-rules.md §7.2, api-rest-core.md §6.3.10) computed from the
 * progress cache instead of the attempt history. Units: `accuracy` is a fraction 0–1 (2 decimals),
 * `averageTime` seconds (1 decimal) over attempts with a non-zero time.
 */
import { pyRound, ratio } from '../lib/py-round.ts';
import type { ExerciseProgressRow } from './progress.repo.ts';
import type { ProgressDto } from './progress.schemas.ts';

export const buildProgress = (
  rows: readonly ExerciseProgressRow[],
  streaks: { currentStreak: number; highestStreak: number },
): ProgressDto => {
  let total = 0;
  let correct = 0;
  let timed = 0;
  let time = 0;
  let completed = 0;
  const byCategory: ProgressDto['byCategory'] = {};
  for (const row of rows) {
    if (row.totalAttempts === 0) continue;
    total += row.totalAttempts;
    correct += row.correctAttempts;
    timed += row.timedAttempts;
    time += row.totalTimeSpent;
    completed += row.completedExercises;
    byCategory[row.exerciseType] = {
      completed: row.completedExercises,
      accuracy: ratio(row.correctAttempts, row.totalAttempts, 1, 2),
    };
  }
  return {
    totalAttempts: total,
    correctAttempts: correct,
    accuracy: ratio(correct, total, 1, 2),
    averageTime: timed === 0 ? 0 : pyRound(time / timed, 1),
    exercisesCompleted: completed,
    highestStreak: streaks.highestStreak,
    currentStreak: streaks.currentStreak,
    byCategory,
  };
};
