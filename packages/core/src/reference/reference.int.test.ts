import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { PrismaClient } from '../db/generated/client.ts';
import { createLogicChallenge, getTestDb, resetDb } from '../testing/index.ts';
import {
  applyReferenceData,
  ensureReferenceData,
  REFERENCE_DATA_VERSION,
  referenceDataIsCurrent,
} from './apply.ts';
import { parseBadgeRequirement } from './badge-requirements.ts';
import { BADGE_CATALOGUE } from './badges.ts';
import { STARTER_SOURCE } from './challenges/apply-starter-challenges.ts';
import { starterReference } from './challenges/starter-challenge.types.ts';
import { STARTER_CHALLENGES } from './challenges/starter-challenges.ts';
import { DEFAULT_SETTING_ROWS } from './settings.ts';

const STARTER_COUNT = STARTER_CHALLENGES.length;
const NOTHING = {
  badgesInserted: 0,
  badgesUpdated: 0,
  settingsInserted: 0,
  challengesInserted: 0,
  challengesUpdated: 0,
};

/** Every reference row, serialised by PostgreSQL itself (byte-level comparison). */
const snapshotReferenceRows = async (prisma: PrismaClient): Promise<string[]> => {
  const rows = await prisma.$queryRaw<{ row: string }[]>`
    SELECT row_to_json(a)::text AS row FROM achievements a
    UNION ALL
    SELECT row_to_json(s)::text AS row FROM settings s
    UNION ALL
    SELECT row_to_json(c)::text AS row FROM logic_challenges c
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
    // A deployed database: resetDb leaves the starter challenges out, put them back.
    await applyReferenceData(prisma);
  });

  it('has a version', () => {
    expect(REFERENCE_DATA_VERSION).toMatch(/\S/);
  });

  it('inserts the 32 badges and the default settings into empty reference tables', async () => {
    // The harness database already holds the reference data: empty its tables first.
    await prisma.achievement.deleteMany({});
    await prisma.setting.deleteMany({});
    await prisma.logicChallenge.deleteMany({});

    const result = await applyReferenceData(prisma);

    expect(result).toEqual({
      badgesInserted: 32,
      badgesUpdated: 0,
      settingsInserted: DEFAULT_SETTING_ROWS.length,
      challengesInserted: STARTER_COUNT,
      challengesUpdated: 0,
    });
    expect(await prisma.achievement.count()).toBe(32);
    expect(await prisma.setting.count()).toBe(DEFAULT_SETTING_ROWS.length);

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

    expect(result).toEqual(NOTHING);
    expect(await snapshotReferenceRows(prisma)).toEqual(before);
    expect(await prisma.achievement.count()).toBe(32);
    expect(await prisma.logicChallenge.count()).toBe(STARTER_COUNT);
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

    expect(result).toEqual({ ...NOTHING, settingsInserted: 1 });
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

    expect(result).toEqual({ ...NOTHING, badgesUpdated: 1 });
    const badge = await prisma.achievement.findUnique({
      where: { code },
      select: { name: true, requirements: true, isActive: true },
    });
    expect(badge).toEqual({
      name: first?.name,
      requirements: first?.requirements,
      isActive: false,
    });
    expect(await applyReferenceData(prisma)).toEqual(NOTHING);
  });
});

describe('whether the reference data is current (the check before applying)', () => {
  let prisma: PrismaClient;
  const firstBadge = BADGE_CATALOGUE[0];
  const firstStarter = STARTER_CHALLENGES[0];
  const badgeCode = firstBadge?.code ?? '';
  const starterRef = starterReference(firstStarter?.key ?? '');

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    await resetDb(prisma);
    await applyReferenceData(prisma);
  });

  // Each case changes a deployed database, then states whether applying would still write nothing.
  const cases: {
    name: string;
    change: (db: PrismaClient) => Promise<unknown>;
    current: boolean;
  }[] = [
    { name: 'nothing changed', change: () => Promise.resolve(), current: true },
    {
      name: 'an admin deactivated a badge',
      change: (db) =>
        db.achievement.update({ where: { code: badgeCode }, data: { isActive: false } }),
      current: true,
    },
    {
      name: 'an admin changed a setting value',
      change: (db) =>
        db.setting.update({ where: { key: 'max_export_rows' }, data: { value: '7' } }),
      current: true,
    },
    {
      name: 'an admin edited and archived a starter challenge',
      change: (db) =>
        db.logicChallenge.updateMany({
          where: { sourceReference: starterRef },
          data: { title: 'Titre revu', isArchived: true },
        }),
      current: true,
    },
    {
      name: 'a later copy reuses a starter key (the first row is the catalogue’s)',
      change: (db) => createLogicChallenge(db, { sourceReference: starterRef }),
      current: true,
    },
    {
      name: 'a badge renamed',
      change: (db) =>
        db.achievement.update({ where: { code: badgeCode }, data: { name: 'Autre' } }),
      current: false,
    },
    {
      name: "a badge's requirements changed",
      change: (db) =>
        db.achievement.update({
          where: { code: badgeCode },
          data: { requirements: { attempts_count: 999 } },
        }),
      current: false,
    },
    {
      name: "a badge's tier removed",
      change: (db) => db.achievement.update({ where: { code: badgeCode }, data: { tier: null } }),
      current: false,
    },
    {
      name: 'a badge deleted',
      change: (db) => db.achievement.delete({ where: { code: badgeCode } }),
      current: false,
    },
    {
      name: 'a default setting deleted',
      change: (db) => db.setting.delete({ where: { key: 'feature_chat_enabled' } }),
      current: false,
    },
    {
      name: 'a starter challenge deleted',
      change: (db) => db.logicChallenge.deleteMany({ where: { sourceReference: starterRef } }),
      current: false,
    },
    {
      name: 'a starter challenge written from an older catalogue entry',
      change: (db) =>
        db.logicChallenge.updateMany({
          where: { sourceReference: starterRef },
          data: {
            generationParameters: {
              source: STARTER_SOURCE,
              key: firstStarter?.key,
              revision: 'old',
            },
          },
        }),
      current: false,
    },
    {
      name: 'empty reference tables',
      change: async (db) => {
        await db.achievement.deleteMany({});
        await db.setting.deleteMany({});
        await db.logicChallenge.deleteMany({});
      },
      current: false,
    },
  ];

  it.each(cases)('$name: current = $current, exactly when applying writes nothing', async (c) => {
    await c.change(prisma);

    expect(await referenceDataIsCurrent(prisma)).toBe(c.current);
    // The oracle: applying writes nothing exactly when the check says current.
    const applied = await applyReferenceData(prisma);
    expect(
      applied.badgesInserted + applied.badgesUpdated + applied.settingsInserted === 0 &&
        applied.challengesInserted + applied.challengesUpdated === 0,
    ).toBe(c.current);
    expect(await referenceDataIsCurrent(prisma)).toBe(true);
  });

  it('ensureReferenceData writes nothing when current and applies when not', async () => {
    const before = await snapshotReferenceRows(prisma);
    expect(await ensureReferenceData(prisma)).toEqual(NOTHING);
    expect(await snapshotReferenceRows(prisma)).toEqual(before);

    await prisma.achievement.update({ where: { code: badgeCode }, data: { name: 'Autre' } });
    await prisma.setting.delete({ where: { key: 'feature_chat_enabled' } });
    expect(await ensureReferenceData(prisma)).toEqual({
      ...NOTHING,
      badgesUpdated: 1,
      settingsInserted: 1,
    });
    expect(await referenceDataIsCurrent(prisma)).toBe(true);
  });
});

describe('starter challenge catalogue', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ prisma } = await getTestDb());
  });

  beforeEach(async () => {
    // resetDb leaves the catalogue out: every test here starts without logic challenges.
    await resetDb(prisma);
  });

  const starterRows = () =>
    prisma.logicChallenge.findMany({
      where: { sourceReference: { startsWith: 'starter:' } },
      select: {
        id: true,
        sourceReference: true,
        title: true,
        challengeType: true,
        ageGroup: true,
        correctAnswer: true,
        choices: true,
        visualData: true,
        hints: true,
        isActive: true,
        isArchived: true,
        creatorId: true,
        generationParameters: true,
      },
      orderBy: { id: 'asc' },
    });

  it('inserts every challenge once, active, with its stable key; applying twice adds nothing', async () => {
    expect(await prisma.logicChallenge.count()).toBe(0);

    expect(await applyReferenceData(prisma)).toMatchObject({
      challengesInserted: STARTER_COUNT,
      challengesUpdated: 0,
    });
    const first = await starterRows();
    expect(await applyReferenceData(prisma)).toEqual(NOTHING);
    expect(await starterRows()).toEqual(first);

    expect(first).toHaveLength(STARTER_COUNT);
    const byReference = new Map(first.map((row) => [row.sourceReference, row]));
    for (const def of STARTER_CHALLENGES) {
      const row = byReference.get(starterReference(def.key));
      expect(row, def.key).toMatchObject({
        title: def.title,
        challengeType: def.challengeType,
        ageGroup: def.ageGroup,
        correctAnswer: def.correctAnswer,
        choices: def.choices,
        visualData: def.visualData,
        hints: def.hints,
        isActive: true,
        isArchived: false,
        creatorId: null,
        generationParameters: { source: STARTER_SOURCE, key: def.key },
      });
    }
  });

  it('never reads nor touches challenges created by admins or the AI', async () => {
    const admin = await createLogicChallenge(prisma, { title: 'Défi maison' });
    const ai = await createLogicChallenge(prisma, {
      generationParameters: { source: 'ai', challenge_type: 'sequence' },
    });
    const before = await prisma.logicChallenge.findMany({
      where: { id: { in: [admin.id, ai.id] } },
      orderBy: { id: 'asc' },
    });

    await applyReferenceData(prisma);
    await applyReferenceData(prisma);

    expect(
      await prisma.logicChallenge.findMany({
        where: { id: { in: [admin.id, ai.id] } },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(before);
    expect(await prisma.logicChallenge.count()).toBe(STARTER_COUNT + 2);
  });

  it('keeps an admin edit and the archive flag until the catalogue changes that challenge', async () => {
    await applyReferenceData(prisma);
    const [def] = STARTER_CHALLENGES;
    const reference = starterReference(def?.key ?? '');
    const row = await prisma.logicChallenge.findFirstOrThrow({
      where: { sourceReference: reference },
      select: { id: true, generationParameters: true },
    });
    await prisma.logicChallenge.update({
      where: { id: row.id },
      data: { title: 'Titre corrigé par un admin', isArchived: true, isActive: false },
      select: { id: true },
    });

    expect(await applyReferenceData(prisma)).toEqual(NOTHING);
    expect(
      await prisma.logicChallenge.findUniqueOrThrow({
        where: { id: row.id },
        select: { title: true, isArchived: true, isActive: true },
      }),
    ).toEqual({ title: 'Titre corrigé par un admin', isArchived: true, isActive: false });

    // As if the row had been written by an older catalogue version: the new entry wins, the flags stay.
    await prisma.logicChallenge.update({
      where: { id: row.id },
      data: {
        generationParameters: { source: STARTER_SOURCE, key: def?.key ?? '', revision: 'old' },
      },
      select: { id: true },
    });
    expect(await applyReferenceData(prisma)).toEqual({ ...NOTHING, challengesUpdated: 1 });
    expect(
      await prisma.logicChallenge.findUniqueOrThrow({
        where: { id: row.id },
        select: { title: true, isArchived: true, isActive: true, generationParameters: true },
      }),
    ).toEqual({
      title: def?.title,
      isArchived: true,
      isActive: false,
      generationParameters: row.generationParameters,
    });
    expect(await prisma.logicChallenge.count()).toBe(STARTER_COUNT);
  });

  it('re-creates a deleted starter challenge and ignores a copy that reuses its key', async () => {
    await applyReferenceData(prisma);
    const [first, second] = STARTER_CHALLENGES;
    await prisma.logicChallenge.deleteMany({
      where: { sourceReference: starterReference(first?.key ?? '') },
    });
    const original = await prisma.logicChallenge.findFirstOrThrow({
      where: { sourceReference: starterReference(second?.key ?? '') },
      select: { id: true },
    });
    const copy = await createLogicChallenge(prisma, {
      title: 'Copie',
      sourceReference: starterReference(second?.key ?? ''),
    });

    expect(await applyReferenceData(prisma)).toEqual({ ...NOTHING, challengesInserted: 1 });
    expect(await prisma.logicChallenge.count()).toBe(STARTER_COUNT + 1);
    expect(
      await prisma.logicChallenge.findUniqueOrThrow({
        where: { id: copy.id },
        select: { title: true },
      }),
    ).toEqual({ title: 'Copie' });
    expect(original.id).toBeLessThan(copy.id);
  });

  it('leaves the catalogue out when asked (the test harness reset)', async () => {
    expect(await applyReferenceData(prisma, { starterChallenges: false })).toEqual(NOTHING);
    expect(await prisma.logicChallenge.count()).toBe(0);
  });
});
