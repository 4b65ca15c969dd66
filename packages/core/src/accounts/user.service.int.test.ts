import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AuthedCtx, Ctx } from '../kernel/deps.ts';
import { testCoreConfig } from '../testing/accounts.ts';
import {
  createAttempt,
  createExercise,
  createFeedbackReport,
  getTestDb,
  resetDb,
  type TestDatabase,
} from '../testing/index.ts';

const log = pino({ level: 'silent' });
const ctx: Ctx = { actor: null, log, requestId: 'test' };
const client = { ip: '203.0.113.9', userAgent: 'vitest' };

let test: TestDatabase;
beforeAll(async () => {
  test = await getTestDb();
});
beforeEach(async () => {
  await resetDb(test.prisma);
});

const build = () => {
  let now = new Date('2026-02-14T10:00:00.000Z').getTime();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  return { core: createCore({ db: test.db, log, clock, config: testCoreConfig() }), clock };
};

const signedIn = async (
  core: ReturnType<typeof build>['core'],
  username = 'luke_s',
): Promise<AuthedCtx> => {
  await core.users.register(
    ctx,
    { username, email: `${username}@example.org`, password: 'Padawan2026' },
    client,
  );
  const login = await core.auth.login(ctx, { username, password: 'Padawan2026' }, client);
  const { actor } = await core.auth.resolveAccessToken(login.accessToken);
  if (!actor) throw new Error('not signed in');
  return { actor, log, requestId: 'test' };
};

describe('user service', () => {
  it('updateMe: shallow-merges preferences, maps the age group, completes onboarding once', async () => {
    const { core, clock } = build();
    const me = await signedIn(core);
    const first = await core.users.updateMe(me, {
      accessibilitySettings: { a: 1, privacy_settings: { x: true } },
      preferredDifficulty: '9-11',
    });
    expect(first).toMatchObject({
      accessibilitySettings: { a: 1, privacy_settings: { x: true } },
      preferredDifficulty: '9-11',
    });
    expect(first.onboardingCompletedAt?.toISOString()).toBe('2026-02-14T10:00:00.000Z');
    clock.advance(60_000);
    const second = await core.users.updateMe(me, {
      accessibilitySettings: { privacy_settings: { y: false } },
      learningGoal: null,
    });
    expect(second.accessibilitySettings).toEqual({ a: 1, privacy_settings: { y: false } });
    expect(second.onboardingCompletedAt?.toISOString()).toBe('2026-02-14T10:00:00.000Z');
    expect(
      (await core.users.updateMe(me, { accessibilitySettings: null })).accessibilitySettings,
    ).toEqual({});
  });

  it('updateMe: a taken e-mail is a CONFLICT answered 400 on the legacy route', async () => {
    const { core } = build();
    const me = await signedIn(core);
    await signedIn(core, 'other');
    await expect(core.users.updateMe(me, { email: 'other@example.org' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cette adresse email est déjà utilisée.',
      legacy: { status: 400 },
    });
  });

  it('deleteMe removes only what is the user’s: authored exercises and reports survive', async () => {
    const { core } = build();
    const me = await signedIn(core);
    const other = await signedIn(core, 'other');
    const mine = await createExercise(test.prisma, { creatorId: me.actor.userId });
    await createAttempt(test.prisma, { userId: other.actor.userId, exerciseId: mine.id });
    await createAttempt(test.prisma, { userId: me.actor.userId, exerciseId: mine.id });
    await createFeedbackReport(test.prisma, { userId: me.actor.userId });
    await core.users.deleteMe(me);
    expect(
      await test.prisma.exercise.findUnique({
        where: { id: mine.id },
        select: { creatorId: true },
      }),
    ).toEqual({ creatorId: null });
    expect(await test.prisma.attempt.count({ where: { exerciseId: mine.id } })).toBe(1);
    expect(await test.prisma.feedbackReport.count({ where: { userId: null } })).toBe(1);
    expect(await test.prisma.userSession.count({ where: { userId: me.actor.userId } })).toBe(0);
    expect((await core.auth.resolveAccessToken(undefined)).actor).toBeNull();
  });

  it('exportMe contains the user’s rows and nothing secret', async () => {
    const { core } = build();
    const me = await signedIn(core);
    const exercise = await createExercise(test.prisma);
    await createAttempt(test.prisma, { userId: me.actor.userId, exerciseId: exercise.id });
    const exported = await core.users.exportMe(me);
    expect(exported.exerciseAttempts).toHaveLength(1);
    expect(exported.sessions).toHaveLength(1);
    expect(exported.sessions[0]?.isCurrent).toBe(true);
    expect(JSON.stringify(exported)).not.toMatch(/hashedPassword|\$2b\$/);
  });

  it('ensureAdmin is idempotent, promotes an existing account and refuses weak passwords', async () => {
    const { core } = build();
    await expect(
      core.users.ensureAdmin(ctx, {
        email: 'root@example.org',
        username: 'root',
        password: 'Admin123',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const created = await core.users.ensureAdmin(ctx, {
      email: 'Root@Example.org',
      username: 'root',
      password: 'Grand-Archiviste-2026',
    });
    expect(created).toMatchObject({ created: true, promoted: false });
    expect(
      await core.users.ensureAdmin(ctx, {
        email: 'root@example.org',
        username: 'root',
        password: 'whatever',
      }),
    ).toMatchObject({
      created: false,
      promoted: false,
      userId: created.userId,
    });
    const login = await core.auth.login(
      ctx,
      { username: 'root', password: 'Grand-Archiviste-2026' },
      client,
    );
    expect(login.user).toMatchObject({ role: 'archiviste', isEmailVerified: true });
    // A learner who registered the configured name or address is never promoted silently.
    await signedIn(core, 'padme');
    await expect(
      core.users.ensureAdmin(ctx, {
        email: 'x@example.org',
        username: 'padme',
        password: 'irrelevant',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      core.users.ensureAdmin(ctx, {
        email: 'x@example.org',
        username: 'padme',
        password: 'irrelevant',
        promoteExisting: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // Unverified owner of the configured address: still refused, even with --promote.
    await expect(
      core.users.ensureAdmin(ctx, {
        email: 'padme@example.org',
        username: 'other_admin',
        password: 'irrelevant',
        promoteExisting: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The verified owner of the configured address is promoted on explicit request.
    const { prisma } = await getTestDb();
    await prisma.user.update({ where: { username: 'padme' }, data: { isEmailVerified: true } });
    expect(
      await core.users.ensureAdmin(ctx, {
        email: 'padme@example.org',
        username: 'padme',
        password: 'irrelevant',
        promoteExisting: true,
      }),
    ).toMatchObject({ created: false, promoted: true });
  });
});
