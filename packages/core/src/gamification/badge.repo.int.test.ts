import { afterEach, describe, expect, it } from 'vitest';

import { restoreCatalogue } from '../testing/gamification.ts';
import { createAchievement, getTestDb } from '../testing/index.ts';
import { badgeSelect, findActiveBadges } from './badge.repo.ts';

const { db, prisma } = await getTestDb();

afterEach(async () => {
  await restoreCatalogue(prisma);
});

/** What Prisma's own query gives for the same rows: the oracle of the raw statement. */
const prismaRead = () =>
  prisma.achievement.findMany({
    where: { isActive: true },
    select: badgeSelect,
    orderBy: { id: 'asc' },
  });

describe('findActiveBadges (the raw statement the submit transaction reads the catalogue with)', () => {
  it('gives the rows, values and key order of Prisma’s read of the seeded catalogue', async () => {
    const viaTransaction = await db.sqlTransaction((tx) => findActiveBadges(tx));
    const expected = await prismaRead();
    expect(expected.length).toBeGreaterThan(0);
    expect(viaTransaction).toEqual(expected);
    expect(viaTransaction.map((b) => Object.keys(b))).toEqual(expected.map((b) => Object.keys(b)));
  });

  it('is the same with nulls, another tier, a secret badge, and without the inactive ones', async () => {
    await createAchievement(prisma, {
      tier: null,
      category: null,
      description: null,
      starWarsTitle: null,
      iconUrl: null,
      isSecret: true,
      requirements: { consecutive_days: 3 },
    });
    await createAchievement(prisma, { tier: 'LEGENDARY', iconUrl: '/badges/x.svg' });
    const hidden = await createAchievement(prisma, { isActive: false });
    const viaClient = await findActiveBadges(prisma);
    expect(viaClient).toEqual(await prismaRead());
    expect(viaClient.some((b) => b.id === hidden.id)).toBe(false);
    expect(viaClient.some((b) => b.tier === null && b.isSecret)).toBe(true);
  });
});
