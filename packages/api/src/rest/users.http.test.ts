import { describe, expect, it } from 'vitest';

import { createExercise } from '@mathakine/core/testing';

import {
  cookieHeader,
  createAccountsApp,
  json,
  PASSWORD,
  setCookies,
  signUpAndLogin,
  type AccountsApp,
} from '../testing/accounts.ts';
import { isPublicRoute } from './router.ts';

const withCookies = (cookies: Record<string, string>, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    ...(init.headers as Record<string, string> | undefined),
    Cookie: cookieHeader(cookies),
  },
});

const csrfFor = async (t: AccountsApp, cookies: Record<string, string>) => {
  const { csrf_token } = (await (await t.app.request('/api/auth/csrf')).json()) as {
    csrf_token: string;
  };
  return { cookies: { ...cookies, csrf_token }, header: { 'X-CSRF-Token': csrf_token } };
};

describe('POST /api/users/ (registration)', () => {
  it('creates a padawan, 201 with the legacy body', async () => {
    const t = await createAccountsApp();
    const res = await t.app.request(
      '/api/users/',
      json('POST', {
        username: 'luke_s',
        email: ' Luke@Example.org ',
        password: PASSWORD,
        role: 'archiviste',
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: expect.any(Number) as unknown,
      username: 'luke_s',
      email: 'luke@example.org',
      full_name: null,
      role: 'padawan',
      is_active: true,
      is_email_verified: false,
      created_at: '2026-02-14T10:00:00+00:00',
    });
    expect(setCookies(res)).toEqual({});
  });

  it('answers each validation rule with the legacy message', async () => {
    const t = await createAccountsApp();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'a@b.co', password: PASSWORD }, "Le nom d'utilisateur est requis"],
      [
        { username: 'ab', email: 'a@b.co', password: PASSWORD },
        "Le nom d'utilisateur doit contenir au moins 3 caractères",
      ],
      [
        { username: 'bad name!', email: 'a@b.co', password: PASSWORD },
        "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, « - » et « _ »",
      ],
      [{ username: 'abc', password: PASSWORD }, "L'email est requis"],
      [{ username: 'abc', email: 'not-an-email', password: PASSWORD }, "Format d'email invalide"],
      [{ username: 'abc', email: 'a@b.co' }, 'Le mot de passe est requis'],
      [
        { username: 'abc', email: 'a@b.co', password: 'Short1' },
        'Le mot de passe doit contenir au moins 8 caractères',
      ],
      [
        { username: 'abc', email: 'a@b.co', password: 'NoDigitsHere' },
        'Le mot de passe doit contenir au moins un chiffre',
      ],
      [
        { username: 'abc', email: 'a@b.co', password: 'nouppercase1' },
        'Le mot de passe doit contenir au moins une majuscule',
      ],
      [
        { username: 'abc', email: 'a@b.co', password: PASSWORD, full_name: 'X' },
        'Le nom complet doit contenir entre 2 et 100 caractères',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await t.app.request('/api/users/', json('POST', body));
      expect(res.status, message).toBe(400);
      expect(await res.json()).toEqual({ code: 'BAD_REQUEST', message, error: message });
    }
  });

  it('answers 409 for a taken username or e-mail (case-insensitive), same message', async () => {
    const t = await createAccountsApp();
    await t.app.request(
      '/api/users/',
      json('POST', { username: 'luke_s', email: 'luke@example.org', password: PASSWORD }),
    );
    for (const body of [
      { username: 'luke_s', email: 'other@example.org', password: PASSWORD },
      { username: 'other', email: 'LUKE@example.org', password: PASSWORD },
    ]) {
      const res = await t.app.request('/api/users/', json('POST', body));
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        code: 'HTTP_409',
        message: 'Un compte avec ces informations existe déjà',
        error: 'Un compte avec ces informations existe déjà',
      });
    }
  });

  it('is closed by the registration_enabled setting, and rate limited', async () => {
    const t = await createAccountsApp({ core: { rateLimits: { register: 1 } } });
    await t.core.settings.setSwitch('registration_enabled', false);
    const closed = await t.app.request(
      '/api/users/',
      json('POST', { username: 'abc', email: 'a@b.co', password: PASSWORD }),
    );
    expect(closed.status).toBe(403);
    expect(await closed.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Les inscriptions sont temporairement fermées.',
    });
    const limited = await t.app.request(
      '/api/users/',
      json('POST', { username: 'abc', email: 'a@b.co', password: PASSWORD }),
    );
    expect(limited.status).toBe(429);
  });

  it('redirects POST /api/users to the trailing-slash form', async () => {
    const t = await createAccountsApp();
    const res = await t.app.request('/api/users', json('POST', {}));
    expect(res.status).toBe(307);
  });
});

