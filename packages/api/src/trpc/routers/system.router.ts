import { ZPingInput } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, publicProcedure } from '../procedures.ts';

export const systemRouter = router({
  /** Proves the wire: echoes its input with the server time. */
  ping: publicProcedure
    .meta({ maintenanceExempt: true })
    .input(ZPingInput)
    .query(({ ctx, input }) => ctx.core.system.ping(ctx, input)),
  /** Readiness as the typed API sees it (same check as `/ready`). */
  ready: publicProcedure
    .meta({ maintenanceExempt: true })
    .query(({ ctx }) => ctx.core.system.readiness()),
  /** Who the server thinks is calling: proves the `user` guard on the tRPC side. */
  whoami: authedProcedure.query(({ ctx }) => ({ userId: ctx.actor.userId, role: ctx.actor.role })),
});
