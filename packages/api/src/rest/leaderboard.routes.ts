/** Legacy leaderboard (api-rest-core §6.3.13, route 25). */
import { parseLegacyLeaderboardQuery, type LeaderboardEntryDto } from '@mathakine/core';

import { authedCtxOf } from '../http/request-ctx.ts';
import type { LegacyRoutesModule } from './index.ts';

export const toLegacyLeaderboardEntry = (e: LeaderboardEntryDto) => ({
  username: e.username,
  total_points: e.totalPoints,
  current_level: e.currentLevel,
  jedi_rank: e.jediRank,
  is_current_user: e.isCurrentUser,
  rank: e.rank,
});

export const leaderboardRoutes: LegacyRoutesModule = ({ route }) => {
  // 25: whitelisted by the middleware, but user+full in the handler (anonymous → 401).
  route('GET', '/users/leaderboard', 'user+full', async (c) => {
    const query = parseLegacyLeaderboardQuery({
      limit: c.req.query('limit'),
      age_group: c.req.query('age_group'),
    });
    const board = await c.var.core.leaderboard.list(authedCtxOf(c), query);
    return c.json({ leaderboard: board.items.map(toLegacyLeaderboardEntry) });
  });
};
