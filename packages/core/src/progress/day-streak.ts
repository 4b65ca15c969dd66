/**
 * Applies one activity (an exercise or challenge attempt, see activity.rules.ts) to the user's
 * day-streak cache, inside the submit transaction. The exercise and challenge submits both call this,
 * so "what counts as activity" is decided in one place.
 */
import type { Tx } from '../db/types.ts';
import { nextDayStreak, utcDayOf, type DayStreakState } from './activity.rules.ts';
import { findStreakState, saveStreakState } from './progress.repo.ts';

/** The cache after an activity at `now`, or null when the activity leaves it as it is (same day). */
export const changedDayStreak = (state: DayStreakState, now: Date): DayStreakState | null => {
  const next = nextDayStreak(state, utcDayOf(now));
  return next.currentStreak !== state.currentStreak ||
    next.bestStreak !== state.bestStreak ||
    next.lastActivityDay !== state.lastActivityDay
    ? next
    : null;
};

/**
 * `known`: the cache as the caller already read it in this transaction (after locking the user row),
 * or null to read it here. Returns the new state (null when the user no longer exists).
 */
export const recordDayActivity = async (
  tx: Tx,
  userId: number,
  now: Date,
  known: DayStreakState | null = null,
): Promise<DayStreakState | null> => {
  const state = known ?? (await findStreakState(tx, userId));
  if (state === null) return null;
  const changed = changedDayStreak(state, now);
  if (changed !== null) await saveStreakState(tx, userId, changed, now);
  return changed ?? state;
};
