import { z } from 'zod';

import type { ExerciseType } from '../db/generated/enums.ts';

/**
 * Badge requirements (spec/data-model.md §4.4 and §5.1, spec/domain-rules.md §5.3–5.4).
 *
 * `achievements.requirements` keeps the legacy JSON shape (snake_case keys whose *set* selects the
 * checker), because admins and the legacy REST API read and write that shape. A badge engine never
 * reads the raw JSON: it calls `parseBadgeRequirement`, which validates it and detects its type in
 * the legacy order (first match wins), and evaluates the resulting discriminated union.
 */

const ZCount = z.int().min(1);

/**
 * The stored JSON, strict (unknown keys rejected): what the catalogue and admin input must satisfy.
 * Keys that are absent or null do not take part in the detection.
 */
export const ZBadgeRequirementsJson = z.strictObject({
  attempts_count: ZCount.nullish(),
  logic_attempts_count: ZCount.nullish(),
  min_attempts: ZCount.nullish(),
  success_rate: z.number().min(0).max(100).nullish(),
  exercise_type: z.string().min(1).nullish(),
  consecutive_correct: ZCount.nullish(),
  /** Seconds. */
  max_time: z.number().min(0).nullish(),
  consecutive_days: ZCount.nullish(),
  perfect_day: z.boolean().nullish(),
  all_types: z.boolean().nullish(),
  min_per_type: ZCount.nullish(),
  /** Legacy alias of `min_per_type`. */
  min_count: ZCount.nullish(),
  comeback_days: ZCount.nullish(),
});

export type BadgeRequirementsJson = z.infer<typeof ZBadgeRequirementsJson>;

/**
 * Stored rows may carry extra keys (the legacy admin accepted any object): they are ignored. Built once:
 * `.strip()` returns a new schema, which zod compiles on its first parse (≈ 0.4 ms per badge per submit
 * when it was built per call).
 */
const ZStoredBadgeRequirementsJson = ZBadgeRequirementsJson.strip();

/** What a badge engine evaluates. Counts are thresholds ("at least"); rates are percents (0–100). */
export type BadgeRequirement =
  /** Both: exercise attempts (correct or not) ≥ attemptsCount and correct challenge attempts ≥ logicAttemptsCount. */
  | { type: 'mixed'; attemptsCount: number; logicAttemptsCount: number }
  /** Correct logic-challenge attempts ≥ n. */
  | { type: 'logic_attempts_count'; logicAttemptsCount: number }
  /** Exercise attempts, correct or not, ≥ n. */
  | { type: 'attempts_count'; attemptsCount: number }
  /** Exercise attempts ≥ minAttempts and percent correct ≥ successRate. */
  | { type: 'success_rate'; minAttempts: number; successRate: number }
  /** The latest `consecutiveCorrect` attempts on exercises of `exerciseType` are all correct. */
  | { type: 'consecutive'; exerciseType: ExerciseType; consecutiveCorrect: number }
  /** A correct exercise attempt with time_spent ≤ maxTime seconds. */
  | { type: 'max_time'; maxTime: number }
  /** Exercise activity on each of the last `days` UTC days, ending today. */
  | { type: 'consecutive_days'; days: number }
  /** Today (UTC): at least `minAttempts` exercise attempts, all correct. */
  | { type: 'perfect_day'; minAttempts: number }
  /** Every exercise type among active, non-archived exercises attempted at least once. */
  | { type: 'all_types' }
  /** At least `minPerType` correct attempts for every active exercise type. */
  | { type: 'min_per_type'; minPerType: number }
  /** The current attempt comes ≥ `days` days after the user's previous exercise attempt. */
  | { type: 'comeback'; days: number };

export type BadgeRequirementType = BadgeRequirement['type'];

export const BADGE_REQUIREMENT_TYPES = [
  'mixed',
  'logic_attempts_count',
  'attempts_count',
  'success_rate',
  'consecutive',
  'max_time',
  'consecutive_days',
  'perfect_day',
  'all_types',
  'min_per_type',
  'comeback',
] as const satisfies readonly BadgeRequirementType[];

/** The perfect-day threshold of the legacy engine (domain-rules §5.4). */
export const PERFECT_DAY_MIN_ATTEMPTS = 3;
/** Defaults of the legacy engine when a key is absent. */
export const DEFAULT_CONSECUTIVE_EXERCISE_TYPE: ExerciseType = 'ADDITION';
export const DEFAULT_MIN_PER_TYPE = 5;

