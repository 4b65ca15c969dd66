import { ZDashboardStatsDto, ZProgressDto, ZStatsInput } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure } from '../procedures.ts';

/** The learner's progress (same access level as the legacy route: user+full). */
export const progressRouter = router({
  get: fullAccessProcedure.output(ZProgressDto).query(({ ctx }) => ctx.core.progress.get(ctx)),
});

/** Dashboard statistics (user; unverified users past the grace period included, as in the legacy). */
export const statsRouter = router({
  dashboard: authedProcedure
    .input(ZStatsInput)
    .output(ZDashboardStatsDto)
    .query(({ ctx, input }) => ctx.core.stats.dashboard(ctx, input)),
});
