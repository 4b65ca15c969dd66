import { describe, expect, it } from 'vitest';

import type { ExerciseType } from '../db/generated/enums.ts';
import { pyRound } from '../lib/py-round.ts';
import { parseBadgeRequirement, type BadgeRequirement } from '../reference/index.ts';
import {
  closestProgressNotification,
  criteriaText,
  isRequirementMet,
  OPTIONAL_STAT_OF,
  rarityOf,
  requirementProgress,
  selectPinnedBadges,
  unlockPercentOf,
  type BadgeStatsSnapshot,
  type OptionalStat,
  type TypeStats,
} from './badge.rules.ts';
import { levelFromPoints } from './level.rules.ts';

const TODAY = '2026-03-10';

const snap = (over: Partial<BadgeStatsSnapshot> = {}): BadgeStatsSnapshot => ({
  attemptsTotal: 0,
  attemptsCorrect: 0,
  logicCorrect: 0,
  perType: new Map(),
  activeTypes: [],
  fastestCorrectSeconds: null,
  activityDays: new Set(),
  today: { day: TODAY, total: 0, correct: 0 },
  current: null,
  ...over,
});

const types = (entries: [ExerciseType, Partial<TypeStats>][]) =>
  new Map(entries.map(([t, s]) => [t, { total: 0, correct: 0, leadingCorrect: 0, ...s }]));

const days = (...list: string[]) => new Set(list);

const req = (json: unknown): BadgeRequirement => {
  const parsed = parseBadgeRequirement(json);
  if (parsed === null) throw new Error(`unparsed ${JSON.stringify(json)}`);
  return parsed;
};

describe('attempts_count', () => {
  const r = req({ attempts_count: 10 });
  it.each([
    [9, false],
    [10, true],
    [11, true],
  ])('%i attempts → %s', (n, met) => {
    expect(isRequirementMet(r, snap({ attemptsTotal: n }))).toBe(met);
  });
  it('counts wrong answers too and reports progress', () => {
    expect(isRequirementMet(r, snap({ attemptsTotal: 10, attemptsCorrect: 0 }))).toBe(true);
    expect(requirementProgress(r, snap({ attemptsTotal: 4 }))).toEqual({
      progress: 0.4,
      current: 4,
      target: 10,
    });
    expect(requirementProgress(r, snap({ attemptsTotal: 25 }))).toEqual({
      progress: 1,
      current: 25,
      target: 10,
    });
  });
});

describe('logic_attempts_count', () => {
  const r = req({ logic_attempts_count: 5 });
  it.each([
    [4, false],
    [5, true],
  ])('%i correct challenges → %s', (n, met) => {
    expect(isRequirementMet(r, snap({ logicCorrect: n, attemptsTotal: 100 }))).toBe(met);
  });
  it('progress', () => {
    expect(requirementProgress(r, snap({ logicCorrect: 2 }))).toEqual({
      progress: 0.4,
      current: 2,
      target: 5,
    });
  });
});

describe('mixed', () => {
  const r = req({ attempts_count: 20, logic_attempts_count: 5 });
  it('needs both parts', () => {
    expect(isRequirementMet(r, snap({ attemptsTotal: 20, logicCorrect: 4 }))).toBe(false);
    expect(isRequirementMet(r, snap({ attemptsTotal: 19, logicCorrect: 5 }))).toBe(false);
    expect(isRequirementMet(r, snap({ attemptsTotal: 20, logicCorrect: 5 }))).toBe(true);
  });
  it('reports the least advanced part, the exercises part on a tie', () => {
    expect(requirementProgress(r, snap({ attemptsTotal: 18, logicCorrect: 1 }))).toEqual({
      progress: 0.2,
      current: 1,
      target: 5,
    });
    expect(requirementProgress(r, snap({ attemptsTotal: 2, logicCorrect: 4 }))).toEqual({
      progress: 0.1,
      current: 2,
      target: 20,
    });
    expect(requirementProgress(r, snap({ attemptsTotal: 8, logicCorrect: 2 }))).toEqual({
      progress: 0.4,
      current: 8,
      target: 20,
    });
  });
});

