import { describe, expect, it } from 'vitest';

import {
  addUtcDays,
  computeDayStreak,
  dayStreakOnRead,
  nextDayStreak,
  utcDayOf,
  utcDayStart,
  type DayStreakState,
} from './activity.rules.ts';

describe('day streak rules', () => {
  it('uses UTC days', () => {
    expect(utcDayOf(new Date('2026-02-14T23:59:59.999Z'))).toBe('2026-02-14');
    expect(utcDayOf(new Date('2026-02-15T00:00:00.000+01:00'))).toBe('2026-02-14');
    expect(addUtcDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addUtcDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('gives the same days whatever was converted before (the remembered conversions)', () => {
    const instants = [
      '2026-02-14T23:59:59.999Z',
      '2026-02-15T00:00:00.000Z',
      '2026-02-14T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2026-02-15T12:00:00.000Z',
      '2026-02-14T23:59:59.999Z',
    ];
    for (const iso of [...instants, ...instants.toReversed()]) {
      expect(utcDayOf(new Date(iso))).toBe(iso.slice(0, 10));
    }
    expect(() => utcDayOf(new Date(Number.NaN))).toThrow(RangeError);
    // A fresh Date each time: changing one does not change the next.
    const first = utcDayStart('2026-02-14');
    first.setUTCFullYear(1999);
    expect(utcDayStart('2026-02-14').toISOString()).toBe('2026-02-14T00:00:00.000Z');
    expect(Number.isNaN(utcDayStart('not a day').getTime())).toBe(true);
    for (let i = 0; i < 1_200; i += 1) {
      const day = addUtcDays('2020-01-01', i);
      expect(utcDayStart(day).getTime()).toBe(Date.UTC(2020, 0, 1 + i));
    }
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
