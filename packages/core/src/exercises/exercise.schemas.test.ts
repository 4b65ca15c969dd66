import { describe, expect, it } from 'vitest';

import {
  parseLegacyListQuery,
  snapshotOf,
  toListQuery,
  ZSubmitAnswerSnapshot,
} from './exercise.schemas.ts';

describe('parseLegacyListQuery (api-rest-core §3, §6.4.1)', () => {
  it('applies the defaults', () => {
    expect(parseLegacyListQuery({})).toEqual({
      skip: 0,
      limit: 20,
      exerciseType: null,
      ageGroup: null,
      search: null,
      order: 'random',
      hideCompleted: false,
    });
  });

  it.each([
    [{ skip: '-5' }, { skip: 0 }],
    [{ skip: 'abc' }, { skip: 0 }],
    [{ skip: ' 40 ' }, { skip: 40 }],
    [{ skip: '1.5' }, { skip: 0 }],
    [{ limit: '0' }, { limit: 1 }],
    [{ limit: '500' }, { limit: 100 }],
    [{ limit: 'x' }, { limit: 20 }],
    [{ limit: '' }, { limit: 20 }],
    [{ limit: '-3' }, { limit: 1 }],
    [{ exercise_type: 'div' }, { exerciseType: 'DIVISION' }],
    [{ exercise_type: 'unknown' }, { exerciseType: 'ADDITION' }],
    [{ exercise_type: '' }, { exerciseType: null }],
    [{ age_group: 'GROUP_10_12' }, { ageGroup: '9-11' }],
    [{ age_group: 'zzz' }, { ageGroup: '9-11' }],
    [{ age_group: 'adult' }, { ageGroup: 'adulte' }],
    [{ q: '  lune ' }, { search: 'lune' }],
    [{ search: 'a', q: 'b' }, { search: 'a' }],
    [{ search: '   ' }, { search: null }],
    [{ order: 'recent' }, { order: 'recent' }],
    [{ order: 'RECENT' }, { order: 'random' }],
    [{ hide_completed: 'True' }, { hideCompleted: true }],
    [{ hide_completed: '1' }, { hideCompleted: false }],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseLegacyListQuery(input)).toMatchObject(expected);
  });

  it('maps the clean tRPC input', () => {
    expect(
      toListQuery({ cursor: 20, limit: 10, exerciseType: 'MIXTE', order: 'recent', search: ' x ' }),
    ).toEqual({
      skip: 20,
      limit: 10,
      exerciseType: 'MIXTE',
      ageGroup: null,
      search: 'x',
      order: 'recent',
      hideCompleted: false,
    });
    expect(() => toListQuery({ limit: 0 })).toThrow();
  });
});

describe('submit snapshot', () => {
  it('round-trips the first response, badges included', () => {
    const response = {
      attemptId: 7,
      isCorrect: true,
      correctAnswer: '1/2',
      explanation: '',
      newBadges: [
        {
          id: 1,
          code: 'first_steps',
          name: 'Premiers pas',
          description: null,
          starWarsTitle: null,
          difficulty: 'bronze',
          pointsReward: 5,
          earnedAt: new Date('2026-02-14T10:20:30.123Z'),
        },
      ],
      progressNotification: null,
    };
    const stored: unknown = JSON.parse(JSON.stringify(snapshotOf(response)));
    expect(ZSubmitAnswerSnapshot.parse(stored)).toEqual(response);
  });
});
