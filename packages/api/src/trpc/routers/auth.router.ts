import {
  ZCsrfTokenDto,
  ZForgotPasswordInput,
  ZLoginInput,
  ZLoginResultDto,
  ZMessageDto,
  ZRefreshInput,
  ZResendVerificationInput,
  ZResetPasswordInput,
  ZSessionTokensDto,
  ZSuccessMessageDto,
  ZValidateTokenDto,
  ZValidateTokenInput,
  ZVerifyEmailDto,
  ZVerifyEmailInput,
} from '@mathakine/core';

import {
  clearAuthCookies,
  REFRESH_COOKIE,
  setAuthCookies,
  setCsrfCookie,
} from '../../http/auth-cookies.ts';
import { clientOfTrpc } from '../client-info.ts';
import { router } from '../init.ts';
import { publicProcedure } from '../procedures.ts';

/** The legacy exempts login, refresh, token validation and the CSRF token from maintenance (§1.7). */
const exemptProcedure = publicProcedure.meta({ maintenanceExempt: true });

/**
 * The clean accounts API. Browsers get the same HttpOnly cookies as the legacy routes; the refresh token is
 * never in a response body.
 */
export const authRouter = router({
  login: exemptProcedure
    .input(ZLoginInput)
    .output(ZLoginResultDto)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.core.auth.login(ctx, input, clientOfTrpc(ctx));
      if (ctx.http) setAuthCookies(ctx.http.cookies, ctx.http.productionCookies, result);
      return {
        accessToken: result.accessToken,
        expiresIn: result.accessTokenMaxAge,
        user: result.user,
      };
    }),

  refresh: exemptProcedure
    .input(ZRefreshInput.optional())
    .output(ZSessionTokensDto)
    .mutation(async ({ ctx, input }) => {
      const refreshToken = input?.refreshToken ?? ctx.http?.cookies.get(REFRESH_COOKIE);
      const result = await ctx.core.auth.refresh(ctx, { refreshToken });
      if (ctx.http) setAuthCookies(ctx.http.cookies, ctx.http.productionCookies, result);
      return { accessToken: result.accessToken, expiresIn: result.accessTokenMaxAge };
    }),

  logout: publicProcedure.output(ZMessageDto).mutation(async ({ ctx }) => {
    const result = await ctx.core.auth.logout(ctx, {
      refreshToken: ctx.http?.cookies.get(REFRESH_COOKIE),
    });
    if (ctx.http) clearAuthCookies(ctx.http.cookies, ctx.http.productionCookies);
    return result;
  }),

  validateToken: exemptProcedure
    .input(ZValidateTokenInput)
    .output(ZValidateTokenDto)
    .mutation(({ ctx, input }) => ctx.core.auth.validateToken(ctx, input, clientOfTrpc(ctx))),

  csrf: exemptProcedure.output(ZCsrfTokenDto).query(({ ctx }) => {
    const result = ctx.core.auth.issueCsrfToken();
    if (ctx.http) setCsrfCookie(ctx.http.cookies, ctx.http.productionCookies, result.csrfToken);
    return result;
  }),

  forgotPassword: publicProcedure
    .input(ZForgotPasswordInput)
    .output(ZMessageDto)
    .mutation(({ ctx, input }) => ctx.core.auth.forgotPassword(ctx, input, clientOfTrpc(ctx))),

  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .output(ZSuccessMessageDto)
    .mutation(({ ctx, input }) => ctx.core.auth.resetPassword(ctx, input)),

  verifyEmail: publicProcedure
    .input(ZVerifyEmailInput)
    .output(ZVerifyEmailDto)
    .mutation(({ ctx, input }) => ctx.core.auth.verifyEmail(ctx, input)),

  resendVerification: publicProcedure
    .input(ZResendVerificationInput)
    .output(ZMessageDto)
    .mutation(({ ctx, input }) => ctx.core.auth.resendVerification(ctx, input, clientOfTrpc(ctx))),
});
