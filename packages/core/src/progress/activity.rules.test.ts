import { describe, expect, it } from 'vitest';

import {
  addUtcDays,
  computeDayStreak,
  dayStreakOnRead,
  nextDayStreak,
  utcDayOf,
  type DayStreakState,
} from './activity.rules.ts';

describe('day streak rules', () => {
  it('uses UTC days', () => {
    expect(utcDayOf(new Date('2026-02-14T23:59:59.999Z'))).toBe('2026-02-14');
    expect(utcDayOf(new Date('2026-02-15T00:00:00.000+01:00'))).toBe('2026-02-14');
    expect(addUtcDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addUtcDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts consecutive days ending today, 0 without activity today', () => {
    expect(computeDayStreak([], '2026-02-14')).toBe(0);
    expect(computeDayStreak(['2026-02-13'], '2026-02-14')).toBe(0);
    expect(
      computeDayStreak(['2026-02-14', '2026-02-14', '2026-02-13', '2026-02-11'], '2026-02-14'),
    ).toBe(2);
    expect(computeDayStreak(['2026-02-15', '2026-02-14'], '2026-02-14')).toBe(1);
  });

  it('updates the cache incrementally exactly like a full recomputation', () => {
    // Deterministic pseudo-random activity calendars.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 200; run++) {
      let state: DayStreakState = { currentStreak: 0, bestStreak: 0, lastActivityDay: null };
      const days: string[] = [];
      let best = 0;
      let day = '2026-01-01';
      for (let i = 0; i < 40; i++) {
        day = addUtcDays(day, rand() < 0.6 ? 1 : rand() < 0.5 ? 0 : 2 + Math.floor(rand() * 3));
        days.push(day);
        state = nextDayStreak(state, day);
        const expected = computeDayStreak(days, day);
        best = Math.max(best, expected);
        expect(state).toEqual({ currentStreak: expected, bestStreak: best, lastActivityDay: day });
      }
    }
  });

  it('decays on read', () => {
    const state: DayStreakState = {
      currentStreak: 5,
      bestStreak: 7,
      lastActivityDay: '2026-02-14',
    };
    expect(dayStreakOnRead(state, '2026-02-14')).toBe(5);
    expect(dayStreakOnRead(state, '2026-02-15')).toBe(0);
    expect(dayStreakOnRead({ ...state, lastActivityDay: null }, '2026-02-14')).toBe(0);
  });

  it('restarts at 1 when the clock moved back', () => {
    expect(
      nextDayStreak(
        { currentStreak: 4, bestStreak: 4, lastActivityDay: '2026-02-20' },
        '2026-02-14',
      ),
    ).toEqual({
      currentStreak: 1,
      bestStreak: 4,
      lastActivityDay: '2026-02-14',
    });
  });
});
