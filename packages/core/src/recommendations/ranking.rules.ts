/**
 * The recommendation engine: a pure, deterministic ranking over the learner's context (spec/domain-rules.md
 * §6.4, improved as upstream-v36 §11 suggests). Same context → same list, in the same order, whatever the
 * order of the candidate lists; every tie ends on the id. Each recommendation carries a structured reason
 * (code + parameters) and the French sentence derived from it.
 *
 * Candidate ids are unique (they come from one query each). Never recommended: an inactive or archived item, one the learner solved, one whose recommendation the
 * learner completed within the anti-repeat window. The targets of the recommendations a generation replaces
 * are ranked after fresh ones (so "Actualiser" shows something new when there is something new), as are the
 * exercises the learner tried recently without solving them.
 *
 * Steps (one reason per exercise type; priorities of the legacy):
 * 1. improvement: types with ≥ 3 attempts and < 70 % success (progress cache): 2 exercises at the
 *    difficulty of the learner's latest attempt of the type or below; 9 (< 50 %) or 8, +1 for `preparer_exam`.
 * 2. progression: types with ≥ 5 attempts and > 85 %: 1 exercise above the latest difficulty (INITIE →
 *    PADAWAN → CHEVALIER → MAITRE), any age group; 7.
 * 3. maintenance: practised types absent from the recent attempts: 1 exercise; 5.
 * 4. discovery: types never practised: 1 exercise; 4.
 * 5. challenges: up to 4, one per challenge type first, chosen for the learner's challenge profile; 8
 *    (novice, struggling), 7 (developing), 6 (mature), +1 (max 9) for `samuser`.
 * 6. fallback, only when nothing else: 3 exercises of different types; 3.
 * Exercises of steps 1, 3, 4, 6 and challenges fit the learner's age group (or all ages); candidates are
 * ranked by distance to the target difficulty, then age fit, then freshness, then id.
 */
import type { AgeGroup as ContentAgeGroup, LogicChallengeType } from '../db/generated/enums.ts';
import {
  ageGroupFromDb,
  DIFFICULTIES,
  difficultyForAgeGroup,
  EXERCISE_TYPES,
  type Difficulty,
  type ExerciseType,
} from '../exercises/index.ts';
import { pyRound } from '../lib/py-round.ts';
import { reasonText } from './recommendation.rules.ts';
import type { ReasonCode, ReasonParams } from './recommendation.schemas.ts';

/** The bounds of the context a generation reads (each one a bounded query). */
export const RANKING_BOUNDS = {
  /** The latest attempts considered recent… */
  recentAttempts: 50,
  /** …within this many days. */
  recentWindowDays: 30,
  /** A completed recommendation's target is not recommended again for this many days. */
  antiRepeatDays: 14,
  /** Challenge attempts read for the types seen recently. */
  recentChallengeAttempts: 20,
  /** Candidates read per exercise (type, difficulty) and per challenge type. */
  poolPerBucket: 8,
} as const;

export interface TypeProgress {
  exerciseType: ExerciseType;
  totalAttempts: number;
  correctAttempts: number;
}

/** One of the learner's recent exercise attempts, newest first. */
export interface RecentAttempt {
  exerciseId: number;
  exerciseType: ExerciseType;
  difficulty: Difficulty;
}

export interface ExerciseCandidate {
  id: number;
  exerciseType: ExerciseType;
  difficulty: Difficulty;
  ageGroup: ContentAgeGroup;
  isActive: boolean;
  isArchived: boolean;
  /** The learner has a correct attempt on it. */
  solved: boolean;
}

export interface ChallengeCandidate {
  id: number;
  challengeType: LogicChallengeType;
  ageGroup: ContentAgeGroup;
  difficulty: Difficulty | null;
  isActive: boolean;
  isArchived: boolean;
  solved: boolean;
}

export interface TargetIds {
  exerciseIds: readonly number[];
  challengeIds: readonly number[];
}

export interface RankingContext {
  /** `ALL_AGES`: no age filter. */
  ageGroup: ContentAgeGroup;
  learningGoal: string | null;
  progress: readonly TypeProgress[];
  recentAttempts: readonly RecentAttempt[];
  /** Types of the learner's recent challenge attempts. */
  recentChallengeTypes: readonly LogicChallengeType[];
  challengeAttempts: { total: number; correct: number };
  exercises: readonly ExerciseCandidate[];
  challenges: readonly ChallengeCandidate[];
  /** Targets of the recommendations completed within the anti-repeat window: excluded. */
  justCompleted: TargetIds;
  /** Targets of the pending recommendations this generation replaces: ranked after fresh ones. */
  replaced: TargetIds;
}

interface RankedBase {
  difficulty: Difficulty;
  priority: number;
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
  reason: string;
}

export type RankedRecommendation =
  | (RankedBase & { kind: 'exercise'; exerciseId: number; exerciseType: ExerciseType })
  | (RankedBase & { kind: 'challenge'; challengeId: number; challengeType: LogicChallengeType });

export type ChallengeProfile = 'novice' | 'struggling' | 'developing' | 'mature';

