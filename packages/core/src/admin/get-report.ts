import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { countReport } from './admin.repo.ts';
import { successRatePct } from './admin.rules.ts';
import {
  PERIOD_DAYS,
  ZAdminReportInput,
  type AdminReportDto,
  type AdminReportInput,
} from './admin.schemas.ts';

const DAY_MS = 86_400_000;

/** §6.10: new users, attempts of both kinds, success rate and active users since now − 7 or 30 days. */
export const makeGetReport =
  (deps: Pick<AdminDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminReportInput): Promise<AdminReportDto> => {
    requireAdmin(ctx);
    const { period } = parseAdminInput(ZAdminReportInput, input);
    const days = PERIOD_DAYS[period];
    const since = new Date(deps.clock.now().getTime() - days * DAY_MS);
    const counts = await countReport(deps.db.prisma, since);
    const totalAttempts = counts.exercises + counts.challenges;
    return {
      period,
      days,
      newUsers: counts.newUsers,
      attemptsExercises: counts.exercises,
      attemptsChallenges: counts.challenges,
      totalAttempts,
      successRate: successRatePct(counts.correct, totalAttempts),
      activeUsers: counts.activeUsers,
    };
  };
