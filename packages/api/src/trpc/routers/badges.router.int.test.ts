import type { inferProcedureInput } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import { createChallengeAttempt, createUser, getTestDb, resetDb } from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock, signedInAs } from '../../testing/index.ts';
import type { AppRouter } from './_app.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-02-14T10:20:30.000Z');

const appAs = async (actor: Actor | null) =>
  createTestApp({
    clock: fixedClock(NOW),
    resolveAuth: signedInAs(actor),
  });

describe('badges router', () => {
  it('returns clean DTOs with the same rules', async () => {
    const user = await createUser(prisma);
    for (let i = 0; i < 5; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    const t = await appAs(actorOf(user));
    const caller = t.createCaller({ actor: actorOf(user) });
    const checked = await caller.badges.check();
    expect(checked.newBadges).toEqual([
      expect.objectContaining({ code: 'logic_explorer', difficulty: 'bronze', earnedAt: NOW }),
    ]);
    const id = checked.newBadges[0]?.id ?? 0;
    expect(await caller.badges.pin({ badgeIds: [id] })).toEqual({ pinnedBadgeIds: [id] });
    const tooMany: inferProcedureInput<AppRouter['badges']['pin']> = { badgeIds: [1, 2, 3, 4] };
    await expect(caller.badges.pin(tooMany)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await caller.badges.listEarned()).userStats).toEqual({
      totalPoints: 20,
      currentLevel: 1,
      experiencePoints: 20,
      jediRank: 'youngling',
      pinnedBadgeIds: [id],
      currentStreak: 0,
      bestStreak: 0,
    });
    expect((await caller.badges.rarity()).items).toEqual([
      { badgeId: id, unlockCount: 1, unlockPercent: 100, rarity: 'common' },
    ]);
    expect((await caller.badges.progress()).unlocked).toEqual([
      { id, code: 'logic_explorer', name: 'Explorateur des Défis' },
    ]);
    expect((await caller.leaderboard.list()).items).toEqual([
      {
        rank: 1,
        username: user.username,
        totalPoints: 20,
        currentLevel: 1,
        jediRank: 'youngling',
        isCurrentUser: true,
      },
    ]);
    const anon = t.createCaller({ actor: null });
    expect(await anon.badges.listAvailable()).toHaveLength(32);
    await expect(anon.leaderboard.list({ limit: 5 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anon.badges.stats()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const scoped = t.createCaller({ actor: actorOf(user, 'exercises_only') });
    await expect(scoped.badges.check()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await scoped.badges.stats()).badgesSummary.totalBadges).toBe(1);
  });
});

describe('leaderboard.list', () => {
  it('validates its input and filters privacy before the limit', async () => {
    const me = await createUser(prisma, { totalPoints: 10 });
    await createUser(prisma, {
      totalPoints: 500,
      preferences: { privacy_settings: { show_in_leaderboards: false } },
    });
    const other = await createUser(prisma, { totalPoints: 100 });
    const caller = (await appAs(actorOf(me))).createCaller({ actor: actorOf(me) });
    expect((await caller.leaderboard.list({ limit: 1 })).items).toEqual([
      {
        rank: 1,
        username: other.username,
        totalPoints: 100,
        currentLevel: 2,
        jediRank: 'youngling',
        isCurrentUser: false,
      },
    ]);
    await expect(caller.leaderboard.list({ limit: 101 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const scoped = (await appAs(actorOf(me, 'exercises_only'))).createCaller({
      actor: actorOf(me, 'exercises_only'),
    });
    await expect(scoped.leaderboard.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
