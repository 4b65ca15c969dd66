/**
 * The badge engine (domain-rules §5.5, §5.7): one statistics snapshot, every active unearned badge
 * checked against it, awards inserted with the (user, badge) uniqueness, points added once. It runs
 * inside the caller's transaction (the submit's, or POST /api/badges/check's) and never opens one.
 */
import { Prisma } from '../db/generated/client.ts';
import type { ExerciseType } from '../db/generated/enums.ts';
import type { SqlQueryable } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import {
  addUtcDays,
  utcDayOf,
  utcDayStart,
  type AttemptFacts,
  type AwardedBadgeDto,
  type PendingAttempt,
  type PostAttemptOutcome,
  type PostAttemptStep,
} from '../progress/index.ts';
import {
  parseBadgeRequirement,
  PERFECT_DAY_MIN_ATTEMPTS,
  type BadgeRequirement,
} from '../reference/index.ts';
import {
  findActiveBadges,
  findCatalogueFingerprint,
  insertAwards,
  learnerSnapshotSql,
  loadLearnerSnapshot,
  type BadgeRow,
  type LearnerSnapshotRow,
  type SnapshotNeeds,
} from './badge.repo.ts';
import {
  closestProgressNotification,
  isRequirementMet,
  lowerOrNull,
  OPTIONAL_STAT_OF,
  requirementProgress,
  type BadgeStatsSnapshot,
  type OptionalStat,
  type TypeStats,
} from './badge.rules.ts';

export interface ParsedBadge {
  row: BadgeRow;
  requirement: BadgeRequirement | null;
}

export const parseBadges = (rows: readonly BadgeRow[]): ParsedBadge[] =>
  rows.map((row) => ({ row, requirement: parseBadgeRequirement(row.requirements) }));

/** The active badges, their requirements parsed once, and what the snapshot must compute for them. */
export interface BadgeCatalogue {
  badges: readonly ParsedBadge[];
  /** The catalogue fingerprint read before the rows (see `loadLearnerSnapshot`). */
  fingerprint: string;
  /** The longest `consecutive_days` requirement: how far back the day chain is followed. */
  longestDayChain: number;
  /** Per optional statistic, the badges that read it: the snapshot computes it while one is pending. */
  needs: SnapshotNeeds;
}

/** Per optional statistic of the snapshot, the ids of the badges whose requirement reads it. */
export const snapshotNeedsOf = (badges: readonly ParsedBadge[]): SnapshotNeeds => {
  const needs: Record<OptionalStat, number[]> = {
    logicCorrect: [],
    fastest: [],
    dayChain: [],
    today: [],
    previous: [],
    activeTypes: [],
  };
  for (const badge of badges) {
    const stat = badge.requirement === null ? null : OPTIONAL_STAT_OF[badge.requirement.type];
    if (stat !== null) needs[stat].push(badge.row.id);
  }
  return needs;
};

/**
 * Where the evaluation keeps the catalogue between calls: the badge service holds one per process
 * (`badges.invalidateCatalogue()` empties it); `noCatalogueCache` reads it on every call. A cached
 * catalogue is used only while the fingerprint the snapshot statement returns still matches, so a change
 * made by another process (or directly in the database) is seen by the next evaluation.
 */
export interface BadgeCatalogueCache {
  get(): BadgeCatalogue | null;
  set(catalogue: BadgeCatalogue): void;
}

export const noCatalogueCache: BadgeCatalogueCache = { get: () => null, set: () => undefined };

export const createBadgeCatalogueCache = (): BadgeCatalogueCache & { invalidate(): void } => {
  let held: BadgeCatalogue | null = null;
  return {
    get: () => held,
    set: (catalogue) => {
      held = catalogue;
    },
    invalidate: () => {
      held = null;
    },
  };
};

