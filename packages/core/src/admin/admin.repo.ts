/** The back office's queries (explicit selects; first parameter db or tx). */
import type { EdtechEventType, FeedbackStatus, Prisma, UserRole } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

// ---- counts -----------------------------------------------------------------------------------------

/** §6.2: all users, non-archived exercises and challenges, exercise attempts. */
export const countOverview = async (db: Db, options: { includeArchived: boolean }) => {
  const live = options.includeArchived ? {} : { isArchived: false };
  const [users, exercises, challenges, attempts] = await Promise.all([
    db.user.count(),
    db.exercise.count({ where: live }),
    db.logicChallenge.count({ where: live }),
    db.attempt.count(),
  ]);
  return { users, exercises, challenges, attempts };
};

/** §6.10: the period's counts over both attempt tables. */
export const countReport = async (db: Db, since: Date) => {
  const window = { createdAt: { gte: since } };
  const [newUsers, exercises, challenges, exercisesCorrect, challengesCorrect, active] =
    await Promise.all([
      db.user.count({ where: window }),
      db.attempt.count({ where: window }),
      db.logicChallengeAttempt.count({ where: window }),
      db.attempt.count({ where: { ...window, isCorrect: true } }),
      db.logicChallengeAttempt.count({ where: { ...window, isCorrect: true } }),
      db.$queryRaw<{ n: bigint | number }[]>`
        SELECT COUNT(*) AS n FROM (
          SELECT user_id FROM attempts WHERE created_at >= ${since}
          UNION
          SELECT user_id FROM logic_challenge_attempts WHERE created_at >= ${since}
        ) AS active_users`,
    ]);
  return {
    newUsers,
    exercises,
    challenges,
    correct: exercisesCorrect + challengesCorrect,
    activeUsers: Number(active[0]?.n ?? 0),
  };
};

// ---- users ------------------------------------------------------------------------------------------

export const adminUserSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  isActive: true,
  isEmailVerified: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;
export type AdminUserRow = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>;

export interface UserFilter {
  search?: string | undefined;
  role?: UserRole | undefined;
  isActive?: boolean | undefined;
}

const userWhere = (filter: UserFilter): Prisma.UserWhereInput => ({
  ...(filter.search
    ? {
        OR: [
          { username: { contains: filter.search, mode: 'insensitive' } },
          { email: { contains: filter.search, mode: 'insensitive' } },
          { fullName: { contains: filter.search, mode: 'insensitive' } },
        ],
      }
    : {}),
  ...(filter.role ? { role: filter.role } : {}),
  ...(filter.isActive === undefined ? {} : { isActive: filter.isActive }),
});

export const listUsers = async (
  db: Db,
  filter: UserFilter,
  page: { skip: number; limit: number },
) => {
  const where = userWhere(filter);
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: page.skip,
      take: page.limit,
      select: adminUserSelect,
    }),
  ]);
  return { total, rows };
};

export const findAdminUser = (db: Db, id: number): Promise<AdminUserRow | null> =>
  db.user.findUnique({ where: { id }, select: adminUserSelect });

export const updateUserFlags = (
  tx: Db,
  id: number,
  data: { isActive?: boolean; role?: UserRole },
  at: Date,
): Promise<AdminUserRow> =>
  tx.user.update({ where: { id }, data: { ...data, updatedAt: at }, select: adminUserSelect });

/** The hard delete: the user's own rows cascade; authored content, reports and audit rows keep (SET NULL). */
export const deleteUserRow = async (tx: Db, id: number): Promise<void> => {
  await tx.user.delete({ where: { id }, select: { id: true } });
};

// ---- feedback ---------------------------------------------------------------------------------------