const EXERCISE_TYPES = [
  'ADDITION',
  'SOUSTRACTION',
  'MULTIPLICATION',
  'DIVISION',
  'FRACTIONS',
  'GEOMETRIE',
  'TEXTE',
  'MIXTE',
  'DIVERS',
] as const satisfies readonly ExerciseType[];

const toExerciseType = (value: string): ExerciseType | null => {
  const upper = value.trim().toUpperCase();
  return EXERCISE_TYPES.find((t) => t === upper) ?? null;
};

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;

/**
 * Detects the requirement type of validated JSON, in the legacy order (domain-rules §5.3). Returns
 * null when no rule matches or a consecutive badge names an unknown exercise type: such a badge is
 * never awarded.
 */
export const detectBadgeRequirement = (json: BadgeRequirementsJson): BadgeRequirement | null => {
  const r = json;
  if (present(r.attempts_count) && present(r.logic_attempts_count)) {
    return {
      type: 'mixed',
      attemptsCount: r.attempts_count,
      logicAttemptsCount: r.logic_attempts_count,
    };
  }
  if (present(r.logic_attempts_count)) {
    return { type: 'logic_attempts_count', logicAttemptsCount: r.logic_attempts_count };
  }
  if (present(r.attempts_count) && !present(r.consecutive_correct) && !present(r.success_rate)) {
    return { type: 'attempts_count', attemptsCount: r.attempts_count };
  }
  if (present(r.min_attempts) && present(r.success_rate)) {
    return { type: 'success_rate', minAttempts: r.min_attempts, successRate: r.success_rate };
  }
  if (present(r.exercise_type) || present(r.consecutive_correct)) {
    const exerciseType = present(r.exercise_type)
      ? toExerciseType(r.exercise_type)
      : DEFAULT_CONSECUTIVE_EXERCISE_TYPE;
    if (exerciseType === null || !present(r.consecutive_correct)) return null;
    return { type: 'consecutive', exerciseType, consecutiveCorrect: r.consecutive_correct };
  }
  if (present(r.max_time)) return { type: 'max_time', maxTime: r.max_time };
  if (present(r.consecutive_days)) return { type: 'consecutive_days', days: r.consecutive_days };
  if (present(r.perfect_day)) return { type: 'perfect_day', minAttempts: PERFECT_DAY_MIN_ATTEMPTS };
  if (present(r.all_types)) return { type: 'all_types' };
  if (present(r.min_per_type) || present(r.min_count)) {
    return {
      type: 'min_per_type',
      minPerType: r.min_per_type ?? r.min_count ?? DEFAULT_MIN_PER_TYPE,
    };
  }
  if (present(r.comeback_days)) return { type: 'comeback', days: r.comeback_days };
  return null;
};

/**
 * Parses a stored `achievements.requirements` value. Invalid values and unrecognised
 * requirement sets give null (the badge is never awarded); nothing throws.
 */
export const parseBadgeRequirement = (value: unknown): BadgeRequirement | null => {
  const parsed = ZStoredBadgeRequirementsJson.safeParse(value);
  return parsed.success ? detectBadgeRequirement(parsed.data) : null;
};

/** The stored JSON for a requirement (the inverse of `parseBadgeRequirement`, canonical keys). */
export const toBadgeRequirementsJson = (req: BadgeRequirement): BadgeRequirementsJson => {
  switch (req.type) {
    case 'mixed':
      return { attempts_count: req.attemptsCount, logic_attempts_count: req.logicAttemptsCount };
    case 'logic_attempts_count':
      return { logic_attempts_count: req.logicAttemptsCount };
    case 'attempts_count':
      return { attempts_count: req.attemptsCount };
    case 'success_rate':
      return { min_attempts: req.minAttempts, success_rate: req.successRate };
    case 'consecutive':
      return {
        exercise_type: req.exerciseType.toLowerCase(),
        consecutive_correct: req.consecutiveCorrect,
      };
    case 'max_time':
      return { max_time: req.maxTime };
    case 'consecutive_days':
      return { consecutive_days: req.days };
    case 'perfect_day':
      return { perfect_day: true };
    case 'all_types':
      return { all_types: true };
    case 'min_per_type':
      return { min_per_type: req.minPerType };
    case 'comeback':
      return { comeback_days: req.days };
  }
};