describe('success_rate', () => {
  const r = req({ min_attempts: 50, success_rate: 80 });
  it.each([
    [49, 49, false],
    [50, 39, false],
    [50, 40, true],
    [100, 80, true],
    [100, 79, false],
  ])('%i attempts, %i correct → %s', (total, correct, met) => {
    expect(isRequirementMet(r, snap({ attemptsTotal: total, attemptsCorrect: correct }))).toBe(met);
  });
  it('perfection (100 %) needs every answer right', () => {
    const p = req({ min_attempts: 100, success_rate: 100 });
    expect(isRequirementMet(p, snap({ attemptsTotal: 100, attemptsCorrect: 100 }))).toBe(true);
    expect(isRequirementMet(p, snap({ attemptsTotal: 101, attemptsCorrect: 100 }))).toBe(false);
  });
  it('progress is attempts / min_attempts, 1 once met (legacy: also 1 at the count when the rate misses)', () => {
    expect(requirementProgress(r, snap())).toEqual({ progress: 0, current: 0, target: 50 });
    expect(requirementProgress(r, snap({ attemptsTotal: 25, attemptsCorrect: 25 }))).toEqual({
      progress: 0.5,
      current: 25,
      target: 50,
    });
    expect(requirementProgress(r, snap({ attemptsTotal: 60, attemptsCorrect: 10 }))).toEqual({
      progress: 1,
      current: 60,
      target: 50,
    });
  });
});

describe('consecutive', () => {
  const r = req({ exercise_type: 'soustraction', consecutive_correct: 15 });
  it.each([
    [14, false],
    [15, true],
  ])('a run of %i → %s', (run, met) => {
    expect(
      isRequirementMet(
        r,
        snap({
          perType: types([['SOUSTRACTION', { total: 40, correct: 30, leadingCorrect: run }]]),
        }),
      ),
    ).toBe(met);
  });
  it('only counts the named type, case-insensitively, ADDITION by default', () => {
    expect(
      isRequirementMet(r, snap({ perType: types([['ADDITION', { leadingCorrect: 99 }]]) })),
    ).toBe(false);
    expect(req({ exercise_type: 'SOUSTRACTION', consecutive_correct: 1 })).toEqual({
      type: 'consecutive',
      exerciseType: 'SOUSTRACTION',
      consecutiveCorrect: 1,
    });
    expect(req({ consecutive_correct: 3 })).toMatchObject({ exerciseType: 'ADDITION' });
  });
  it('progress', () => {
    expect(
      requirementProgress(r, snap({ perType: types([['SOUSTRACTION', { leadingCorrect: 3 }]]) })),
    ).toEqual({ progress: 0.2, current: 3, target: 15 });
  });
});

describe('max_time (fixed: a correct attempt with a real time)', () => {
  const r = req({ max_time: 5 });
  it.each([
    [null, false],
    [5.01, false],
    [5, true],
    [0.5, true],
  ])('fastest correct %s s → %s', (fastest, met) => {
    expect(isRequirementMet(r, snap({ fastestCorrectSeconds: fastest }))).toBe(met);
  });
  it('is binary progress', () => {
    expect(requirementProgress(r, snap({ fastestCorrectSeconds: 4 }))).toEqual({
      progress: 1,
      current: 1,
      target: 1,
    });
    expect(requirementProgress(r, snap({ fastestCorrectSeconds: 9 }))).toEqual({
      progress: 0,
      current: 0,
      target: 1,
    });
  });
});

