import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ExerciseType, LogicChallengeType, PrismaClient } from '../db/generated/client.ts';
import { getTestDb, resetDb } from './db.ts';
import {
  awardBadge,
  CHALLENGE_TEMPLATES,
  createAchievement,
  createArchiviste,
  createAttempt,
  createAuditLog,
  createChallengeAttempt,
  createEdtechEvent,
  createExercise,
  createExerciseProgress,
  createFeedbackReport,
  createGardien,
  createLogicChallenge,
  createMaitre,
  createNotification,
  createPadawan,
  createRecommendation,
  createRefreshToken,
  createSession,
  createSetting,
  createUser,
  EXERCISE_TEMPLATES,
  FACTORY_PASSWORD_HASH,
  pinBadge,
} from './factories.ts';

interface DbRejection {
  sqlState: string | undefined;
  message: string;
}

/** Awaits a write that must fail and returns the raw PostgreSQL rejection (SQLSTATE + message). */
const rejectionOf = async (write: Promise<unknown>): Promise<DbRejection> => {
  try {
    await write;
  } catch (err) {
    const cause = (err as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } })
      .meta?.driverAdapterError?.cause;
    const sqlState = cause?.['originalCode'] ?? cause?.['code'];
    const original = cause?.['originalMessage'];
    return {
      sqlState: typeof sqlState === 'string' ? sqlState : undefined,
      message: `${typeof original === 'string' ? original : ''} ${err instanceof Error ? err.message : ''}`,
    };
  }
  throw new Error('expected the database to reject this write');
};

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
/** PostgreSQL 17 (PGlite) reports RESTRICT as 23001; PostgreSQL 15 reports 23503. */
const RESTRICT_VIOLATIONS = ['23001', '23503'];
const CHECK_VIOLATION = '23514';

describe('factories', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    await resetDb(prisma);
  });

  it('creates users of every role with unique values', async () => {
    const users = [
      await createPadawan(prisma),
      await createMaitre(prisma),
      await createGardien(prisma),
      await createArchiviste(prisma),
    ];
    expect(users.map((u) => u.role)).toEqual(['PADAWAN', 'MAITRE', 'GARDIEN', 'ARCHIVISTE']);
    expect(new Set(users.map((u) => u.username)).size).toBe(4);
    expect(new Set(users.map((u) => u.email)).size).toBe(4);
    const stored = await prisma.user.findUniqueOrThrow({
      where: { id: users[0]?.id ?? 0 },
      select: { hashedPassword: true },
    });
    expect(stored.hashedPassword).toBe(FACTORY_PASSWORD_HASH);
    expect(FACTORY_PASSWORD_HASH).toMatch(/^\$2b\$04\$[./A-Za-z0-9]{53}$/);
  });

  it('creates an exercise of every type and a challenge of every type', async () => {
    for (const exerciseType of Object.keys(EXERCISE_TEMPLATES) as ExerciseType[]) {
      const exercise = await createExercise(prisma, { exerciseType });
      expect(exercise.exerciseType).toBe(exerciseType);
    }
    for (const challengeType of Object.keys(CHALLENGE_TEMPLATES) as LogicChallengeType[]) {
      const challenge = await createLogicChallenge(prisma, { challengeType });
      expect(challenge.challengeType).toBe(challengeType);
    }
  });

  it('creates every other row, with parents created on the fly', async () => {
    const attempt = await createAttempt(prisma);
    expect(attempt.isCorrect).toBe(true);
    const challengeAttempt = await createChallengeAttempt(prisma);
    expect(challengeAttempt.challengeId).toBeGreaterThan(0);
    const award = await awardBadge(prisma);
    const pinned = await pinBadge(prisma, {
      userId: award.userId,
      achievementId: award.achievementId,
    });
    expect(pinned.position).toBe(1);
    const token = await createRefreshToken(prisma);
    expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const exerciseRec = await createRecommendation(prisma);
    expect(exerciseRec.recommendationType).toBe('EXERCISE');
    const challengeRec = await createRecommendation(prisma, { recommendationType: 'CHALLENGE' });
    expect(challengeRec.exerciseType).toBeNull();
    expect((await createNotification(prisma)).isRead).toBe(false);
    expect((await createFeedbackReport(prisma)).status).toBe('NEW');
    expect((await createEdtechEvent(prisma)).event).toBe('QUICK_START_CLICK');
    expect((await createAuditLog(prisma)).adminUserId).not.toBeNull();
    expect((await createExerciseProgress(prisma)).totalAttempts).toBe(3);
    expect((await createSetting(prisma)).key).toMatch(/^test_setting_/);
    expect((await createSession(prisma)).isActive).toBe(true);
  });

  it('works inside an interactive transaction', async () => {
    const ids = await prisma.$transaction(async (tx) => {
      const user = await createUser(tx);
      const attempt = await createAttempt(tx, { userId: user.id });
      return { userId: user.id, attemptUserId: attempt.userId };
    });
    expect(ids.attemptUserId).toBe(ids.userId);
  });
});

