import { afterEach, describe, expect, it } from 'vitest';

import { restoreCatalogue } from '../testing/gamification.ts';
import { createAchievement, getTestDb } from '../testing/index.ts';
import { badgeSelect, findActiveBadges, findCatalogueFingerprint } from './badge.repo.ts';

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

describe('findCatalogueFingerprint (how a cached catalogue learns it is stale)', () => {
  const fingerprint = () => findCatalogueFingerprint(prisma);

  it('is stable while nothing changes, and changes with every kind of committed change', async () => {
    let last = await fingerprint();
    const expectChanged = async () => {
      const now = await fingerprint();
      expect(now).not.toBe(last);
      expect(await fingerprint()).toBe(now);
      last = now;
    };
    const original = last;
    expect(await fingerprint()).toBe(original);
    const added = await createAchievement(prisma);
    await expectChanged();
    await prisma.achievement.update({ where: { id: added.id }, data: { pointsReward: 42 } });
    await expectChanged();
    // An update that writes the same values is a new row version all the same.
    await prisma.achievement.update({ where: { id: added.id }, data: { pointsReward: 42 } });
    await expectChanged();
    await prisma.achievement.delete({ where: { id: added.id } });
    await expectChanged();
    // The same rows as at the start: the same fingerprint.
    expect(last).toBe(original);
    // A deletion and an insertion in one transaction (the row count is unchanged).
    const other = await createAchievement(prisma);
    await expectChanged();
    await prisma.$transaction(async (tx) => {
      await tx.achievement.delete({ where: { id: other.id } });
      await createAchievement(tx);
    });
    await expectChanged();
  });
});
