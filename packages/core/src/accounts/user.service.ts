import type { Prisma } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { revokeSessions } from './auth.repo.ts';
import { isEmailIdentifier, roleToDb } from './auth.rules.ts';
import type { ClientInfo } from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';
import { isWeakPassword, passwordPolicyViolation } from './password.rules.ts';
import {
  findUserProfile,
  insertUser,
  listActiveSessions,
  toSessionDto,
  toUserProfileDto,
  userProfileSelect,
} from './user.repo.ts';
import { mergePreferences, ONBOARDING_KEYS, parseAgeGroup } from './user.rules.ts';
import {
  USER_MESSAGES,
  ZRegisterInput,
  ZUsername,
  type ChangePasswordInput,
  type RegisteredUserDto,
  type RegisterInput,
  type SessionDto,
  type SessionIdInput,
  type SuccessMessageDto,
  type UpdateProfileData,
  type UserExportDto,
  type UserProfileDto,
} from './user.schemas.ts';

const notFound = () => new AppError('NOT_FOUND', USER_MESSAGES.notFound);

/** Account use cases: registration, profile, password change, deletion, GDPR export, sessions. */
export const makeUserService = (
  deps: AccountsDeps,
  auth: Pick<AuthService, 'sendVerification'>,
) => {
  const { clock, config } = deps;
  const grace = config.auth.unverifiedGraceMinutes;

  const loadProfile = async (userId: number): Promise<UserProfileDto> => {
    const row = await findUserProfile(deps.db.prisma, userId);
    if (!row) throw notFound();
    return toUserProfileDto(row, clock.now(), grace);
  };

  return {
    /** api-rest-core §6.3.2: IP throttle, then the registration switch, then the account. */
    register: async (
      ctx: Ctx,
      input: RegisterInput,
      client: ClientInfo,
    ): Promise<RegisteredUserDto> => {
      await deps.rateLimits.consume('register', client.ip);
      if (!(await deps.settings.isRegistrationEnabled()))
        throw new AppError('FORBIDDEN', USER_MESSAGES.registrationClosed);
      const parsed = ZRegisterInput.safeParse(input);
      if (!parsed.success) {
        throw new AppError(
          'INVALID_INPUT',
          parsed.error.issues[0]?.message ?? USER_MESSAGES.usernameRequired,
          {
            cause: parsed.error,
            details: { field: parsed.error.issues[0]?.path.join('.') ?? null },
          },
        );
      }
      const data = parsed.data;
      const hashedPassword = await deps.hasher.hash(data.password);
      const row = await insertUser(deps.db.prisma, { ...data, hashedPassword, now: clock.now() });
      ctx.log.info({ userId: row.id }, 'user registered');
      await auth.sendVerification(ctx, { id: row.id, username: row.username, email: row.email });
      const dto = toUserProfileDto(row, clock.now(), grace);
      return {
        id: dto.id,
        username: dto.username,
        email: dto.email,
        fullName: dto.fullName,
        role: dto.role,
        isActive: dto.isActive,
        isEmailVerified: dto.isEmailVerified,
        createdAt: dto.createdAt,
      };
    },

    getMe: (ctx: AuthedCtx): Promise<UserProfileDto> => loadProfile(ctx.actor.userId),

    /**
     * domain-rules §9.1. A changed e-mail must be verified again: the account goes back to unverified and a
     * link is sent to the new address.
     */
    updateMe: async (ctx: AuthedCtx, input: UpdateProfileData): Promise<UserProfileDto> => {
      const keys = Object.keys(input).filter(
        (k) => (input as Record<string, unknown>)[k] !== undefined,
      );
      if (keys.length === 0) throw new AppError('INVALID_INPUT', USER_MESSAGES.noField);
      if (
        input.gradeSystem === 'suisse' &&
        typeof input.gradeLevel === 'number' &&
        input.gradeLevel > 11
      ) {
        throw new AppError('INVALID_INPUT', USER_MESSAGES.gradeLevelRange(11));
      }
      const now = clock.now();
      const current = await deps.db.prisma.user.findUnique({
        where: { id: ctx.actor.userId },
        select: { email: true, preferences: true, onboardingCompletedAt: true },
      });
      if (!current) throw notFound();
      const data: Prisma.UserUpdateInput = { updatedAt: now };
      const emailChanged = input.email !== undefined && input.email !== current.email;
      if (emailChanged) {
        data.email = input.email;
        data.isEmailVerified = false;
      }
      if (input.fullName !== undefined) data.fullName = input.fullName;
      if (input.gradeSystem !== undefined)
        data.gradeSystem =
          input.gradeSystem === null ? null : input.gradeSystem === 'suisse' ? 'SUISSE' : 'UNIFIE';
      if (input.gradeLevel !== undefined) data.gradeLevel = input.gradeLevel;
      if (input.learningStyle !== undefined) data.learningStyle = input.learningStyle;
      if (input.preferredTheme !== undefined) data.preferredTheme = input.preferredTheme;
      if (input.preferredDifficulty !== undefined) {
        data.preferredAgeGroup =
          input.preferredDifficulty === null ? null : parseAgeGroup(input.preferredDifficulty);
      }
      if (input.learningGoal !== undefined) data.learningGoal = input.learningGoal;
      if (input.practiceRhythm !== undefined) data.practiceRhythm = input.practiceRhythm;
      if (input.accessibilitySettings !== undefined) {
        data.preferences = (
          input.accessibilitySettings === null
            ? {}
            : mergePreferences(current.preferences, input.accessibilitySettings)
        ) as Prisma.InputJsonValue;
      }
      if (current.onboardingCompletedAt === null && ONBOARDING_KEYS.some((k) => keys.includes(k))) {
        data.onboardingCompletedAt = now;
      }
      let row;
      try {
        row = await deps.db.prisma.user.update({
          where: { id: ctx.actor.userId },
          data,
          select: userProfileSelect,
        });
      } catch (err) {
        const mapped = mapPrismaError(err, { notFoundMessage: USER_MESSAGES.notFound });
        // The legacy answered a taken e-mail on this route with 400 (409 on registration).
        if (mapped.code === 'CONFLICT') {
          throw new AppError('CONFLICT', USER_MESSAGES.profileEmailTaken, {
            cause: err,
            legacy: { status: 400 },
          });
        }
        throw mapped;
      }
      if (emailChanged) {
        deps.sessionCache.dropUser(row.id);
        await auth.sendVerification(ctx, { id: row.id, username: row.username, email: row.email });
      }
      return toUserProfileDto(row, now, grace);
    },

    /** The one password policy; every other session of the account is revoked. */
    changePassword: async (
      ctx: AuthedCtx,
      input: ChangePasswordInput,
    ): Promise<SuccessMessageDto> => {
      const violation = passwordPolicyViolation(input.newPassword);
      if (violation) throw new AppError('INVALID_INPUT', violation);
      if (input.newPassword === input.currentPassword)
        throw new AppError('INVALID_INPUT', USER_MESSAGES.samePassword);
      const user = await deps.db.prisma.user.findUnique({
        where: { id: ctx.actor.userId },
        select: { id: true, hashedPassword: true },
      });
      if (!user) throw notFound();
      if (!(await deps.hasher.verify(input.currentPassword, user.hashedPassword))) {
        throw new AppError('UNAUTHENTICATED', USER_MESSAGES.wrongCurrentPassword);
      }
      const hashed = await deps.hasher.hash(input.newPassword);
      const now = clock.now();
      await deps.db.prisma.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { hashedPassword: hashed, passwordChangedAt: now, updatedAt: now },
          select: { id: true },
        });
        await revokeSessions(
          tx,
          { userId: user.id, exceptSessionId: ctx.actor.sessionId },
          'password_change',
          now,
        );
      });
      deps.sessionCache.dropUser(user.id);
      return { success: true, message: USER_MESSAGES.passwordChanged };
    },

    /** Deletes the account and what is only the user's; authored content and reports survive (SET NULL). */
    deleteMe: async (ctx: AuthedCtx): Promise<SuccessMessageDto> => {
      try {
        await deps.db.prisma.user.delete({ where: { id: ctx.actor.userId }, select: { id: true } });
      } catch (err) {
        throw mapPrismaError(err, { notFoundMessage: USER_MESSAGES.notFound });
      }
      deps.sessionCache.dropUser(ctx.actor.userId);
      ctx.log.info({ userId: ctx.actor.userId }, 'account deleted');
      return { success: true, message: USER_MESSAGES.accountDeleted };
    },

    /** `DELETE /api/users/{id}` never deletes: only /me does. */
    deleteById: (ctx: AuthedCtx, userId: number): Promise<never> =>
      Promise.reject(
        userId === ctx.actor.userId
          ? new AppError('INVALID_INPUT', USER_MESSAGES.deleteSelf)
          : new AppError('FORBIDDEN', USER_MESSAGES.deleteOther),
      ),

    /** GDPR: everything we hold about the user. */
    exportMe: async (ctx: AuthedCtx): Promise<UserExportDto> => {
      const userId = ctx.actor.userId;
      const profile = await loadProfile(userId);
      const db = deps.db.prisma;
      const [
        attempts,
        challengeAttempts,
        badges,
        progress,
        recommendations,
        sessions,
        notifications,
        feedback,
        events,
      ] = await Promise.all([
        db.attempt.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: {
            exerciseId: true,
            userAnswer: true,
            isCorrect: true,
            timeSpent: true,
            attemptNumber: true,
            hintsUsed: true,
            createdAt: true,
          },
        }),
        db.logicChallengeAttempt.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: {
            challengeId: true,
            userSolution: true,
            isCorrect: true,
            timeSpent: true,
            hintsUsed: true,
            createdAt: true,
          },
        }),
        db.userAchievement.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: { achievementId: true, earnedAt: true, progressData: true, isDisplayed: true },
        }),
        db.exerciseProgress.findMany({
          where: { userId },
          select: {
            exerciseType: true,
            totalAttempts: true,
            correctAttempts: true,
            lastAttemptAt: true,
          },
        }),
        db.recommendation.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: {
            exerciseType: true,
            priority: true,
            isCompleted: true,
            reason: true,
            createdAt: true,
          },
        }),
        db.userSession.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: {
            id: true,
            deviceInfo: true,
            ipAddress: true,
            userAgent: true,
            locationData: true,
            isActive: true,
            lastActivity: true,
            createdAt: true,
            expiresAt: true,
          },
        }),
        db.notification.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: { type: true, title: true, message: true, isRead: true, createdAt: true },
        }),
        db.feedbackReport.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: { feedbackType: true, description: true, pageUrl: true, createdAt: true },
        }),
        db.edtechEvent.findMany({
          where: { userId },
          orderBy: { id: 'asc' },
          select: { event: true, payload: true, createdAt: true },
        }),
      ]);
      return {
        exportDate: clock.now(),
        formatVersion: '1.2',
        profile,
        exerciseAttempts: attempts.map((a) => ({
          exerciseId: a.exerciseId,
          answer: a.userAnswer,
          isCorrect: a.isCorrect,
          timeSpent: a.timeSpent,
          attemptNumber: a.attemptNumber,
          hintsUsed: a.hintsUsed,
          createdAt: a.createdAt,
        })),
        challengeAttempts,
        badgesEarned: badges,
        progress,
        recommendations,
        sessions: sessions.map((s) => toSessionDto(s, ctx.actor.sessionId)),
        notifications,
        feedbackReports: feedback,
        analyticsEvents: events,
      };
    },

    listSessions: async (ctx: AuthedCtx): Promise<SessionDto[]> => {
      const rows = await listActiveSessions(deps.db.prisma, ctx.actor.userId, clock.now());
      return rows.map((r) => toSessionDto(r, ctx.actor.sessionId));
    },

    /** Revokes one of the caller's sessions: its refresh tokens die and its access tokens stop working. */
    revokeSession: async (ctx: AuthedCtx, input: SessionIdInput): Promise<SuccessMessageDto> => {
      const session = await deps.db.prisma.userSession.findFirst({
        where: { id: input.sessionId, userId: ctx.actor.userId },
        select: { id: true },
      });
      if (!session) throw new AppError('NOT_FOUND', USER_MESSAGES.sessionNotFound);
      await revokeSessions(deps.db.prisma, { sessionId: session.id }, 'user_revoked', clock.now());
      deps.sessionCache.dropSessions([session.id]);
      return { success: true, message: USER_MESSAGES.sessionRevoked };
    },

    /**
     * The first administrator from configuration (DEFAULT_ADMIN_*). Idempotent: an existing account with that
     * e-mail or username is promoted to archiviste (its password is left alone), otherwise one is created.
     */
    ensureAdmin: async (
      ctx: Ctx,
      input: { email: string; username: string; password: string; promoteExisting?: boolean },
    ): Promise<{ created: boolean; promoted: boolean; userId: number }> => {
      const email = input.email.trim().toLowerCase();
      const existing = await deps.db.prisma.user.findFirst({
        where: { OR: [{ email }, { username: input.username }] },
        select: { id: true, role: true, email: true, isEmailVerified: true },
      });
      if (existing) {
        if (existing.role === 'ARCHIVISTE') {
          ctx.log.info({ userId: existing.id }, 'administrator already present');
          return { created: false, promoted: false, userId: existing.id };
        }
        // Never hand admin rights to an account someone else may have registered with the configured
        // name or address: promotion is an explicit operator decision, and only for the verified owner
        // of the configured e-mail.
        if (
          input.promoteExisting !== true ||
          existing.email !== email ||
          !existing.isEmailVerified
        ) {
          throw new AppError(
            'CONFLICT',
            'A non-administrator account already uses DEFAULT_ADMIN_EMAIL or DEFAULT_ADMIN_USERNAME. ' +
              'Check it, then run the command with --promote (the account must own the verified e-mail), ' +
              'or configure another administrator.',
          );
        }
        await deps.db.prisma.user.update({
          where: { id: existing.id },
          data: { role: roleToDb('archiviste'), isActive: true },
          select: { id: true },
        });
        ctx.log.info({ userId: existing.id }, 'administrator promoted');
        return { created: false, promoted: true, userId: existing.id };
      }
      const username = ZUsername.safeParse(input.username);
      if (!username.success || isEmailIdentifier(input.username)) {
        throw new AppError(
          'INVALID_INPUT',
          username.error?.issues[0]?.message ?? USER_MESSAGES.usernameCharset,
        );
      }
      const violation = passwordPolicyViolation(input.password);
      if (violation || isWeakPassword(input.password)) {
        throw new AppError('INVALID_INPUT', violation ?? 'DEFAULT_ADMIN_PASSWORD est trop faible.');
      }
      const row = await insertUser(deps.db.prisma, {
        username: input.username,
        email,
        hashedPassword: await deps.hasher.hash(input.password),
        fullName: null,
        role: 'ARCHIVISTE',
        isEmailVerified: true,
        now: clock.now(),
      });
      ctx.log.info({ userId: row.id }, 'administrator created');
      return { created: true, promoted: false, userId: row.id };
    },
  };
};

export type UserService = ReturnType<typeof makeUserService>;