describe('deletion rules', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    await resetDb(prisma);
  });

  it("deleting a learner removes only that learner's data and anonymises the rest", async () => {
    const learner = await createPadawan(prisma);
    const other = await createPadawan(prisma);
    const exercise = await createExercise(prisma);
    const challenge = await createLogicChallenge(prisma);

    await createAttempt(prisma, { userId: learner.id, exerciseId: exercise.id });
    const otherAttempt = await createAttempt(prisma, { userId: other.id, exerciseId: exercise.id });
    await createChallengeAttempt(prisma, { userId: learner.id, challengeId: challenge.id });
    await createExerciseProgress(prisma, { userId: learner.id });
    const session = await createSession(prisma, { userId: learner.id });
    await createRefreshToken(prisma, { sessionId: session.id });
    const badge = await createAchievement(prisma);
    await awardBadge(prisma, { userId: learner.id, achievementId: badge.id });
    await awardBadge(prisma, { userId: other.id, achievementId: badge.id });
    await pinBadge(prisma, { userId: learner.id, achievementId: badge.id });
    await createNotification(prisma, { userId: learner.id });
    await createRecommendation(prisma, { userId: learner.id, exerciseId: exercise.id });
    const feedback = await createFeedbackReport(prisma, { userId: learner.id });
    const event = await createEdtechEvent(prisma, { userId: learner.id });

    await prisma.user.delete({ where: { id: learner.id }, select: { id: true } });

    const where = { userId: learner.id };
    expect(await prisma.attempt.count({ where })).toBe(0);
    expect(await prisma.logicChallengeAttempt.count({ where })).toBe(0);
    expect(await prisma.exerciseProgress.count({ where })).toBe(0);
    expect(await prisma.userSession.count({ where })).toBe(0);
    expect(await prisma.refreshToken.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await prisma.userAchievement.count({ where })).toBe(0);
    expect(await prisma.userPinnedBadge.count({ where })).toBe(0);
    expect(await prisma.notification.count({ where })).toBe(0);
    expect(await prisma.recommendation.count({ where })).toBe(0);

    // Other users' data and shared rows survive.
    expect(await prisma.attempt.count({ where: { id: otherAttempt.id } })).toBe(1);
    expect(await prisma.userAchievement.count({ where: { userId: other.id } })).toBe(1);
    expect(await prisma.achievement.count({ where: { id: badge.id } })).toBe(1);
    expect(await prisma.exercise.count({ where: { id: exercise.id } })).toBe(1);

    // Feedback and analytics are kept, anonymised.
    const keptFeedback = await prisma.feedbackReport.findUniqueOrThrow({
      where: { id: feedback.id },
      select: { userId: true },
    });
    expect(keptFeedback.userId).toBeNull();
    const keptEvent = await prisma.edtechEvent.findUniqueOrThrow({
      where: { id: event.id },
      select: { userId: true },
    });
    expect(keptEvent.userId).toBeNull();
  });

  it('deleting an author keeps the authored content and its attempts (C17: SET NULL)', async () => {
    const author = await createMaitre(prisma);
    const learner = await createPadawan(prisma);
    const exercise = await createExercise(prisma, { creatorId: author.id });
    const challenge = await createLogicChallenge(prisma, { creatorId: author.id });
    const attempt = await createAttempt(prisma, { userId: learner.id, exerciseId: exercise.id });
    const challengeAttempt = await createChallengeAttempt(prisma, {
      userId: learner.id,
      challengeId: challenge.id,
    });
    const admin = await createArchiviste(prisma);
    const audit = await createAuditLog(prisma, { adminUserId: admin.id });

    await prisma.user.delete({ where: { id: author.id }, select: { id: true } });
    await prisma.user.delete({ where: { id: admin.id }, select: { id: true } });

    const keptExercise = await prisma.exercise.findUniqueOrThrow({
      where: { id: exercise.id },
      select: { creatorId: true },
    });
    expect(keptExercise.creatorId).toBeNull();
    const keptChallenge = await prisma.logicChallenge.findUniqueOrThrow({
      where: { id: challenge.id },
      select: { creatorId: true },
    });
    expect(keptChallenge.creatorId).toBeNull();
    expect(await prisma.attempt.count({ where: { id: attempt.id } })).toBe(1);
    expect(await prisma.logicChallengeAttempt.count({ where: { id: challengeAttempt.id } })).toBe(
      1,
    );
    const keptAudit = await prisma.adminAuditLog.findUniqueOrThrow({
      where: { id: audit.id },
      select: { adminUserId: true },
    });
    expect(keptAudit.adminUserId).toBeNull();
  });

  it('refuses to hard-delete an earned badge (C18: RESTRICT) but allows an unearned one', async () => {
    const award = await awardBadge(prisma);

    const rejection = await rejectionOf(
      prisma.achievement.delete({ where: { id: award.achievementId }, select: { id: true } }),
    );
    expect(RESTRICT_VIOLATIONS).toContain(rejection.sqlState);
    expect(rejection.message).toContain('user_achievements_achievement_id_fkey');
    expect(await prisma.userAchievement.count({ where: { id: award.id } })).toBe(1);

    const unearned = await createAchievement(prisma);
    await prisma.achievement.delete({ where: { id: unearned.id }, select: { id: true } });
    expect(await prisma.achievement.count({ where: { id: unearned.id } })).toBe(0);
  });

  it('deleting content cascades to its attempts and nulls recommendation/feedback targets', async () => {
    const exercise = await createExercise(prisma);
    const attempt = await createAttempt(prisma, { exerciseId: exercise.id });
    const rec = await createRecommendation(prisma, { exerciseId: exercise.id });
    const feedback = await createFeedbackReport(prisma, {
      feedbackType: 'EXERCISE',
      exerciseId: exercise.id,
    });

    await prisma.exercise.delete({ where: { id: exercise.id }, select: { id: true } });

    expect(await prisma.attempt.count({ where: { id: attempt.id } })).toBe(0);
    const keptRec = await prisma.recommendation.findUniqueOrThrow({
      where: { id: rec.id },
      select: { exerciseId: true, exerciseType: true },
    });
    expect(keptRec).toEqual({ exerciseId: null, exerciseType: 'ADDITION' });
    const keptFeedback = await prisma.feedbackReport.findUniqueOrThrow({
      where: { id: feedback.id },
      select: { exerciseId: true },
    });
    expect(keptFeedback.exerciseId).toBeNull();
  });
});