describe('GET /api/users/me', () => {
  it('returns the legacy current-user object', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request('/api/users/me', withCookies(cookies));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: expect.any(Number) as unknown,
      username: 'luke_s',
      email: 'luke_s@example.org',
      is_authenticated: true,
      is_email_verified: true,
      access_scope: 'full',
      role: 'padawan',
      full_name: null,
      grade_level: null,
      grade_system: null,
      learning_style: null,
      preferred_difficulty: null,
      onboarding_completed_at: null,
      learning_goal: null,
      practice_rhythm: null,
      preferred_theme: 'spatial',
      accessibility_settings: {},
      created_at: '2026-02-14T10:00:00+00:00',
      total_points: 0,
      current_level: 1,
      jedi_rank: 'youngling',
    });
  });

  it('also accepts a Bearer token, the cookie winning when both are sent', async () => {
    const t = await createAccountsApp();
    const { accessToken } = await signUpAndLogin(t);
    expect(
      (
        await t.app.request('/api/users/me', {
          headers: { Authorization: `Bearer ${accessToken}` },
        })
      ).status,
    ).toBe(200);
    const shadowed = await t.app.request('/api/users/me', {
      headers: { Authorization: `Bearer ${accessToken}`, Cookie: 'access_token=stale' },
    });
    expect(shadowed.status).toBe(401);
  });
});

describe('PUT /api/users/me', () => {
  it('groups privacy and settings fields, merges preferences and completes onboarding once', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const put = (body: unknown) =>
      t.app.request('/api/users/me', withCookies(cookies, json('PUT', body)));
    const first = await put({
      grade_level: '5',
      grade_system: 'unifie',
      preferred_difficulty: '9-11',
      learning_goal: 'progresser',
      username: 'ignored',
      role: 'archiviste',
      show_in_leaderboards: false,
      language_preference: 'fr',
      accessibility_settings: { high_contrast: true },
    });
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      username: 'luke_s',
      role: 'padawan',
      grade_level: 5,
      grade_system: 'unifie',
      preferred_difficulty: '9-11',
      learning_goal: 'progresser',
      onboarding_completed_at: '2026-02-14T10:00:00+00:00',
      is_active: true,
      accessibility_settings: {
        high_contrast: true,
        language_preference: 'fr',
        privacy_settings: { show_in_leaderboards: false },
      },
    });
    expect(body).toHaveProperty('updated_at');
    expect(body).not.toHaveProperty('access_scope');
    t.clock.advance(60_000);
    const second = (await (
      await put({ timezone: 'Europe/Paris', grade_level: null })
    ).json()) as Record<string, unknown>;
    expect(second).toMatchObject({
      grade_level: null,
      onboarding_completed_at: '2026-02-14T10:00:00+00:00',
      accessibility_settings: {
        high_contrast: true,
        language_preference: 'fr',
        timezone: 'Europe/Paris',
      },
    });
  });

  it('answers each validation rule with the legacy message', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    await signUpAndLogin(t, 'Other');
    const invalidJson = await t.app.request(
      '/api/users/me',
      withCookies(cookies, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{oops',
      }),
    );
    expect(invalidJson.status).toBe(422);
    expect(await invalidJson.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Corps de requête JSON invalide ou manquant',
    });
    const cases: [unknown, string][] = [
      [{ unknown: 1 }, 'Aucun champ valide à mettre à jour.'],
      [{ email: 'nope' }, 'Adresse email invalide.'],
      [{ full_name: 'x'.repeat(101) }, 'Le nom complet ne peut pas dépasser 100 caractères.'],
      [{ grade_system: 'autre' }, 'Système scolaire invalide. Valeurs : suisse ou unifie.'],
      [{ grade_level: 'cinq' }, 'Le niveau scolaire doit être un nombre.'],
      [{ grade_level: 13 }, 'Le niveau scolaire doit être entre 1 et 12.'],
      [{ grade_level: 12, grade_system: 'suisse' }, 'Le niveau scolaire doit être entre 1 et 11.'],
      [
        { learning_style: 'danse' },
        "Style d'apprentissage invalide. Valeurs acceptées : visuel, auditif, kinesthésique, lecture",
      ],
      [
        { preferred_theme: 'rose' },
        'Thème invalide. Valeurs acceptées : spatial, minimalist, ocean, dune, forest, peach, dino, neutral',
      ],
      [{ email: 'other@example.org' }, 'Cette adresse email est déjà utilisée.'],
    ];
    for (const [body, message] of cases) {
      const res = await t.app.request('/api/users/me', withCookies(cookies, json('PUT', body)));
      expect(res.status, message).toBe(400);
      expect(await res.json()).toEqual({ code: 'BAD_REQUEST', message, error: message });
    }
  });

  it('an e-mail change must be verified again', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request(
      '/api/users/me',
      withCookies(cookies, json('PUT', { email: 'New@Example.org' })),
    );
    expect(await res.json()).toMatchObject({ email: 'new@example.org', is_email_verified: false });
  });
});

