import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSmtpCapture, type SmtpCapture } from '@mathakine/core/testing/accounts';

import {
  cookieHeader,
  createAccountsApp,
  json,
  PASSWORD,
  setCookies,
  signUpAndLogin,
} from '../testing/accounts.ts';

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

const LEGACY_HASH_PADAWAN2026 = '$2b$12$zECcTKdKiTEiqt1SmNlafOYQHom5ccud4nuBaH1Nzn.k76Wg6dAcC';

describe('POST /api/auth/login', () => {
  it('answers the legacy body and sets both cookies with the legacy flags (development)', async () => {
    const t = await createAccountsApp();
    await t.core.users.register(
      t.ctx,
      { username: 'ObiWan', email: 'obi@example.org', password: PASSWORD },
      { ip: '1.1.1.1', userAgent: null },
    );
    const res = await t.app.request(
      '/api/auth/login',
      json('POST', { username: ' ObiWan ', password: PASSWORD }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String) as unknown,
      token_type: 'bearer',
      expires_in: 900,
      user: {
        id: expect.any(Number) as unknown,
        username: 'ObiWan',
        email: 'obi@example.org',
        full_name: null,
        role: 'padawan',
        is_email_verified: false,
        access_scope: 'full',
        onboarding_completed_at: null,
        grade_level: null,
        grade_system: null,
        preferred_difficulty: null,
        learning_goal: null,
        practice_rhythm: null,
      },
    });
    expect(body).not.toHaveProperty('refresh_token');
    const cookies = setCookies(res);
    expect(cookies.access_token?.value).toBe(body.access_token);
    expect(cookies.access_token?.attributes).toBe('Max-Age=900; Path=/; HttpOnly; SameSite=Lax');
    expect(cookies.refresh_token?.attributes).toBe(
      'Max-Age=604800; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('uses SameSite=None; Secure in production', async () => {
    const t = await createAccountsApp({ isProduction: true });
    await t.core.users.register(
      t.ctx,
      { username: 'ObiWan', email: 'obi@example.org', password: PASSWORD },
      { ip: '1.1.1.1', userAgent: null },
    );
    const res = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'ObiWan', password: PASSWORD }),
    );
    const cookies = setCookies(res);
    expect(cookies.access_token?.attributes).toBe(
      'Max-Age=900; Path=/; HttpOnly; Secure; SameSite=None',
    );
    expect(cookies.refresh_token?.attributes).toBe(
      'Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=None',
    );
  });

  it('logs in a migrated user whose hash is a standard bcrypt $2b$ cost 12', async () => {
    const t = await createAccountsApp();
    await t.prisma.user.create({
      data: {
        username: 'legacy_user',
        email: 'legacy@example.org',
        hashedPassword: LEGACY_HASH_PADAWAN2026,
      },
    });
    const res = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'legacy_user', password: 'Padawan2026' }),
    );
    expect(res.status).toBe(200);
  });

  it('accepts an e-mail as the identifier, case-insensitively', async () => {
    const t = await createAccountsApp();
    await signUpAndLogin(t, 'Leia');
    const res = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'LEIA@Example.org', password: PASSWORD }),
    );
    expect(res.status).toBe(200);
  });

  it('answers the legacy validation errors', async () => {
    const t = await createAccountsApp();
    const cases: [RequestInit, number, string][] = [
      [
        { method: 'POST', body: '{bad', headers: { 'Content-Type': 'application/json' } },
        422,
        'Corps de requête JSON invalide ou manquant',
      ],
      [
        { method: 'POST', headers: { 'Content-Type': 'application/json' } },
        422,
        'Corps de requête JSON invalide ou manquant',
      ],
      [json('POST', [1, 2]), 400, 'Le corps doit être un objet JSON'],
      [json('POST', { password: 'x' }), 400, "Nom d'utilisateur requis"],
      [json('POST', { username: '   ', password: 'x' }), 400, "Nom d'utilisateur requis"],
      [json('POST', { username: 'a' }), 400, 'Mot de passe requis'],
      [json('POST', { username: 'a', password: 12 }), 400, 'Mot de passe requis'],
      [
        json('POST', { username: 'nobody', password: 'Wrong1234' }),
        401,
        "Nom d'utilisateur ou mot de passe incorrect",
      ],
    ];
    for (const [init, status, message] of cases) {
      const res = await t.app.request('/api/auth/login', init);
      expect(res.status, message).toBe(status);
      expect(await res.json()).toEqual({
        code: { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 422: 'VALIDATION_ERROR' }[status],
        message,
        error: message,
      });
    }
  });

  it('is rate limited per client IP (through the trusted hop) with 429, HTTP_429 and Retry-After', async () => {
    const t = await createAccountsApp({ core: { rateLimits: { login: 2 } }, trustedProxyHops: 1 });
    const from = (ip: string) =>
      json(
        'POST',
        { username: 'nobody', password: 'Wrong1234' },
        { 'X-Forwarded-For': `6.6.6.6, ${ip}` },
      );
    expect((await t.app.request('/api/auth/login', from('198.51.100.1'))).status).toBe(401);
    expect((await t.app.request('/api/auth/login', from('198.51.100.1'))).status).toBe(401);
    const limited = await t.app.request('/api/auth/login', from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await limited.json()).toEqual({
      code: 'HTTP_429',
      message: 'Trop de tentatives. Veuillez réessayer dans une minute.',
      error: 'Trop de tentatives. Veuillez réessayer dans une minute.',
    });
    // Another client behind the same proxy has its own bucket (the spoofable left-most entry is ignored).
    expect((await t.app.request('/api/auth/login', from('198.51.100.2'))).status).toBe(401);
  });
});

