import { beforeEach, describe, expect, it } from 'vitest';

import { ctxFor } from '../testing/gamification.ts';
import { createUser, getTestDb, resetDb } from '../testing/index.ts';
import { makeLeaderboardService } from './leaderboard.service.ts';

const { db, prisma } = await getTestDb();

beforeEach(async () => {
  await resetDb(prisma);
});

describe('leaderboard', () => {
  const board = makeLeaderboardService({ db });

  it('orders by points then id, filters privacy before the limit, and filters by age group', async () => {
    const a = await createUser(prisma, { totalPoints: 300, username: 'aaa' });
    const hidden = await createUser(prisma, {
      totalPoints: 900,
      preferences: { privacy_settings: { show_in_leaderboards: false } },
    });
    const b = await createUser(prisma, {
      totalPoints: 300,
      username: 'bbb',
      preferredAgeGroup: 'GROUP_9_11',
    });
    const c = await createUser(prisma, {
      totalPoints: 1500,
      preferredAgeGroup: 'GROUP_9_11',
      preferences: { privacy_settings: { show_in_leaderboards: true } },
    });
    await createUser(prisma, { totalPoints: 5000, isActive: false });

    const top2 = await board.list(ctxFor(a.id), { limit: 2 });
    expect(top2.items.map((i) => i.username)).toEqual([
      (await prisma.user.findUniqueOrThrow({ where: { id: c.id }, select: { username: true } }))
        .username,
      'aaa',
    ]);
    expect(top2.items[0]).toMatchObject({
      rank: 1,
      totalPoints: 1500,
      currentLevel: 16,
      jediRank: 'knight',
      isCurrentUser: false,
    });
    expect(top2.items[1]).toMatchObject({
      rank: 2,
      isCurrentUser: true,
      currentLevel: 4,
      jediRank: 'youngling',
    });
    expect(
      (await board.list(ctxFor(a.id), { limit: 50 })).items.map((i) => i.username),
    ).not.toContain(hidden.username);

    const kids = await board.list(ctxFor(a.id), { limit: 50, ageGroup: '9-11' });
    expect(kids.items.map((i) => i.rank)).toEqual([1, 2]);
    expect(kids.items[1]?.username).toBe('bbb');
    expect((await board.list(ctxFor(a.id), { limit: 50, ageGroup: 'nonsense' })).items).toEqual([]);
    expect(b.id).toBeGreaterThan(a.id);
  });
});