describe('consecutive_days (activity as the day streak counts it)', () => {
  const r = req({ consecutive_days: 3 });
  it('needs N days ending today', () => {
    expect(
      isRequirementMet(r, snap({ activityDays: days('2026-03-10', '2026-03-09', '2026-03-08') })),
    ).toBe(true);
    expect(isRequirementMet(r, snap({ activityDays: days('2026-03-10', '2026-03-09') }))).toBe(
      false,
    );
    // A gap breaks the chain; activity up to yesterday but none today is 0.
    expect(
      isRequirementMet(r, snap({ activityDays: days('2026-03-10', '2026-03-09', '2026-03-07') })),
    ).toBe(false);
    expect(
      isRequirementMet(r, snap({ activityDays: days('2026-03-09', '2026-03-08', '2026-03-07') })),
    ).toBe(false);
  });
  it('progress', () => {
    expect(
      requirementProgress(r, snap({ activityDays: days('2026-03-10', '2026-03-09') })),
    ).toEqual({ progress: 0.67, current: 2, target: 3 });
    expect(requirementProgress(r, snap())).toEqual({ progress: 0, current: 0, target: 3 });
  });
});

describe('perfect_day', () => {
  const r = req({ perfect_day: true });
  it.each([
    [2, 2, false],
    [3, 3, true],
    [4, 3, false],
    [0, 0, false],
  ])('today %i attempts, %i correct → %s', (total, correct, met) => {
    expect(isRequirementMet(r, snap({ today: { day: TODAY, total, correct } }))).toBe(met);
  });
});

describe('all_types', () => {
  const r = req({ all_types: true });
  it('needs every active type tried, and some active type (fixed)', () => {
    const s = (tried: ExerciseType[]) =>
      snap({
        activeTypes: ['ADDITION', 'DIVISION'],
        perType: types(tried.map((t) => [t, { total: 1 }])),
      });
    expect(isRequirementMet(r, s(['ADDITION']))).toBe(false);
    expect(isRequirementMet(r, s(['ADDITION', 'DIVISION']))).toBe(true);
    expect(isRequirementMet(r, snap({ activeTypes: [] }))).toBe(false);
    expect(requirementProgress(r, s(['ADDITION']))).toEqual({
      progress: 0.5,
      current: 1,
      target: 2,
    });
    expect(requirementProgress(r, snap())).toEqual({ progress: 0, current: 0, target: 0 });
  });
});

describe('min_per_type', () => {
  const r = req({ min_per_type: 5 });
  it('needs N correct per active type', () => {
    const s = (a: number, d: number) =>
      snap({
        activeTypes: ['ADDITION', 'DIVISION'],
        perType: types([
          ['ADDITION', { correct: a }],
          ['DIVISION', { correct: d }],
        ]),
      });
    expect(isRequirementMet(r, s(5, 4))).toBe(false);
    expect(isRequirementMet(r, s(5, 5))).toBe(true);
    expect(isRequirementMet(r, snap())).toBe(false);
    expect(requirementProgress(r, s(7, 2))).toEqual({ progress: 0.4, current: 2, target: 5 });
  });
  it('accepts the min_count alias', () => {
    expect(req({ min_count: 3 })).toEqual({ type: 'min_per_type', minPerType: 3 });
  });
});

describe('comeback', () => {
  const r = req({ comeback_days: 7 });
  const at = new Date('2026-03-10T12:00:00Z');
  const withPrev = (prev: Date | null) =>
    snap({ current: { createdAt: at, previousActivityAt: prev } });
  it.each([
    ['2026-03-03T12:00:01Z', false],
    ['2026-03-03T12:00:00Z', true],
    ['2026-02-01T00:00:00Z', true],
  ])('previous activity %s → %s', (prev, met) => {
    expect(isRequirementMet(r, withPrev(new Date(prev)))).toBe(met);
  });
  it('needs a previous activity and a submission context; never shows progress', () => {
    expect(isRequirementMet(r, withPrev(null))).toBe(false);
    expect(isRequirementMet(r, snap())).toBe(false);
    expect(requirementProgress(r, withPrev(new Date('2026-01-01')))).toEqual({
      progress: 0,
      current: 0,
      target: 1,
    });
  });
});

