import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

/** What login needs: the profile plus the hash, nothing else. */
export const loginUserSelect = {
  id: true,
  username: true,
  hashedPassword: true,
  isActive: true,
} as const satisfies Prisma.UserSelect;

export const findUserForLogin = (db: Db, identifier: { username: string } | { email: string }) =>
  db.user.findUnique({ where: identifier, select: loginUserSelect });

export const insertSession = (
  db: Db,
  data: {
    userId: number;
    ipAddress: string | null;
    userAgent: string | null;
    now: Date;
    expiresAt: Date;
  },
) =>
  db.userSession.create({
    data: {
      userId: data.userId,
      familyId: crypto.randomUUID(),
      ipAddress: data.ipAddress,
      userAgent: data.userAgent === null ? null : data.userAgent.slice(0, 2000),
      deviceInfo:
        data.userAgent === null ? undefined : { user_agent: data.userAgent.slice(0, 500) },
      isActive: true,
      lastActivity: data.now,
      createdAt: data.now,
      expiresAt: data.expiresAt,
    },
    select: { id: true },
  });

export const insertRefreshToken = (
  db: Db,
  data: { sessionId: number; tokenHash: string; now: Date; expiresAt: Date },
) =>
  db.refreshToken.create({
    data: {
      sessionId: data.sessionId,
      tokenHash: data.tokenHash,
      createdAt: data.now,
      expiresAt: data.expiresAt,
    },
    select: { id: true },
  });

export const findRefreshToken = (db: Db, tokenHash: string) =>
  db.refreshToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      expiresAt: true,
      rotatedAt: true,
      revokedAt: true,
      replacedById: true,
      session: {
        select: {
          id: true,
          isActive: true,
          revokedAt: true,
          expiresAt: true,
          user: { select: { id: true, username: true, role: true, isActive: true } },
        },
      },
    },
  });

/** Marks a token rotated only if nobody else did first; returns whether this call won. */
export const claimRotation = async (db: Db, tokenId: number, now: Date): Promise<boolean> => {
  const { count } = await db.refreshToken.updateMany({
    where: { id: tokenId, rotatedAt: null, revokedAt: null },
    data: { rotatedAt: now },
  });
  return count === 1;
};

export const linkSuccessor = (db: Db, tokenId: number, successorId: number) =>
  db.refreshToken.update({
    where: { id: tokenId },
    data: { replacedById: successorId },
    select: { id: true },
  });

export const touchSession = (db: Db, sessionId: number, now: Date, expiresAt: Date) =>
  db.userSession.update({
    where: { id: sessionId },
    data: { lastActivity: now, expiresAt },
    select: { id: true },
  });

/** Revokes sessions (and so their refresh-token families). */
export const revokeSessions = async (
  db: Db,
  where: { sessionId: number } | { userId: number; exceptSessionId?: number | null },
  reason: string,
  now: Date,
): Promise<number[]> => {
  const filter: Prisma.UserSessionWhereInput =
    'sessionId' in where
      ? { id: where.sessionId }
      : {
          userId: where.userId,
          ...(where.exceptSessionId === undefined || where.exceptSessionId === null
            ? {}
            : { id: { not: where.exceptSessionId } }),
        };
  const sessions = await db.userSession.findMany({
    where: { ...filter, isActive: true },
    select: { id: true },
  });
  const ids = sessions.map((s) => s.id);
  if (ids.length === 0) return [];
  await db.userSession.updateMany({
    where: { id: { in: ids } },
    data: { isActive: false, revokedAt: now, revokedReason: reason.slice(0, 50) },
  });
  await db.refreshToken.updateMany({
    where: { sessionId: { in: ids }, revokedAt: null },
    data: { revokedAt: now },
  });
  return ids;
};

/** What the per-request check needs: the session's validity and the account's current state. */
export const findSessionForAuth = (db: Db, sessionId: number) =>
  db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      isActive: true,
      revokedAt: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          username: true,
          role: true,
          isActive: true,
          isEmailVerified: true,
          createdAt: true,
        },
      },
    },
  });

export const findUserByEmail = (db: Db, email: string) =>
  db.user.findUnique({
    where: { email },
    select: {
      id: true,
      username: true,
      email: true,
      isActive: true,
      isEmailVerified: true,
      emailVerificationSentAt: true,
    },
  });

export const setVerificationToken = (
  db: Db,
  userId: number,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
) =>
  db.user.update({
    where: { id: userId },
    data: {
      emailVerificationTokenHash: tokenHash,
      emailVerificationSentAt: now,
      emailVerificationExpiresAt: expiresAt,
      updatedAt: now,
    },
    select: { id: true },
  });

export const findUserByVerificationToken = (db: Db, tokenHash: string) =>
  db.user.findUnique({
    where: { emailVerificationTokenHash: tokenHash },
    select: {
      id: true,
      username: true,
      email: true,
      isEmailVerified: true,
      emailVerificationExpiresAt: true,
    },
  });

export const markEmailVerified = (db: Db, userId: number, now: Date) =>
  db.user.update({
    where: { id: userId },
    data: { isEmailVerified: true, updatedAt: now },
    select: { id: true },
  });

export const setResetToken = (
  db: Db,
  userId: number,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
) =>
  db.user.update({
    where: { id: userId },
    data: { passwordResetTokenHash: tokenHash, passwordResetExpiresAt: expiresAt, updatedAt: now },
    select: { id: true },
  });

export const findUserByResetToken = (db: Db, tokenHash: string) =>
  db.user.findUnique({
    where: { passwordResetTokenHash: tokenHash },
    select: { id: true, isActive: true, passwordResetExpiresAt: true },
  });

export const setPassword = (db: Db, userId: number, hashedPassword: string, now: Date) =>
  db.user.update({
    where: { id: userId },
    data: {
      hashedPassword,
      passwordChangedAt: now,
      passwordResetTokenHash: null,
      passwordResetExpiresAt: null,
      updatedAt: now,
    },
    select: { id: true },
  });
