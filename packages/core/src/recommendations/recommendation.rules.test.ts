import { describe, expect, it } from 'vitest';

import {
  learnerAgeGroup,
  selectShown,
  type PendingRecommendation,
} from './recommendation.rules.ts';
import { parseLegacyRecommendationId } from './recommendation.schemas.ts';

const rec = (
  id: number,
  kind: PendingRecommendation['kind'] = 'exercise',
  showable = true,
): PendingRecommendation => ({ id, kind, showable });

describe('selectShown', () => {
  it('shows the first 7 showable ones, skipping solved, archived or vanished targets', () => {
    const pending = [rec(1), rec(2, 'exercise', false), rec(3), rec(4, 'challenge'), rec(5)];
    expect(selectShown(pending).map((r) => r.id)).toEqual([1, 3, 4, 5]);
    expect(selectShown([rec(1, 'exercise', false)])).toEqual([]);
  });

  it('gives the 7th slot to the first challenge after seven exercises', () => {
    const exercises = Array.from({ length: 9 }, (_, i) => rec(i + 1));
    const withChallenge = [...exercises, rec(20, 'challenge'), rec(21, 'challenge')];
    expect(selectShown(withChallenge).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 20]);
    expect(selectShown(exercises).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const challengeInside = [rec(30, 'challenge'), ...exercises];
    expect(selectShown(challengeInside).map((r) => r.id)).toEqual([30, 1, 2, 3, 4, 5, 6]);
  });
});

describe('learnerAgeGroup', () => {
  it('takes the chosen age group, else the school grade, else all ages', () => {
    expect(learnerAgeGroup({ preferredAgeGroup: 'GROUP_12_14', gradeLevel: 2 })).toBe(
      'GROUP_12_14',
    );
    expect(
      [1, 3, 4, 6, 7, 9, 10, 12].map((g) =>
        learnerAgeGroup({ preferredAgeGroup: null, gradeLevel: g }),
      ),
    ).toEqual([
      'GROUP_6_8',
      'GROUP_6_8',
      'GROUP_9_11',
      'GROUP_9_11',
      'GROUP_12_14',
      'GROUP_12_14',
      'GROUP_15_17',
      'GROUP_15_17',
    ]);
    expect(learnerAgeGroup({ preferredAgeGroup: null, gradeLevel: null })).toBe('ALL_AGES');
    expect(learnerAgeGroup({ preferredAgeGroup: null, gradeLevel: 13 })).toBe('ALL_AGES');
  });
});

describe('parseLegacyRecommendationId', () => {
  it('reads an integer or a string of digits, as Python int() did', () => {
    expect(parseLegacyRecommendationId(12)).toEqual({ ok: true, id: 12 });
    expect(parseLegacyRecommendationId(' 12 ')).toEqual({ ok: true, id: 12 });
    expect(parseLegacyRecommendationId('-3')).toEqual({ ok: true, id: -3 });
    expect(parseLegacyRecommendationId(1e12)).toEqual({ ok: true, id: 1e12 });
  });

  it('tells a missing id from an invalid one', () => {
    expect(parseLegacyRecommendationId(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(parseLegacyRecommendationId(null)).toEqual({ ok: false, reason: 'missing' });
    for (const bad of ['', 'abc', '12a', '1.5', 1.5, true, [], {}, '1\u0000', '\ud800', 2 ** 60]) {
      expect(parseLegacyRecommendationId(bad), JSON.stringify(bad)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });
});
