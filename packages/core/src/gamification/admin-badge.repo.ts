/** Queries of the admin badge use cases (explicit selects; first parameter `db` or `tx`). */
import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

export const adminBadgeSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  iconUrl: true,
  category: true,
  tier: true,
  pointsReward: true,
  isSecret: true,
  requirements: true,
  starWarsTitle: true,
  isActive: true,
  createdAt: true,
  _count: { select: { awards: true } },
} as const satisfies Prisma.AchievementSelect;
export type AdminBadgeRow = Prisma.AchievementGetPayload<{ select: typeof adminBadgeSelect }>;

/** Every badge, active or not, with how many users hold it. */
export const findAllBadges = (db: Db): Promise<AdminBadgeRow[]> =>
  db.achievement.findMany({ select: adminBadgeSelect, orderBy: { code: 'asc' } });

export const findAdminBadge = (db: Db, id: number): Promise<AdminBadgeRow | null> =>
  db.achievement.findUnique({ where: { id }, select: adminBadgeSelect });

export const badgeCodeExists = async (db: Db, code: string): Promise<boolean> =>
  (await db.achievement.findUnique({ where: { code }, select: { id: true } })) !== null;

/** Locks the row for the update that follows. */
export const lockAdminBadge = async (db: Db, id: number): Promise<AdminBadgeRow | null> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "achievements" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 0 ? null : findAdminBadge(db, id);
};

export const insertAdminBadge = (
  db: Db,
  data: Prisma.AchievementUncheckedCreateInput,
): Promise<AdminBadgeRow> => db.achievement.create({ data, select: adminBadgeSelect });

export const updateAdminBadge = (
  db: Db,
  id: number,
  data: Prisma.AchievementUncheckedUpdateInput,
): Promise<AdminBadgeRow> =>
  db.achievement.update({ where: { id }, data, select: adminBadgeSelect });