/** The optional statistics some badge not in `earned` reads. */
export const statsPendingBadgesRead = (
  needs: SnapshotNeeds,
  earned: ReadonlySet<number>,
): Set<OptionalStat> =>
  new Set(
    (Object.keys(needs) as OptionalStat[]).filter((stat) =>
      needs[stat].some((id) => !earned.has(id)),
    ),
  );

const isIdList = (x: unknown): x is number[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'number');

/** Reads the catalogue: its fingerprint first, then the rows (so the rows are never older than it). */
const loadCatalogue = async (db: SqlQueryable): Promise<BadgeCatalogue> => {
  const fingerprint = await findCatalogueFingerprint(db);
  const badges = parseBadges(await findActiveBadges(db));
  const longestDayChain = Math.max(
    0,
    ...badges.map((b) => (b.requirement?.type === 'consecutive_days' ? b.requirement.days : 0)),
  );
  return { badges, fingerprint, longestDayChain, needs: snapshotNeedsOf(badges) };
};

export interface CurrentAttempt {
  attemptId: number;
  createdAt: Date;
}

/**
 * What an evaluation knows: the catalogue, the earned badge ids and the statistics snapshot, which serves
 * the badges not earned (the optional statistics only they read; see `OPTIONAL_STAT_OF`).
 */
export interface LearnerBadgeView {
  catalogue: BadgeCatalogue;
  earned: ReadonlySet<number>;
  snapshot: BadgeStatsSnapshot;
}

const snapshotOf = (
  row: LearnerSnapshotRow,
  now: Date,
  current: CurrentAttempt | null,
): BadgeStatsSnapshot => {
  const today = utcDayOf(now);
  const perType = new Map<ExerciseType, TypeStats>();
  let attemptsTotal = 0;
  let attemptsCorrect = 0;
  row.types.forEach((type, i) => {
    const stats = {
      total: row.totals[i] ?? 0,
      correct: row.corrects[i] ?? 0,
      leadingCorrect: row.leadings[i] ?? 0,
    };
    perType.set(type, stats);
    attemptsTotal += stats.total;
    attemptsCorrect += stats.correct;
  });
  return {
    attemptsTotal,
    attemptsCorrect,
    logicCorrect: row.logicCorrect,
    perType,
    activeTypes: row.activeTypes,
    fastestCorrectSeconds: row.fastest,
    // The days of the activity chain ending today (all `computeDayStreak` needs).
    activityDays: new Set(Array.from({ length: row.dayChain }, (_, i) => addUtcDays(today, -i))),
    // Today's attempts, counted up to the perfect-day threshold; a wrong one makes the day imperfect.
    today: {
      day: today,
      total: row.todayCount,
      correct: row.todayWrong ? Math.max(0, row.todayCount - 1) : row.todayCount,
    },
    current:
      current === null
        ? null
        : { createdAt: current.createdAt, previousActivityAt: row.previousActivityAt },
  };
};

/** The columns of `learnerSnapshotSql` as a statement returned them (a prefetched snapshot). */
const isLearnerSnapshotRow = (x: unknown): x is LearnerSnapshotRow =>
  typeof x === 'object' &&
  x !== null &&
  'catalogueFingerprint' in x &&
  typeof x.catalogueFingerprint === 'string' &&
  'dayChainCap' in x &&
  typeof x.dayChainCap === 'number' &&
  'earnedIds' in x &&
  Array.isArray(x.earnedIds) &&
  'types' in x &&
  Array.isArray(x.types);

/**
 * The catalogue (cached) and the learner's snapshot: one statement when the cached catalogue is current
 * (none when the caller's statement prefetched the snapshot for it), three more when it must be (re)read.
 * The statement count does not depend on the history length or on the number of badges. Null when the
 * user does not exist.
 */
