import type { Prisma } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { toUserProfileDto, userProfileSelect } from './user.repo.ts';
import { mergePreferences, ONBOARDING_KEYS, parseAgeGroup } from './user.rules.ts';
import { USER_MESSAGES, type UpdateProfileData, type UserProfileDto } from './user.schemas.ts';

const notFound = () => new AppError('NOT_FOUND', USER_MESSAGES.notFound);

/**
 * domain-rules §9.1. A changed e-mail must be verified again: the account goes back to unverified and a
 * link is sent to the new address.
 */
export const makeUpdateProfile =
  (deps: AccountsDeps, mail: AccountMail) =>
  async (ctx: AuthedCtx, input: UpdateProfileData): Promise<UserProfileDto> => {
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
    const now = deps.clock.now();
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
      await mail.sendVerification(ctx, { id: row.id, username: row.username, email: row.email });
    }
    return toUserProfileDto(row, now, deps.config.auth.unverifiedGraceMinutes);
  };
