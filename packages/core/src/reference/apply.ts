import type { Prisma, PrismaClient } from '../db/generated/client.ts';
import { BADGE_CATALOGUE, type BadgeDefinition } from './badges.ts';
import {
  applyStarterChallenges,
  starterCatalogueIsCurrent,
  starterReferences,
  type ApplyStarterChallengesResult,
} from './challenges/apply-starter-challenges.ts';
import { readReferenceState, type ReferenceState } from './reference.repo.ts';
import { DEFAULT_SETTING_ROWS } from './settings.ts';

/**
 * Version of the reference data (badge catalogue + default settings + starter challenges). Bump it
 * whenever badges.ts, settings.ts or challenges/ changes, so deploy logs show which catalogue a
 * database received.
 */
export const REFERENCE_DATA_VERSION = '2026.12.02-1';

export interface ApplyReferenceDataResult extends ApplyStarterChallengesResult {
  badgesInserted: number;
  badgesUpdated: number;
  settingsInserted: number;
}

export interface ApplyReferenceDataOptions {
  /**
   * Also apply the starter challenge catalogue (default true). The test harness turns it off when it
   * resets a database, so tests start without content of their own.
   */
  starterChallenges?: boolean;
}

/** The catalogue columns reference data owns; gamification reads badges with the same select. */
export const badgeSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  iconUrl: true,
  category: true,
  tier: true,
  pointsReward: true,
  isSecret: true,
  requirements: true,
  starWarsTitle: true,
} as const satisfies Prisma.AchievementSelect;

/**
 * The catalogue-owned columns of a stored badge (enums as their labels, JSON as parsed), as the check
 * reads them; the rows `applyReferenceData` reads through Prisma have them too.
 */
type StoredCatalogueBadge = Omit<ReferenceState['badges'][number], 'code'>;

/** Structural equality of JSON values, independent of object key order (jsonb reorders keys). */
const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aEntries = Object.entries(a).filter(([, v]) => v !== undefined);
  const bObj = b as Record<string, unknown>;
  const bKeys = Object.keys(bObj).filter((k) => bObj[k] !== undefined);
  return (
    aEntries.length === bKeys.length &&
    aEntries.every(([k, v]) => Object.hasOwn(bObj, k) && jsonEqual(v, bObj[k]))
  );
};

/** The catalogue-owned columns (`is_active` is left to admins). */
const badgeData = (def: BadgeDefinition) => ({
  name: def.name,
  description: def.description,
  iconUrl: def.iconUrl,
  category: def.category,
  tier: def.tier,
  pointsReward: def.pointsReward,
  isSecret: def.isSecret,
  requirements: def.requirements as Prisma.InputJsonObject,
  starWarsTitle: def.starWarsTitle,
});

const badgeDiffers = (stored: StoredCatalogueBadge, def: BadgeDefinition): boolean =>
  stored.name !== def.name ||
  stored.description !== def.description ||
  stored.iconUrl !== def.iconUrl ||
  stored.category !== def.category ||
  stored.tier !== def.tier ||
  stored.pointsReward !== def.pointsReward ||
  stored.isSecret !== def.isSecret ||
  stored.starWarsTitle !== def.starWarsTitle ||
  !jsonEqual(stored.requirements, def.requirements);

const NOTHING_APPLIED: ApplyReferenceDataResult = {
  badgesInserted: 0,
  badgesUpdated: 0,
  settingsInserted: 0,
  challengesInserted: 0,
  challengesUpdated: 0,
};

/**
 * Whether `applyReferenceData` (with the starter challenges) would write nothing: every catalogue
 * badge stored with its catalogue columns, every default setting key present, every starter challenge
 * written from its current entry. One read-only statement, where applying takes a transaction, a lock
 * and five statements whose first compilation dominates the embedded server's start (issue 17).
 */
export const referenceDataIsCurrent = async (prisma: PrismaClient): Promise<boolean> => {
  const state = await readReferenceState(prisma, {
    badgeCodes: BADGE_CATALOGUE.map((b) => b.code),
    settingKeys: DEFAULT_SETTING_ROWS.map((row) => row.key),
    starterReferences: starterReferences(),
  });
  const stored = new Map(state.badges.map((b) => [b.code, b]));
  const keys = new Set(state.settingKeys);
  return (
    BADGE_CATALOGUE.every((def) => {
      const badge = stored.get(def.code);
      return badge !== undefined && !badgeDiffers(badge, def);
    }) &&
    DEFAULT_SETTING_ROWS.every((row) => keys.has(row.key)) &&
    starterCatalogueIsCurrent(state.starters)
  );
};

/**
 * `applyReferenceData` when something is missing or out of date, nothing otherwise (zero counts, as
 * applying would have returned): what provisioning runs, on every embedded start and every deploy.
 */
export const ensureReferenceData = async (
  prisma: PrismaClient,
): Promise<ApplyReferenceDataResult> =>
  (await referenceDataIsCurrent(prisma)) ? NOTHING_APPLIED : applyReferenceData(prisma);

/**
 * Brings the reference data of a migrated database up to date, in one transaction:
 * - badges are upserted by `code`: missing ones inserted, catalogue-owned columns rewritten only
 *   when they differ (an admin's `is_active` choice is kept);
 * - default settings rows are inserted when their key is missing; existing rows (admin values)
 *   are never touched;
 * - the starter challenges are upserted by their key (challenges/apply-starter-challenges.ts).
 * Idempotent: a second call writes nothing and returns zeros.
 */
export const applyReferenceData = async (
  prisma: PrismaClient,
  options: ApplyReferenceDataOptions = {},
): Promise<ApplyReferenceDataResult> =>
  prisma.$transaction(async (tx) => {
    const stored = await tx.achievement.findMany({
      where: { code: { in: BADGE_CATALOGUE.map((b) => b.code) } },
      select: badgeSelect,
    });
    const byCode = new Map(stored.map((b) => [b.code, b]));

    let badgesInserted = 0;
    let badgesUpdated = 0;
    for (const def of BADGE_CATALOGUE) {
      const current = byCode.get(def.code);
      if (current === undefined) {
        await tx.achievement.create({
          data: { code: def.code, ...badgeData(def) },
          select: { id: true },
        });
        badgesInserted += 1;
      } else if (badgeDiffers(current, def)) {
        await tx.achievement.update({
          where: { id: current.id },
          data: badgeData(def),
          select: { id: true },
        });
        badgesUpdated += 1;
      }
    }

    const { count: settingsInserted } = await tx.setting.createMany({
      data: DEFAULT_SETTING_ROWS.map((row) => ({ ...row })),
      skipDuplicates: true,
    });

    const challenges =
      options.starterChallenges === false
        ? { challengesInserted: 0, challengesUpdated: 0 }
        : await applyStarterChallenges(tx);

    return { badgesInserted, badgesUpdated, settingsInserted, ...challenges };
  });
