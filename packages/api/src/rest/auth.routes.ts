import { z } from 'zod';

import {
  AUTH_MESSAGES,
  ZForgotPasswordInput,
  ZLoginInput,
  ZResendVerificationInput,
  ZResetPasswordInput,
  ZValidateTokenInput,
  ZVerifyEmailInput,
} from '@mathakine/core';

import {
  clearAuthCookies,
  honoCookieJar,
  REFRESH_COOKIE,
  setAuthCookies,
  setCsrfCookie,
} from '../http/auth-cookies.ts';
import { clientOf, ctxOf } from '../http/request-ctx.ts';
import { readLegacyBody } from '../legacy/body.ts';
import { requireCsrfToken } from '../middleware/csrf.ts';
import { toLegacyLoginUser } from './accounts.mappers.ts';
import type { LegacyRoutesModule } from './index.ts';

/** A legacy body read that never fails: the refresh route ignores anything but a string `refresh_token`. */
const lenientRefreshToken = async (text: Promise<string>): Promise<string | undefined> => {
  try {
    const parsed: unknown = JSON.parse(await text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const value = (parsed as Record<string, unknown>).refresh_token;
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  } catch {
    // Absent or invalid JSON bodies are ignored (api-rest-core §6.2.4).
  }
  return undefined;
};

/** api-rest-core §6.2: the nine `/api/auth/*` routes. */
export const authRoutes: LegacyRoutesModule = ({ route }) => {
  route('POST', '/auth/login', 'public', async (c) => {
    const input = await readLegacyBody(c, {
      schema: ZLoginInput,
      required: [
        { field: 'username', message: "Nom d'utilisateur requis" },
        { field: 'password', message: 'Mot de passe requis' },
      ],
    });
    const result = await c.var.core.auth.login(ctxOf(c), input, clientOf(c));
    setAuthCookies(honoCookieJar(c), c.var.productionCookies, result);
    return c.json({
      access_token: result.accessToken,
      token_type: 'bearer',
      expires_in: result.accessTokenMaxAge,
      user: toLegacyLoginUser(result.user),
    });
  });

  route('GET', '/auth/csrf', 'public', (c) => {
    const { csrfToken } = c.var.core.auth.issueCsrfToken();
    setCsrfCookie(honoCookieJar(c), c.var.productionCookies, csrfToken);
    return c.json({ csrf_token: csrfToken });
  });

  route('POST', '/auth/validate-token', 'public', async (c) => {
    const input = await readLegacyBody(c, {
      schema: ZValidateTokenInput,
      required: [{ field: 'token', message: 'Token manquant' }],
    });
    const result = await c.var.core.auth.validateToken(ctxOf(c), input, clientOf(c));
    return c.json({ valid: result.valid, user_id: result.subject });
  });

  route('POST', '/auth/refresh', 'public', async (c) => {
    const jar = honoCookieJar(c);
    const refreshToken =
      (await lenientRefreshToken(c.req.text())) ?? (jar.get(REFRESH_COOKIE)?.trim() || undefined);
    const result = await c.var.core.auth.refresh(ctxOf(c), { refreshToken });
    setAuthCookies(jar, c.var.productionCookies, result);
    return c.json({ access_token: result.accessToken, token_type: 'bearer' });
  });

  route('POST', '/auth/logout', 'public', async (c) => {
    const jar = honoCookieJar(c);
    const result = await c.var.core.auth.logout(ctxOf(c), {
      refreshToken: jar.get(REFRESH_COOKIE),
    });
    clearAuthCookies(jar, c.var.productionCookies);
    return c.json({ message: result.message });
  });

  route('POST', '/auth/forgot-password', 'public', async (c) => {
    const input = await readLegacyBody(c, {
      schema: ZForgotPasswordInput,
      required: [{ field: 'email', message: AUTH_MESSAGES.emailRequired }],
    });
    return c.json(await c.var.core.auth.forgotPassword(ctxOf(c), input, clientOf(c)));
  });

  route('POST', '/auth/reset-password', 'public', async (c) => {
    requireCsrfToken(c);
    const body = await readLegacyBody(c, {
      schema: z.object({
        token: ZResetPasswordInput.shape.token.nullish().transform((v) => v ?? ''),
        password: ZResetPasswordInput.shape.password.nullish().transform((v) => v ?? ''),
        password_confirm: ZResetPasswordInput.shape.passwordConfirm
          .nullish()
          .transform((v) => v ?? ''),
      }),
    });
    const result = await c.var.core.auth.resetPassword(ctxOf(c), {
      token: body.token,
      password: body.password,
      passwordConfirm: body.password_confirm,
    });
    return c.json({ message: result.message, success: result.success });
  });

  route('GET', '/auth/verify-email', 'public', async (c) => {
    const parsed = ZVerifyEmailInput.safeParse({ token: c.req.query('token') ?? '' });
    const input = parsed.success ? parsed.data : { token: '' };
    const result = await c.var.core.auth.verifyEmail(ctxOf(c), input);
    return c.json({
      message: result.message,
      success: true,
      user: {
        id: result.user.id,
        username: result.user.username,
        email: result.user.email,
        is_email_verified: result.user.isEmailVerified,
      },
    });
  });

  route('POST', '/auth/resend-verification', 'public', async (c) => {
    const input = await readLegacyBody(c, {
      schema: ZResendVerificationInput,
      required: [{ field: 'email', message: AUTH_MESSAGES.emailRequired }],
    });
    return c.json(await c.var.core.auth.resendVerification(ctxOf(c), input, clientOf(c)));
  });
};
