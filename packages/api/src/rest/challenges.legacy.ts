/**
 * The legacy wire of the logic challenge routes (api-rest-challenges-admin §3, api-rest-core §6.3.11):
 * the list filters with every alias the legacy accepted (§2.2, §2.3) over core's enums, Python's int and
 * truthiness where the legacy used them, the attempt body, response schemas and mappers. No body carries
 * an answer key before the learner has earned it (see core's `disclosureFor`).
 */
import { z } from 'zod';

import {
  AGE_GROUPS,
  CHALLENGE_LIST_DEFAULT_LIMIT,
  CHALLENGE_LIST_MAX_LIMIT,
  CHALLENGE_LIST_MAX_OFFSET,
  CHALLENGE_MESSAGES,
  CHALLENGE_TYPES,
  DIFFICULTIES,
  ZAttemptChallengeInput,
  ZChallengeIdInput,
  type AgeGroup,
  type AttemptChallengeInput,
  type ChallengeAttemptResultDto,
  type ChallengeDetailDto,
  type ChallengeListDto,
  type ChallengeListItemDto,
  type ChallengeProgressDto,
  type ChallengeType,
  type ListChallengesQuery,
} from '@mathakine/core';

import { pyFloat } from '../legacy/format.ts';
import { idParam, queryValue, validatedByCore } from '../legacy/inputs.ts';
import { clampPyInt, pyInt } from '../legacy/py-int.ts';
import { wire, ZJsonObject, ZPyFloat } from '../legacy/wire.ts';
import { toLegacyAwardedBadge, ZLegacyAwardedBadge } from './badges.legacy.ts';

// ---- list filters (§2.2, §2.3, §3.1) ---------------------------------------------------------------

/** Besides its API value (any case), each type's aliases in the public list filter; `custom` has none. */
export const LEGACY_TYPE_ALIASES = {
  sequence: ['seq', 'suite', 'séquence'],
  pattern: ['motif', 'grille'],
  visual: ['visuel', 'spatial', 'forme', 'formes'],
  puzzle: ['casse-tete', 'casse-tête'],
  riddle: ['enigme', 'énigme'],
  deduction: ['déduction', 'logique', 'logic'],
  probability: ['probabilite', 'probabilité', 'proba', 'chance'],
  graph: ['graphe', 'reseau', 'réseau', 'chemin'],
  coding: ['codage', 'crypto', 'cryptographie', 'labyrinthe', 'maze'],
  chess: ['echecs', 'échecs', 'echiquier', 'échiquier'],
} as const satisfies Record<Exclude<ChallengeType, 'custom'>, readonly string[]>;

/** The public list's `age_group` inputs (trimmed, lower-cased); any other non-empty value is `tous-ages`. */
export const LEGACY_AGE_ALIASES = {
  '6-8': ['6-8', 'enfant', 'group_6_8'],
  '9-11': ['9-11', '10-12', '9-12', 'group_10_12'],
  '12-14': ['12-14', '13-15', '12-13', 'adolescent', 'group_13_15'],
  '15-17': ['15-17', '13+', 'group_15_17'],
  adulte: ['adulte', 'adult'],
  'tous-ages': ['tous-ages', 'all', 'all_ages'],
} as const satisfies Record<AgeGroup, readonly string[]>;

const typeByAlias = new Map<string, ChallengeType>(
  (Object.keys(LEGACY_TYPE_ALIASES) as (keyof typeof LEGACY_TYPE_ALIASES)[]).flatMap((type) =>
    [type, ...LEGACY_TYPE_ALIASES[type]].map((alias) => [alias, type] as const),
  ),
);

const ageByAlias = new Map<string, AgeGroup>(
  AGE_GROUPS.flatMap((group) => LEGACY_AGE_ALIASES[group].map((alias) => [alias, group] as const)),
);

/** §2.2: an unknown type (and `custom`) drops the filter. */
export const legacyChallengeType = (value: string | undefined): ChallengeType | null =>
  value === undefined ? null : (typeByAlias.get(value.trim().toLowerCase()) ?? null);

/** §2.3: empty → no filter; known aliases → their group; anything else → `tous-ages` (the filter applies). */
export const legacyAgeGroup = (value: string | undefined): AgeGroup | null => {
  const key = value?.trim().toLowerCase() ?? '';
  if (key === '') return null;
  return ageByAlias.get(key) ?? 'tous-ages';
};

/**
 * GET /api/challenges (§3.1, §1.6): `skip` (not an int or negative → 0), `limit` (missing / not an int
 * → 20, clamped to 1..100), the type and age aliases, `search` (alias `q`; blank → none),
 * `active_only` (default `true`; only `true`, any case, is true), `order=recent` else random,
 * `hide_completed=true` (any case). Never fails.
 */