describe('PUT /api/users/me/password', () => {
  it('changes the password (CSRF), revokes the other sessions and keeps this one', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const other = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'luke_s', password: PASSWORD }),
    );
    const otherCookies = { access_token: setCookies(other).access_token?.value ?? '' };
    const csrf = await csrfFor(t, cookies);
    const change = (
      body: unknown,
      extra: { cookies: Record<string, string>; header: Record<string, string> } = csrf,
    ) =>
      t.app.request(
        '/api/users/me/password',
        withCookies(extra.cookies, json('PUT', body, extra.header)),
      );

    expect(
      (
        await change(
          { current_password: PASSWORD, new_password: 'Nouveau2026' },
          { cookies, header: {} },
        )
      ).status,
    ).toBe(403);
    const cases: [unknown, number, string][] = [
      [{ new_password: 'Nouveau2026' }, 400, 'Le mot de passe actuel est requis.'],
      [{ current_password: PASSWORD }, 400, 'Le nouveau mot de passe est requis.'],
      [
        { current_password: PASSWORD, new_password: 'court' },
        400,
        'Le mot de passe doit contenir au moins 8 caractères',
      ],
      [
        { current_password: PASSWORD, new_password: PASSWORD },
        400,
        "Le nouveau mot de passe doit être différent de l'ancien.",
      ],
      [
        { current_password: 'Wrong2026', new_password: 'Nouveau2026' },
        401,
        'Le mot de passe actuel est incorrect.',
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await change(body);
      expect(res.status, message).toBe(status);
      expect(await res.json()).toMatchObject({ message });
    }
    const ok = await change({ current_password: PASSWORD, new_password: 'Nouveau2026' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      success: true,
      message: 'Mot de passe mis à jour avec succès.',
    });
    expect((await t.app.request('/api/users/me', withCookies(cookies))).status).toBe(200);
    expect((await t.app.request('/api/users/me', withCookies(otherCookies))).status).toBe(401);
  });
});

describe('DELETE /api/users/me', () => {
  it('deletes the account (CSRF), clears the cookies, keeps authored content', async () => {
    const t = await createAccountsApp();
    const { cookies, userId } = await signUpAndLogin(t);
    const exercise = await createExercise(t.prisma, { creatorId: userId });
    expect(
      (await t.app.request('/api/users/me', withCookies(cookies, { method: 'DELETE' }))).status,
    ).toBe(403);
    const csrf = await csrfFor(t, cookies);
    const res = await t.app.request(
      '/api/users/me',
      withCookies(csrf.cookies, { method: 'DELETE', headers: csrf.header }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      message: 'Votre compte a été supprimé avec succès.',
    });
    expect(setCookies(res).access_token?.attributes).toMatch(
      /^Max-Age=0; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/,
    );
    expect(await t.prisma.user.findUnique({ where: { id: userId } })).toBeNull();
    expect(
      await t.prisma.exercise.findUnique({
        where: { id: exercise.id },
        select: { creatorId: true },
      }),
    ).toEqual({ creatorId: null });
    expect((await t.app.request('/api/users/me', withCookies(cookies))).status).toBe(401);
  });
});

