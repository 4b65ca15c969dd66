import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { AuthedCtx, Ctx } from '../kernel/deps.ts';
import { startSmtpCapture, testCoreConfig, type SmtpCapture } from '../testing/accounts.ts';
import { movableClock } from '../testing/clock.ts';
import { createUser, getTestDb, resetDb, type TestDatabase } from '../testing/index.ts';
import { AUTH_MESSAGES } from './auth.rules.ts';

const log = pino({ level: 'silent' });
const ctx: Ctx = { actor: null, log, requestId: 'test' };
const client = { ip: '203.0.113.9', userAgent: 'vitest' };

/** A Python `bcrypt.hashpw(b'Padawan2026', bcrypt.gensalt(12))` hash, as the legacy stored them. */
const LEGACY_HASH = '$2b$12$zECcTKdKiTEiqt1SmNlafOYQHom5ccud4nuBaH1Nzn.k76Wg6dAcC';

let test: TestDatabase;
let smtp: SmtpCapture;

beforeAll(async () => {
  test = await getTestDb();
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  await resetDb(test.prisma);
  smtp.messages.length = 0;
});

const build = (overrides: Parameters<typeof testCoreConfig>[0] = {}) => {
  const clock = movableClock();
  const core = createCore({
    db: test.db,
    log,
    clock,
    config: testCoreConfig(overrides),
    mailer: smtp.mailer,
  });
  return { core, clock };
};

const registerAndLogin = async (core: ReturnType<typeof build>['core']) => {
  await core.users.register(
    ctx,
    { username: 'luke_s', email: 'Luke@Example.org', password: 'Padawan2026' },
    client,
  );
  return core.auth.login(ctx, { username: 'luke_s', password: 'Padawan2026' }, client);
};

const authed = async (
  core: ReturnType<typeof build>['core'],
  accessToken: string,
): Promise<AuthedCtx> => {
  const { actor } = await core.auth.resolveAccessToken(accessToken);
  if (!actor) throw new Error('not authenticated');
  return { actor, log, requestId: 'test' };
};

