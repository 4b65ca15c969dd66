import { beforeEach, describe, expect, it } from 'vitest';

import {
  createGamificationHarness,
  ctxFor,
  movableClock,
  restoreCatalogue,
} from '../testing/gamification.ts';
import {
  awardBadge,
  createChallengeAttempt,
  createUser,
  getTestDb,
  pinBadge,
  resetDb,
} from '../testing/index.ts';
import { BADGE_CACHE_TTL_MS } from './badge.service.ts';

const START = new Date('2026-03-10T12:00:00.000Z');
const { db, prisma } = await getTestDb();
const clock = movableClock(START);
let h = createGamificationHarness(db, clock);

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  clock.set(START);
  // A fresh service (fresh caches) per test.
  h = createGamificationHarness(db, clock);
});

const badgeId = async (code: string) =>
  (await prisma.achievement.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

describe('stats cache (60 s per user)', () => {
  it('serves the cached value within the TTL, but never a stale "not earned" after an award', async () => {
    const user = await createUser(prisma);
    const before = await h.badges.stats(ctxFor(user.id));
    expect(before.badgesSummary.totalBadges).toBe(0);

    // A change the cache does not watch (a raw attempt) stays invisible within the TTL…
    await h.bulkAttempts(user.id, 2, { correct: false });
    expect((await h.badges.stats(ctxFor(user.id))).performance.totalAttempts).toBe(0);
    clock.advance(BADGE_CACHE_TTL_MS.stats + 1);
    expect((await h.badges.stats(ctxFor(user.id))).performance.totalAttempts).toBe(2);

    // …but an award (submission step) invalidates it at once.
    const r = await h.submit(user.id);
    expect(r.newBadges.length).toBeGreaterThan(0);
    const after = await h.badges.stats(ctxFor(user.id));
    expect(after.badgesSummary.totalBadges).toBe(r.newBadges.length);
    expect(after.userStats.totalPoints).toBe(r.newBadges.reduce((s, b) => s + b.pointsReward, 0));
    expect(after.performance).toEqual({
      totalAttempts: 3,
      correctAttempts: 1,
      successRate: 33.3,
      avgTimeSpent: 12,
    });
  });

  it('check and pin invalidate it too', async () => {
    const user = await createUser(prisma);
    expect((await h.badges.stats(ctxFor(user.id))).badgesSummary.totalBadges).toBe(0);
    for (let i = 0; i < 5; i += 1) await createChallengeAttempt(prisma, { userId: user.id });
    await h.badges.check(ctxFor(user.id));
    const stats = await h.badges.stats(ctxFor(user.id));
    expect(stats.badgesSummary).toEqual({ totalBadges: 1, byCategory: { discovery: 1 } });
    await h.badges.pin(ctxFor(user.id), { badgeIds: [await badgeId('logic_explorer')] });
    expect((await h.badges.stats(ctxFor(user.id))).userStats.pinnedBadgeIds).toEqual([
      await badgeId('logic_explorer'),
    ]);
  });
});

describe('rarity cache (90 s)', () => {
  it('counts active users, is cached, and is refreshed by an award', async () => {
    const a = await createUser(prisma);
    await createUser(prisma);
    await createUser(prisma, { isActive: false });
    const first = await h.badges.rarity(ctxFor(a.id));
    expect(first).toEqual({ totalUsers: 2, items: [] });

    await h.submit(a.id);
    const afterAward = await h.badges.rarity(ctxFor(a.id));
    expect(afterAward.items).toContainEqual({
      badgeId: await badgeId('first_steps'),
      unlockCount: 1,
      unlockPercent: 50,
      rarity: 'common',
    });

    // Once the award's commit window has passed, reads are cached again: a change made behind the
    // service's back stays hidden until the TTL expires.
    clock.advance(30_000);
    await h.badges.rarity(ctxFor(a.id));
    await awardBadge(prisma, { userId: a.id, achievementId: await badgeId('marathon') });
    expect((await h.badges.rarity(ctxFor(a.id))).items.map((i) => i.badgeId)).not.toContain(
      await badgeId('marathon'),
    );
    clock.advance(BADGE_CACHE_TTL_MS.rarity + 1);
    expect((await h.badges.rarity(ctxFor(a.id))).items.map((i) => i.badgeId)).toContain(
      await badgeId('marathon'),
    );
  });
});

describe('pins', () => {
  it('keeps the first three requested ids that are earned, in order, and replaces previous pins', async () => {
    const user = await createUser(prisma);
    const [b1, b2, b3, b4] = await Promise.all(
      ['first_steps', 'padawan_path', 'meteore', 'flash'].map(badgeId),
    );
    for (const id of [b1, b2, b3, b4])
      await awardBadge(prisma, { userId: user.id, achievementId: id });
    await pinBadge(prisma, { userId: user.id, achievementId: b4 ?? 0, position: 1 });
    const notEarned = await badgeId('marathon');
    expect(
      await h.badges.pin(ctxFor(user.id), { badgeIds: [notEarned, b3 ?? 0, b1 ?? 0, b2 ?? 0] }),
    ).toEqual({ pinnedBadgeIds: [b3, b1] });
    expect((await h.badges.listEarned(ctxFor(user.id))).userStats.pinnedBadgeIds).toEqual([b3, b1]);
    expect(await h.badges.pin(ctxFor(user.id), { badgeIds: [] })).toEqual({ pinnedBadgeIds: [] });
  });
});

describe('progress', () => {
  it('lists every active badge: earned ones unlocked, others with progress (secret included)', async () => {
    const user = await createUser(prisma);
    await h.bulkAttempts(user.id, 4, { correct: true });
    await h.badges.check(ctxFor(user.id));
    const p = await h.badges.progress(ctxFor(user.id));
    expect(p.unlocked.map((u) => u.code)).toEqual(['first_steps', 'perfect_day', 'explorer']);
    expect(p.inProgress).toHaveLength(29);
    expect(p.inProgress.find((i) => i.code === 'padawan_path')).toEqual({
      id: await badgeId('padawan_path'),
      code: 'padawan_path',
      name: 'Voie du Padawan',
      progress: 0.4,
      current: 4,
      target: 10,
      criteriaText: 'Résoudre 10 exercices',
      isSecret: false,
    });
    expect(p.inProgress.find((i) => i.code === 'logic_legend')).toMatchObject({
      isSecret: true,
      progress: 0,
      target: 50,
    });
  });
});
