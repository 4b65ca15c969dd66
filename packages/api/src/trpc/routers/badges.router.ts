import { z } from 'zod';

import {
  ZBadgeDto,
  ZBadgeProgressDto,
  ZBadgeRarityDto,
  ZBadgeStatsDto,
  ZCheckBadgesDto,
  ZPinBadgesInput,
  ZPinnedBadgesDto,
  ZUserBadgesDto,
} from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure, publicProcedure } from '../procedures.ts';

/** Badges (same access levels as the legacy routes 35–41). */
export const badgesRouter = router({
  listEarned: authedProcedure
    .output(ZUserBadgesDto)
    .query(({ ctx }) => ctx.core.badges.listEarned(ctx)),
  listAvailable: publicProcedure
    .output(z.array(ZBadgeDto))
    .query(({ ctx }) => ctx.core.badges.listAvailable(ctx)),
  check: fullAccessProcedure
    .output(ZCheckBadgesDto)
    .mutation(({ ctx }) => ctx.core.badges.check(ctx)),
  stats: authedProcedure.output(ZBadgeStatsDto).query(({ ctx }) => ctx.core.badges.stats(ctx)),
  rarity: publicProcedure.output(ZBadgeRarityDto).query(({ ctx }) => ctx.core.badges.rarity(ctx)),
  pin: fullAccessProcedure
    .input(ZPinBadgesInput)
    .output(ZPinnedBadgesDto)
    .mutation(({ ctx, input }) => ctx.core.badges.pin(ctx, input)),
  progress: fullAccessProcedure
    .output(ZBadgeProgressDto)
    .query(({ ctx }) => ctx.core.badges.progress(ctx)),
});
