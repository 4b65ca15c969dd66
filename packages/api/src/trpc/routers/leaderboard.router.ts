import { ZLeaderboardDto, ZLeaderboardInput } from '@mathakine/core';

import { router } from '../init.ts';
import { fullAccessProcedure } from '../procedures.ts';

/** The leaderboard (user+full, as the legacy handler). */
export const leaderboardRouter = router({
  list: fullAccessProcedure
    .input(ZLeaderboardInput)
    .output(ZLeaderboardDto)
    .query(({ ctx, input }) => ctx.core.leaderboard.list(ctx, input)),
});
