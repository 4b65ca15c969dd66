import { ZPinBadgesInput } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure, publicProcedure } from '../procedures.ts';

/** Badges (same access levels as the legacy routes 35–41). */
export const badgesRouter = router({
  listEarned: authedProcedure.query(({ ctx }) => ctx.core.badges.listEarned(ctx)),
  listAvailable: publicProcedure.query(({ ctx }) => ctx.core.badges.listAvailable(ctx)),
  check: fullAccessProcedure.mutation(({ ctx }) => ctx.core.badges.check(ctx)),
  stats: authedProcedure.query(({ ctx }) => ctx.core.badges.stats(ctx)),
  rarity: publicProcedure.query(({ ctx }) => ctx.core.badges.rarity(ctx)),
  pin: fullAccessProcedure
    .input(ZPinBadgesInput)
    .mutation(({ ctx, input }) => ctx.core.badges.pin(ctx, input)),
  progress: fullAccessProcedure.query(({ ctx }) => ctx.core.badges.progress(ctx)),
});
