import { parseAgeGroup, type DbAgeGroup } from '../accounts/index.ts';
import { levelFromPoints } from '../gamification/index.ts';
import type { AuthedCtx, CoreDeps } from '../kernel/deps.ts';
import { findLeaderboardRows } from './leaderboard.repo.ts';
import type { LeaderboardDto, LeaderboardInput } from './leaderboard.schemas.ts';

/** GET /api/users/leaderboard (domain-rules §7.6), with the legacy defects fixed (docs/legacy-differences.md). */
export const makeLeaderboardService = (deps: Pick<CoreDeps, 'db'>) => ({
  list: async (ctx: AuthedCtx, input: LeaderboardInput): Promise<LeaderboardDto> => {
    let ageGroup: DbAgeGroup | null = null;
    if (input.ageGroup !== undefined && input.ageGroup !== null && input.ageGroup !== '') {
      ageGroup = parseAgeGroup(input.ageGroup);
      // An age group nobody can have: an empty board, as the legacy's exact match gave.
      if (ageGroup === null) return { items: [] };
    }
    const rows = await findLeaderboardRows(deps.db.prisma, { limit: input.limit, ageGroup });
    return {
      items: rows.map((row, i) => {
        const level = levelFromPoints(row.totalPoints);
        return {
          rank: i + 1,
          username: row.username,
          totalPoints: level.totalPoints,
          currentLevel: level.currentLevel,
          jediRank: level.jediRank,
          isCurrentUser: row.id === ctx.actor.userId,
        };
      }),
    };
  },
});

export type LeaderboardService = ReturnType<typeof makeLeaderboardService>;
