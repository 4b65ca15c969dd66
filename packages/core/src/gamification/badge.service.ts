import { DB_DEFAULTS } from '../db/client.ts';
import type { Db } from '../db/types.ts';
import type { AuthedCtx, CoreDeps, Ctx } from '../kernel/deps.ts';
import { pyRound } from '../lib/py-round.ts';
import { createTtlCache } from '../lib/ttl-cache.ts';
import { dayStreakOnRead, utcDayOf, type PostAttemptStep } from '../progress/index.ts';
import {
  createBadgeCatalogueCache,
  evaluateBadges,
  loadLearnerBadgeView,
  makeGamificationPostAttemptStep,
} from './badge.engine.ts';
import {
  countActiveUsers,
  countUnlocksByBadge,
  findActiveBadges,
  findEarnedAmong,
  findEarnedBadges,
  findGamificationUser,
  findPinnedBadgeIds,
  loadPerformance,
  replacePins,
} from './badge.repo.ts';
import {
  criteriaText,
  lowerOrNull,
  MAX_PINNED_BADGES,
  rarityOf,
  requirementProgress,
  selectPinnedBadges,
  unlockPercentOf,
} from './badge.rules.ts';
import type {
  BadgeDto,
  BadgeProgressDto,
  BadgeRarityDto,
  BadgeStatsDto,
  CheckBadgesDto,
  EarnedBadgeDto,
  GamificationUserStatsDto,
  PinBadgesInput,
  PinnedBadgesDto,
  UserBadgesDto,
} from './badge.schemas.ts';
import { levelFromPoints } from './level.rules.ts';

/** Cache lifetimes of the legacy (domain-rules §9.3): how stale these reads may be. */
export const BADGE_CACHE_TTL_MS = { stats: 60_000, rarity: 90_000 } as const;
/** How long an award may stay uncommitted (the interactive-transaction timeout): no caching meanwhile. */
const AWARD_COMMIT_WINDOW_MS = DB_DEFAULTS.transactionTimeoutMs + DB_DEFAULTS.transactionMaxWaitMs;
const RARITY_KEY = 'badges_rarity';

const userStatsOf = async (
  db: Db,
  userId: number,
  now: Date,
): Promise<GamificationUserStatsDto> => {
  const user = await findGamificationUser(db, userId);
  const pinnedBadgeIds = await findPinnedBadgeIds(db, userId);
  if (user === null) {
    return { ...levelFromPoints(0), pinnedBadgeIds: [], currentStreak: 0, bestStreak: 0 };
  }
  const streak = {
    currentStreak: user.currentStreak,
    bestStreak: user.bestStreak,
    lastActivityDay: user.lastActivityDate === null ? null : utcDayOf(user.lastActivityDate),
  };
  return {
    ...levelFromPoints(user.totalPoints),
    pinnedBadgeIds,
    currentStreak: dayStreakOnRead(streak, utcDayOf(now)),
    bestStreak: user.bestStreak,
  };
};

/**
 * The badge use cases (api-rest-core §6.5) and the post-attempt step bound to this instance's caches.
 * The stats (60 s per user) and rarity (90 s) caches live in this closure: one per process, rebuilt with
 * each core, and invalidated by every award so no read shows a stale "not earned".
 */
