import { randomUUID } from 'node:crypto';

import type { Prisma, UserRole } from '../../db/generated/client.ts';
import {
  FACTORY_PASSWORD_HASH,
  fakeTokenHash,
  inDays,
  uniqueSuffix,
  type FactoryDb,
} from './shared.ts';

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export const userFactorySelect = {
  id: true,
  username: true,
  email: true,
  role: true,
  isActive: true,
  isEmailVerified: true,
  totalPoints: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export type FactoryUser = Prisma.UserGetPayload<{ select: typeof userFactorySelect }>;

export const createUser = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserUncheckedCreateInput> = {},
): Promise<FactoryUser> => {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      username: `user_${suffix}`,
      email: `user_${suffix}@example.test`,
      hashedPassword: FACTORY_PASSWORD_HASH,
      fullName: `Utilisateur ${suffix}`,
      isEmailVerified: true,
      ...overrides,
    },
    select: userFactorySelect,
  });
};

const createUserWithRole =
  (role: UserRole) =>
  (db: FactoryDb, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}): Promise<FactoryUser> =>
    createUser(db, { role, ...overrides });

/** Learner (the default role). */
export const createPadawan = createUserWithRole('PADAWAN');
/** Teacher, content creator. */
export const createMaitre = createUserWithRole('MAITRE');
/** Moderator. */
export const createGardien = createUserWithRole('GARDIEN');
/** Administrator. */
export const createArchiviste = createUserWithRole('ARCHIVISTE');

// ---------------------------------------------------------------------------------------------
// Sessions and refresh tokens
// ---------------------------------------------------------------------------------------------

export const sessionFactorySelect = {
  id: true,
  userId: true,
  familyId: true,
  isActive: true,
  expiresAt: true,
  revokedAt: true,
} as const satisfies Prisma.UserSessionSelect;

export type FactorySession = Prisma.UserSessionGetPayload<{ select: typeof sessionFactorySelect }>;

export const createSession = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserSessionUncheckedCreateInput> = {},
): Promise<FactorySession> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  return db.userSession.create({
    data: {
      familyId: randomUUID(),
      ipAddress: '127.0.0.1',
      userAgent: 'vitest',
      deviceInfo: { user_agent: 'vitest' },
      expiresAt: inDays(7),
      ...overrides,
      userId,
    },
    select: sessionFactorySelect,
  });
};

export const refreshTokenFactorySelect = {
  id: true,
  sessionId: true,
  tokenHash: true,
  expiresAt: true,
  rotatedAt: true,
  replacedById: true,
  revokedAt: true,
} as const satisfies Prisma.RefreshTokenSelect;

export type FactoryRefreshToken = Prisma.RefreshTokenGetPayload<{
  select: typeof refreshTokenFactorySelect;
}>;

export const createRefreshToken = async (
  db: FactoryDb,
  overrides: Partial<Prisma.RefreshTokenUncheckedCreateInput> = {},
): Promise<FactoryRefreshToken> => {
  const sessionId = overrides.sessionId ?? (await createSession(db)).id;
  return db.refreshToken.create({
    data: { tokenHash: fakeTokenHash(), expiresAt: inDays(7), ...overrides, sessionId },
    select: refreshTokenFactorySelect,
  });
};