describe('login', () => {
  it('verifies a standard bcrypt $2b$ cost-12 hash from the legacy database', async () => {
    const { core } = build();
    await createUser(test.prisma, {
      username: 'ObiWan',
      email: 'obi@example.org',
      hashedPassword: LEGACY_HASH,
    });
    const result = await core.auth.login(
      ctx,
      { username: 'ObiWan', password: 'Padawan2026' },
      client,
    );
    expect(result.user.username).toBe('ObiWan');
    expect(result.accessTokenMaxAge).toBe(900);
    expect(result.refreshTokenMaxAge).toBe(604_800);
  });

  it('accepts the e-mail (any case) when the value contains @', async () => {
    const { core } = build();
    await registerAndLogin(core);
    const result = await core.auth.login(
      ctx,
      { username: 'LUKE@example.ORG', password: 'Padawan2026' },
      client,
    );
    expect(result.user.email).toBe('luke@example.org');
  });

  it('answers the same 401 for an unknown user, a wrong password and an inactive account', async () => {
    const { core } = build();
    const user = await createUser(test.prisma, {
      username: 'inactive_one',
      hashedPassword: LEGACY_HASH,
      isActive: false,
    });
    for (const attempt of [
      { username: 'nobody', password: 'Padawan2026' },
      { username: user.username, password: 'Padawan2026' },
    ]) {
      await expect(core.auth.login(ctx, attempt, client)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: AUTH_MESSAGES.badCredentials,
      });
    }
  });

  it('throttles per IP and per account with Retry-After', async () => {
    const { core } = build({ rateLimits: { login: 2, loginPerAccount: 2 } });
    const bad = { username: 'nobody', password: 'x' };
    await expect(core.auth.login(ctx, bad, client)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(core.auth.login(ctx, bad, client)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(core.auth.login(ctx, bad, client)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number) as unknown,
    });
    // Another IP: the per-account throttle still counts the same account.
    await expect(
      core.auth.login(ctx, bad, { ip: '198.51.100.1', userAgent: null }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('throttles per account whichever identifier is typed (username, e-mail in any case)', async () => {
    const { core } = build({ rateLimits: { login: 1000, loginPerAccount: 3 } });
    await core.users.register(
      ctx,
      { username: 'luke_s', email: 'Luke@Example.org', password: 'Padawan2026' },
      client,
    );
    for (const username of ['luke_s', 'luke@example.org', 'LUKE@EXAMPLE.ORG']) {
      await expect(
        core.auth.login(ctx, { username, password: 'wrong-one' }, client),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // The fourth try on the same account, through yet another spelling, is throttled.
    await expect(
      core.auth.login(ctx, { username: 'Luke@example.ORG', password: 'Padawan2026' }, client),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('access tokens and sessions', () => {
  it('resolves the actor and stops at once after logout', async () => {
    const { core } = build();
    const login = await registerAndLogin(core);
    const ok = await core.auth.resolveAccessToken(login.accessToken);
    expect(ok).toMatchObject({
      tokenState: 'valid',
      actor: { username: 'luke_s', role: 'padawan', accessScope: 'full' },
    });
    await core.auth.logout({ ...ctx, actor: ok.actor }, { refreshToken: login.refreshToken });
    expect(await core.auth.resolveAccessToken(login.accessToken)).toEqual({
      actor: null,
      tokenState: 'invalid',
    });
    await expect(
      core.auth.refresh(ctx, { refreshToken: login.refreshToken }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('expires the access token after 15 minutes', async () => {
    const { core, clock } = build();
    const login = await registerAndLogin(core);
    clock.advance(15 * 60_000 + 1_000);
    expect((await core.auth.resolveAccessToken(login.accessToken)).tokenState).toBe('invalid');
  });

  it('stops a deactivated account within the cache window', async () => {
    const { core, clock } = build({ auth: { sessionCacheSeconds: 2 } });
    const login = await registerAndLogin(core);
    await test.prisma.user.update({ where: { id: login.user.id }, data: { isActive: false } });
    clock.advance(2_100);
    expect((await core.auth.resolveAccessToken(login.accessToken)).actor).toBeNull();
  });

  it('moves an unverified account to exercises_only after the 45-minute grace period', async () => {
    const { core, clock } = build();
    const login = await registerAndLogin(core);
    expect(login.user.accessScope).toBe('full');
    clock.advance(44 * 60_000);
    const before = await core.auth.login(
      ctx,
      { username: 'luke_s', password: 'Padawan2026' },
      client,
    );
    expect((await authed(core, before.accessToken)).actor.accessScope).toBe('full');
    clock.advance(60_000);
    // The same access token changes scope as time passes: the scope is computed per request.
    expect((await authed(core, before.accessToken)).actor.accessScope).toBe('exercises_only');
    const fresh = await core.auth.login(
      ctx,
      { username: 'luke_s', password: 'Padawan2026' },
      client,
    );
    expect(fresh.user.accessScope).toBe('exercises_only');
    expect((await authed(core, fresh.accessToken)).actor.accessScope).toBe('exercises_only');
  });
});

describe('refresh rotation', () => {
  it('rotates: a new refresh token each time, the old one within grace yields the same successor', async () => {
    const { core, clock } = build();
    const login = await registerAndLogin(core);
    const first = await core.auth.refresh(ctx, { refreshToken: login.refreshToken });
    expect(first.refreshToken).not.toBe(login.refreshToken);
    clock.advance(10_000);
    const again = await core.auth.refresh(ctx, { refreshToken: login.refreshToken });
    expect(again.refreshToken).toBe(first.refreshToken);
    const second = await core.auth.refresh(ctx, { refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('five parallel refreshes with the same token all succeed with the same successor', async () => {
    const { core } = build();
    const login = await registerAndLogin(core);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => core.auth.refresh(ctx, { refreshToken: login.refreshToken })),
    );
    expect(new Set(results.map((r) => r.refreshToken)).size).toBe(1);
    for (const r of results) {
      expect((await core.auth.resolveAccessToken(r.accessToken)).tokenState).toBe('valid');
    }
  });

  it('reuse after the grace window revokes the whole family', async () => {
    const { core, clock } = build({ auth: { refreshReuseGraceSeconds: 30 } });
    const login = await registerAndLogin(core);
    const next = await core.auth.refresh(ctx, { refreshToken: login.refreshToken });
    clock.advance(31_000);
    await expect(
      core.auth.refresh(ctx, { refreshToken: login.refreshToken }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: AUTH_MESSAGES.refreshInvalid,
    });
    await expect(core.auth.refresh(ctx, { refreshToken: next.refreshToken })).rejects.toMatchObject(
      { code: 'UNAUTHENTICATED' },
    );
    expect((await core.auth.resolveAccessToken(next.accessToken)).tokenState).toBe('invalid');
  });

  it('distinguishes a missing token from an invalid one', async () => {
    const { core } = build();
    await expect(core.auth.refresh(ctx, {})).rejects.toMatchObject({
      message: AUTH_MESSAGES.refreshMissing,
    });
    await expect(core.auth.refresh(ctx, { refreshToken: 'nope' })).rejects.toMatchObject({
      message: AUTH_MESSAGES.refreshInvalid,
    });
  });
});

describe('e-mail flows through a local SMTP server', () => {
  it('registration sends a verification link that verifies the account once, then says already verified', async () => {
    const { core, clock } = build();
    await core.users.register(
      ctx,
      { username: 'rey', email: 'Rey@Jakku.org', password: 'Padawan2026' },
      client,
    );
    const mail = await smtp.waitFor((m) => m.to.includes('rey@jakku.org'));
    expect(mail.subject).toBe('Bienvenue ! Active ton compte Mathakine');
    const link = new URL(smtp.linkIn(mail, 'https://front.mathakine.test/verify-email?token='));
    const token = link.searchParams.get('token') ?? '';
    const verified = await core.auth.verifyEmail(ctx, { token });
    expect(verified).toMatchObject({
      alreadyVerified: false,
      message: AUTH_MESSAGES.verifyOk,
      user: { email: 'rey@jakku.org' },
    });
    const again = await core.auth.verifyEmail(ctx, { token });
    expect(again).toMatchObject({ alreadyVerified: true, message: AUTH_MESSAGES.alreadyVerified });
    // An old link clicked after it expired still answers "already verified" (audit X17), not "expired".
    clock.advance(25 * 3_600_000);
    expect(await core.auth.verifyEmail(ctx, { token })).toMatchObject({ alreadyVerified: true });
    await expect(core.auth.verifyEmail(ctx, { token: 'bogus' })).rejects.toMatchObject({
      message: AUTH_MESSAGES.verifyInvalid,
    });
  });

  it('verification links expire after 24 h', async () => {
    const { core, clock } = build();
    await core.users.register(
      ctx,
      { username: 'finn', email: 'finn@order.org', password: 'Padawan2026' },
      client,
    );
    const mail = await smtp.waitFor((m) => m.to.includes('finn@order.org'));
    const token =
      new URL(smtp.linkIn(mail, 'https://front.mathakine.test/verify-email')).searchParams.get(
        'token',
      ) ?? '';
    clock.advance(24 * 3_600_000 + 1);
    await expect(core.auth.verifyEmail(ctx, { token })).rejects.toMatchObject({
      message: AUTH_MESSAGES.verifyExpired,
    });
  });

  it('resend honours the 2-minute cooldown, then sends a new link', async () => {
    const { core, clock } = build();
    await core.users.register(
      ctx,
      { username: 'poe', email: 'poe@resistance.org', password: 'Padawan2026' },
      client,
    );
    await smtp.waitFor((m) => m.to.includes('poe@resistance.org'));
    expect(
      await core.auth.resendVerification(ctx, { email: 'POE@resistance.org' }, client),
    ).toEqual({
      message: AUTH_MESSAGES.resendCooldown,
    });
    clock.advance(2 * 60_000);
    expect(
      await core.auth.resendVerification(ctx, { email: 'poe@resistance.org' }, client),
    ).toEqual({
      message: AUTH_MESSAGES.resendSent,
    });
    await smtp.waitFor(
      (m) =>
        smtp.messages.filter((x) => x.to.includes('poe@resistance.org')).length === 2 &&
        m.to.includes('poe@resistance.org'),
    );
    expect(await core.auth.resendVerification(ctx, { email: 'ghost@nowhere.org' }, client)).toEqual(
      {
        message: AUTH_MESSAGES.resendUnknown,
      },
    );
  });

  it('forgot → reset: single use, 1 h, revokes every session, same answer for unknown e-mails', async () => {
    const { core } = build();
    const login = await registerAndLogin(core);
    expect(await core.auth.forgotPassword(ctx, { email: 'nobody@example.org' }, client)).toEqual({
      message: AUTH_MESSAGES.forgotOk,
    });
    expect(await core.auth.forgotPassword(ctx, { email: 'LUKE@example.org' }, client)).toEqual({
      message: AUTH_MESSAGES.forgotOk,
    });
    const mail = await smtp.waitFor(
      (m) => m.subject === 'Réinitialisation de ton mot de passe — Mathakine',
    );
    const token =
      new URL(smtp.linkIn(mail, 'https://front.mathakine.test/reset-password')).searchParams.get(
        'token',
      ) ?? '';
    await expect(
      core.auth.resetPassword(ctx, {
        token,
        password: 'Nouveau2026',
        passwordConfirm: 'Autre2026X',
      }),
    ).rejects.toMatchObject({ message: AUTH_MESSAGES.resetMismatch });
    await expect(
      core.auth.resetPassword(ctx, { token, password: 'faible', passwordConfirm: 'faible' }),
    ).rejects.toMatchObject({
      message: 'Le mot de passe doit contenir au moins 8 caractères',
    });
    expect(
      await core.auth.resetPassword(ctx, {
        token,
        password: 'Nouveau2026',
        passwordConfirm: 'Nouveau2026',
      }),
    ).toMatchObject({
      success: true,
    });
    await expect(
      core.auth.resetPassword(ctx, {
        token,
        password: 'Nouveau2027',
        passwordConfirm: 'Nouveau2027',
      }),
    ).rejects.toMatchObject({
      message: AUTH_MESSAGES.resetTokenInvalid,
    });
    expect((await core.auth.resolveAccessToken(login.accessToken)).tokenState).toBe('invalid');
    await expect(
      core.auth.login(ctx, { username: 'luke_s', password: 'Padawan2026' }, client),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await core.auth.login(ctx, { username: 'luke_s', password: 'Nouveau2026' }, client);
  });

  it('reset links expire after 1 h', async () => {
    const { core, clock } = build();
    await registerAndLogin(core);
    await core.auth.forgotPassword(ctx, { email: 'luke@example.org' }, client);
    const mail = await smtp.waitFor((m) => m.subject.startsWith('Réinitialisation'));
    const token =
      new URL(smtp.linkIn(mail, 'https://front.mathakine.test/reset-password')).searchParams.get(
        'token',
      ) ?? '';
    clock.advance(3_600_000 + 1);
    await expect(
      core.auth.resetPassword(ctx, {
        token,
        password: 'Nouveau2026',
        passwordConfirm: 'Nouveau2026',
      }),
    ).rejects.toMatchObject({
      message: AUTH_MESSAGES.resetTokenExpired,
    });
  });

  it('a failed send is logged and counted, and forgot-password still answers 200', async () => {
    const failures: string[] = [];
    const sends: Promise<void>[] = [];
    const { createSmtpMailer } = await import('../adapters/smtp-mailer.ts');
    const deadMailer = createSmtpMailer({
      host: '127.0.0.1',
      port: 1,
      user: null,
      password: null,
      secure: false,
      requireTls: false,
      ignoreTls: true,
      from: 'x@y.z',
      timeoutMs: 500,
    });
    const core = createCore({
      db: test.db,
      log,
      clock: movableClock(),
      config: testCoreConfig(),
      mailer: deadMailer,
      onMailFailure: (kind) => failures.push(kind),
      trackMail: (p) => sends.push(p),
    });
    await createUser(test.prisma, { email: 'han@falcon.org', hashedPassword: LEGACY_HASH });
    expect(await core.auth.forgotPassword(ctx, { email: 'han@falcon.org' }, client)).toEqual({
      message: AUTH_MESSAGES.forgotOk,
    });
    await Promise.all(sends);
    expect(failures).toEqual(['password_reset']);
  });
});