const ONBOARDING_CHALLENGE_TYPES: ReadonlySet<LogicChallengeType> = new Set([
  'SEQUENCE',
  'PUZZLE',
  'PATTERN',
]);
const PROGRESSION_LADDER: readonly Difficulty[] = ['INITIE', 'PADAWAN', 'CHEVALIER', 'MAITRE'];
const CHALLENGE_PRIORITY: Record<ChallengeProfile, number> = {
  novice: 8,
  struggling: 8,
  developing: 7,
  mature: 6,
};
const CHALLENGE_REASON: Record<ChallengeProfile, ReasonCode> = {
  novice: 'reco.challenge.onboarding',
  struggling: 'reco.challenge.gentle_progress',
  developing: 'reco.challenge.variety',
  mature: 'reco.challenge.skill_stretch',
};

const ordinal = (d: Difficulty): number => DIFFICULTIES.indexOf(d);
const typeOrder = (t: ExerciseType): number => EXERCISE_TYPES.indexOf(t);
const shifted = (d: Difficulty, by: number): Difficulty =>
  DIFFICULTIES[Math.min(DIFFICULTIES.length - 1, Math.max(0, ordinal(d) + by))] ?? d;

const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};

const sortedBy = <T>(items: readonly T[], key: (item: T) => number[]): T[] =>
  items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.item);

