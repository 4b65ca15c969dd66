import { describe, expect, it } from 'vitest';

import { AppError } from '../kernel/errors.ts';
import { parseLegacyBadgeIds, ZPinBadgesInput } from './badge.schemas.ts';

describe('parseLegacyBadgeIds (PATCH /api/badges/pin)', () => {
  it('absent → [], numbers truncated, bools as ints, other entries dropped', () => {
    expect(parseLegacyBadgeIds(undefined)).toEqual([]);
    expect(parseLegacyBadgeIds([3, 1.9, -2.5, true, false, 'x', null, {}, [4]])).toEqual([
      3, 1, -2, 1, 0,
    ]);
  });

  it.each([null, '1,2', 3, { 0: 1 }, true])('%j is not a list', (value) => {
    expect(() => parseLegacyBadgeIds(value)).toThrow(AppError);
    expect(() => parseLegacyBadgeIds(value)).toThrow('badge_ids doit être une liste');
  });

  it('tRPC input: at most 3 positive ids', () => {
    expect(ZPinBadgesInput.safeParse({ badgeIds: [1, 2, 3] }).success).toBe(true);
    expect(ZPinBadgesInput.safeParse({ badgeIds: [1, 2, 3, 4] }).success).toBe(false);
    expect(ZPinBadgesInput.safeParse({ badgeIds: [0] }).success).toBe(false);
  });
});
