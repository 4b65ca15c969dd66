/** Queries of the admin exercise use cases (explicit selects; first parameter `db` or `tx`). */
import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import type { AdminExerciseSort } from './admin-exercise.schemas.ts';
import type { ExerciseType } from './exercise.rules.ts';

export const adminExerciseSelect = {
  id: true,
  title: true,
  exerciseType: true,
  difficulty: true,
  ageGroup: true,
  tags: true,
  contextTheme: true,
  complexity: true,
  aiGenerated: true,
  question: true,
  correctAnswer: true,
  choices: true,
  explanation: true,
  hint: true,
  imageUrl: true,
  audioUrl: true,
  isActive: true,
  isArchived: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ExerciseSelect;
export type AdminExerciseRow = Prisma.ExerciseGetPayload<{ select: typeof adminExerciseSelect }>;

export const adminExerciseListSelect = {
  id: true,
  title: true,
  exerciseType: true,
  difficulty: true,
  ageGroup: true,
  isArchived: true,
  createdAt: true,
} as const satisfies Prisma.ExerciseSelect;
export type AdminExerciseListRow = Prisma.ExerciseGetPayload<{
  select: typeof adminExerciseListSelect;
}>;

export interface AdminExerciseFilter {
  search?: string | undefined;
  type?: ExerciseType | undefined;
  archived?: boolean | undefined;
}

const whereOf = (filter: AdminExerciseFilter): Prisma.ExerciseWhereInput => ({
  ...(filter.search ? { title: { contains: filter.search, mode: 'insensitive' } } : {}),
  ...(filter.type === undefined ? {} : { exerciseType: filter.type }),
  ...(filter.archived === undefined ? {} : { isArchived: filter.archived }),
});

export const countAdminExercises = (db: Db, filter: AdminExerciseFilter): Promise<number> =>
  db.exercise.count({ where: whereOf(filter) });

export const findAdminExercisePage = (
  db: Db,
  filter: AdminExerciseFilter,
  order: { sort: AdminExerciseSort; direction: 'asc' | 'desc' },
  page: { skip: number; limit: number },
): Promise<AdminExerciseListRow[]> =>
  db.exercise.findMany({
    where: whereOf(filter),
    orderBy: [{ [order.sort]: order.direction }, { id: order.direction }],
    skip: page.skip,
    take: page.limit,
    select: adminExerciseListSelect,
  });

/** Attempts and correct attempts per exercise, for the given exercises. */
export const countExerciseAttempts = async (
  db: Db,
  exerciseIds: number[],
): Promise<Map<number, { total: number; correct: number }>> => {
  const stats = new Map<number, { total: number; correct: number }>();
  if (exerciseIds.length === 0) return stats;
  const groups = await db.attempt.groupBy({
    by: ['exerciseId', 'isCorrect'],
    where: { exerciseId: { in: exerciseIds } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const s = stats.get(g.exerciseId) ?? { total: 0, correct: 0 };
    s.total += g._count._all;
    if (g.isCorrect) s.correct += g._count._all;
    stats.set(g.exerciseId, s);
  }
  return stats;
};

export const findAdminExercise = (db: Db, id: number): Promise<AdminExerciseRow | null> =>
  db.exercise.findUnique({ where: { id }, select: adminExerciseSelect });

/** Locks the row for the update that follows (two admins editing the same exercise serialise). */
export const lockAdminExercise = async (db: Db, id: number): Promise<AdminExerciseRow | null> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "exercises" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 0 ? null : findAdminExercise(db, id);
};

export const insertAdminExercise = (
  db: Db,
  data: Prisma.ExerciseUncheckedCreateInput,
): Promise<AdminExerciseRow> => db.exercise.create({ data, select: adminExerciseSelect });

export const updateAdminExercise = (
  db: Db,
  id: number,
  data: Prisma.ExerciseUncheckedUpdateInput,
): Promise<AdminExerciseRow> =>
  db.exercise.update({ where: { id }, data, select: adminExerciseSelect });

/** What a copy takes from the original (content, flags, how the answer is compared). */
export const findExerciseToCopy = (db: Db, id: number) =>
  db.exercise.findUnique({
    where: { id },
    select: {
      ...adminExerciseSelect,
      answerKind: true,
      generationParams: true,
    },
  });
