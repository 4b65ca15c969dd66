/** The nine `/api/auth/*` routes (api-rest-core §6.2, routes 4–12). */
import {
  AUTH_MESSAGES,
  ZForgotPasswordInput,
  ZLoginInput,
  ZResendVerificationInput,
  ZValidateTokenInput,
} from '@mathakine/core';

import { REFRESH_COOKIE } from '../http/auth-cookies.ts';
import { jsonBody, lenientBody } from '../legacy/body.ts';
import {
  toLegacyLogin,
  toLegacyVerifyEmail,
  ZLegacyCsrfResponse,
  ZLegacyLoginResponse,
  ZLegacyMessageResponse,
  ZLegacyRefreshBody,
  ZLegacyRefreshResponse,
  ZLegacyResetPasswordBody,
  ZLegacyResetPasswordResponse,
  ZLegacyValidateTokenResponse,
  ZLegacyVerifyEmailQuery,
  ZLegacyVerifyEmailResponse,
} from './auth.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const authRoutes = defineRoutes({
  feature: 'auth',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/auth/login',
      guard: 'public',
      maintenanceExempt: true,
      summary: 'Log in with a username or an e-mail; sets the access and refresh cookies',
      body: jsonBody(ZLoginInput, {
        required: [
          { field: 'username', message: "Nom d'utilisateur requis" },
          { field: 'password', message: 'Mot de passe requis' },
        ],
      }),
      responses: { 200: ZLegacyLoginResponse },
      errors: [400, 401, 403, 422, 429],
      handler: async ({ core, ctx, body, client, cookies }) => {
        const result = await core.auth.login(ctx, body, client);
        cookies.setAuth(result);
        return ok(toLegacyLogin(result));
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/auth/csrf',
      guard: 'public',
      maintenanceExempt: true,
      summary: 'Issue a CSRF token (body and readable cookie)',
      responses: { 200: ZLegacyCsrfResponse },
      errors: [],
      handler: ({ core, cookies }) => {
        const { csrfToken } = core.auth.issueCsrfToken();
        cookies.setCsrf(csrfToken);
        return ok({ csrf_token: csrfToken });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/validate-token',
      guard: 'public',
      maintenanceExempt: true,
      summary: 'Check an access token (used by the frontend server)',
      body: jsonBody(ZValidateTokenInput, {
        required: [{ field: 'token', message: 'Token manquant' }],
      }),
      responses: { 200: ZLegacyValidateTokenResponse },
      errors: [400, 401, 422, 429],
      handler: async ({ core, ctx, body, client }) => {
        const result = await core.auth.validateToken(ctx, body, client);
        return ok({ valid: result.valid, user_id: result.subject });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/refresh',
      guard: 'public',
      maintenanceExempt: true,
      summary: 'Rotate the tokens from the body `refresh_token` or the refresh cookie',
      body: lenientBody(ZLegacyRefreshBody),
      responses: { 200: ZLegacyRefreshResponse },
      errors: [401],
      handler: async ({ core, ctx, body, cookies }) => {
        const refreshToken =
          body.refresh_token ?? (cookies.get(REFRESH_COOKIE)?.trim() || undefined);
        const result = await core.auth.refresh(ctx, { refreshToken });
        cookies.setAuth(result);
        return ok({ access_token: result.accessToken, token_type: 'bearer' });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/logout',
      guard: 'public',
      summary: 'Revoke the session of the refresh cookie and clear the cookies',
      responses: { 200: ZLegacyMessageResponse },
      errors: [],
      handler: async ({ core, ctx, cookies }) => {
        const result = await core.auth.logout(ctx, { refreshToken: cookies.get(REFRESH_COOKIE) });
        cookies.clearAuth();
        return ok({ message: result.message });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/forgot-password',
      guard: 'public',
      summary: 'Send a password reset e-mail (same answer whether the account exists or not)',
      body: jsonBody(ZForgotPasswordInput, {
        required: [{ field: 'email', message: AUTH_MESSAGES.emailRequired }],
      }),
      responses: { 200: ZLegacyMessageResponse },
      errors: [400, 422, 429],
      handler: async ({ core, ctx, body, client }) => {
        const { message } = await core.auth.forgotPassword(ctx, body, client);
        return ok({ message });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/reset-password',
      guard: 'public',
      csrf: true,
      summary: 'Set a new password with a reset token',
      body: jsonBody(ZLegacyResetPasswordBody),
      responses: { 200: ZLegacyResetPasswordResponse },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) => {
        const result = await core.auth.resetPassword(ctx, body);
        return ok({ message: result.message, success: result.success });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/auth/verify-email',
      guard: 'public',
      summary: 'Verify an e-mail address with the token of the verification link',
      query: ZLegacyVerifyEmailQuery,
      responses: { 200: ZLegacyVerifyEmailResponse },
      errors: [400],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyVerifyEmail(await core.auth.verifyEmail(ctx, query))),
    }),

    defineRoute({
      method: 'POST',
      path: '/auth/resend-verification',
      guard: 'public',
      summary: 'Send the verification e-mail again',
      body: jsonBody(ZResendVerificationInput, {
        required: [{ field: 'email', message: AUTH_MESSAGES.emailRequired }],
      }),
      responses: { 200: ZLegacyMessageResponse },
      errors: [400, 422, 429],
      handler: async ({ core, ctx, body, client }) => {
        const { message } = await core.auth.resendVerification(ctx, body, client);
        return ok({ message });
      },
    }),
  ],
});
