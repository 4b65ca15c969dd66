/**
 * Reading what a database holds of the reference data, in one statement: what `apply.ts` compares
 * with the catalogue before deciding whether anything needs writing.
 */
import { z } from 'zod';

import type { Db } from '../db/types.ts';

export interface ReferenceStateQuery {
  badgeCodes: readonly string[];
  settingKeys: readonly string[];
  starterReferences: readonly string[];
}

/** The catalogue-owned columns of the stored badges, the present setting keys, the starter rows by id. */
const ZReferenceState = z.object({
  badges: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      iconUrl: z.string().nullable(),
      category: z.string().nullable(),
      tier: z.string().nullable(),
      pointsReward: z.number(),
      isSecret: z.boolean(),
      requirements: z.unknown(),
      starWarsTitle: z.string().nullable(),
    }),
  ),
  settingKeys: z.array(z.string()),
  starters: z.array(z.object({ sourceReference: z.string(), generationParameters: z.unknown() })),
});
export type ReferenceState = z.infer<typeof ZReferenceState>;

/**
 * The reference rows a database holds for the given badge codes, setting keys and starter references:
 * one statement of three aggregates (no transaction, no lock: it only reads). Starter rows come in id
 * order, as `applyStarterChallenges` reads them.
 */
export const readReferenceState = async (
  db: Db,
  q: ReferenceStateQuery,
): Promise<ReferenceState> => {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'code', a."code", 'name', a."name", 'description', a."description",
                'iconUrl', a."icon_url", 'category', a."category", 'tier', a."tier",
                'pointsReward', a."points_reward", 'isSecret', a."is_secret",
                'requirements', a."requirements", 'starWarsTitle', a."star_wars_title")), '[]'::json)
         FROM "achievements" a WHERE a."code" = ANY(${q.badgeCodes}::text[])) AS "badges",
      (SELECT coalesce(json_agg(s."key"), '[]'::json)
         FROM "settings" s WHERE s."key" = ANY(${q.settingKeys}::text[])) AS "settingKeys",
      (SELECT coalesce(json_agg(json_build_object(
                'sourceReference', c."source_reference",
                'generationParameters', c."generation_parameters") ORDER BY c."id"), '[]'::json)
         FROM "logic_challenges" c
        WHERE c."source_reference" = ANY(${q.starterReferences}::text[])) AS "starters"`;
  return ZReferenceState.parse(rows[0]);
};