describe('constraints', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    await resetDb(prisma);
  });

  it('rejects duplicate usernames and e-mails, and upper-case e-mails', async () => {
    const user = await createUser(prisma);

    const dupUsername = await rejectionOf(createUser(prisma, { username: user.username }));
    expect(dupUsername.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dupUsername.message).toContain('users_username_key');

    const dupEmail = await rejectionOf(createUser(prisma, { email: user.email }));
    expect(dupEmail.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dupEmail.message).toContain('users_email_key');

    // Case variants cannot sneak in: e-mails must be stored lower-cased.
    const upper = await rejectionOf(createUser(prisma, { email: user.email.toUpperCase() }));
    expect(upper.sqlState).toBe(CHECK_VIOLATION);
    expect(upper.message).toContain('users_email_lowercase_check');
  });

  it('rejects duplicate token hashes and session families', async () => {
    const token = await createRefreshToken(prisma);
    const dupToken = await rejectionOf(createRefreshToken(prisma, { tokenHash: token.tokenHash }));
    expect(dupToken.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dupToken.message).toContain('refresh_tokens_token_hash_key');

    const session = await createSession(prisma);
    const dupFamily = await rejectionOf(createSession(prisma, { familyId: session.familyId }));
    expect(dupFamily.sqlState).toBe(UNIQUE_VIOLATION);

    const hash = 'a'.repeat(64);
    await createUser(prisma, { passwordResetTokenHash: hash });
    const dupReset = await rejectionOf(createUser(prisma, { passwordResetTokenHash: hash }));
    expect(dupReset.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dupReset.message).toContain('users_password_reset_token_hash_key');
  });

  it('accepts one idempotency key per user', async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const key = 'submit-1';
    await createAttempt(prisma, { userId: user.id, exerciseId: exercise.id, idempotencyKey: key });
    await createAttempt(prisma, { userId: other.id, exerciseId: exercise.id, idempotencyKey: key });
    // Attempts without a key are unlimited.
    await createAttempt(prisma, { userId: user.id, exerciseId: exercise.id });
    await createAttempt(prisma, { userId: user.id, exerciseId: exercise.id });

    const dup = await rejectionOf(
      createAttempt(prisma, { userId: user.id, exerciseId: exercise.id, idempotencyKey: key }),
    );
    expect(dup.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dup.message).toContain('attempts_user_id_idempotency_key_key');
  });

  it('rejects a second award of the same badge, unearned pins and a fourth pin position', async () => {
    const award = await awardBadge(prisma);
    const dupAward = await rejectionOf(
      awardBadge(prisma, { userId: award.userId, achievementId: award.achievementId }),
    );
    expect(dupAward.sqlState).toBe(UNIQUE_VIOLATION);
    expect(dupAward.message).toContain('user_achievements_user_id_achievement_id_key');

    const unearned = await createAchievement(prisma);
    const pinUnearned = await rejectionOf(
      pinBadge(prisma, { userId: award.userId, achievementId: unearned.id }),
    );
    expect(pinUnearned.sqlState).toBe(FOREIGN_KEY_VIOLATION);
    expect(pinUnearned.message).toContain('user_pinned_badges_user_id_achievement_id_fkey');

    const badPosition = await rejectionOf(
      pinBadge(prisma, { userId: award.userId, achievementId: award.achievementId, position: 4 }),
    );
    expect(badPosition.sqlState).toBe(CHECK_VIOLATION);
    expect(badPosition.message).toContain('user_pinned_badges_position_check');

    const dupProgress = await createExerciseProgress(prisma);
    const again = await rejectionOf(
      createExerciseProgress(prisma, { userId: dupProgress.userId, exerciseType: 'ADDITION' }),
    );
    expect(again.sqlState).toBe(UNIQUE_VIOLATION);
  });

  it.each([
    ['users_total_points_check', () => createUser(prisma, { totalPoints: -1 })],
    ['users_grade_level_check', () => createUser(prisma, { gradeLevel: 13 })],
    ['users_streaks_check', () => createUser(prisma, { currentStreak: 3, bestStreak: 2 })],
    [
      'users_attempt_counters_check',
      () => createUser(prisma, { totalAttempts: 1, correctAttempts: 2 }),
    ],
    ['exercises_complexity_check', () => createExercise(prisma, { complexity: 6 })],
    [
      'exercises_choice_answer_check',
      () => createExercise(prisma, { exerciseType: 'GEOMETRIE', answerKind: 'CHOICE' }),
    ],
    ['attempts_time_spent_check', () => createAttempt(prisma, { timeSpent: -1 })],
    ['attempts_idempotency_key_check', () => createAttempt(prisma, { idempotencyKey: '' })],
    [
      'exercise_progress_counters_check',
      () => createExerciseProgress(prisma, { totalAttempts: 1, correctAttempts: 2 }),
    ],
    [
      'logic_challenges_difficulty_rating_check',
      () => createLogicChallenge(prisma, { difficultyRating: 5.5 }),
    ],
    [
      'logic_challenges_estimated_time_minutes_check',
      () => createLogicChallenge(prisma, { estimatedTimeMinutes: 0 }),
    ],
    ['achievements_points_reward_check', () => createAchievement(prisma, { pointsReward: -5 })],
    ['achievements_requirements_check', () => createAchievement(prisma, { requirements: [1, 2] })],
    ['recommendations_priority_check', () => createRecommendation(prisma, { priority: 11 })],
    ['recommendations_target_check', () => createRecommendation(prisma, { exerciseType: null })],
    ['notifications_priority_check', () => createNotification(prisma, { priority: 0 })],
    [
      'user_sessions_revoked_check',
      () => createSession(prisma, { revokedAt: new Date(), isActive: true }),
    ],
  ] as const)('rejects rows that break %s', async (constraint, write) => {
    const rejection = await rejectionOf(write());
    expect(rejection.sqlState).toBe(CHECK_VIOLATION);
    expect(rejection.message).toContain(constraint);
  });
});
