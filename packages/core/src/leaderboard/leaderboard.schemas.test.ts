import { describe, expect, it } from 'vitest';

import { parseLegacyLeaderboardQuery, ZLeaderboardInput } from './leaderboard.schemas.ts';

describe('parseLegacyLeaderboardQuery', () => {
  it.each([
    [undefined, 50],
    ['', 50],
    ['abc', 50],
    ['10.5', 50],
    [' 7 ', 7],
    ['+3', 3],
    ['0', 1],
    ['-5', 1],
    ['1', 1],
    ['100', 100],
    ['101', 100],
  ])('limit %j → %i', (limit, expected) => {
    expect(parseLegacyLeaderboardQuery({ limit }).limit).toBe(expected);
  });

  it('trims age_group; empty means no filter', () => {
    expect(parseLegacyLeaderboardQuery({ age_group: ' 9-11 ' }).ageGroup).toBe('9-11');
    expect(parseLegacyLeaderboardQuery({ age_group: '  ' }).ageGroup).toBeNull();
    expect(parseLegacyLeaderboardQuery({}).ageGroup).toBeNull();
  });

  it('tRPC input defaults', () => {
    expect(ZLeaderboardInput.parse(undefined)).toEqual({ limit: 50 });
    expect(ZLeaderboardInput.safeParse({ limit: 0 }).success).toBe(false);
  });
});