describe('export and sessions', () => {
  it('exports everything as JSON', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const res = await t.app.request('/api/users/me/export', withCookies(cookies));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      format_version: '1.2',
      profile: { username: 'luke_s', email: 'luke_s@example.org' },
      exercise_attempts: [],
      sessions: [{ is_current: true }],
      statistics: { total_exercise_attempts: 0, total_badges: 0 },
    });
    expect(JSON.stringify(body)).not.toMatch(/hashed_password|\$2b\$/);
  });

  it('lists sessions with is_current and revokes one so its token dies at once', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const second = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'luke_s', password: PASSWORD }, { 'User-Agent': 'Firefox' }),
    );
    const secondCookies = { access_token: setCookies(second).access_token?.value ?? '' };
    const list = (await (
      await t.app.request('/api/users/me/sessions', withCookies(cookies))
    ).json()) as { id: number; is_current: boolean; user_agent: string | null }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.is_current)).toHaveLength(1);
    const target = list.find((s) => !s.is_current);
    const revoked = await t.app.request(
      `/api/users/me/sessions/${target?.id ?? 0}`,
      withCookies(cookies, { method: 'DELETE' }),
    );
    expect(await revoked.json()).toEqual({
      success: true,
      message: 'Session révoquée avec succès',
    });
    expect((await t.app.request('/api/users/me', withCookies(secondCookies))).status).toBe(401);
    const unknown = await t.app.request(
      '/api/users/me/sessions/999999',
      withCookies(cookies, { method: 'DELETE' }),
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      message: "Session non trouvée ou vous n'avez pas l'autorisation de la révoquer",
    });
  });
});

describe('session records (audit X27)', () => {
  it('store the client IP through the trusted hop and move last_activity on refresh', async () => {
    const t = await createAccountsApp({ trustedProxyHops: 1 });
    await t.core.users.register(
      t.ctx,
      { username: 'poe_d', email: 'poe@example.org', password: PASSWORD },
      { ip: '127.0.0.1', userAgent: null },
    );
    await t.prisma.user.update({ where: { username: 'poe_d' }, data: { isEmailVerified: true } });
    const login = await t.app.request(
      '/api/auth/login',
      json(
        'POST',
        { username: 'poe_d', password: PASSWORD },
        { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' },
      ),
    );
    const cookies = {
      access_token: setCookies(login).access_token?.value ?? '',
      refresh_token: setCookies(login).refresh_token?.value ?? '',
    };
    type Session = { ip_address: string | null; last_activity: string };
    const read = async (access: string) =>
      (await (
        await t.app.request('/api/users/me/sessions', withCookies({ access_token: access }))
      ).json()) as Session[];
    const [before] = await read(cookies.access_token);
    expect(before?.ip_address).toBe('203.0.113.9');
    t.clock.advance(10 * 60_000);
    const refreshed = await t.app.request(
      '/api/auth/refresh',
      json('POST', {}, { Cookie: cookieHeader({ refresh_token: cookies.refresh_token }) }),
    );
    expect(refreshed.status).toBe(200);
    const [after] = await read(setCookies(refreshed).access_token?.value ?? '');
    expect(Date.parse(after?.last_activity ?? '')).toBe(
      Date.parse(before?.last_activity ?? '') + 10 * 60_000,
    );
  });
});

describe('GET /api/users/ and DELETE /api/users/{id}', () => {
  it('answers the placeholder and never deletes by id', async () => {
    const t = await createAccountsApp();
    const { cookies, userId } = await signUpAndLogin(t);
    expect(await (await t.app.request('/api/users/', withCookies(cookies))).json()).toEqual({
      message: 'La liste de tous les utilisateurs est en cours de développement.',
    });
    const self = await t.app.request(
      `/api/users/${userId}`,
      withCookies(cookies, { method: 'DELETE' }),
    );
    expect(self.status).toBe(400);
    expect(await self.json()).toMatchObject({
      message: 'Utilisez DELETE /api/users/me pour supprimer votre compte.',
    });
    const other = await t.app.request(
      `/api/users/${userId + 1}`,
      withCookies(cookies, { method: 'DELETE' }),
    );
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      message: 'Non autorisé à supprimer cet utilisateur',
    });
  });
});

