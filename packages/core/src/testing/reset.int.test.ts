import { describe, expect, it } from 'vitest';

import { applyReferenceData, DEFAULT_SETTING_ROWS } from '../reference/index.ts';
import { getTestDb, resetDb } from './index.ts';

describe('test database harness', () => {
  it('starts migrated with the reference data, which is idempotent', async () => {
    const { prisma } = await getTestDb();
    expect(await prisma.achievement.count()).toBeGreaterThan(0);
    expect(await applyReferenceData(prisma)).toEqual({
      badgesInserted: 0,
      badgesUpdated: 0,
      settingsInserted: 0,
      challengesInserted: 0,
      challengesUpdated: 0,
    });
  });

  it('resetDb clears user data, restarts identities, keeps the badge catalogue and restores default settings', async () => {
    const { prisma } = await getTestDb();
    const badges = await prisma.achievement.findMany({
      select: { id: true, code: true },
      orderBy: { id: 'asc' },
    });
    await prisma.user.create({
      data: { username: 'han', email: 'han@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    await prisma.user.create({
      data: { username: 'chewie', email: 'chewie@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    const firstKey = DEFAULT_SETTING_ROWS[0]?.key ?? '';
    await prisma.setting.update({ where: { key: firstKey }, data: { value: 'changed by a test' } });
    await prisma.setting.create({ data: { key: 'extra_test_setting', value: '1' } });

    await resetDb(prisma);

    expect(await prisma.user.count()).toBe(0);
    // The starter challenges of the migrated template are content: tests start without them.
    expect(await prisma.logicChallenge.count()).toBe(0);
    const user = await prisma.user.create({
      data: { username: 'rey', email: 'rey@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    expect(user.id).toBe(1);
    expect(
      await prisma.achievement.findMany({
        select: { id: true, code: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(badges);
    const settings = await prisma.setting.findMany({
      select: { key: true, value: true },
      orderBy: { key: 'asc' },
    });
    expect(settings.map((s) => s.key)).toEqual(DEFAULT_SETTING_ROWS.map((r) => r.key).sort());
    expect(settings.find((s) => s.key === firstKey)?.value).toBe(DEFAULT_SETTING_ROWS[0]?.value);
  });
});