export const loadLearnerBadgeView = async (
  db: SqlQueryable,
  cache: BadgeCatalogueCache,
  userId: number,
  now: Date,
  current: CurrentAttempt | null,
  prefetched: unknown = null,
): Promise<LearnerBadgeView | null> => {
  let catalogue = cache.get() ?? (await loadCatalogue(db));
  const query = (c: BadgeCatalogue) =>
    loadLearnerSnapshot(db, {
      userId,
      todayStart: utcDayStart(utcDayOf(now)),
      dayChainCap: c.longestDayChain,
      todayCap: PERFECT_DAY_MIN_ATTEMPTS,
      current,
    });
  // A prefetched snapshot applies only if it was built for this very catalogue (the day chain's length)
  // and the catalogue is still the current one; when it says the catalogue changed, read it again first.
  const given = isLearnerSnapshotRow(prefetched) ? prefetched : null;
  if (given !== null && given.catalogueFingerprint !== catalogue.fingerprint) {
    catalogue = await loadCatalogue(db);
  }
  let row =
    given !== null &&
    given.catalogueFingerprint === catalogue.fingerprint &&
    given.dayChainCap === catalogue.longestDayChain
      ? given
      : await query(catalogue);
  if (row === null) return null;
  if (row.catalogueFingerprint !== catalogue.fingerprint) {
    catalogue = await loadCatalogue(db);
    row = await query(catalogue);
    if (row === null) return null;
  }
  cache.set(catalogue);
  return { catalogue, earned: new Set(row.earnedIds), snapshot: snapshotOf(row, now, current) };
};

export const toAwardedBadgeDto = (row: BadgeRow, earnedAt: Date): AwardedBadgeDto => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  starWarsTitle: row.starWarsTitle,
  difficulty: lowerOrNull(row.tier),
  pointsReward: row.pointsReward,
  earnedAt,
});

export interface EvaluateBadgesInput {
  userId: number;
  /** Business time: award time and "today" (UTC). */
  now: Date;
  /** The exercise submission being evaluated (comeback needs it); null otherwise. */
  current: CurrentAttempt | null;
  /** Compute the "Tu approches !" notification when nothing was awarded. */
  withNotification: boolean;
  /** The snapshot the submit's attempt statement selected (`prefetchSql`), if any. */
  prefetched?: unknown;
  /**
   * Award the badges that are met (default). False for an incorrect challenge answer: the legacy did not
   * evaluate badges then, but still computed the notification.
   */
  award?: boolean;
}

/**
 * Evaluates every active badge the user has not earned (id order) and awards the ones met. Returns the
 * badges this call inserted (a concurrent evaluation that won the race on a badge keeps it and its
 * points) and, when asked and nothing was awarded, the progress notification.
 */
export const evaluateBadges = async (
  tx: SqlQueryable,
  input: EvaluateBadgesInput,
  catalogueCache: BadgeCatalogueCache = noCatalogueCache,
): Promise<PostAttemptOutcome> => {
  const none: PostAttemptOutcome = { newBadges: [], progressNotification: null };
  const view = await loadLearnerBadgeView(
    tx,
    catalogueCache,
    input.userId,
    input.now,
    input.current,
    input.prefetched ?? null,
  );
  if (view === null) return none;
  const { snapshot } = view;
  const pending = view.catalogue.badges.filter((b) => !view.earned.has(b.row.id));
  if (pending.length === 0) return none;

  const met =
    input.award === false
      ? []
      : pending.filter((b) => b.requirement !== null && isRequirementMet(b.requirement, snapshot));

  if (met.length > 0) {
    const inserted = await insertAwards(
      tx,
      input.userId,
      met.map((b) => ({ achievementId: b.row.id, pointsReward: b.row.pointsReward })),
      input.now,
    );
    const byId = new Map(inserted.map((r) => [r.achievementId, r]));
    const newBadges = met.flatMap((b) => {
      const row = byId.get(b.row.id);
      return row === undefined ? [] : [toAwardedBadgeDto(b.row, row.earnedAt)];
    });
    if (newBadges.length > 0) return { newBadges, progressNotification: null };
  }

  if (!input.withNotification) return none;
  const progressNotification = closestProgressNotification(
    pending.map((b) => ({
      name: b.row.name,
      isSecret: b.row.isSecret,
      ...requirementProgress(b.requirement, snapshot),
    })),
  );
  return { newBadges: [], progressNotification };
};

