/**
 * Applies one activity (an exercise or challenge attempt, see activity.rules.ts) to the user's
 * day-streak cache: the exercise and challenge submits write the result in their attempt statement,
 * so "what counts as activity" is decided in one place.
 */
import { nextDayStreak, utcDayOf, type DayStreakState } from './activity.rules.ts';

/** The cache after an activity at `now`, or null when the activity leaves it as it is (same day). */
export const changedDayStreak = (state: DayStreakState, now: Date): DayStreakState | null => {
  const next = nextDayStreak(state, utcDayOf(now));
  return next.currentStreak !== state.currentStreak ||
    next.bestStreak !== state.bestStreak ||
    next.lastActivityDay !== state.lastActivityDay
    ? next
    : null;
};
