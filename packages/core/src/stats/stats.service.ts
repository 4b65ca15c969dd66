import type { AuthedCtx, CoreDeps } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import {
  countAttemptsByDayAndTypeSince,
  countAttemptsByDaySince,
  countAttemptsByTypeAllTime,
  findCorrectChallengeAttempts,
  findRecentChallengeAttempts,
  findRecentExerciseAttempts,
} from './stats.repo.ts';
import {
  buildDashboardStats,
  dailySeriesDays,
  dayCountsOf,
  typeCountsOf,
  windowDays,
  ZStatsInput,
  type StatsInput,
} from './stats.rules.ts';
import type { DashboardStatsDto } from './stats.schemas.ts';

const DAY_MS = 86_400_000;
const RECENT_PER_KIND = 5;

/** The learner's dashboard statistics (§7.1): rolling window from the injected clock, UTC day buckets. */
export const makeStatsService = (deps: CoreDeps) => ({
  dashboard: async (ctx: AuthedCtx, input: StatsInput): Promise<DashboardStatsDto> => {
    const parsed = ZStatsInput.safeParse(input);
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', 'Période invalide (7, 30, 90 ou all).', {
        cause: parsed.error,
      });
    const { timeRange } = parsed.data;
    const prisma = deps.db.prisma;
    const userId = ctx.actor.userId;
    const now = deps.clock.now();
    const days = windowDays(timeRange);
    const since = days === null ? null : new Date(now.getTime() - days * DAY_MS);
    const dailySince = new Date(now.getTime() - dailySeriesDays(timeRange) * DAY_MS);
    // A 7/30/90-day window and its daily series start at the same instant: one statement gives both; `all`
    // takes its totals from the progress cache and its series (per day only) from the last 90 days.
    const windowCounts =
      since === null
        ? Promise.all([
            countAttemptsByTypeAllTime(prisma, userId),
            countAttemptsByDaySince(prisma, userId, dailySince),
          ])
        : countAttemptsByDayAndTypeSince(prisma, userId, dailySince).then(
            (rows) => [typeCountsOf(rows), dayCountsOf(rows)] as const,
          );
    const [[byType, daily], correctChallenges, recentExercises, recentChallenges] =
      await Promise.all([
        windowCounts,
        findCorrectChallengeAttempts(prisma, userId),
        findRecentExerciseAttempts(prisma, userId, since, RECENT_PER_KIND),
        findRecentChallengeAttempts(prisma, userId, since, RECENT_PER_KIND),
      ]);
    return buildDashboardStats({
      timeRange,
      byType,
      correctChallengeAttempts: correctChallenges ?? 0,
      recentExercises,
      recentChallenges,
      daily,
      now,
    });
  },
});

export type StatsService = ReturnType<typeof makeStatsService>;
