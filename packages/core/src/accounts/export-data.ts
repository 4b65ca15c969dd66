import type { AuthedCtx } from '../kernel/deps.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserExportRows } from './user-export.repo.ts';
import { toSessionDto } from './user.repo.ts';
import type { UserExportDto, UserProfileDto } from './user.schemas.ts';

/** GDPR: everything we hold about the user. */
export const makeExportData =
  (deps: AccountsDeps, loadProfile: (userId: number) => Promise<UserProfileDto>) =>
  async (ctx: AuthedCtx): Promise<UserExportDto> => {
    const userId = ctx.actor.userId;
    const profile = await loadProfile(userId);
    const {
      attempts,
      challengeAttempts,
      badges,
      progress,
      recommendations,
      sessions,
      notifications,
      feedback,
      events,
    } = await findUserExportRows(deps.db.prisma, userId);
    return {
      exportDate: deps.clock.now(),
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
  };
