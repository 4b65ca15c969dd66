/**
 * Reads of the verification: the checksums of key columns over our rows (keyset pages, bounded memory),
 * row counts within the imported id range, and the points consistency check.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import { KEY_OF, runningChecksum, type ChecksumTable } from './checksums.rules.ts';

const PAGE = 5000;

/** Pages of one table's key rows with ids in (after, upTo], in id order. */
const keyPage = async (
  db: Db,
  table: ChecksumTable,
  after: number,
  upTo: number,
): Promise<unknown[][]> => {
  const where = { id: { gt: after, lte: upTo } };
  const args = { where, orderBy: { id: 'asc' as const }, take: PAGE };
  switch (table) {
    case 'users':
      return (
        await db.user.findMany({
          ...args,
          select: {
            id: true,
            username: true,
            email: true,
            hashedPassword: true,
            role: true,
            totalPoints: true,
          },
        })
      ).map(KEY_OF.users);
    case 'exercises':
      return (
        await db.exercise.findMany({
          ...args,
          select: {
            id: true,
            exerciseType: true,
            difficulty: true,
            ageGroup: true,
            correctAnswer: true,
            isArchived: true,
          },
        })
      ).map(KEY_OF.exercises);
    case 'logic_challenges':
      return (
        await db.logicChallenge.findMany({
          ...args,
          select: {
            id: true,
            challengeType: true,
            ageGroup: true,
            correctAnswer: true,
            isArchived: true,
          },
        })
      ).map(KEY_OF.logic_challenges);
    case 'attempts':
      return (
        await db.attempt.findMany({
          ...args,
          select: { id: true, userId: true, exerciseId: true, isCorrect: true, createdAt: true },
        })
      ).map((r) => KEY_OF.attempts({ ...r, targetId: r.exerciseId }));
    case 'logic_challenge_attempts':
      return (
        await db.logicChallengeAttempt.findMany({
          ...args,
          select: { id: true, userId: true, challengeId: true, isCorrect: true, createdAt: true },
        })
      ).map((r) => KEY_OF.logic_challenge_attempts({ ...r, targetId: r.challengeId }));
    case 'user_achievements':
      return (
        await db.userAchievement.findMany({
          ...args,
          select: { id: true, userId: true, achievementId: true, earnedAt: true },
        })
      ).map(KEY_OF.user_achievements);
  }
};

/** Checksum and count of our rows of `table` with ids up to `upTo` (the highest imported id). */
export const targetChecksum = async (
  db: Db,
  table: ChecksumTable,
  upTo: number,
): Promise<{ digest: string; rows: number }> => {
  const sum = runningChecksum();
  let after = 0;
  for (;;) {
    const page = await keyPage(db, table, after, upTo);
    for (const values of page) sum.add(values as Parameters<typeof sum.add>[0]);
    if (page.length < PAGE) break;
    after = sum.maxId;
  }
  return { digest: sum.digest(), rows: sum.rows };
};

/** Tables counted (not checksummed) by the verification: rows with an id up to `upTo`. */
export const countUpTo = async (
  db: Db,
  table: 'recommendations' | 'feedback_reports' | 'edtech_events' | 'admin_audit_logs',
  upTo: number,
): Promise<number> => {
  const where = { id: { lte: upTo } };
  switch (table) {
    case 'recommendations':
      return db.recommendation.count({ where });
    case 'feedback_reports':
      return db.feedbackReport.count({ where });
    case 'edtech_events':
      return db.edtechEvent.count({ where });
    case 'admin_audit_logs':
      return db.adminAuditLog.count({ where });
  }
};

export const countPinnedBadges = (db: Db): Promise<number> => db.userPinnedBadge.count();

/**
 * Learners whose `total_points` differs from the sum of their awards' `points_awarded` (§8.4: the
 * legacy total stays authoritative; the difference is reported, not corrected).
 */
export const countPointsMismatches = async (db: Db): Promise<number> => {
  const rows = await db.$queryRaw<{ n: number }[]>(
    Prisma.raw(`
    SELECT count(*)::int AS n FROM users u
    LEFT JOIN (SELECT user_id, sum(coalesce(points_awarded, 0))::int AS pts
               FROM user_achievements GROUP BY user_id) a ON a.user_id = u.id
    WHERE u.total_points <> coalesce(a.pts, 0)`),
  );
  return rows[0]?.n ?? 0;
};
