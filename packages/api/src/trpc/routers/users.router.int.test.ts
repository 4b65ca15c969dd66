import { describe, expect, it } from 'vitest';

import {
  createAccountsApp,
  memoryHttp,
  PASSWORD,
  type AccountsApp,
} from '../../testing/accounts.ts';

const signedIn = async (t: AccountsApp, username = 'luke_s', verified = true) => {
  await t
    .caller({ http: memoryHttp() })
    .users.register({ username, email: `${username}@example.org`, password: PASSWORD });
  if (verified)
    await t.prisma.user.update({ where: { username }, data: { isEmailVerified: true } });
  const http = memoryHttp();
  const login = await t.caller({ http }).auth.login({ username, password: PASSWORD });
  const { actor } = await t.core.auth.resolveAccessToken(login.accessToken);
  return { http, caller: t.caller({ http, actor }), login };
};

describe('users router', () => {
  it('register: happy path, duplicate, closed', async () => {
    const t = await createAccountsApp();
    const user = await t
      .caller()
      .users.register({ username: 'rey_s', email: 'Rey@Jakku.org', password: PASSWORD });
    expect(user).toMatchObject({
      username: 'rey_s',
      email: 'rey@jakku.org',
      role: 'padawan',
      isEmailVerified: false,
    });
    await expect(
      t.caller().users.register({ username: 'rey_s', email: 'x@y.org', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      t.caller().users.register({ username: 'x', email: 'x@y.org', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await t.core.settings.setSwitch('registration_enabled', false);
    await expect(
      t.caller().users.register({ username: 'other', email: 'o@y.org', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('me / update require a user', async () => {
    const t = await createAccountsApp();
    await expect(t.caller().users.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const { caller } = await signedIn(t);
    expect(await caller.users.me()).toMatchObject({
      username: 'luke_s',
      accessScope: 'full',
      preferredTheme: 'spatial',
    });
    const updated = await caller.users.update({
      gradeLevel: 4,
      gradeSystem: 'suisse',
      accessibilitySettings: { large_text: true },
    });
    expect(updated).toMatchObject({
      gradeLevel: 4,
      gradeSystem: 'suisse',
      accessibilitySettings: { large_text: true },
    });
    expect(updated.onboardingCompletedAt).toBeInstanceOf(Date);
    await expect(
      caller.users.update({ gradeLevel: 12, gradeSystem: 'suisse' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.users.update({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('full-access procedures refuse exercises_only accounts', async () => {
    const t = await createAccountsApp();
    await t
      .caller({ http: memoryHttp() })
      .users.register({ username: 'late', email: 'late@example.org', password: PASSWORD });
    t.clock.advance(46 * 60_000);
    const login = await t
      .caller({ http: memoryHttp() })
      .auth.login({ username: 'late', password: PASSWORD });
    const { actor } = await t.core.auth.resolveAccessToken(login.accessToken);
    const caller = t.caller({ actor });
    expect(await caller.users.me()).toMatchObject({ accessScope: 'exercises_only' });
    for (const call of [
      () => caller.users.export(),
      () => caller.users.listSessions(),
      () => caller.users.changePassword({ currentPassword: PASSWORD, newPassword: 'Nouveau2026' }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
      });
    }
  });

  it('changePassword, sessions, revokeSession, export, delete', async () => {
    const t = await createAccountsApp();
    const { caller } = await signedIn(t);
    const other = await t
      .caller({ http: memoryHttp() })
      .auth.login({ username: 'luke_s', password: PASSWORD });
    const sessions = await caller.users.listSessions();
    expect(sessions).toHaveLength(2);
    const otherSession = sessions.find((s) => !s.isCurrent);
    expect(await caller.users.revokeSession({ sessionId: otherSession?.id ?? 0 })).toMatchObject({
      success: true,
    });
    expect((await t.core.auth.resolveAccessToken(other.accessToken)).actor).toBeNull();
    await expect(caller.users.revokeSession({ sessionId: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      caller.users.changePassword({ currentPassword: 'Wrong2026', newPassword: 'Nouveau2026' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await caller.users.changePassword({ currentPassword: PASSWORD, newPassword: 'Nouveau2026' }),
    ).toMatchObject({ success: true });
    const exported = await caller.users.export();
    expect(exported.profile.username).toBe('luke_s');
    await expect(caller.users.delete({ userId: exported.profile.id + 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await caller.users.deleteMe()).toMatchObject({ success: true });
    await expect(caller.users.me()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
