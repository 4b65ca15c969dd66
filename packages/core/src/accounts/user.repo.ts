import type { Prisma } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { Db } from '../db/types.ts';
import { jediRankOfLevel, levelOfPoints } from '../gamification/index.ts';
import { accessScopeOf, roleFromDb } from './auth.rules.ts';
import { AGE_GROUP_LABELS } from './user.rules.ts';
import type { SessionDto, UserProfileDto } from './user.schemas.ts';

export const userProfileSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  isActive: true,
  isEmailVerified: true,
  gradeLevel: true,
  gradeSystem: true,
  learningStyle: true,
  preferredAgeGroup: true,
  onboardingCompletedAt: true,
  learningGoal: true,
  practiceRhythm: true,
  preferredTheme: true,
  preferences: true,
  createdAt: true,
  updatedAt: true,
  totalPoints: true,
  avatarUrl: true,
} as const satisfies Prisma.UserSelect;

export type UserProfileRow = Prisma.UserGetPayload<{ select: typeof userProfileSelect }>;

export const toUserProfileDto = (
  row: UserProfileRow,
  now: Date,
  graceMinutes: number,
): UserProfileDto => {
  const level = levelOfPoints(row.totalPoints);
  const prefs = row.preferences;
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.fullName,
    role: roleFromDb(row.role),
    isActive: row.isActive,
    isEmailVerified: row.isEmailVerified,
    accessScope: accessScopeOf(row, now, graceMinutes),
    gradeLevel: row.gradeLevel,
    gradeSystem:
      row.gradeSystem === null ? null : row.gradeSystem === 'SUISSE' ? 'suisse' : 'unifie',
    learningStyle: row.learningStyle,
    preferredDifficulty:
      row.preferredAgeGroup === null ? null : AGE_GROUP_LABELS[row.preferredAgeGroup],
    onboardingCompletedAt: row.onboardingCompletedAt,
    learningGoal: row.learningGoal,
    practiceRhythm: row.practiceRhythm,
    preferredTheme: row.preferredTheme,
    accessibilitySettings:
      typeof prefs === 'object' && prefs !== null && !Array.isArray(prefs) ? prefs : {},
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    totalPoints: row.totalPoints,
    currentLevel: level,
    experiencePoints: row.totalPoints % 100,
    jediRank: jediRankOfLevel(level),
    avatarUrl: row.avatarUrl,
  };
};

export const findUserProfile = (db: Db, id: number) =>
  db.user.findUnique({ where: { id }, select: userProfileSelect });

export const sessionSelect = {
  id: true,
  deviceInfo: true,
  ipAddress: true,
  userAgent: true,
  locationData: true,
  isActive: true,
  lastActivity: true,
  createdAt: true,
  expiresAt: true,
} as const satisfies Prisma.UserSessionSelect;

type SessionRow = Prisma.UserSessionGetPayload<{ select: typeof sessionSelect }>;

const asObject = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export const toSessionDto = (row: SessionRow, currentSessionId: number | null): SessionDto => ({
  id: row.id,
  deviceInfo: asObject(row.deviceInfo),
  ipAddress: row.ipAddress,
  userAgent: row.userAgent,
  locationData: asObject(row.locationData),
  isActive: row.isActive,
  lastActivity: row.lastActivity,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  isCurrent: row.id === currentSessionId,
});

export const listActiveSessions = (db: Db, userId: number, now: Date) =>
  db.userSession.findMany({
    where: { userId, isActive: true, expiresAt: { gt: now } },
    orderBy: [{ lastActivity: 'desc' }, { id: 'desc' }],
    select: sessionSelect,
  });

export const insertUser = async (
  db: Db,
  data: {
    username: string;
    email: string;
    hashedPassword: string;
    fullName: string | null;
    role?: 'PADAWAN' | 'ARCHIVISTE';
    isEmailVerified?: boolean;
    now: Date;
  },
) => {
  try {
    return await db.user.create({
      data: {
        username: data.username,
        email: data.email,
        hashedPassword: data.hashedPassword,
        fullName: data.fullName,
        role: data.role ?? 'PADAWAN',
        isEmailVerified: data.isEmailVerified ?? false,
        preferredTheme: 'spatial',
        createdAt: data.now,
        updatedAt: data.now,
      },
      select: userProfileSelect,
    });
  } catch (err) {
    throw mapPrismaError(err, {
      conflictCode: 'ALREADY_EXISTS',
      conflictMessage: 'Un compte avec ces informations existe déjà',
    });
  }
};