export const parseLegacyChallengeListQuery = (
  q: Record<string, string | undefined>,
): ListChallengesQuery => {
  const limit = pyInt(q.limit);
  const search = (q.search ?? q.q)?.trim();
  return {
    skip: clampPyInt(pyInt(q.skip) ?? 0n, 0, CHALLENGE_LIST_MAX_OFFSET),
    limit:
      limit === null
        ? CHALLENGE_LIST_DEFAULT_LIMIT
        : clampPyInt(limit, 1, CHALLENGE_LIST_MAX_LIMIT),
    challengeType: legacyChallengeType(q.challenge_type),
    ageGroup: legacyAgeGroup(q.age_group),
    search: search ? search : null,
    order: q.order === 'recent' ? 'recent' : 'random',
    hideCompleted: q.hide_completed?.toLowerCase() === 'true',
    activeOnly: q.active_only === undefined ? true : q.active_only.toLowerCase() === 'true',
  };
};

export const ZLegacyChallengeListQuery = z
  .object({
    skip: queryValue(),
    limit: queryValue(),
    challenge_type: queryValue(),
    age_group: queryValue(),
    search: queryValue(),
    q: queryValue(),
    active_only: queryValue(),
    order: queryValue(),
    hide_completed: queryValue(),
  })
  .transform(parseLegacyChallengeListQuery);

// ---- path, hint level, attempt body ----------------------------------------------------------------

/** The `{challenge_id:int}` segment; an id outside core's bounds cannot exist: the route's 404. */
export const ZLegacyChallengeParams = z.object({
  id: idParam(ZChallengeIdInput.shape.challengeId, CHALLENGE_MESSAGES.notFound),
});

/** `level` (§3.4): default 1; anything Python's `int()` refuses, empty included → 400. */
export const ZLegacyHintQuery = z.object({ level: queryValue() }).transform((q, ctx) => {
  if (q.level === undefined) return { level: 1 };
  const level = pyInt(q.level);
  if (level === null) {
    ctx.addIssue({ code: 'custom', message: CHALLENGE_MESSAGES.hintLevelInvalid, path: ['level'] });
    return z.NEVER;
  }
  return { level: clampPyInt(level, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) };
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Python truthiness of a JSON value. */
export const isPyTruthy = (value: unknown): boolean =>
  !(
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );

const attemptField = ZAttemptChallengeInput.shape;

/** `time_spent` (§3.3, "not validated"): a number or numeric text within core's bounds, else unknown. */
const legacyTimeSpent = (value: unknown): number | null => {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  const parsed = attemptField.timeSpent.safeParse(
    typeof value === 'string' && value.trim() === '' ? Number.NaN : number,
  );
  return parsed.success ? parsed.data : null;
};

/** `hints_used`: a list counts as its length, an int as itself (a JSON boolean is a Python int), else 0. */
const legacyHintsUsed = (value: unknown): number => {
  const count = Array.isArray(value)
    ? value.length
    : typeof value === 'boolean'
      ? Number(value)
      : typeof value === 'number' && Number.isInteger(value)
        ? value
        : 0;
  return Math.min(Math.max(0, count), Number.MAX_SAFE_INTEGER);
};

/**
 * The attempt body (§3.3): the answer is `user_solution`, or `answer` when `user_solution` is falsy; a
 * falsy answer (absent, `null`, `""`, `0`, `false`, `[]`, `{}`) is 400 `Réponse requise` before anything
 * else; any other answer goes to core, whose checker refuses what it cannot judge (400, French message).
 * `idempotency_key` (or the `Idempotency-Key` header, see the route) as on exercises.
 */
export const ZLegacyChallengeAttemptBody = z
  .object({
    user_solution: validatedByCore(attemptField.answer),
    answer: validatedByCore(attemptField.answer),
    time_spent: z.unknown().optional(),
    hints_used: z.unknown().optional(),
    idempotency_key: attemptField.idempotencyKey,
  })
  .transform((b, ctx): Omit<AttemptChallengeInput, 'challengeId'> => {
    const answer = isPyTruthy(b.user_solution) ? b.user_solution : b.answer;
    if (answer === undefined || !isPyTruthy(answer)) {
      ctx.addIssue({
        code: 'custom',
        message: CHALLENGE_MESSAGES.answerRequired,
        path: ['user_solution'],
      });
      return z.NEVER;
    }
    return {
      answer,
      timeSpent: legacyTimeSpent(b.time_spent),
      hintsUsed: legacyHintsUsed(b.hints_used),
      ...(b.idempotency_key === undefined ? {} : { idempotencyKey: b.idempotency_key }),
    };
  });

// ---- responses -------------------------------------------------------------------------------------

const ZChallengeTypeValue = z.enum(CHALLENGE_TYPES);
const ZAgeGroupValue = z.enum(AGE_GROUPS);

const listItemShape = {
  id: z.number(),
  title: z.string(),
  description: z.string(),
  challenge_type: ZChallengeTypeValue,
  age_group: ZAgeGroupValue,
  difficulty: z.enum(DIFFICULTIES).nullable(),
  tags: z.string().nullable(),
  difficulty_rating: ZPyFloat.nullable(),
  estimated_time_minutes: z.number().nullable(),
  success_rate: ZPyFloat,
  view_count: z.number(),
  is_archived: z.boolean(),
};

export const ZLegacyChallengeList = wire({
  items: z.array(wire(listItemShape)),
  total: z.number(),
  page: z.number(),
  limit: z.number(),
  hasMore: z.boolean(),
});

/** In the legacy key order (§3.2). */
export const ZLegacyChallengeDetail = wire({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  challenge_type: ZChallengeTypeValue,
  age_group: ZAgeGroupValue,
  difficulty: listItemShape.difficulty,
  question: z.string().nullable(),
  correct_answer: z.string().nullable(),
  choices: z.array(z.string()),
  solution_explanation: z.string().nullable(),
  visual_data: ZJsonObject,
  hints: z.array(z.string()).nullable(),
  tags: listItemShape.tags,
  difficulty_rating: listItemShape.difficulty_rating,
  estimated_time_minutes: listItemShape.estimated_time_minutes,
  success_rate: ZPyFloat,
  view_count: z.number(),
  is_active: z.boolean(),
  is_archived: z.boolean(),
});

export const ZLegacyHint = wire({ hint: z.string() });

export const ZLegacyChallengeAttemptResult = wire({
  is_correct: z.boolean(),
  explanation: z.string().nullable(),
  new_badges: z.array(ZLegacyAwardedBadge),
  progress_notification: wire({ name: z.string(), remaining: z.number() }).optional(),
  hints_remaining: z.number().optional(),
});

export const ZLegacyCompletedChallengeIds = wire({ completed_ids: z.array(z.number()) });

export const ZLegacyChallengeProgress = wire({
  completed_challenges: z.number(),
  total_challenges: z.number(),
  success_rate: ZPyFloat,
  average_time: ZPyFloat,
  challenges: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      is_completed: z.literal(true),
      attempts: z.number(),
      best_time: ZPyFloat.nullable(),
    }),
  ),
});

