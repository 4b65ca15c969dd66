import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { PrismaClient } from '../db/generated/client.ts';
import { getTestDb, resetDb } from '../testing/index.ts';
import { applyReferenceData, REFERENCE_DATA_VERSION } from './apply.ts';
import { parseBadgeRequirement } from './badge-requirements.ts';
import { BADGE_CATALOGUE } from './badges.ts';
import { DEFAULT_SETTING_ROWS } from './settings.ts';

/** Every reference row, serialised by PostgreSQL itself (byte-level comparison). */
const snapshotReferenceRows = async (prisma: PrismaClient): Promise<string[]> => {
  const rows = await prisma.$queryRaw<{ row: string }[]>`
    SELECT row_to_json(a)::text AS row FROM achievements a
    UNION ALL
    SELECT row_to_json(s)::text AS row FROM settings s
    ORDER BY row`;
  return rows.map((r) => r.row);
};

describe('reference data', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    await resetDb(prisma);
  });

  it('has a version', () => {
    expect(REFERENCE_DATA_VERSION).toMatch(/\S/);
  });

  it('inserts the 32 badges and the default settings into empty reference tables', async () => {
    // The harness database already holds the reference data: empty its tables first.
    await prisma.achievement.deleteMany({});
    await prisma.setting.deleteMany({});

    const result = await applyReferenceData(prisma);

    expect(result).toEqual({
      badgesInserted: 32,
      badgesUpdated: 0,
      settingsInserted: DEFAULT_SETTING_ROWS.length,
    });
    expect(await prisma.achievement.count()).toBe(32);
    expect(await prisma.setting.count()).toBe(6);

    const stored = await prisma.achievement.findMany({
      select: { code: true, requirements: true, isActive: true, pointsReward: true },
    });
    expect(stored.every((b) => b.isActive)).toBe(true);
    expect(stored.reduce((sum, b) => sum + b.pointsReward, 0)).toBe(1915);
    // What the database returns is still evaluable by a badge engine.
    for (const badge of stored) {
      expect(parseBadgeRequirement(badge.requirements), badge.code).not.toBeNull();
    }

    const maintenance = await prisma.setting.findUnique({
      where: { key: 'maintenance_mode' },
      select: { value: true, category: true, isSystem: true, isPublic: true },
    });
    expect(maintenance).toEqual({
      value: 'false',
      category: 'système',
      isSystem: true,
      isPublic: false,
    });
  });

  it('is a no-op the second time: zero counts, byte-identical rows', async () => {
    const before = await snapshotReferenceRows(prisma);

    const result = await applyReferenceData(prisma);

    expect(result).toEqual({ badgesInserted: 0, badgesUpdated: 0, settingsInserted: 0 });
    expect(await snapshotReferenceRows(prisma)).toEqual(before);
    expect(await prisma.achievement.count()).toBe(32);
  });

  it('keeps admin-edited settings and re-creates only missing ones', async () => {
    await prisma.setting.update({
      where: { key: 'max_export_rows' },
      data: { value: '500' },
      select: { id: true },
    });
    await prisma.setting.delete({
      where: { key: 'feature_chat_enabled' },
      select: { id: true },
    });

    const result = await applyReferenceData(prisma);

    expect(result).toEqual({ badgesInserted: 0, badgesUpdated: 0, settingsInserted: 1 });
    const rows = await prisma.setting.findMany({
      where: { key: { in: ['max_export_rows', 'feature_chat_enabled'] } },
      select: { key: true, value: true },
      orderBy: { key: 'asc' },
    });
    expect(rows).toEqual([
      { key: 'feature_chat_enabled', value: 'true' },
      { key: 'max_export_rows', value: '500' },
    ]);
  });

  it('restores catalogue fields of a drifted badge but keeps an admin deactivation', async () => {
    const first = BADGE_CATALOGUE[0];
    expect(first).toBeDefined();
    const code = first?.code ?? '';
    await prisma.achievement.update({
      where: { code },
      data: { name: 'Renamed', requirements: { attempts_count: 99 }, isActive: false },
      select: { id: true },
    });

    const result = await applyReferenceData(prisma);

    expect(result).toEqual({ badgesInserted: 0, badgesUpdated: 1, settingsInserted: 0 });
    const badge = await prisma.achievement.findUnique({
      where: { code },
      select: { name: true, requirements: true, isActive: true },
    });
    expect(badge).toEqual({
      name: first?.name,
      requirements: first?.requirements,
      isActive: false,
    });
    expect(await applyReferenceData(prisma)).toEqual({
      badgesInserted: 0,
      badgesUpdated: 0,
      settingsInserted: 0,
    });
  });
});
