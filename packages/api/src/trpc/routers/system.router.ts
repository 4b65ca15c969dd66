import { ZPingDto, ZPingInput, ZReadinessDto, ZWhoamiDto } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, publicProcedure } from '../procedures.ts';

export const systemRouter = router({
  /** Proves the wire: echoes its input with the server time. */
  ping: publicProcedure
    .meta({ maintenanceExempt: true })
    .input(ZPingInput)
    .output(ZPingDto)
    .query(({ ctx, input }) => ctx.core.system.ping(ctx, input)),
  /** Readiness as the typed API sees it (same check as `/ready`). */
  ready: publicProcedure
    .meta({ maintenanceExempt: true })
    .output(ZReadinessDto)
    .query(({ ctx }) => ctx.core.system.readiness()),
  /** Who the server thinks is calling: proves the `user` guard on the tRPC side. */
  whoami: authedProcedure
    .output(ZWhoamiDto)
    .query(({ ctx }) => ({ userId: ctx.actor.userId, role: ctx.actor.role })),
});
