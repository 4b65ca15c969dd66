/**
 * The legacy wire of the back office's badges (api-rest-challenges-admin §6.9): the lenient bodies
 * (Python `int()` of `points_reward`, the truthiness of `is_secret` on create, the admin booleans on
 * update, null meaning "unchanged"), the detail object with `""` for missing texts, and the
 * `{"success": true, "data": [...]}` list. Every field's rule is core's.
 */
import { z } from 'zod';

import {
  ADMIN_BADGE_MESSAGES,
  ZAdminCreateBadgeInput,
  ZAdminUpdateBadgeInput,
  ZBadgeIdInput,
  type AdminBadgeDto,
  type AdminBadgeWithCountDto,
  type AdminDeleteBadgeDto,
} from '@mathakine/core';

import { pyIsoformat } from '../legacy/format.ts';
import { idParam } from '../legacy/inputs.ts';
import { wire, ZPyDateTime } from '../legacy/wire.ts';
import { legacyFlag, legacyText } from './admin-content.legacy.ts';

const M = ADMIN_BADGE_MESSAGES;
const C = ZAdminCreateBadgeInput.shape;
const U = ZAdminUpdateBadgeInput.shape;

export const ZLegacyAdminBadgeParams = z.object({
  id: idParam(ZBadgeIdInput.shape.badgeId, M.notFound),
});

/** Python `int(value)` of `points_reward`: a number (truncated) or a string of digits. */
const legacyPoints = z.preprocess(
  (v) =>
    typeof v === 'number' && Number.isFinite(v)
      ? Math.trunc(v)
      : typeof v === 'boolean'
        ? Number(v)
        : typeof v === 'string' && /^\s*[+-]?\d{1,7}\s*$/.test(v)
          ? Number(v)
          : v,
  C.pointsReward.unwrap(),
);

/** Python truthiness (`bool(value)`). */
const pyTruthy = z.unknown().transform((v) => {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
});

export const ZLegacyAdminBadgeCreateBody = z.object({
  code: C.code,
  name: C.name,
  requirements: C.requirements,
  description: legacyText(C.description.unwrap(), M.notText),
  icon_url: legacyText(C.iconUrl.unwrap(), M.notText),
  category: legacyText(C.category.unwrap(), M.invalidCategory),
  difficulty: legacyText(C.difficulty.unwrap(), M.invalidDifficulty),
  star_wars_title: legacyText(C.starWarsTitle.unwrap(), M.notText),
  points_reward: legacyPoints.optional(),
  is_secret: pyTruthy.optional(),
});

export const ZLegacyAdminBadgeUpdateBody = z.object({
  name: legacyText(U.name.unwrap(), M.nameRequired),
  description: legacyText(U.description.unwrap(), M.notText),
  icon_url: legacyText(U.iconUrl.unwrap(), M.notText),
  category: legacyText(U.category.unwrap(), M.invalidCategory),
  difficulty: legacyText(U.difficulty.unwrap(), M.invalidDifficulty),
  star_wars_title: legacyText(U.starWarsTitle.unwrap(), M.notText),
  // null → 0, as the legacy did.
  points_reward: z.preprocess((v) => (v === null ? 0 : v), legacyPoints.optional()),
  is_secret: legacyFlag(),
  is_active: legacyFlag(),
  requirements: U.requirements,
});
export type LegacyAdminBadgeUpdateBody = z.output<typeof ZLegacyAdminBadgeUpdateBody>;

export const fromLegacyBadgeUpdate = (badgeId: number, b: LegacyAdminBadgeUpdateBody) => ({
  badgeId,
  name: b.name,
  description: b.description,
  iconUrl: b.icon_url,
  category: b.category,
  difficulty: b.difficulty,
  starWarsTitle: b.star_wars_title,
  pointsReward: b.points_reward,
  isSecret: b.is_secret,
  isActive: b.is_active,
  requirements: b.requirements,
});

const BADGE_FIELDS = {
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  icon_url: z.string(),
  category: z.string(),
  difficulty: z.string(),
  points_reward: z.number(),
  is_secret: z.boolean(),
  requirements: z.unknown(),
  star_wars_title: z.string(),
  is_active: z.boolean(),
  created_at: ZPyDateTime,
};
export const ZLegacyAdminBadge = wire(BADGE_FIELDS);
export const ZLegacyAdminBadgeWithCount = wire({ ...BADGE_FIELDS, _user_count: z.number() });
export const ZLegacyAdminBadgeList = wire({
  success: z.literal(true),
  data: z.array(ZLegacyAdminBadgeWithCount),
});
export const ZLegacyAdminBadgeDeleted = wire({
  success: z.literal(true),
  id: z.number(),
  code: z.string(),
  name: z.string(),
  is_active: z.literal(false),
  message: z.string(),
});

const text = (value: string | null) => value ?? '';

export const toLegacyAdminBadge = (b: AdminBadgeDto) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  description: text(b.description),
  icon_url: text(b.iconUrl),
  category: text(b.category),
  difficulty: text(b.difficulty),
  points_reward: b.pointsReward,
  is_secret: b.isSecret,
  requirements: b.requirements ?? null,
  star_wars_title: text(b.starWarsTitle),
  is_active: b.isActive,
  created_at: pyIsoformat(b.createdAt),
});

export const toLegacyAdminBadgeWithCount = (b: AdminBadgeWithCountDto) => ({
  ...toLegacyAdminBadge(b),
  _user_count: b.userCount,
});

export const toLegacyAdminBadgeDeleted = (d: AdminDeleteBadgeDto) => ({
  success: true as const,
  id: d.id,
  code: d.code,
  name: d.name,
  is_active: false as const,
  message: d.message,
});