describe('GET /api/auth/csrf', () => {
  it('returns a 43-character token and sets a readable cookie for an hour', async () => {
    const t = await createAccountsApp();
    const res = await t.app.request('/api/auth/csrf');
    const body = (await res.json()) as { csrf_token: string };
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = setCookies(res).csrf_token;
    expect(cookie?.value).toBe(body.csrf_token);
    expect(cookie?.attributes).toBe('Max-Age=3600; Path=/; SameSite=Lax');
  });
});

describe('POST /api/auth/validate-token', () => {
  it('validates an access token and names its subject', async () => {
    const t = await createAccountsApp();
    const { accessToken } = await signUpAndLogin(t, 'Han');
    const res = await t.app.request(
      '/api/auth/validate-token',
      json('POST', { token: accessToken }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ valid: true, user_id: 'Han' });
  });

  it('answers 400 / 401 as the legacy', async () => {
    const t = await createAccountsApp();
    const cases: [unknown, number, string][] = [
      [{}, 400, 'Token manquant'],
      [{ token: 5 }, 400, 'Token invalide'],
      [{ token: 'garbage' }, 401, 'Token invalide ou expiré'],
    ];
    for (const [body, status, message] of cases) {
      const res = await t.app.request('/api/auth/validate-token', json('POST', body));
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ message });
    }
  });

  it('refuses a forged, a refresh-type and an expired token, on the route and as Bearer (audit S-1.2, S-O2)', async () => {
    const t = await createAccountsApp();
    const { accessToken, cookies } = await signUpAndLogin(t, 'Lando');
    // Same header and claims, signed with another key.
    const [header = '', payload = ''] = accessToken.split('.');
    const forged = `${header}.${payload}.${createHmac(
      'sha256',
      'another-key-another-key-another-key',
    )
      .update(`${header}.${payload}`)
      .digest('base64url')}`;
    const refreshToken = cookies.refresh_token ?? '';
    for (const token of [forged, refreshToken]) {
      const res = await t.app.request('/api/auth/validate-token', json('POST', { token }));
      expect(res.status).toBe(401);
      const me = await t.app.request('/api/users/me', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(401);
      expect(await me.json()).toMatchObject({ message: 'Invalid or expired token' });
    }
    // The genuine token works until it expires (15 minutes).
    const ok = await t.app.request('/api/users/me', {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(ok.status).toBe(200);
    t.clock.advance(15 * 60_000 + 1_000);
    expect(
      (await t.app.request('/api/auth/validate-token', json('POST', { token: accessToken })))
        .status,
    ).toBe(401);
    expect(
      (
        await t.app.request('/api/users/me', {
          headers: { Authorization: `Bearer ${accessToken}` },
        })
      ).status,
    ).toBe(401);
  });

  it('does not put every user of one frontend server in one bucket', async () => {
    const t = await createAccountsApp({ core: { rateLimits: { validateToken: 2 } } });
    const a = await signUpAndLogin(t, 'UserA');
    const b = await signUpAndLogin(t, 'UserB');
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await t.app.request('/api/auth/validate-token', json('POST', { token: a.accessToken })))
          .status,
      ).toBe(200);
    }
    expect(
      (await t.app.request('/api/auth/validate-token', json('POST', { token: a.accessToken })))
        .status,
    ).toBe(429);
    expect(
      (await t.app.request('/api/auth/validate-token', json('POST', { token: b.accessToken })))
        .status,
    ).toBe(200);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates from the cookie and sets both cookies again', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request(
      '/api/auth/refresh',
      json('POST', {}, { Cookie: cookieHeader({ refresh_token: cookies.refresh_token ?? '' }) }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'token_type']);
    const set = setCookies(res);
    expect(set.access_token?.value).toBe(body.access_token);
    expect(set.refresh_token?.value).not.toBe(cookies.refresh_token);
    expect(set.refresh_token?.attributes).toBe('Max-Age=604800; Path=/; HttpOnly; SameSite=Lax');
  });

  it('reads the body field first', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request(
      '/api/auth/refresh',
      json('POST', { refresh_token: cookies.refresh_token }),
    );
    expect(res.status).toBe(200);
  });

  it('answers the two legacy 401 messages', async () => {
    const t = await createAccountsApp();
    const none = await t.app.request('/api/auth/refresh', json('POST', {}));
    expect(await none.json()).toMatchObject({
      message: 'Refresh token requis (body ou cookie). Veuillez vous reconnecter.',
    });
    const bad = await t.app.request('/api/auth/refresh', {
      method: 'POST',
      body: 'not json',
      headers: { Cookie: 'refresh_token=nope', 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Refresh token invalide ou expiré' });
  });

  it('never refreshes from an access token alone, expired or not (audit X4: no fallback)', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t, 'Wedge');
    t.clock.advance(16 * 60_000);
    const res = await t.app.request(
      '/api/auth/refresh',
      json('POST', {}, { Cookie: cookieHeader({ access_token: cookies.access_token ?? '' }) }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('five parallel refreshes with the same cookie all succeed (several tabs)', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const responses = await Promise.all(
      Array.from({ length: 5 }, async () =>
        t.app.request(
          '/api/auth/refresh',
          json(
            'POST',
            {},
            { Cookie: cookieHeader({ refresh_token: cookies.refresh_token ?? '' }) },
          ),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => setCookies(r).refresh_token?.value)).size).toBe(1);
  });

  it('reuse of a rotated token after the grace window revokes the family', async () => {
    const t = await createAccountsApp({ core: { auth: { refreshReuseGraceSeconds: 30 } } });
    const { cookies } = await signUpAndLogin(t);
    const first = await t.app.request(
      '/api/auth/refresh',
      json('POST', { refresh_token: cookies.refresh_token }),
    );
    const rotated = setCookies(first);
    t.clock.advance(31_000);
    const reuse = await t.app.request(
      '/api/auth/refresh',
      json('POST', { refresh_token: cookies.refresh_token }),
    );
    expect(reuse.status).toBe(401);
    const successor = await t.app.request(
      '/api/auth/refresh',
      json('POST', { refresh_token: rotated.refresh_token?.value }),
    );
    expect(successor.status).toBe(401);
    const me = await t.app.request('/api/users/me', {
      headers: { Cookie: `access_token=${rotated.access_token?.value ?? ''}` },
    });
    expect(me.status).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('clears the cookies with the login flags and revokes the session at once', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request(
      '/api/auth/logout',
      json('POST', {}, { Cookie: cookieHeader(cookies) }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Déconnexion réussie' });
    const set = setCookies(res);
    expect(set.access_token?.attributes).toMatch(
      /Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax/,
    );
    expect(set.refresh_token?.value).toBe('');
    const me = await t.app.request('/api/users/me', {
      headers: { Cookie: cookieHeader({ access_token: cookies.access_token ?? '' }) },
    });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ message: 'Invalid or expired token' });
    const refresh = await t.app.request(
      '/api/auth/refresh',
      json('POST', { refresh_token: cookies.refresh_token }),
    );
    expect(refresh.status).toBe(401);
  });

  it('answers 200 without any token', async () => {
    const t = await createAccountsApp();
    expect((await t.app.request('/api/auth/logout', json('POST', {}))).status).toBe(200);
  });
});

describe('e-mail flows end to end (local SMTP server)', () => {
  it('register → verification e-mail → GET /api/auth/verify-email', async () => {
    const t = await createAccountsApp({ smtp });
    const reg = await t.app.request(
      '/api/users/',
      json('POST', { username: 'rey_sky', email: 'Rey@Jakku.org', password: PASSWORD }),
    );
    expect(reg.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes('rey@jakku.org'));
    const link = new URL(smtp.linkIn(mail, 'https://front.mathakine.test/verify-email?token='));
    const res = await t.app.request(`/api/auth/verify-email${link.search}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { id: number } };
    expect(body).toEqual({
      message: 'Votre adresse email a été vérifiée avec succès !',
      success: true,
      user: {
        id: body.user.id,
        username: 'rey_sky',
        email: 'rey@jakku.org',
        is_email_verified: true,
      },
    });
    const again = await t.app.request(`/api/auth/verify-email${link.search}`);
    expect(await again.json()).toMatchObject({
      message: 'Votre adresse email est déjà vérifiée',
      success: true,
    });
    expect(await (await t.app.request('/api/auth/verify-email')).json()).toMatchObject({
      message: 'Token de vérification manquant',
    });
    expect(await (await t.app.request('/api/auth/verify-email?token=nope')).json()).toMatchObject({
      message: 'Token de vérification invalide',
    });
  });

  it('resend-verification answers 200 in every case, with the cooldown', async () => {
    const t = await createAccountsApp({ smtp });
    await t.app.request(
      '/api/users/',
      json('POST', { username: 'kylo_r', email: 'kylo@order.org', password: PASSWORD }),
    );
    await smtp.waitFor((m) => m.to.includes('kylo@order.org'));
    const call = (email: unknown) =>
      t.app.request('/api/auth/resend-verification', json('POST', { email }));
    expect(await (await call('kylo@order.org')).json()).toEqual({
      message: 'Veuillez patienter quelques minutes avant de demander un nouvel email.',
    });
    t.clock.advance(121_000);
    expect(await (await call('kylo@order.org')).json()).toEqual({
      message: 'Un nouvel email de vérification a été envoyé à votre adresse.',
    });
    expect(await (await call('nobody@order.org')).json()).toEqual({
      message:
        'Si cette adresse email est associée à un compte non vérifié, vous recevrez un email de vérification.',
    });
    const missing = await call('');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ message: 'Adresse email requise' });
  });

  it('forgot-password: 400 without an e-mail; resend-verification: 429 past its limit', async () => {
    const t = await createAccountsApp({ core: { rateLimits: { resendVerification: 2 } } });
    const missing = await t.app.request('/api/auth/forgot-password', json('POST', { email: '  ' }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Adresse email requise',
    });
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await t.app.request('/api/auth/resend-verification', json('POST', { email: 'a@b.co' })))
          .status,
      ).toBe(200);
    }
    const limited = await t.app.request(
      '/api/auth/resend-verification',
      json('POST', { email: 'a@b.co' }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('forgot-password → e-mail → reset-password (CSRF double-submit) → old sessions revoked, new password works', async () => {
    const t = await createAccountsApp({ smtp });
    const { cookies } = await signUpAndLogin(t, 'Lando');
    const generic =
      'Si cette adresse email est associée à un compte, vous recevrez un email avec les instructions de réinitialisation.';
    for (const email of ['lando@example.org', 'nobody@example.org']) {
      const res = await t.app.request('/api/auth/forgot-password', json('POST', { email }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ message: generic });
    }
    const mail = await smtp.waitFor(
      (m) => m.to.includes('lando@example.org') && m.subject.startsWith('Réinitialisation'),
    );
    const token = new URL(
      smtp.linkIn(mail, 'https://front.mathakine.test/reset-password?token='),
    ).searchParams.get('token');

    const noCsrf = await t.app.request(
      '/api/auth/reset-password',
      json('POST', { token, password: 'Nouveau2026', password_confirm: 'Nouveau2026' }),
    );
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'Token CSRF manquant. Rafraîchissez la page et réessayez.',
      error: 'Token CSRF manquant. Rafraîchissez la page et réessayez.',
    });
    const csrf = (await (await t.app.request('/api/auth/csrf')).json()) as { csrf_token: string };
    const mismatch = await t.app.request(
      '/api/auth/reset-password',
      json(
        'POST',
        { token, password: 'Nouveau2026', password_confirm: 'Nouveau2026' },
        { Cookie: `csrf_token=${csrf.csrf_token}`, 'X-CSRF-Token': 'other' },
      ),
    );
    expect(await mismatch.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Token CSRF invalide. Rafraîchissez la page et réessayez.',
    });

    const withCsrf = (body: unknown) =>
      t.app.request(
        '/api/auth/reset-password',
        json('POST', body, {
          Cookie: `csrf_token=${csrf.csrf_token}`,
          'X-CSRF-Token': ` ${csrf.csrf_token} `,
        }),
      );
    const steps: [unknown, string][] = [
      [
        { password: 'Nouveau2026', password_confirm: 'Nouveau2026' },
        'Token de réinitialisation manquant',
      ],
      [
        { token, password: 'court', password_confirm: 'court' },
        'Le mot de passe doit contenir au moins 8 caractères',
      ],
      [
        { token, password: 'sanschiffre', password_confirm: 'sanschiffre' },
        'Le mot de passe doit contenir au moins un chiffre',
      ],
      [
        { token, password: 'minuscule1', password_confirm: 'minuscule1' },
        'Le mot de passe doit contenir au moins une majuscule',
      ],
      [
        { token, password: 'Nouveau2026', password_confirm: 'Nouveau2027' },
        'Les mots de passe ne correspondent pas',
      ],
      [
        { token: 'unknown', password: 'Nouveau2026', password_confirm: 'Nouveau2026' },
        'Token invalide ou déjà utilisé',
      ],
    ];
    for (const [body, message] of steps) {
      const res = await withCsrf(body);
      expect(res.status, message).toBe(400);
      expect(await res.json()).toMatchObject({ message });
    }
    const ok = await withCsrf({ token, password: 'Nouveau2026', password_confirm: 'Nouveau2026' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      message: 'Mot de passe réinitialisé avec succès. Vous pouvez vous connecter.',
      success: true,
    });
    expect(
      (await withCsrf({ token, password: 'Nouveau2027', password_confirm: 'Nouveau2027' })).status,
    ).toBe(400);
    const me = await t.app.request('/api/users/me', {
      headers: { Cookie: cookieHeader({ access_token: cookies.access_token ?? '' }) },
    });
    expect(me.status).toBe(401);
    expect(
      (
        await t.app.request(
          '/api/auth/login',
          json('POST', { username: 'Lando', password: 'Nouveau2026' }),
        )
      ).status,
    ).toBe(200);
  });
});