describe('unrecognised requirements', () => {
  it('are never earned and show 0 of 0', () => {
    expect(parseBadgeRequirement({})).toBeNull();
    expect(parseBadgeRequirement(null)).toBeNull();
    expect(parseBadgeRequirement({ foo: 1 })).toBeNull();
    expect(requirementProgress(null, snap())).toEqual({ progress: 0, current: 0, target: 0 });
  });
});

describe('points, level, rank (§4.5)', () => {
  it.each([
    [0, 1, 0, 'youngling'],
    [99, 1, 99, 'youngling'],
    [100, 2, 0, 'youngling'],
    [399, 4, 99, 'youngling'],
    [400, 5, 0, 'padawan'],
    [1399, 14, 99, 'padawan'],
    [1400, 15, 0, 'knight'],
    [1915, 20, 15, 'knight'],
    [2900, 30, 0, 'master'],
    [4900, 50, 0, 'grand_master'],
  ])('%i points → level %i, xp %i, %s', (points, level, xp, rank) => {
    expect(levelFromPoints(points)).toEqual({
      totalPoints: points,
      currentLevel: level,
      experiencePoints: xp,
      jediRank: rank,
    });
  });
});

describe('notification (§5.9)', () => {
  const c = (
    name: string,
    progress: number,
    current: number,
    target: number,
    isSecret = false,
  ) => ({ name, progress, current, target, isSecret });
  it('picks the highest progress ≥ 0.5, first on ties, skipping secret, target 0 and nothing-left ones', () => {
    expect(closestProgressNotification([c('a', 0.49, 49, 100)])).toBeNull();
    expect(closestProgressNotification([c('a', 0.5, 5, 10), c('b', 0.5, 1, 2)])).toEqual({
      name: 'a',
      remaining: 5,
    });
    expect(closestProgressNotification([c('a', 0.6, 6, 10), c('s', 0.9, 9, 10, true)])).toEqual({
      name: 'a',
      remaining: 4,
    });
    expect(
      closestProgressNotification([c('z', 0, 0, 0), c('e', 1, 50, 50), c('a', 0.8, 8, 10)]),
    ).toEqual({ name: 'a', remaining: 2 });
  });
});

describe('criteria text (§5.12)', () => {
  it.each([
    [{ attempts_count: 10 }, 'Résoudre 10 exercices'],
    [{ attempts_count: 20, logic_attempts_count: 5 }, 'Résoudre 20 exercices'],
    [{ min_attempts: 50, success_rate: 80 }, '50 tentatives avec 80% de réussite'],
    [{ exercise_type: 'addition', consecutive_correct: 20 }, '20 additions consécutives correctes'],
    [{ exercise_type: 'FRACTIONS', consecutive_correct: 3 }, '3 fractions consécutives correctes'],
    [{ max_time: 5 }, 'Résoudre un exercice en moins de 5 secondes'],
    [{ max_time: 2.5 }, 'Résoudre un exercice en moins de 2.5 secondes'],
    [{ consecutive_days: 7 }, "7 jours consécutifs d'activité"],
    [{ logic_attempts_count: 15 }, 'Résoudre 15 défis logiques'],
    [{ comeback_days: 7 }, 'Revenir après 7 jours sans activité'],
    [{ perfect_day: true }, null],
    [{ all_types: true }, null],
    [{}, null],
    [null, null],
  ])('%j → %s', (json, text) => {
    expect(criteriaText(json)).toBe(text);
  });
});

