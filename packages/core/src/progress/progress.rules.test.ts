import { describe, expect, it } from 'vitest';

import { buildProgress } from './progress.rules.ts';

const row = (
  exerciseType: 'ADDITION' | 'DIVISION',
  o: Partial<Parameters<typeof buildProgress>[0][number]> = {},
) => ({
  exerciseType,
  totalAttempts: 0,
  correctAttempts: 0,
  timedAttempts: 0,
  totalTimeSpent: 0,
  completedExercises: 0,
  currentCorrectStreak: 0,
  bestCorrectStreak: 0,
  ...o,
});

describe('progress (§7.2)', () => {
  it('answers zeros without attempts (streaks from the user row)', () => {
    expect(buildProgress([], { currentStreak: 0, highestStreak: 4 })).toEqual({
      totalAttempts: 0,
      correctAttempts: 0,
      accuracy: 0,
      averageTime: 0,
      exercisesCompleted: 0,
      highestStreak: 4,
      currentStreak: 0,
      byCategory: {},
    });
  });

  it('uses fractions for accuracy and the mean of non-zero times', () => {
    const dto = buildProgress(
      [
        row('ADDITION', {
          totalAttempts: 6,
          correctAttempts: 5,
          timedAttempts: 4,
          totalTimeSpent: 50,
          completedExercises: 3,
        }),
        row('DIVISION', {
          totalAttempts: 6,
          correctAttempts: 4,
          timedAttempts: 1,
          totalTimeSpent: 21,
          completedExercises: 2,
        }),
      ],
      { currentStreak: 1, highestStreak: 3 },
    );
    expect(dto).toEqual({
      totalAttempts: 12,
      correctAttempts: 9,
      accuracy: 0.75,
      averageTime: 14.2,
      exercisesCompleted: 5,
      highestStreak: 3,
      currentStreak: 1,
      byCategory: {
        ADDITION: { completed: 3, accuracy: 0.83 },
        DIVISION: { completed: 2, accuracy: 0.67 },
      },
    });
  });
});