export interface GamificationStepHooks {
  /** Called (inside the transaction) when badges were awarded to a user: cache invalidation. */
  onAward?: (userId: number) => void;
  /** The process's badge catalogue cache (read on every evaluation without it). */
  catalogueCache?: BadgeCatalogueCache;
}

/**
 * The post-attempt step (progress/post-attempt.ts), called by the submit services inside their
 * transaction once the attempt is written:
 * - exercise submissions, correct or not: evaluation with the attempt as context (comeback), then
 *   the "Tu approches !" notification when no badge was earned;
 * - challenge submissions: evaluation only when the answer is correct (§5.5), and the notification
 *   when no badge was earned, correct or not (api-rest-challenges-admin §3.3 step 6).
 */
export const makeGamificationPostAttemptStep = (
  hooks: GamificationStepHooks = {},
): PostAttemptStep => {
  const step = async (
    tx: SqlQueryable,
    facts: AttemptFacts,
    deps: { clock: Clock; prefetched?: Readonly<Record<string, unknown>> },
  ): Promise<PostAttemptOutcome> => {
    const now = deps.clock.now();
    const outcome = await evaluateBadges(
      tx,
      {
        userId: facts.userId,
        now,
        current:
          facts.kind === 'exercise'
            ? { attemptId: facts.attemptId, createdAt: facts.createdAt }
            : null,
        withNotification: true,
        award: facts.kind === 'exercise' || facts.isCorrect,
        // Built for the attempt's day: of no use if the clock crossed midnight since.
        ...(deps.prefetched !== undefined && utcDayOf(now) === utcDayOf(facts.createdAt)
          ? { prefetched: deps.prefetched }
          : {}),
      },
      hooks.catalogueCache,
    );
    if (outcome.newBadges.length > 0) hooks.onAward?.(facts.userId);
    return outcome;
  };
  // The snapshot as a subquery of the attempt statement, for the cached catalogue (none cached: the
  // step reads it, and the snapshot, by itself). With the earned ids read under the user row lock
  // (`lockedReadSql`), it leaves out the statistics only earned badges read and takes those ids as
  // they are. Other submits of the user wait for the lock; only POST /api/badges/check (no lock) may
  // award meanwhile: that badge then counts as pending once more, and its award is not inserted twice;
  // a revocation meanwhile is seen by the next submit.
  const prefetchSql = (pending: PendingAttempt, lockedRead?: unknown): Prisma.Sql | null => {
    const catalogue = hooks.catalogueCache?.get() ?? null;
    if (catalogue === null) return null;
    const earnedIds = isIdList(lockedRead) ? lockedRead : null;
    return learnerSnapshotSql(
      {
        userId: pending.userId,
        todayStart: utcDayStart(utcDayOf(pending.createdAt)),
        dayChainCap: catalogue.longestDayChain,
        todayCap: PERFECT_DAY_MIN_ATTEMPTS,
        current: null,
        ...(earnedIds === null
          ? {}
          : { earnedIds, only: statsPendingBadgesRead(catalogue.needs, new Set(earnedIds)) }),
      },
      pending,
    );
  };
  const lockedReadSql = Prisma.sql`ARRAY(SELECT ua."achievement_id" FROM "user_achievements" ua
    WHERE ua."user_id" = u."id")`;
  return Object.assign(step, { prefetchSql, lockedReadSql });
};

/**
 * The step without cache hooks. Prefer `core.gamification.postAttemptStep` (createCore), which also
 * invalidates the badge stats / rarity caches of the process on award.
 */
export const gamificationPostAttemptStep: PostAttemptStep = makeGamificationPostAttemptStep();
