import type { AuthedCtx, CoreDeps } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { dayStreakOnRead, utcDayOf } from './activity.rules.ts';
import { findExerciseProgressRows, findUserProgress, streakStateOf } from './progress.repo.ts';
import { buildProgress } from './progress.rules.ts';
import type { ProgressDto } from './progress.schemas.ts';

/** The learner's own progress, read from the caches (at most 1 + 9 rows whatever the history). */
export const makeProgressService = (deps: CoreDeps) => ({
  /** GET /api/users/me/progress (§7.2); the day streak decays on read. */
  get: async (ctx: AuthedCtx): Promise<ProgressDto> => {
    const userId = ctx.actor.userId;
    const [user, rows] = await Promise.all([
      findUserProgress(deps.db.prisma, userId),
      findExerciseProgressRows(deps.db.prisma, userId),
    ]);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Authentification requise');
    const today = utcDayOf(deps.clock.now());
    return buildProgress(rows, {
      currentStreak: dayStreakOnRead(streakStateOf(user), today),
      highestStreak: user.bestStreak,
    });
  },
});

export type ProgressService = ReturnType<typeof makeProgressService>;