describe('guard levels', () => {
  it('user+full routes answer 403 EMAIL_VERIFICATION_REQUIRED once the grace period is over; user routes stay open', async () => {
    const t = await createAccountsApp();
    await signUpAndLogin(t, 'late_one', { verified: false });
    t.clock.advance(46 * 60_000);
    const res = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'late_one', password: PASSWORD }),
    );
    const cookies = { access_token: setCookies(res).access_token?.value ?? '' };
    expect(((await res.json()) as { user: { access_scope: string } }).user.access_scope).toBe(
      'exercises_only',
    );
    expect((await t.app.request('/api/users/me', withCookies(cookies))).status).toBe(200);
    const fullOnly: [string, string][] = [
      ['GET', '/api/users/me/export'],
      ['GET', '/api/users/me/sessions'],
      ['DELETE', '/api/users/me/sessions/1'],
      ['PUT', '/api/users/me/password'],
    ];
    for (const [method, path] of fullOnly) {
      const denied = await t.app.request(
        path,
        withCookies(cookies, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        }),
      );
      expect(denied.status).toBe(403);
      expect(await denied.json()).toEqual({
        code: 'EMAIL_VERIFICATION_REQUIRED',
        message: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
        error: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
      });
    }
    // Deleting one's account stays open to exercises_only accounts (GDPR).
    const csrf = await csrfFor(t, cookies);
    const deleted = await t.app.request(
      '/api/users/me',
      withCookies(csrf.cookies, { method: 'DELETE', headers: csrf.header }),
    );
    expect(deleted.status).toBe(200);
  });

  it('every registered /api route answers 401 without a token, except the public list', async () => {
    const t = await createAccountsApp();
    expect(t.legacyRoutes.length).toBeGreaterThan(15);
    for (const route of t.legacyRoutes) {
      const path = route.template.replace(/:[A-Za-z_]+(\{[^}]+\})?/g, '1');
      const res = await t.app.request(path, {
        method: route.method,
        headers: { 'Content-Type': 'application/json' },
        body: route.method === 'GET' ? undefined : '{}',
      });
      if (isPublicRoute(t.legacyRoutes, route.method, path)) {
        // Public routes may refuse for their own reasons, never with the deny-by-default answer.
        if (res.status === 401)
          expect(await res.json()).not.toMatchObject({ message: 'Authentication required' });
      } else {
        expect(res.status, `${route.method} ${path}`).toBe(401);
        expect(await res.json()).toMatchObject({
          code: 'UNAUTHORIZED',
          message: 'Authentication required',
        });
      }
    }
  });
});

describe('maintenance mode', () => {
  it('answers 503 except on the exempt prefixes, /ready and the tRPC equivalents', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    await t.core.settings.setSwitch('maintenance_mode', true);
    const blocked = await t.app.request('/api/users/me', withCookies(cookies));
    expect(blocked.status).toBe(503);
    expect(await blocked.json()).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Le temple est en maintenance. Réessayez plus tard.',
      error: 'Le temple est en maintenance. Réessayez plus tard.',
    });
    expect((await t.app.request('/api/auth/logout', json('POST', {}))).status).toBe(503);
    expect((await t.app.request('/robots.txt')).status).toBe(503);
    expect((await t.app.request('/health')).status).toBe(200);
    expect((await t.app.request('/ready')).status).toBe(200);
    expect((await t.app.request('/api/auth/csrf')).status).toBe(200);
    expect(
      (
        await t.app.request(
          '/api/auth/login',
          json('POST', { username: 'luke_s', password: PASSWORD }),
        )
      ).status,
    ).toBe(200);
    expect((await t.app.request('/api/admin/anything', withCookies(cookies))).status).not.toBe(503);
    expect((await t.app.request('/trpc/auth.csrf')).status).toBe(200);
    expect((await t.app.request('/trpc/users.me', withCookies(cookies))).status).toBe(503);
    expect(
      (await t.app.request('/trpc/auth.csrf,users.me?batch=1&input=%7B%7D', withCookies(cookies)))
        .status,
    ).toBe(503);
  });

  it('reads the flag through a short cache', async () => {
    const t = await createAccountsApp();
    await t.app.request('/robots.txt');
    await t.prisma.setting.update({ where: { key: 'maintenance_mode' }, data: { value: 'on' } });
    expect((await t.app.request('/robots.txt')).status).toBe(200);
    t.clock.advance(6_000);
    expect((await t.app.request('/robots.txt')).status).toBe(503);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cross-site form POST carrying the cookies', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const form = await t.app.request(
      '/api/users/me',
      withCookies(cookies, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'https://evil.example',
        },
        body: 'full_name=pwned',
      }),
    );
    expect(form.status).toBe(403);
    expect(await form.json()).toMatchObject({ code: 'FORBIDDEN' });
    const textPlain = await t.app.request(
      '/api/auth/logout',
      withCookies(cookies, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '{}',
      }),
    );
    expect(textPlain.status).toBe(403);
    const badOrigin = await t.app.request(
      '/api/users/me',
      withCookies(cookies, json('PUT', { full_name: 'Luke' }, { Origin: 'https://evil.example' })),
    );
    expect(badOrigin.status).toBe(403);
    const trpcForm = await t.app.request(
      '/trpc/auth.logout',
      withCookies(cookies, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '{}',
      }),
    );
    expect(trpcForm.status).toBe(403);
  });

  it('lets the legacy frontend calls through (JSON, allowed Origin)', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t);
    const ok = await t.app.request(
      '/api/users/me',
      withCookies(cookies, json('PUT', { full_name: 'Luke' }, { Origin: 'http://localhost:3000' })),
    );
    expect(ok.status).toBe(200);
  });
});
