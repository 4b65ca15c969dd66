import { Prisma } from '../db/generated/client.ts';
import type { AgeGroup } from '../db/generated/enums.ts';
import type { Db } from '../db/types.ts';

export interface LeaderboardRow {
  id: number;
  username: string;
  totalPoints: number;
}

/**
 * Active users who did not opt out (`preferences.privacy_settings.show_in_leaderboards` exactly
 * `false`), filtered **before** the limit, by points then id (deterministic), served by
 * `users_total_points_idx`.
 */
export const findLeaderboardRows = (
  db: Db,
  input: { limit: number; ageGroup: AgeGroup | null },
): Promise<LeaderboardRow[]> =>
  db.$queryRaw<LeaderboardRow[]>`
    SELECT id, username, total_points AS "totalPoints"
      FROM users
     WHERE is_active
       AND (preferences #> '{privacy_settings,show_in_leaderboards}') IS DISTINCT FROM 'false'::jsonb
       ${input.ageGroup === null ? Prisma.empty : Prisma.sql`AND preferred_age_group = CAST(${input.ageGroup} AS age_group)`}
     ORDER BY total_points DESC, id ASC
     LIMIT ${input.limit}`;
