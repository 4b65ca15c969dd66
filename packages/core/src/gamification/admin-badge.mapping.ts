/** Admin badge rows → DTOs; the lower-case API values ↔ the stored enums. */
import type { BadgeCategory, BadgeTier } from '../db/generated/enums.ts';
import type { AdminBadgeRow } from './admin-badge.repo.ts';
import type { AdminBadgeWithCountDto } from './admin-badge.schemas.ts';
import { lowerOrNull } from './badge.rules.ts';

export const toAdminBadgeDto = (row: AdminBadgeRow): AdminBadgeWithCountDto => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  iconUrl: row.iconUrl,
  category: lowerOrNull(row.category),
  difficulty: lowerOrNull(row.tier),
  pointsReward: row.pointsReward,
  isSecret: row.isSecret,
  requirements: row.requirements,
  starWarsTitle: row.starWarsTitle,
  isActive: row.isActive,
  createdAt: row.createdAt,
  userCount: row._count.awards,
});

export const categoryToDb = (value: string | null): BadgeCategory | null =>
  value === null ? null : (value.toUpperCase() as BadgeCategory);

export const tierToDb = (value: string | null): BadgeTier | null =>
  value === null ? null : (value.toUpperCase() as BadgeTier);
