/**
 * The GDPR export's reads: everything held about one user, one query per table, in id order. The select
 * lists are the export format (formatVersion 1.2): a new column reaches the export only by being added here.
 */
import type { Db } from '../db/types.ts';

export const findUserExportRows = async (db: Db, userId: number) => {
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
    attempts,
    challengeAttempts,
    badges,
    progress,
    recommendations,
    sessions,
    notifications,
    feedback,
    events,
  };
};
