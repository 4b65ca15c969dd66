/**
 * Badge rules (spec/domain-rules.md §4.5, §5.3–5.12): pure functions over one precomputed statistics
 * snapshot. Nothing here touches the database; badge.repo.ts builds the snapshot with a fixed number of
 * queries, whatever the number of badges and the length of the user's history.
 */
import type { ExerciseType } from '../db/generated/enums.ts';
import { pyRound } from '../lib/py-round.ts';
import { computeDayStreak, type UtcDay } from '../progress/index.ts';
import type { BadgeRequirement } from '../reference/index.ts';

// ---------------------------------------------------------------------------------------------
// The statistics snapshot
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

export interface TypeStats {
  /** Exercise attempts of this type, correct or not. */
  total: number;
  correct: number;
  /** Correct answers in a row counting back from the latest attempt of this type. */
  leadingCorrect: number;
}

export interface BadgeStatsSnapshot {
  /** All-time exercise attempts (correct or not) and correct ones. */
  attemptsTotal: number;
  attemptsCorrect: number;
  /** Correct logic-challenge attempts, repeats included. */
  logicCorrect: number;
  /** Per exercise type (only types the user attempted). */
  perType: ReadonlyMap<ExerciseType, TypeStats>;
  /** S: the types present among active, non-archived exercises. */
  activeTypes: readonly ExerciseType[];
  /** Fastest correct exercise attempt with a real (positive) declared time, in seconds. */
  fastestCorrectSeconds: number | null;
  /**
   * UTC days with activity in the look-back window, activity as the day streak defines it
   * (progress/activity.rules.ts: any exercise or challenge attempt).
   */
  activityDays: ReadonlySet<UtcDay>;
  /** Today's (UTC) exercise attempts. */
  today: { day: UtcDay; total: number; correct: number };
  /**
   * The submission being evaluated (exercise submissions only): its time and the user's previous
   * activity strictly before it. Null for POST /api/badges/check and challenge submissions.
   */
  current: { createdAt: Date; previousActivityAt: Date | null } | null;
}

/**
 * The snapshot's statistics that only some requirements read (the counters and the per-type rows serve
 * most of them): `logicCorrect`, `fastestCorrectSeconds`, `activityDays`, `today`,
 * `current.previousActivityAt`, `activeTypes`.
 */
export type OptionalStat =
  'logicCorrect' | 'fastest' | 'dayChain' | 'today' | 'previous' | 'activeTypes';

/**
 * Which optional statistic each requirement reads (in `isRequirementMet` and `requirementProgress`).
 * Nothing else reads a snapshot, and both only for badges the learner has not earned: a snapshot built
 * for a set of pending badges may leave the other optional statistics at their empty value.
 */
export const OPTIONAL_STAT_OF: { readonly [K in BadgeRequirement['type']]: OptionalStat | null } = {
  attempts_count: null,
  success_rate: null,
  consecutive: null,
  logic_attempts_count: 'logicCorrect',
  mixed: 'logicCorrect',
  max_time: 'fastest',
  consecutive_days: 'dayChain',
  perfect_day: 'today',
  comeback: 'previous',
  all_types: 'activeTypes',
  min_per_type: 'activeTypes',
};

// ---------------------------------------------------------------------------------------------
// Checkers (§5.4) and progress (§5.8)
// ---------------------------------------------------------------------------------------------

const typeStats = (snap: BadgeStatsSnapshot, type: ExerciseType): TypeStats =>
  snap.perType.get(type) ?? { total: 0, correct: 0, leadingCorrect: 0 };

/** Whole days between the current submission and the previous activity, or null. */
const comebackGapDays = (snap: BadgeStatsSnapshot): number | null => {
  if (snap.current === null || snap.current.previousActivityAt === null) return null;
  return Math.floor(
    (snap.current.createdAt.getTime() - snap.current.previousActivityAt.getTime()) / DAY_MS,
  );
};

/**
 * True when the requirement is met. Deliberate differences from the legacy engine
 * (docs/legacy-differences.md, "Gamification"):
 * - max_time needs a **correct** attempt with a real declared time (> 0 s);
 * - consecutive_days and comeback count the same activity as the day streak (exercise and challenge
 *   attempts);
 * - all_types / min_per_type are not earned when no active exercise exists.
 */