describe('rarity (§5.10) and pins (§5.11)', () => {
  it('rounds half-even and classifies on the rounded percent', () => {
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(2 / 3, 2)).toBe(0.67);
    expect(unlockPercentOf(1, 3)).toBe(33.3);
    expect(unlockPercentOf(1, 0)).toBe(100);
    expect(rarityOf(4.9)).toBe('rare');
    expect(rarityOf(5)).toBe('uncommon');
    expect(rarityOf(19.9)).toBe('uncommon');
    expect(rarityOf(20)).toBe('common');
  });
  it('truncates to the first 3 before filtering to earned ones, de-duplicates in order', () => {
    const earned = new Set([1, 2, 3, 4]);
    expect(selectPinnedBadges([99, 1, 2, 3], earned)).toEqual([1, 2]);
    expect(selectPinnedBadges([3, 3, 1, 2], earned)).toEqual([3, 1]);
    expect(selectPinnedBadges([4, 2, 1], earned)).toEqual([4, 2, 1]);
    expect(selectPinnedBadges([], earned)).toEqual([]);
  });
});

describe('OPTIONAL_STAT_OF', () => {
  // Each optional statistic set to what the snapshot statement leaves when it skips it.
  const EMPTIED: { readonly [K in OptionalStat]: Partial<BadgeStatsSnapshot> } = {
    logicCorrect: { logicCorrect: 0 },
    fastest: { fastestCorrectSeconds: null },
    dayChain: { activityDays: new Set() },
    today: { today: { day: TODAY, total: 0, correct: 0 } },
    previous: { current: { createdAt: new Date(`${TODAY}T12:00:00Z`), previousActivityAt: null } },
    activeTypes: { activeTypes: [] },
  };
  const full = snap({
    attemptsTotal: 40,
    attemptsCorrect: 38,
    logicCorrect: 12,
    perType: types([
      ['ADDITION', { total: 30, correct: 29, leadingCorrect: 25 }],
      ['SOUSTRACTION', { total: 10, correct: 9, leadingCorrect: 4 }],
    ]),
    activeTypes: ['ADDITION', 'SOUSTRACTION'],
    fastestCorrectSeconds: 2,
    activityDays: days(
      TODAY,
      '2026-03-09',
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
    ),
    today: { day: TODAY, total: 3, correct: 3 },
    current: {
      createdAt: new Date(`${TODAY}T12:00:00Z`),
      previousActivityAt: new Date('2026-02-20T12:00:00Z'),
    },
  });
  const requirements = [
    { attempts_count: 10 },
    { logic_attempts_count: 5 },
    { attempts_count: 20, logic_attempts_count: 5 },
    { min_attempts: 30, success_rate: 90 },
    { exercise_type: 'addition', consecutive_correct: 20 },
    { max_time: 5 },
    { consecutive_days: 7 },
    { perfect_day: true },
    { all_types: true },
    { min_per_type: 5 },
    { comeback_days: 7 },
  ].map(req);

  it('lists every requirement type', () => {
    expect(new Set(requirements.map((r) => r.type))).toEqual(
      new Set(Object.keys(OPTIONAL_STAT_OF)),
    );
  });

  it.each(requirements.map((r) => [r.type, r] as const))(
    '%s reads no optional statistic but its own',
    (_type, r) => {
      const own = OPTIONAL_STAT_OF[r.type];
      const others = (Object.keys(EMPTIED) as OptionalStat[]).filter((stat) => stat !== own);
      const reduced: BadgeStatsSnapshot = others.reduce(
        (snapshot, stat) => ({ ...snapshot, ...EMPTIED[stat] }),
        full,
      );
      // Met on the full snapshot, so an emptied statistic it read would show.
      expect(isRequirementMet(r, full)).toBe(true);
      expect(isRequirementMet(r, reduced)).toBe(true);
      expect(requirementProgress(r, reduced)).toEqual(requirementProgress(r, full));
      if (own !== null) {
        // And it does read its own.
        const withoutOwn = { ...full, ...EMPTIED[own] };
        expect(isRequirementMet(r, withoutOwn)).toBe(false);
      }
    },
  );
});