const adminFeedbackSelect = {
  id: true,
  userId: true,
  feedbackType: true,
  pageUrl: true,
  exerciseId: true,
  challengeId: true,
  description: true,
  status: true,
  createdAt: true,
  user: { select: { username: true } },
} as const satisfies Prisma.FeedbackReportSelect;
export type AdminFeedbackRow = Prisma.FeedbackReportGetPayload<{
  select: typeof adminFeedbackSelect;
}>;

export const listFeedback = (db: Db, limit: number): Promise<AdminFeedbackRow[]> =>
  db.feedbackReport.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: adminFeedbackSelect,
  });

export const findFeedbackStatus = (db: Db, id: number) =>
  db.feedbackReport.findUnique({ where: { id }, select: { id: true, status: true } });

export const updateFeedbackStatus = (tx: Db, id: number, status: FeedbackStatus) =>
  tx.feedbackReport.update({ where: { id }, data: { status }, select: { id: true, status: true } });

export const deleteFeedbackRow = async (tx: Db, id: number): Promise<void> => {
  await tx.feedbackReport.delete({ where: { id }, select: { id: true } });
};

// ---- moderation -------------------------------------------------------------------------------------

export const listAiExercises = async (db: Db, page: { skip: number; limit: number }) => {
  const where = { aiGenerated: true };
  const [total, rows] = await Promise.all([
    db.exercise.count({ where }),
    db.exercise.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: page.skip,
      take: page.limit,
      select: {
        id: true,
        title: true,
        exerciseType: true,
        ageGroup: true,
        isArchived: true,
        createdAt: true,
      },
    }),
  ]);
  return { total, rows };
};

export const listAllChallenges = async (db: Db, page: { skip: number; limit: number }) => {
  const [total, rows] = await Promise.all([
    db.logicChallenge.count(),
    db.logicChallenge.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: page.skip,
      take: page.limit,
      select: {
        id: true,
        title: true,
        challengeType: true,
        ageGroup: true,
        isArchived: true,
        createdAt: true,
      },
    }),
  ]);
  return { total, rows };
};

// ---- settings ---------------------------------------------------------------------------------------

export const findSettingRows = (db: Db, keys: readonly string[]) =>
  db.setting.findMany({ where: { key: { in: [...keys] } }, select: { key: true, value: true } });

/** §6.14: a missing row is inserted with its category and label, system, not public. */
export const upsertSetting = async (
  tx: Db,
  row: { key: string; value: string; category: string; description: string },
): Promise<void> => {
  await tx.setting.upsert({
    where: { key: row.key },
    create: { ...row, isSystem: true, isPublic: false },
    update: { value: row.value },
    select: { id: true },
  });
};

// ---- EdTech events ----------------------------------------------------------------------------------

const edtechEventSelect = {
  id: true,
  userId: true,
  event: true,
  payload: true,
  createdAt: true,
} as const satisfies Prisma.EdtechEventSelect;
export type EdtechEventDbRow = Prisma.EdtechEventGetPayload<{ select: typeof edtechEventSelect }>;

/** One page of the window's events, newest first, after the `before` id (keyset: bounded memory). */
export const findEdtechEvents = (
  db: Db,
  filter: { since: Date; event: EdtechEventType | undefined },
  page: { beforeId: number | null; limit: number },
): Promise<EdtechEventDbRow[]> =>
  db.edtechEvent.findMany({
    where: {
      createdAt: { gte: filter.since },
      ...(filter.event ? { event: filter.event } : {}),
      ...(page.beforeId === null ? {} : { id: { lt: page.beforeId } }),
    },
    orderBy: { id: 'desc' },
    take: page.limit,
    select: edtechEventSelect,
  });

/** The `limit` newest events of the window (the listing), newest first. */
export const listRecentEdtechEvents = (
  db: Db,
  filter: { since: Date; event: EdtechEventType | undefined },
  limit: number,
): Promise<EdtechEventDbRow[]> =>
  db.edtechEvent.findMany({
    where: { createdAt: { gte: filter.since }, ...(filter.event ? { event: filter.event } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: edtechEventSelect,
  });