export const isRequirementMet = (req: BadgeRequirement, snap: BadgeStatsSnapshot): boolean => {
  switch (req.type) {
    case 'attempts_count':
      return snap.attemptsTotal >= req.attemptsCount;
    case 'logic_attempts_count':
      return snap.logicCorrect >= req.logicAttemptsCount;
    case 'mixed':
      return snap.attemptsTotal >= req.attemptsCount && snap.logicCorrect >= req.logicAttemptsCount;
    case 'success_rate':
      return (
        snap.attemptsTotal > 0 &&
        snap.attemptsTotal >= req.minAttempts &&
        (snap.attemptsCorrect / snap.attemptsTotal) * 100 >= req.successRate
      );
    case 'consecutive':
      return typeStats(snap, req.exerciseType).leadingCorrect >= req.consecutiveCorrect;
    case 'max_time':
      return snap.fastestCorrectSeconds !== null && snap.fastestCorrectSeconds <= req.maxTime;
    case 'consecutive_days':
      return computeDayStreak(snap.activityDays, snap.today.day) >= req.days;
    case 'perfect_day':
      return snap.today.total >= req.minAttempts && snap.today.correct === snap.today.total;
    case 'all_types':
      return (
        snap.activeTypes.length > 0 && snap.activeTypes.every((t) => typeStats(snap, t).total > 0)
      );
    case 'min_per_type':
      return (
        snap.activeTypes.length > 0 &&
        snap.activeTypes.every((t) => typeStats(snap, t).correct >= req.minPerType)
      );
    case 'comeback': {
      const gap = comebackGapDays(snap);
      return gap !== null && gap >= req.days;
    }
  }
};

export interface RequirementProgress {
  /** 0–1, rounded to 2 decimals as the legacy did. */
  progress: number;
  current: number;
  target: number;
}

const ratio = (current: number, target: number): RequirementProgress => ({
  progress: pyRound(Math.min(1, current / Math.max(1, target)), 2),
  current,
  target,
});

const binary = (met: boolean): RequirementProgress =>
  met ? { progress: 1, current: 1, target: 1 } : { progress: 0, current: 0, target: 1 };

/** Progress toward a requirement (§5.8). A null requirement (unrecognised) gives 0 of 0. */
export const requirementProgress = (
  req: BadgeRequirement | null,
  snap: BadgeStatsSnapshot,
): RequirementProgress => {
  if (req === null) return { progress: 0, current: 0, target: 0 };
  switch (req.type) {
    case 'attempts_count':
      return ratio(snap.attemptsTotal, req.attemptsCount);
    case 'logic_attempts_count':
      return ratio(snap.logicCorrect, req.logicAttemptsCount);
    case 'mixed': {
      const exercises = ratio(snap.attemptsTotal, req.attemptsCount);
      const logic = ratio(snap.logicCorrect, req.logicAttemptsCount);
      // The least advanced part; on a tie, the exercises part.
      return logic.progress < exercises.progress ? logic : exercises;
    }
    case 'success_rate': {
      const total = snap.attemptsTotal;
      if (total === 0) return { progress: 0, current: 0, target: req.minAttempts };
      const met = isRequirementMet(req, snap);
      return {
        progress: met ? 1 : pyRound(Math.min(1, total / Math.max(1, req.minAttempts)), 2),
        current: total,
        target: req.minAttempts,
      };
    }
    case 'consecutive':
      return ratio(typeStats(snap, req.exerciseType).leadingCorrect, req.consecutiveCorrect);
    case 'max_time':
    case 'perfect_day':
      return binary(isRequirementMet(req, snap));
    case 'consecutive_days':
      return ratio(computeDayStreak(snap.activityDays, snap.today.day), req.days);
    case 'all_types': {
      const target = snap.activeTypes.length;
      if (target === 0) return { progress: 0, current: 0, target: 0 };
      const current = snap.activeTypes.filter((t) => typeStats(snap, t).total > 0).length;
      return ratio(current, target);
    }
    case 'min_per_type': {
      const current =
        snap.activeTypes.length === 0
          ? 0
          : Math.min(...snap.activeTypes.map((t) => typeStats(snap, t).correct));
      return ratio(current, req.minPerType);
    }
    case 'comeback':
      // A surprise badge: never shows progress.
      return { progress: 0, current: 0, target: 1 };
  }
};

