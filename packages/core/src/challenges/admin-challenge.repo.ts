/** Queries of the admin logic-challenge use cases (explicit selects; first parameter `db` or `tx`). */
import type { Prisma } from '../db/generated/client.ts';
import type { LogicChallengeType } from '../db/generated/enums.ts';
import type { Db } from '../db/types.ts';
import type { AdminChallengeSort } from './admin-challenge.schemas.ts';

export const adminChallengeSelect = {
  id: true,
  title: true,
  description: true,
  challengeType: true,
  ageGroup: true,
  difficulty: true,
  question: true,
  correctAnswer: true,
  choices: true,
  solutionExplanation: true,
  visualData: true,
  hints: true,
  imageUrl: true,
  tags: true,
  isActive: true,
  isArchived: true,
  difficultyRating: true,
  estimatedTimeMinutes: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.LogicChallengeSelect;
export type AdminChallengeRow = Prisma.LogicChallengeGetPayload<{
  select: typeof adminChallengeSelect;
}>;

export const adminChallengeListSelect = {
  id: true,
  title: true,
  challengeType: true,
  ageGroup: true,
  isArchived: true,
  attemptCount: true,
  correctAttemptCount: true,
  createdAt: true,
} as const satisfies Prisma.LogicChallengeSelect;
export type AdminChallengeListRow = Prisma.LogicChallengeGetPayload<{
  select: typeof adminChallengeListSelect;
}>;

export interface AdminChallengeFilter {
  search?: string | undefined;
  type?: LogicChallengeType | undefined;
  archived?: boolean | undefined;
}

const whereOf = (filter: AdminChallengeFilter): Prisma.LogicChallengeWhereInput => ({
  ...(filter.search
    ? {
        OR: [
          { title: { contains: filter.search, mode: 'insensitive' } },
          { description: { contains: filter.search, mode: 'insensitive' } },
        ],
      }
    : {}),
  ...(filter.type === undefined ? {} : { challengeType: filter.type }),
  ...(filter.archived === undefined ? {} : { isArchived: filter.archived }),
});

export const countAdminChallenges = (db: Db, filter: AdminChallengeFilter): Promise<number> =>
  db.logicChallenge.count({ where: whereOf(filter) });

export const findAdminChallengePage = (
  db: Db,
  filter: AdminChallengeFilter,
  order: { sort: AdminChallengeSort; direction: 'asc' | 'desc' },
  page: { skip: number; limit: number },
): Promise<AdminChallengeListRow[]> =>
  db.logicChallenge.findMany({
    where: whereOf(filter),
    orderBy: [{ [order.sort]: order.direction }, { id: order.direction }],
    skip: page.skip,
    take: page.limit,
    select: adminChallengeListSelect,
  });

export const findAdminChallenge = (db: Db, id: number): Promise<AdminChallengeRow | null> =>
  db.logicChallenge.findUnique({ where: { id }, select: adminChallengeSelect });

/** Locks the row for the update that follows (two admins editing the same challenge serialise). */
export const lockAdminChallenge = async (db: Db, id: number): Promise<AdminChallengeRow | null> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "logic_challenges" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 0 ? null : findAdminChallenge(db, id);
};

export const insertAdminChallenge = (
  db: Db,
  data: Prisma.LogicChallengeUncheckedCreateInput,
): Promise<AdminChallengeRow> => db.logicChallenge.create({ data, select: adminChallengeSelect });

export const updateAdminChallenge = (
  db: Db,
  id: number,
  data: Prisma.LogicChallengeUncheckedUpdateInput,
): Promise<AdminChallengeRow> =>
  db.logicChallenge.update({ where: { id }, data, select: adminChallengeSelect });