// ---- mappers ---------------------------------------------------------------------------------------

const floatOrNull = (value: number | null) => (value === null ? null : pyFloat(value));

const listItemFields = (c: ChallengeListItemDto) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  challenge_type: c.challengeType,
  age_group: c.ageGroup,
  difficulty: c.difficulty,
  tags: c.tags.length === 0 ? null : c.tags.join(','),
  difficulty_rating: floatOrNull(c.difficultyRating),
  estimated_time_minutes: c.estimatedTimeMinutes,
  success_rate: pyFloat(c.successRate),
  view_count: c.viewCount,
  is_archived: c.isArchived,
});

export const toLegacyChallengeList = (list: ChallengeListDto) => ({
  items: list.items.map(listItemFields),
  total: list.total,
  page: Math.floor(list.skip / list.limit) + 1,
  limit: list.limit,
  hasMore: list.hasMore,
});

/** `Position 7: ?, Position 10: ?`: the cells the frontend must offer, not their values (§8.1 note 1). */
const positionsMask = (positions: readonly number[]): string | null =>
  positions.length === 0 ? null : positions.map((p) => `Position ${p}: ?`).join(', ');

/**
 * The detail (§3.2) with what the learner has earned: `correct_answer` and `solution_explanation` once
 * solved (before: the answer's positions only, or null; null), `hints` once attempted (before: null, so
 * the legacy frontend shows no hint button that could not reveal anything).
 */
export const toLegacyChallengeDetail = (d: ChallengeDetailDto) => {
  const item = listItemFields(d);
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    challenge_type: item.challenge_type,
    age_group: item.age_group,
    difficulty: item.difficulty,
    question: d.question,
    correct_answer:
      d.solution === null ? positionsMask(d.answerPositions) : d.solution.correctAnswer,
    choices: d.choices,
    solution_explanation: d.solution?.explanation ?? null,
    visual_data: d.visualData,
    hints: d.hints.length === 0 ? null : d.hints,
    tags: item.tags,
    difficulty_rating: item.difficulty_rating,
    estimated_time_minutes: item.estimated_time_minutes,
    success_rate: item.success_rate,
    view_count: item.view_count,
    is_active: d.isActive,
    is_archived: d.isArchived,
  };
};

/** §3.3: `progress_notification` only when present, `hints_remaining` only after an incorrect answer. */
export const toLegacyChallengeAttemptResult = (r: ChallengeAttemptResultDto) => ({
  is_correct: r.isCorrect,
  explanation: r.solution?.explanation ?? null,
  new_badges: r.newBadges.map(toLegacyAwardedBadge),
  ...(r.progressNotification === null
    ? {}
    : {
        progress_notification: {
          name: r.progressNotification.name,
          remaining: r.progressNotification.remaining,
        },
      }),
  ...(r.hintsRemaining === null ? {} : { hints_remaining: r.hintsRemaining }),
});

export const toLegacyChallengeProgress = (p: ChallengeProgressDto) => ({
  completed_challenges: p.completedChallenges,
  total_challenges: p.totalChallenges,
  success_rate: pyFloat(p.successRate),
  average_time: pyFloat(p.averageTime),
  challenges: p.challenges.map((c) => ({
    id: c.id,
    title: c.title,
    is_completed: c.isCompleted,
    attempts: c.attempts,
    best_time: floatOrNull(c.bestTime),
  })),
});
