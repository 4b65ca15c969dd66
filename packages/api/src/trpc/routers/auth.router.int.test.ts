import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSmtpCapture, type SmtpCapture } from '@mathakine/core/testing/accounts';

import {
  createAccountsApp,
  memoryHttp,
  PASSWORD,
  type AccountsApp,
} from '../../testing/accounts.ts';

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

const register = (t: AccountsApp, username = 'luke_s') =>
  t
    .caller({ http: memoryHttp() })
    .users.register({ username, email: `${username}@example.org`, password: PASSWORD });

/** Logs in through tRPC and returns a caller authenticated like the HTTP adapter would be. */
const loggedIn = async (t: AccountsApp, username = 'luke_s') => {
  const http = memoryHttp();
  const result = await t.caller({ http }).auth.login({ username, password: PASSWORD });
  const { actor } = await t.core.auth.resolveAccessToken(result.accessToken);
  return { http, result, caller: t.caller({ http, actor }) };
};

describe('auth router', () => {
  it('login sets the legacy cookies and returns the access token and the user, never the refresh token', async () => {
    const t = await createAccountsApp();
    await register(t);
    const { http, result } = await loggedIn(t);
    expect(result).toMatchObject({ expiresIn: 900, user: { username: 'luke_s', role: 'padawan' } });
    expect(result).not.toHaveProperty('refreshToken');
    expect(http.jar.get('access_token')).toBe(result.accessToken);
    expect(http.lastOptions.get('refresh_token')).toEqual({
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
      maxAge: 604_800,
    });
    await expect(
      t.caller({ http: memoryHttp() }).auth.login({ username: 'luke_s', password: 'Wrong2026' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(t.caller().auth.login({ username: '', password: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refresh rotates from the cookie jar; logout revokes', async () => {
    const t = await createAccountsApp();
    await register(t);
    const { http, caller } = await loggedIn(t);
    const before = http.jar.get('refresh_token');
    const refreshed = await t.caller({ http }).auth.refresh();
    expect(refreshed.expiresIn).toBe(900);
    expect(http.jar.get('refresh_token')).not.toBe(before);
    await caller.auth.logout();
    expect(http.jar.has('refresh_token')).toBe(false);
    await expect(
      t.caller({ http: memoryHttp() }).auth.refresh({ refreshToken: before }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(t.caller({ http: memoryHttp() }).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('validateToken and csrf', async () => {
    const t = await createAccountsApp();
    await register(t);
    const { result } = await loggedIn(t);
    expect(await t.caller().auth.validateToken({ token: result.accessToken })).toEqual({
      valid: true,
      subject: 'luke_s',
    });
    await expect(t.caller().auth.validateToken({ token: 'nope' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const http = memoryHttp();
    const csrf = await t.caller({ http }).auth.csrf();
    expect(http.jar.get('csrf_token')).toBe(csrf.csrfToken);
  });

  it('forgot / reset / verify / resend through the local SMTP server', async () => {
    const t = await createAccountsApp({ smtp });
    await register(t, 'mail_user');
    const verifyMail = await smtp.waitFor((m) => m.to.includes('mail_user@example.org'));
    const verifyToken =
      new URL(
        smtp.linkIn(verifyMail, 'https://front.mathakine.test/verify-email'),
      ).searchParams.get('token') ?? '';
    expect(await t.caller().auth.verifyEmail({ token: verifyToken })).toMatchObject({
      alreadyVerified: false,
    });
    await expect(t.caller().auth.verifyEmail({ token: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await t.caller().auth.resendVerification({ email: 'mail_user@example.org' })).toEqual({
      message: 'Votre adresse email est déjà vérifiée',
    });
    await t.caller().auth.forgotPassword({ email: 'mail_user@example.org' });
    const resetMail = await smtp.waitFor(
      (m) => m.to.includes('mail_user@example.org') && m.subject.startsWith('Réinitialisation'),
    );
    const token =
      new URL(
        smtp.linkIn(resetMail, 'https://front.mathakine.test/reset-password'),
      ).searchParams.get('token') ?? '';
    await expect(
      t
        .caller()
        .auth.resetPassword({ token, password: 'Nouveau2026', passwordConfirm: 'Other2026' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await t
        .caller()
        .auth.resetPassword({ token, password: 'Nouveau2026', passwordConfirm: 'Nouveau2026' }),
    ).toMatchObject({
      success: true,
    });
  });

  it('rate limits answer TOO_MANY_REQUESTS', async () => {
    const t = await createAccountsApp({ core: { rateLimits: { forgotPassword: 1 } } });
    await t.caller({ http: memoryHttp() }).auth.forgotPassword({ email: 'a@b.co' });
    await expect(
      t.caller({ http: memoryHttp() }).auth.forgotPassword({ email: 'a@b.co' }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });
});
