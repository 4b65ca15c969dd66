/**
 * Inputs and DTOs of the admin badge use cases (api-rest-challenges-admin §6.9): list, detail, create,
 * partial update, soft delete. The clean (tRPC) inputs; the legacy REST layer reads its lenient bodies
 * into these.
 */
import { z } from 'zod';

import { adminOptionalText, adminText, cleanJson, type AdminJson } from '../lib/admin-content.ts';
import {
  ADMIN_BADGE_CATEGORIES,
  ADMIN_BADGE_TIERS,
  badgeRequirementsProblem,
  ADMIN_BADGE_MESSAGES as M,
  normalizeBadgeCode,
} from './admin-badge.rules.ts';

const ZId = z.int().min(1).max(2_147_483_647);
export const ZBadgeIdInput = z.object({ badgeId: ZId });
export type BadgeIdInput = z.infer<typeof ZBadgeIdInput>;

/** Requirements: validated by the table of §6.9, then stored as clean JSON. */
export const ZBadgeRequirements = z.unknown().transform((value, ctx): AdminJson => {
  const problem = badgeRequirementsProblem(value);
  const cleaned = problem === null ? cleanJson(value) : undefined;
  if (cleaned === undefined) {
    ctx.addIssue({ code: 'custom', message: problem ?? M.requirementsTooLarge });
    return z.NEVER;
  }
  return cleaned;
});

const ZCategory = z
  .string({ error: M.invalidCategory })
  .max(50, M.invalidCategory)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum([...ADMIN_BADGE_CATEGORIES, ''], M.invalidCategory))
  .transform((s) => (s === '' ? null : s));
const ZTier = z
  .string({ error: M.invalidDifficulty })
  .max(50, M.invalidDifficulty)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum([...ADMIN_BADGE_TIERS, ''], M.invalidDifficulty))
  .transform((s) => (s === '' ? null : s));
const ZPoints = z
  .number({ error: M.invalidPoints })
  .int(M.invalidPoints)
  .min(0, M.invalidPoints)
  .max(1_000_000, M.invalidPoints);
const ZName = z
  .string({ error: M.nameRequired })
  .pipe(adminText(255).pipe(z.string().min(1, M.nameRequired)));

export const ZAdminCreateBadgeInput = z.object({
  code: z
    .string({ error: M.codeRequired })
    .pipe(adminText(100))
    .transform(normalizeBadgeCode)
    .pipe(z.string().min(1, M.codeRequired)),
  name: ZName,
  requirements: ZBadgeRequirements,
  description: adminOptionalText(2000).nullish(),
  iconUrl: adminOptionalText(255).nullish(),
  category: ZCategory.nullish(),
  difficulty: ZTier.nullish(),
  starWarsTitle: adminOptionalText(255).nullish(),
  pointsReward: ZPoints.default(0),
  isSecret: z.boolean().default(false),
});
export type AdminCreateBadgeInput = z.input<typeof ZAdminCreateBadgeInput>;

/** A partial update (`undefined` = untouched); the code is immutable. */
export const ZAdminUpdateBadgeInput = ZBadgeIdInput.extend({
  name: ZName.optional(),
  description: adminOptionalText(2000).nullish(),
  iconUrl: adminOptionalText(255).nullish(),
  category: ZCategory.nullish(),
  difficulty: ZTier.nullish(),
  starWarsTitle: adminOptionalText(255).nullish(),
  pointsReward: ZPoints.optional(),
  isSecret: z.boolean().optional(),
  isActive: z.boolean().optional(),
  requirements: ZBadgeRequirements.optional(),
});
export type AdminUpdateBadgeInput = z.input<typeof ZAdminUpdateBadgeInput>;

export const ZAdminBadgeDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  iconUrl: z.string().nullable(),
  category: z.string().nullable(),
  difficulty: z.string().nullable(),
  pointsReward: z.number().int(),
  isSecret: z.boolean(),
  requirements: z.unknown(),
  starWarsTitle: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.date(),
});
export type AdminBadgeDto = z.infer<typeof ZAdminBadgeDto>;

export const ZAdminBadgeWithCountDto = ZAdminBadgeDto.extend({ userCount: z.number().int() });
export type AdminBadgeWithCountDto = z.infer<typeof ZAdminBadgeWithCountDto>;

export const ZAdminBadgeListDto = z.array(ZAdminBadgeWithCountDto);
export type AdminBadgeListDto = z.infer<typeof ZAdminBadgeListDto>;

export const ZAdminDeleteBadgeDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  isActive: z.literal(false),
  message: z.string(),
});
export type AdminDeleteBadgeDto = z.infer<typeof ZAdminDeleteBadgeDto>;