// ---------------------------------------------------------------------------------------------
// "Tu approches !" (§5.9)
// ---------------------------------------------------------------------------------------------

export interface ProgressCandidate extends RequirementProgress {
  name: string;
  isSecret: boolean;
}

/**
 * The closest non-secret badge with progress ≥ 0.5, in badge (id) order on ties. Difference: a badge
 * with nothing left to do (`remaining` 0, e.g. `expert` with enough attempts but not the rate) is not a
 * candidate — the frontend hid such notifications and they masked a useful one.
 */
export const closestProgressNotification = (
  candidates: readonly ProgressCandidate[],
): { name: string; remaining: number } | null => {
  let best: ProgressCandidate | null = null;
  for (const c of candidates) {
    if (c.isSecret || c.target <= 0 || c.progress < 0.5 || c.target - c.current <= 0) continue;
    if (best === null || c.progress > best.progress) best = c;
  }
  return best === null
    ? null
    : { name: best.name, remaining: Math.max(0, best.target - best.current) };
};

// ---------------------------------------------------------------------------------------------
// Criteria text (§5.12), rarity (§5.10), pins (§5.11)
// ---------------------------------------------------------------------------------------------

const CONSECUTIVE_LABELS: Record<string, string> = {
  addition: 'additions',
  soustraction: 'soustractions',
  multiplication: 'multiplications',
  division: 'divisions',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (r: Record<string, unknown>, key: string): boolean =>
  r[key] !== undefined && r[key] !== null;

/** Python `str()` of a JSON scalar (`True`, `5`, `5.5`, text). */
const pyStr = (value: unknown): string => {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

/**
 * The legacy `criteria_text` of a stored requirements object, first matching rule wins (the combined
 * exercise + challenge text stays unreachable, as in the legacy: the frontend shows that text).
 */
export const criteriaText = (requirements: unknown): string | null => {
  if (!isRecord(requirements)) return null;
  const r = requirements;
  if (has(r, 'attempts_count')) return `Résoudre ${pyStr(r.attempts_count)} exercices`;
  if (has(r, 'min_attempts') && has(r, 'success_rate')) {
    return `${pyStr(r.min_attempts)} tentatives avec ${pyStr(r.success_rate)}% de réussite`;
  }
  if (has(r, 'consecutive_correct')) {
    const type = typeof r.exercise_type === 'string' ? r.exercise_type.toLowerCase() : 'addition';
    return `${pyStr(r.consecutive_correct)} ${CONSECUTIVE_LABELS[type] ?? type} consécutives correctes`;
  }
  if (has(r, 'max_time')) return `Résoudre un exercice en moins de ${pyStr(r.max_time)} secondes`;
  if (has(r, 'consecutive_days'))
    return `${pyStr(r.consecutive_days)} jours consécutifs d'activité`;
  if (has(r, 'logic_attempts_count'))
    return `Résoudre ${pyStr(r.logic_attempts_count)} défis logiques`;
  if (has(r, 'comeback_days')) return `Revenir après ${pyStr(r.comeback_days)} jours sans activité`;
  return null;
};

export const RARITIES = ['rare', 'uncommon', 'common'] as const;
export type Rarity = (typeof RARITIES)[number];

/** `rare` under 5 % of active users, `uncommon` under 20 %, else `common` (on the rounded percent). */
export const rarityOf = (unlockPercent: number): Rarity =>
  unlockPercent < 5 ? 'rare' : unlockPercent < 20 ? 'uncommon' : 'common';

export const unlockPercentOf = (unlockCount: number, totalUsers: number): number =>
  pyRound((unlockCount / Math.max(1, totalUsers)) * 100, 1);

export const MAX_PINNED_BADGES = 3;

/**
 * The pin rule (§5.11): the first 3 requested ids, then only earned ones, de-duplicated in order —
 * an unearned id among the first three is not replaced by a later one.
 */
export const selectPinnedBadges = (
  requested: readonly number[],
  earned: ReadonlySet<number>,
): number[] => {
  const kept: number[] = [];
  for (const id of requested.slice(0, MAX_PINNED_BADGES)) {
    if (earned.has(id) && !kept.includes(id)) kept.push(id);
  }
  return kept;
};

/** Lower-case legacy string of an enum label (`PROGRESSION` → `progression`), null kept. */
export const lowerOrNull = (value: string | null): string | null =>
  value === null ? null : value.toLowerCase();