export const makeBadgeService = (deps: Pick<CoreDeps, 'db' | 'clock'>) => {
  const { prisma } = deps.db;
  const statsCache = createTtlCache<BadgeStatsDto>(deps.clock, {
    ttlMs: BADGE_CACHE_TTL_MS.stats,
    commitWindowMs: AWARD_COMMIT_WINDOW_MS,
  });
  const rarityCache = createTtlCache<BadgeRarityDto>(deps.clock, {
    ttlMs: BADGE_CACHE_TTL_MS.rarity,
    commitWindowMs: AWARD_COMMIT_WINDOW_MS,
  });

  // The active badges with their parsed requirements, checked against the catalogue fingerprint on each
  // evaluation (see badge.engine.ts): the submit path neither reads nor parses the catalogue.
  const catalogueCache = createBadgeCatalogueCache();

  const onAward = (userId: number) => {
    statsCache.invalidate(String(userId));
    rarityCache.invalidate(RARITY_KEY);
  };

  /** The post-attempt step the submit services call inside their transaction. */
  const postAttemptStep: PostAttemptStep = makeGamificationPostAttemptStep({
    onAward,
    catalogueCache,
  });

  return {
    postAttemptStep,

    /**
     * Forget the cached badge catalogue (call after an admin change to `achievements`, once committed).
     * Not required for correctness: every evaluation compares the cache with the catalogue's fingerprint.
     */
    invalidateCatalogue: (): void => {
      catalogueCache.invalidate();
    },

    /** GET /api/badges/user: earned badges (inactive included, newest first) and the user's stats. */
    listEarned: async (ctx: AuthedCtx): Promise<UserBadgesDto> => {
      const userId = ctx.actor.userId;
      const rows = await findEarnedBadges(prisma, userId);
      const earnedBadges: EarnedBadgeDto[] = rows.map((r) => ({
        id: r.achievement.id,
        code: r.achievement.code,
        name: r.achievement.name,
        description: r.achievement.description,
        starWarsTitle: r.achievement.starWarsTitle,
        difficulty: lowerOrNull(r.achievement.tier),
        pointsReward: r.achievement.pointsReward,
        category: lowerOrNull(r.achievement.category),
        earnedAt: r.earnedAt,
        isDisplayed: r.isDisplayed,
      }));
      return { earnedBadges, userStats: await userStatsOf(prisma, userId, deps.clock.now()) };
    },

    /** GET /api/badges/available: active badges by category then tier (plain string order), secret ones included. */
    listAvailable: async (_ctx: Ctx): Promise<BadgeDto[]> => {
      const rows = await findActiveBadges(prisma);
      // ORDER BY category, difficulty on the lower-case strings (bronze < gold < legendary < silver), nulls last.
      const key = (v: string | null) => (v === null ? '\uffff' : v.toLowerCase());
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return [...rows]
        .sort(
          (a, b) =>
            cmp(key(a.category), key(b.category)) || cmp(key(a.tier), key(b.tier)) || a.id - b.id,
        )
        .map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          description: r.description,
          criteriaText: criteriaText(r.requirements),
          starWarsTitle: r.starWarsTitle,
          difficulty: lowerOrNull(r.tier),
          pointsReward: r.pointsReward,
          category: lowerOrNull(r.category),
          isSecret: r.isSecret,
          iconUrl: r.iconUrl,
        }));
    },

    /** POST /api/badges/check: evaluation without attempt context (comeback cannot be earned here). */
    check: async (ctx: AuthedCtx): Promise<CheckBadgesDto> => {
      const userId = ctx.actor.userId;
      const outcome = await prisma.$transaction((tx) =>
        evaluateBadges(
          tx,
          { userId, now: deps.clock.now(), current: null, withNotification: false },
          catalogueCache,
        ),
      );
      if (outcome.newBadges.length > 0) onAward(userId);
      return { newBadges: outcome.newBadges };
    },

    /** GET /api/badges/stats (cached 60 s per user, invalidated on award and on pin changes). */
    stats: async (ctx: AuthedCtx): Promise<BadgeStatsDto> => {
      const userId = ctx.actor.userId;
      const cacheKey = String(userId);
      const cached = statsCache.get(cacheKey);
      if (cached !== undefined) return cached;
      const userStats = await userStatsOf(prisma, userId, deps.clock.now());
      const earned = await findEarnedBadges(prisma, userId);
      const perf = await loadPerformance(prisma, userId);
      const byCategory: Record<string, number> = {};
      for (const r of earned) {
        const category = lowerOrNull(r.achievement.category) ?? 'null';
        byCategory[category] = (byCategory[category] ?? 0) + 1;
      }
      const stats: BadgeStatsDto = {
        userStats,
        badgesSummary: { totalBadges: earned.length, byCategory },
        performance: {
          totalAttempts: perf.total,
          correctAttempts: perf.correct,
          successRate: perf.total > 0 ? pyRound((perf.correct / perf.total) * 100, 1) : 0,
          avgTimeSpent: perf.avgTime === null || perf.avgTime === 0 ? 0 : pyRound(perf.avgTime, 2),
        },
      };
      statsCache.set(cacheKey, stats);
      return stats;
    },

    /** GET /api/badges/rarity (cached 90 s, invalidated on award). */
    rarity: async (_ctx: Ctx): Promise<BadgeRarityDto> => {
      const cached = rarityCache.get(RARITY_KEY);
      if (cached !== undefined) return cached;
      const totalUsers = Math.max(1, await countActiveUsers(prisma));
      const unlocks = await countUnlocksByBadge(prisma);
      const rarity: BadgeRarityDto = {
        totalUsers,
        items: unlocks.map((u) => {
          const unlockPercent = unlockPercentOf(u.unlockCount, totalUsers);
          return {
            badgeId: u.badgeId,
            unlockCount: u.unlockCount,
            unlockPercent,
            rarity: rarityOf(unlockPercent),
          };
        }),
      };
      rarityCache.set(RARITY_KEY, rarity);
      return rarity;
    },

    /** PATCH /api/badges/pin: the first 3 ids, earned ones only, de-duplicated, order kept. */
    pin: async (ctx: AuthedCtx, input: PinBadgesInput): Promise<PinnedBadgesDto> => {
      const userId = ctx.actor.userId;
      const pinnedBadgeIds = await prisma.$transaction(async (tx) => {
        const earned = await findEarnedAmong(
          tx,
          userId,
          input.badgeIds.slice(0, MAX_PINNED_BADGES),
        );
        const kept = selectPinnedBadges(input.badgeIds, earned);
        await replacePins(tx, userId, kept);
        return kept;
      });
      statsCache.invalidate(String(userId));
      return { pinnedBadgeIds };
    },

    /** GET /api/challenges/badges/progress: every active badge, earned → unlocked, others with progress. */
    progress: async (ctx: AuthedCtx): Promise<BadgeProgressDto> => {
      const userId = ctx.actor.userId;
      const view = await loadLearnerBadgeView(
        prisma,
        catalogueCache,
        userId,
        deps.clock.now(),
        null,
      );
      const active = view?.catalogue.badges ?? [];
      const earned = view?.earned ?? new Set<number>();
      const pending = active.filter((b) => !earned.has(b.row.id));
      const snapshot = pending.length === 0 ? null : (view?.snapshot ?? null);
      return {
        unlocked: active
          .filter((b) => earned.has(b.row.id))
          .map((b) => ({ id: b.row.id, code: b.row.code, name: b.row.name })),
        inProgress:
          snapshot === null
            ? []
            : pending.map((b) => ({
                id: b.row.id,
                code: b.row.code,
                name: b.row.name,
                ...requirementProgress(b.requirement, snapshot),
                criteriaText: criteriaText(b.row.requirements),
                isSecret: b.row.isSecret,
              })),
      };
    },
  };
};

export type BadgeService = ReturnType<typeof makeBadgeService>;
