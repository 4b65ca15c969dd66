import {
  ZForgotPasswordInput,
  ZLoginInput,
  ZRefreshInput,
  ZResendVerificationInput,
  ZResetPasswordInput,
  ZValidateTokenInput,
  ZVerifyEmailInput,
  type ClientInfo,
} from '@mathakine/core';

import {
  clearAuthCookies,
  REFRESH_COOKIE,
  setAuthCookies,
  setCsrfCookie,
} from '../../http/auth-cookies.ts';
import type { TrpcContext } from '../context.ts';
import { router } from '../init.ts';
import { publicProcedure } from '../procedures.ts';

/** The legacy exempts login, refresh, token validation and the CSRF token from maintenance (§1.7). */
const exemptProcedure = publicProcedure.meta({ maintenanceExempt: true });

export const clientOfTrpc = (ctx: TrpcContext): ClientInfo => ({
  ip: ctx.http?.clientIp ?? 'unknown',
  userAgent: ctx.http?.userAgent ?? null,
});

/**
 * The clean accounts API. Browsers get the same HttpOnly cookies as the legacy routes; the refresh token is
 * never in a response body.
 */
export const authRouter = router({
  login: exemptProcedure.input(ZLoginInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.core.auth.login(ctx, input, clientOfTrpc(ctx));
    if (ctx.http) setAuthCookies(ctx.http.cookies, ctx.http.productionCookies, result);
    return {
      accessToken: result.accessToken,
      expiresIn: result.accessTokenMaxAge,
      user: result.user,
    };
  }),

  refresh: exemptProcedure.input(ZRefreshInput.optional()).mutation(async ({ ctx, input }) => {
    const refreshToken = input?.refreshToken ?? ctx.http?.cookies.get(REFRESH_COOKIE);
    const result = await ctx.core.auth.refresh(ctx, { refreshToken });
    if (ctx.http) setAuthCookies(ctx.http.cookies, ctx.http.productionCookies, result);
    return { accessToken: result.accessToken, expiresIn: result.accessTokenMaxAge };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    const result = await ctx.core.auth.logout(ctx, {
      refreshToken: ctx.http?.cookies.get(REFRESH_COOKIE),
    });
    if (ctx.http) clearAuthCookies(ctx.http.cookies, ctx.http.productionCookies);
    return result;
  }),

  validateToken: exemptProcedure
    .input(ZValidateTokenInput)
    .mutation(({ ctx, input }) => ctx.core.auth.validateToken(ctx, input, clientOfTrpc(ctx))),

  csrf: exemptProcedure.query(({ ctx }) => {
    const result = ctx.core.auth.issueCsrfToken();
    if (ctx.http) setCsrfCookie(ctx.http.cookies, ctx.http.productionCookies, result.csrfToken);
    return result;
  }),

  forgotPassword: publicProcedure
    .input(ZForgotPasswordInput)
    .mutation(({ ctx, input }) => ctx.core.auth.forgotPassword(ctx, input, clientOfTrpc(ctx))),

  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .mutation(({ ctx, input }) => ctx.core.auth.resetPassword(ctx, input)),

  verifyEmail: publicProcedure
    .input(ZVerifyEmailInput)
    .mutation(({ ctx, input }) => ctx.core.auth.verifyEmail(ctx, input)),

  resendVerification: publicProcedure
    .input(ZResendVerificationInput)
    .mutation(({ ctx, input }) => ctx.core.auth.resendVerification(ctx, input, clientOfTrpc(ctx))),
});
