import { z } from 'zod';

export const LEADERBOARD_DEFAULT_LIMIT = 50;
export const LEADERBOARD_MAX_LIMIT = 100;

/** tRPC input of `leaderboard.list`. `ageGroup` takes the legacy labels and aliases (`9-11`, `adulte`…). */
export const ZLeaderboardInput = z
  .object({
    limit: z.int().min(1).max(LEADERBOARD_MAX_LIMIT).default(LEADERBOARD_DEFAULT_LIMIT),
    ageGroup: z.string().trim().max(50).nullish(),
  })
  .prefault({});
export type LeaderboardInput = z.output<typeof ZLeaderboardInput>;

/**
 * The legacy query string (domain-rules §7.6): `limit` defaults to 50, is clamped to 1..100, and a
 * value that is not an integer gives 50; `age_group` is trimmed, empty meaning no filter.
 */
export const parseLegacyLeaderboardQuery = (query: {
  limit?: string | undefined;
  age_group?: string | undefined;
}): { limit: number; ageGroup: string | null } => {
  const raw = query.limit?.trim() ?? '';
  const parsed = /^[+-]?\d+$/.test(raw) ? Number.parseInt(raw, 10) : LEADERBOARD_DEFAULT_LIMIT;
  const limit = Math.min(LEADERBOARD_MAX_LIMIT, Math.max(1, parsed));
  const ageGroup = query.age_group?.trim() ?? '';
  return { limit, ageGroup: ageGroup === '' ? null : ageGroup };
};

export const ZLeaderboardEntryDto = z.object({
  /** 1..n after the privacy filter; ties do not share a rank. */
  rank: z.number().int(),
  username: z.string(),
  totalPoints: z.number().int(),
  currentLevel: z.number().int(),
  jediRank: z.string(),
  isCurrentUser: z.boolean(),
});
export type LeaderboardEntryDto = z.infer<typeof ZLeaderboardEntryDto>;

export const ZLeaderboardDto = z.object({ items: z.array(ZLeaderboardEntryDto) });
export type LeaderboardDto = z.infer<typeof ZLeaderboardDto>;
