/** The legacy wire of the leaderboard (api-rest-core §6.3.13). */
import { z } from 'zod';

import { parseLegacyLeaderboardQuery, type LeaderboardEntryDto } from '@mathakine/core';

import { queryValue } from '../legacy/inputs.ts';
import { wire } from '../legacy/wire.ts';

/** `limit` (default 50, clamped 1..100) and `age_group`, by core's legacy rule; `skip` is ignored. */
export const ZLegacyLeaderboardQuery = z
  .object({ limit: queryValue(), age_group: queryValue() })
  .transform(parseLegacyLeaderboardQuery);

export const ZLegacyLeaderboard = wire({
  leaderboard: z.array(
    wire({
      username: z.string(),
      total_points: z.number(),
      current_level: z.number(),
      jedi_rank: z.string(),
      is_current_user: z.boolean(),
      rank: z.number(),
    }),
  ),
});

export const toLegacyLeaderboardEntry = (e: LeaderboardEntryDto) => ({
  username: e.username,
  total_points: e.totalPoints,
  current_level: e.currentLevel,
  jedi_rank: e.jediRank,
  is_current_user: e.isCurrentUser,
  rank: e.rank,
});
