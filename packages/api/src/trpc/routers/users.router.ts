import {
  ZChangePasswordInput,
  ZRegisterInput,
  ZSessionIdInput,
  ZUpdateProfileInput,
  ZUserIdInput,
} from '@mathakine/core';

import { clearAuthCookies } from '../../http/auth-cookies.ts';
import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure, publicProcedure } from '../procedures.ts';
import { clientOfTrpc } from './auth.router.ts';

export const usersRouter = router({
  register: publicProcedure
    .input(ZRegisterInput)
    .mutation(({ ctx, input }) => ctx.core.users.register(ctx, input, clientOfTrpc(ctx))),

  me: authedProcedure.query(({ ctx }) => ctx.core.users.getMe(ctx)),

  update: authedProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => ctx.core.users.updateMe(ctx, input)),

  changePassword: fullAccessProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => ctx.core.users.changePassword(ctx, input)),

  deleteMe: authedProcedure.mutation(async ({ ctx }) => {
    const result = await ctx.core.users.deleteMe(ctx);
    if (ctx.http) clearAuthCookies(ctx.http.cookies, ctx.http.productionCookies);
    return result;
  }),

  /** Only the caller's own account can be deleted, through `deleteMe`. */
  delete: authedProcedure
    .input(ZUserIdInput)
    .mutation(({ ctx, input }) => ctx.core.users.deleteById(ctx, input.userId)),

  export: fullAccessProcedure.query(({ ctx }) => ctx.core.users.exportMe(ctx)),

  listSessions: fullAccessProcedure.query(({ ctx }) => ctx.core.users.listSessions(ctx)),

  revokeSession: fullAccessProcedure
    .input(ZSessionIdInput)
    .mutation(({ ctx, input }) => ctx.core.users.revokeSession(ctx, input)),
});
