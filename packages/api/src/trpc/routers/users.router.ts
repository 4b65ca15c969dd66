import { z } from 'zod';

import {
  ZChangePasswordInput,
  ZRegisteredUserDto,
  ZRegisterInput,
  ZSessionDto,
  ZSessionIdInput,
  ZSuccessMessageDto,
  ZUpdateProfileInput,
  ZUserExportDto,
  ZUserIdInput,
  ZUserProfileDto,
} from '@mathakine/core';

import { clearAuthCookies } from '../../http/auth-cookies.ts';
import { clientOfTrpc } from '../client-info.ts';
import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure, publicProcedure } from '../procedures.ts';

export const usersRouter = router({
  register: publicProcedure
    .input(ZRegisterInput)
    .output(ZRegisteredUserDto)
    .mutation(({ ctx, input }) => ctx.core.users.register(ctx, input, clientOfTrpc(ctx))),

  me: authedProcedure.output(ZUserProfileDto).query(({ ctx }) => ctx.core.users.getMe(ctx)),

  update: authedProcedure
    .input(ZUpdateProfileInput)
    .output(ZUserProfileDto)
    .mutation(({ ctx, input }) => ctx.core.users.updateMe(ctx, input)),

  changePassword: fullAccessProcedure
    .input(ZChangePasswordInput)
    .output(ZSuccessMessageDto)
    .mutation(({ ctx, input }) => ctx.core.users.changePassword(ctx, input)),

  deleteMe: authedProcedure.output(ZSuccessMessageDto).mutation(async ({ ctx }) => {
    const result = await ctx.core.users.deleteMe(ctx);
    if (ctx.http) clearAuthCookies(ctx.http.cookies, ctx.http.productionCookies);
    return result;
  }),

  /** Only the caller's own account can be deleted, through `deleteMe`. */
  delete: authedProcedure
    .input(ZUserIdInput)
    // Always refused (403 for another account, 400 for one's own): nothing is ever returned.
    .output(z.never())
    .mutation(({ ctx, input }) => ctx.core.users.deleteById(ctx, input.userId)),

  export: fullAccessProcedure
    .output(ZUserExportDto)
    .query(({ ctx }) => ctx.core.users.exportMe(ctx)),

  listSessions: fullAccessProcedure
    .output(z.array(ZSessionDto))
    .query(({ ctx }) => ctx.core.users.listSessions(ctx)),

  revokeSession: fullAccessProcedure
    .input(ZSessionIdInput)
    .output(ZSuccessMessageDto)
    .mutation(({ ctx, input }) => ctx.core.users.revokeSession(ctx, input)),
});
