/**
 * The CSV export's reads (§7.3): one batch at a time, newest first, resumed after the last row read (a
 * keyset cursor), so the export never holds a table in memory.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

export interface ExportPage {
  /** Only rows created at or after this instant (the `period` filter). */
  since: Date | null;
  /** The id of the last row of the previous batch. */
  afterId: number | null;
  take: number;
}

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] as const satisfies readonly {
  createdAt?: Prisma.SortOrder;
  id?: Prisma.SortOrder;
}[];

const pageArgs = (page: ExportPage) => ({
  where: page.since ? { createdAt: { gte: page.since } } : {},
  orderBy: [...newestFirst],
  take: page.take,
  ...(page.afterId === null ? {} : { cursor: { id: page.afterId }, skip: 1 }),
});

export const exportUsersPage = (db: Db, page: ExportPage) =>
  db.user.findMany({
    ...pageArgs(page),
    select: {
      id: true,
      username: true,
      email: true,
      fullName: true,
      role: true,
      isActive: true,
      createdAt: true,
    },
  });

export const exportExercisesPage = (db: Db, page: ExportPage) =>
  db.exercise.findMany({
    ...pageArgs(page),
    select: {
      id: true,
      title: true,
      exerciseType: true,
      difficulty: true,
      ageGroup: true,
      isArchived: true,
      createdAt: true,
    },
  });

export const exportAttemptsPage = (db: Db, page: ExportPage) =>
  db.attempt.findMany({
    ...pageArgs(page),
    select: {
      id: true,
      userId: true,
      exerciseId: true,
      isCorrect: true,
      timeSpent: true,
      createdAt: true,
    },
  });
