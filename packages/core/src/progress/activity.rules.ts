/**
 * THE definition of "activity" for the day streak (spec/domain-rules.md §4.4, §8.3, §9.5), shared by the
 * exercise and challenge submits and by the day-based badges:
 * - an activity is any exercise attempt or logic-challenge attempt, correct or not;
 * - its day is the UTC calendar day of the attempt's business time (the injected clock, never the
 *   database's `now()`);
 * - the day streak is the number of consecutive UTC days ending **today** that all hold an activity
 *   (0 when today holds none).
 * Pure functions only: the submit services keep `users.current_streak / best_streak /
 * last_activity_date` up to date with `nextDayStreak`, and reads decay the stored value with
 * `dayStreakOnRead` (the legacy showed a stale streak until the next attempt).
 */

/** The attempt kinds that count as activity for the day streak. */
export const ACTIVITY_SOURCES = ['exercise', 'challenge'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

const DAY_MS = 86_400_000;

/** A UTC calendar day as `YYYY-MM-DD`. */
export type UtcDay = string;

// A request converts the same few days many times (the badge rules walk the day chain once per badge):
// the conversions below remember their latest results. They stay pure functions of their arguments.
let lastDayNumber = Number.NaN;
let lastDay: UtcDay = '';
const dayStartMs = new Map<UtcDay, number>();
const DAY_START_MEMORY = 512;

/** The UTC day of an instant (`2026-02-14T23:59:59Z` → `2026-02-14`). */
export const utcDayOf = (instant: Date): UtcDay => {
  const dayNumber = Math.floor(instant.getTime() / DAY_MS);
  if (dayNumber !== lastDayNumber) {
    lastDay = instant.toISOString().slice(0, 10);
    lastDayNumber = dayNumber;
  }
  return lastDay;
};

/** Midnight UTC of a day, as a Date (the value stored in `users.last_activity_date`). */
export const utcDayStart = (day: UtcDay): Date => {
  let ms = dayStartMs.get(day);
  if (ms === undefined) {
    ms = new Date(`${day}T00:00:00.000Z`).getTime();
    if (dayStartMs.size >= DAY_START_MEMORY) dayStartMs.clear();
    dayStartMs.set(day, ms);
  }
  return new Date(ms);
};

/** The day `offset` days after `day` (negative for earlier days). */
export const addUtcDays = (day: UtcDay, offset: number): UtcDay =>
  utcDayOf(new Date(utcDayStart(day).getTime() + offset * DAY_MS));

/**
 * Consecutive days ending `today` that are all in `activityDays` (order and duplicates do not matter;
 * days after today are ignored). 0 when today is not an activity day.
 */
export const computeDayStreak = (activityDays: Iterable<UtcDay>, today: UtcDay): number => {
  const days = new Set(activityDays);
  let streak = 0;
  let day = today;
  while (days.has(day)) {
    streak += 1;
    day = addUtcDays(day, -1);
  }
  return streak;
};

/** The day-streak cache kept on the user row. */
export interface DayStreakState {
  currentStreak: number;
  bestStreak: number;
  /** UTC day of the latest activity, null before the first one. */
  lastActivityDay: UtcDay | null;
}

/**
 * The cache after an activity on `today`, without re-reading the history: same day → unchanged
 * streak; the day after the last activity → +1; otherwise a new chain of 1. Equal to
 * `computeDayStreak(all activity days ∪ {today}, today)` as long as every activity went through it.
 * A last activity in the future (a clock moved back) restarts the chain at 1 and keeps the best.
 */
export const nextDayStreak = (state: DayStreakState, today: UtcDay): DayStreakState => {
  let current: number;
  if (state.lastActivityDay === today) current = Math.max(1, state.currentStreak);
  else if (state.lastActivityDay !== null && addUtcDays(state.lastActivityDay, 1) === today) {
    current = state.currentStreak + 1;
  } else current = 1;
  return {
    currentStreak: current,
    bestStreak: Math.max(state.bestStreak, current),
    lastActivityDay: today,
  };
};

/**
 * The streak a read shows (decay on read): the stored streak only while its chain still ends today;
 * 0 once a UTC day has passed without activity. The best streak never decays.
 */
export const dayStreakOnRead = (state: DayStreakState, today: UtcDay): number =>
  state.lastActivityDay === today ? state.currentStreak : 0;
