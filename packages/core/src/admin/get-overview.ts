import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import type { AdminDeps } from './admin-deps.ts';
import { countOverview } from './admin.repo.ts';
import type { AdminHealthDto, AdminOverviewDto } from './admin.schemas.ts';

/** §6.1: the RBAC probe. */
export const makeAdminHealth =
  () =>
  // eslint-disable-next-line @typescript-eslint/require-await -- async: a refusal is a rejection, never a throw
  async (ctx: Ctx): Promise<AdminHealthDto> => {
    requireAdmin(ctx);
    return { status: 'ok', admin: true };
  };

/** §6.2: users, non-archived exercises and challenges, exercise attempts. */
export const makeGetOverview =
  (deps: Pick<AdminDeps, 'db'>) =>
  async (ctx: Ctx): Promise<AdminOverviewDto> => {
    requireAdmin(ctx);
    const counts = await countOverview(deps.db.prisma, { includeArchived: false });
    return {
      totalUsers: counts.users,
      totalExercises: counts.exercises,
      totalChallenges: counts.challenges,
      totalAttempts: counts.attempts,
    };
  };