/** The first `count` items, one per group first, then the best of the rest (order kept). */
const takeDiverse = <T>(sorted: readonly T[], count: number, group: (item: T) => string): T[] => {
  const chosen: T[] = [];
  const groups = new Set<string>();
  for (const item of sorted) {
    if (chosen.length >= count) break;
    if (!groups.has(group(item))) {
      groups.add(group(item));
      chosen.push(item);
    }
  }
  for (const item of sorted) {
    if (chosen.length >= count) break;
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
};

/** The learner's challenge profile, from the attempt counters (upstream-v36 §11.4, simplified). */
export const challengeProfile = (attempts: {
  total: number;
  correct: number;
}): ChallengeProfile => {
  if (attempts.total >= 3 && attempts.correct / attempts.total < 0.45) return 'struggling';
  if (attempts.correct === 0) return 'novice';
  return attempts.correct < 3 ? 'developing' : 'mature';
};

/** Integer success percent, half-to-even (the legacy `round()`). */
export const successRate = (correct: number, total: number): number =>
  total > 0 ? pyRound((correct / total) * 100) : 0;

interface ExercisePick {
  type: ExerciseType | null;
  target: Difficulty;
  accept: (d: Difficulty) => boolean;
  ageRequired: boolean;
  count: number;
}

export const rankRecommendations = (ctx: RankingContext): RankedRecommendation[] => {
  const defaultDifficulty = difficultyForAgeGroup(ageGroupFromDb(ctx.ageGroup));
  const ageFits = (g: ContentAgeGroup) =>
    ctx.ageGroup === 'ALL_AGES' || g === 'ALL_AGES' || g === ctx.ageGroup;
  const goal = ctx.learningGoal?.trim().toLowerCase() ?? '';
  const out: RankedRecommendation[] = [];

  // ---- exercises ----
  const completedExercises = new Set(ctx.justCompleted.exerciseIds);
  const replacedExercises = new Set(ctx.replaced.exerciseIds);
  const triedRecently = new Set(ctx.recentAttempts.map((a) => a.exerciseId));
  const pool = ctx.exercises.filter(
    (e) => e.isActive && !e.isArchived && !e.solved && !completedExercises.has(e.id),
  );
  const used = new Set<number>();

  const pick = (p: ExercisePick): ExerciseCandidate[] => {
    const eligible = pool.filter(
      (e) =>
        !used.has(e.id) &&
        (p.type === null || e.exerciseType === p.type) &&
        p.accept(e.difficulty) &&
        (!p.ageRequired || ageFits(e.ageGroup)),
    );
    const sorted = sortedBy(eligible, (e) => [
      Math.abs(ordinal(e.difficulty) - ordinal(p.target)),
      ageFits(e.ageGroup) ? 0 : 1,
      replacedExercises.has(e.id) ? 1 : 0,
      triedRecently.has(e.id) ? 1 : 0,
      e.id,
    ]);
    const chosen =
      p.type === null
        ? takeDiverse(sorted, p.count, (e) => e.exerciseType)
        : sorted.slice(0, p.count);
    for (const e of chosen) used.add(e.id);
    return chosen;
  };

  const recommend = (
    exercises: readonly ExerciseCandidate[],
    priority: number,
    reasonCode: ReasonCode,
    reasonParams: ReasonParams,
  ): number => {
    for (const e of exercises) {
      out.push({
        kind: 'exercise',
        exerciseId: e.id,
        exerciseType: e.exerciseType,
        difficulty: e.difficulty,
        priority,
        reasonCode,
        reasonParams,
        reason: reasonText(reasonCode, reasonParams),
      });
    }
    return exercises.length;
  };

  const rates = EXERCISE_TYPES.flatMap((type) => {
    const row = ctx.progress.find((p) => p.exerciseType === type);
    if (row === undefined || row.totalAttempts <= 0) return [];
    return [
      {
        type,
        total: row.totalAttempts,
        rate: successRate(row.correctAttempts, row.totalAttempts),
      },
    ];
  });
  const practised = new Set(rates.map((r) => r.type));
  const recentTypes = new Set(ctx.recentAttempts.map((a) => a.exerciseType));
  const latestDifficulty = (type: ExerciseType) =>
    ctx.recentAttempts.find((a) => a.exerciseType === type)?.difficulty;
  const covered = new Set<ExerciseType>();

  // 1. improvement
  const weak = rates
    .filter((r) => r.total >= 3 && r.rate < 70)
    .sort((a, b) => a.rate - b.rate || typeOrder(a.type) - typeOrder(b.type));
  for (const w of weak) {
    const target = latestDifficulty(w.type) ?? defaultDifficulty;
    const priority = Math.min(10, (w.rate < 50 ? 9 : 8) + (goal === 'preparer_exam' ? 1 : 0));
    const picked = pick({
      type: w.type,
      target,
      accept: (d) => ordinal(d) <= ordinal(target),
      ageRequired: true,
      count: 2,
    });
    const params = { exerciseType: w.type, successRate: w.rate, targetDifficulty: target };
    if (recommend(picked, priority, 'reco.exercise.improvement', params) > 0) covered.add(w.type);
  }

  // 2. progression
  const strong = rates
    .filter((r) => r.total >= 5 && r.rate > 85)
    .sort((a, b) => b.rate - a.rate || typeOrder(a.type) - typeOrder(b.type));
  for (const s of strong) {
    const current = latestDifficulty(s.type) ?? defaultDifficulty;
    const next = PROGRESSION_LADDER[PROGRESSION_LADDER.indexOf(current) + 1];
    if (!PROGRESSION_LADDER.includes(current) || next === undefined) continue;
    const picked = pick({
      type: s.type,
      target: next,
      accept: (d) => ordinal(d) > ordinal(current),
      ageRequired: false,
      count: 1,
    });
    const params = { exerciseType: s.type, successRate: s.rate, nextDifficulty: next };
    if (recommend(picked, 7, 'reco.exercise.progression', params) > 0) covered.add(s.type);
  }

  // 3. maintenance, 4. discovery
  const anyDifficulty = () => true;
  for (const type of EXERCISE_TYPES) {
    if (covered.has(type) || (practised.has(type) && recentTypes.has(type))) continue;
    const picked = pick({
      type,
      target: defaultDifficulty,
      accept: anyDifficulty,
      ageRequired: true,
      count: 1,
    });
    const params = { exerciseType: type, targetDifficulty: defaultDifficulty };
    if (practised.has(type)) recommend(picked, 5, 'reco.exercise.maintenance', params);
    else recommend(picked, 4, 'reco.exercise.discovery', params);
  }

  // 5. challenges
  const completedChallenges = new Set(ctx.justCompleted.challengeIds);
  const replacedChallenges = new Set(ctx.replaced.challengeIds);
  const seenTypes = new Set(ctx.recentChallengeTypes);
  const profile = challengeProfile(ctx.challengeAttempts);
  const gentle = profile === 'novice' || profile === 'struggling';
  const challengeTarget =
    profile === 'struggling'
      ? shifted(defaultDifficulty, -1)
      : profile === 'mature'
        ? shifted(defaultDifficulty, 1)
        : defaultDifficulty;
  const challenges = sortedBy(
    ctx.challenges.filter(
      (c) =>
        c.isActive &&
        !c.isArchived &&
        !c.solved &&
        !completedChallenges.has(c.id) &&
        ageFits(c.ageGroup),
    ),
    (c) => [
      replacedChallenges.has(c.id) ? 1 : 0,
      gentle && !ONBOARDING_CHALLENGE_TYPES.has(c.challengeType) ? 1 : 0,
      !gentle && seenTypes.has(c.challengeType) ? 1 : 0,
      Math.abs(ordinal(c.difficulty ?? 'PADAWAN') - ordinal(challengeTarget)),
      c.id,
    ],
  );
  const challengePriority = Math.min(9, CHALLENGE_PRIORITY[profile] + (goal === 'samuser' ? 1 : 0));
  for (const c of takeDiverse(challenges, 4, (x) => x.challengeType)) {
    const reasonCode = CHALLENGE_REASON[profile];
    const reasonParams = { challengeType: c.challengeType };
    out.push({
      kind: 'challenge',
      challengeId: c.id,
      challengeType: c.challengeType,
      difficulty: c.difficulty ?? 'PADAWAN',
      priority: challengePriority,
      reasonCode,
      reasonParams,
      reason: reasonText(reasonCode, reasonParams),
    });
  }

  // 6. fallback
  if (out.length === 0) {
    const picked = pick({
      type: null,
      target: defaultDifficulty,
      accept: anyDifficulty,
      ageRequired: true,
      count: 3,
    });
    recommend(picked, 3, 'reco.exercise.fallback', {});
  }

  // Highest priority first; the sort is stable, so equal priorities keep their step order.
  return out.sort((a, b) => b.priority - a.priority);
};
