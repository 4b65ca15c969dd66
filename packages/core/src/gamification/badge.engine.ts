/**
 * The badge engine (domain-rules §5.5, §5.7): one statistics snapshot, every active unearned badge
 * checked against it, awards inserted with the (user, badge) uniqueness, points added once. It runs
 * inside the caller's transaction (the submit's, or POST /api/badges/check's) and never opens one.
 */
import type { ExerciseType } from '../db/generated/enums.ts';
import type { Db } from '../db/types.ts';
import {
  addUtcDays,
  utcDayOf,
  type AttemptFacts,
  type AwardedBadgeDto,
  type PostAttemptOutcome,
  type PostAttemptStep,
} from '../progress/index.ts';
import { parseBadgeRequirement, type BadgeRequirement } from '../reference/index.ts';
import {
  addPoints,
  countCorrectChallengeAttempts,
  findActiveBadges,
  findActiveExerciseTypes,
  findEarnedBadgeIds,
  findFastestCorrectSeconds,
  findGamificationUser,
  findPreviousActivityAt,
  insertAwards,
  loadActivityDays,
  loadExerciseTypeStats,
  type BadgeRow,
} from './badge.repo.ts';
import {
  closestProgressNotification,
  isRequirementMet,
  lowerOrNull,
  requirementProgress,
  type BadgeStatsSnapshot,
  type TypeStats,
} from './badge.rules.ts';

/** The legacy stats cache looked back 35 days; longer `consecutive_days` requirements widen it. */
const MIN_ACTIVITY_LOOKBACK_DAYS = 35;

export interface ParsedBadge {
  row: BadgeRow;
  requirement: BadgeRequirement | null;
}

export const parseBadges = (rows: readonly BadgeRow[]): ParsedBadge[] =>
  rows.map((row) => ({ row, requirement: parseBadgeRequirement(row.requirements) }));

export interface CurrentAttempt {
  attemptId: number;
  createdAt: Date;
}

/**
 * Builds the snapshot with a fixed set of statements: per-type exercise statistics (progress cache),
 * the fastest correct timed attempt (index probe), the active exercise types, correct challenge
 * attempts, the activity days of the look-back window and, for an exercise submission, the previous
 * activity.
 */
export const loadBadgeSnapshot = async (
  db: Db,
  userId: number,
  badges: readonly ParsedBadge[],
  now: Date,
  current: CurrentAttempt | null,
): Promise<BadgeStatsSnapshot> => {
  const today = utcDayOf(now);
  const longest = Math.max(
    MIN_ACTIVITY_LOOKBACK_DAYS,
    ...badges.map((b) => (b.requirement?.type === 'consecutive_days' ? b.requirement.days : 0)),
  );
  const typeRows = await loadExerciseTypeStats(db, userId);
  const fastestCorrectSeconds = await findFastestCorrectSeconds(db, userId);
  const activeTypes = await findActiveExerciseTypes(db);
  const logicCorrect = await countCorrectChallengeAttempts(db, userId);
  const days = await loadActivityDays(db, userId, addUtcDays(today, -longest), today);
  const previousActivityAt =
    current === null
      ? null
      : await findPreviousActivityAt(db, userId, current.createdAt, current.attemptId);

  const perType = new Map<ExerciseType, TypeStats>();
  let attemptsTotal = 0;
  let attemptsCorrect = 0;
  for (const r of typeRows) {
    perType.set(r.type, { total: r.total, correct: r.correct, leadingCorrect: r.leadingCorrect });
    attemptsTotal += r.total;
    attemptsCorrect += r.correct;
  }
  const todayRow = days.find((d) => d.day === today);
  return {
    attemptsTotal,
    attemptsCorrect,
    logicCorrect,
    perType,
    activeTypes,
    fastestCorrectSeconds,
    activityDays: new Set(days.map((d) => d.day)),
    today: {
      day: today,
      total: todayRow?.exerciseTotal ?? 0,
      correct: todayRow?.exerciseCorrect ?? 0,
    },
    current: current === null ? null : { createdAt: current.createdAt, previousActivityAt },
  };
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
  tx: Db,
  input: EvaluateBadgesInput,
): Promise<PostAttemptOutcome> => {
  const none: PostAttemptOutcome = { newBadges: [], progressNotification: null };
  const user = await findGamificationUser(tx, input.userId);
  if (user === null) return none;
  const active = parseBadges(await findActiveBadges(tx));
  const earned = await findEarnedBadgeIds(tx, input.userId);
  const pending = active.filter((b) => !earned.has(b.row.id));
  if (pending.length === 0) return none;

  const snapshot = await loadBadgeSnapshot(tx, input.userId, pending, input.now, input.current);
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
    const gained = inserted.reduce((sum, r) => sum + (r.pointsAwarded ?? 0), 0);
    if (gained > 0) await addPoints(tx, input.userId, gained);
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
}

/**
 * The post-attempt step (progress/post-attempt.ts), called by the submit services inside their
 * transaction once the attempt is written:
 * - exercise submissions, correct or not: evaluation with the attempt as context (comeback), then
 *   the "Tu approches !" notification when no badge was earned;
 * - challenge submissions: evaluation only when the answer is correct (§5.5), and the notification
 *   when no badge was earned, correct or not (api-rest-challenges-admin §3.3 step 6).
 */
export const makeGamificationPostAttemptStep =
  (hooks: GamificationStepHooks = {}): PostAttemptStep =>
  async (tx, facts: AttemptFacts, { clock }) => {
    const outcome = await evaluateBadges(tx, {
      userId: facts.userId,
      now: clock.now(),
      current:
        facts.kind === 'exercise'
          ? { attemptId: facts.attemptId, createdAt: facts.createdAt }
          : null,
      withNotification: true,
      award: facts.kind === 'exercise' || facts.isCorrect,
    });
    if (outcome.newBadges.length > 0) hooks.onAward?.(facts.userId);
    return outcome;
  };

/**
 * The step without cache hooks. Prefer `core.gamification.postAttemptStep` (createCore), which also
 * invalidates the badge stats / rarity caches of the process on award.
 */
export const gamificationPostAttemptStep: PostAttemptStep = makeGamificationPostAttemptStep();
