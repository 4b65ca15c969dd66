/**
 * Inputs and DTOs of the exercises feature (catalogue, generation, submit). The zod schemas are the
 * clean (tRPC) inputs; `parseLegacyListQuery` applies the legacy query normalisation of
 * spec/api-rest-core.md §3 / §6.4.1 so the REST route and the service agree on one input type.
 */
import { z } from 'zod';

import { ZAwardedBadgeDto, ZProgressNotificationDto } from '../progress/index.ts';
import {
  AGE_GROUPS,
  DIFFICULTIES,
  EXERCISE_TYPES,
  isJsonTruthy,
  isThemedFlagSet,
  normalizeAgeGroup,
  normalizeExerciseType,
  type AgeGroup,
  type ExerciseType,
} from './exercise.rules.ts';

export const LIST_DEFAULT_LIMIT = 20;
export const LIST_MAX_LIMIT = 100;
export const LIST_ORDERS = ['random', 'recent'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

/** Idempotency keys: 1–100 characters (the column is varchar(100)). */
export const IDEMPOTENCY_KEY_MAX = 100;

// -------------------------------------------------------------------------------------------------
// Catalogue
// -------------------------------------------------------------------------------------------------

export const ZListExercisesInput = z.object({
  /** Offset (the legacy `skip`). */
  cursor: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(LIST_MAX_LIMIT).default(LIST_DEFAULT_LIMIT),
  exerciseType: z.enum(EXERCISE_TYPES).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  search: z.string().trim().max(200).optional(),
  order: z.enum(LIST_ORDERS).default('random'),
  /** Excludes the exercises the caller has solved; ignored for anonymous callers. */
  hideCompleted: z.boolean().default(false),
});
export type ListExercisesInput = z.input<typeof ZListExercisesInput>;

/** The normalised list query the service runs (both transports end here). */
export interface ListExercisesQuery {
  skip: number;
  limit: number;
  exerciseType: ExerciseType | null;
  ageGroup: AgeGroup | null;
  search: string | null;
  order: ListOrder;
  hideCompleted: boolean;
}

export const ZExerciseIdInput = z.object({
  exerciseId: z.number().int().min(1).max(2_147_483_647),
});
export type ExerciseIdInput = z.infer<typeof ZExerciseIdInput>;

/** Python `int(text)` of a query value: optional sign and digits, surrounding spaces allowed. */
const legacyInt = (value: string | undefined): number | null => {
  if (value === undefined || !/^\s*[+-]?\d{1,15}\s*$/.test(value)) return null;
  return Number(value.trim());
};

/**
 * The legacy query of GET /api/exercises (api-rest-core §3, §6.4.1): `skip` non-numeric or negative → 0;
 * `limit` missing/non-numeric → 20, else clamped to 1..100; `exercise_type` / `age_group` normalised
 * (unknown → ADDITION / 9-11, the filter still applies); `search` (alias `q`) trimmed; `order=recent`
 * else random; `hide_completed=true` (any case). Never throws.
 */
export const parseLegacyListQuery = (
  query: Record<string, string | undefined>,
): ListExercisesQuery => {
  const skip = Math.max(0, legacyInt(query.skip) ?? 0);
  const rawLimit = legacyInt(query.limit);
  const limit =
    rawLimit === null ? LIST_DEFAULT_LIMIT : Math.min(LIST_MAX_LIMIT, Math.max(1, rawLimit));
  const type = query.exercise_type?.trim();
  const age = query.age_group?.trim();
  const search = (query.search ?? query.q)?.trim();
  return {
    skip,
    limit,
    exerciseType: type ? normalizeExerciseType(type) : null,
    ageGroup: age ? normalizeAgeGroup(age) : null,
    search: search ? search : null,
    order: query.order === 'recent' ? 'recent' : 'random',
    hideCompleted: query.hide_completed?.trim().toLowerCase() === 'true',
  };
};

export const toListQuery = (input: ListExercisesInput): ListExercisesQuery => {
  const parsed = ZListExercisesInput.parse(input);
  return {
    skip: parsed.cursor,
    limit: parsed.limit,
    exerciseType: parsed.exerciseType ?? null,
    ageGroup: parsed.ageGroup ?? null,
    search: parsed.search ? parsed.search : null,
    order: parsed.order,
    hideCompleted: parsed.hideCompleted,
  };
};

/** A catalogue entry as lists show it: never the answer nor the explanation (they give the answer). */
export const ZExerciseListItemDto = z.object({
  id: z.number().int(),
  title: z.string(),
  exerciseType: z.enum(EXERCISE_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  ageGroup: z.enum(AGE_GROUPS),
  question: z.string(),
  choices: z.array(z.string()),
  hint: z.string().nullable(),
  tags: z.array(z.string()),
  aiGenerated: z.boolean(),
  isActive: z.boolean(),
  viewCount: z.number().int(),
  createdAt: z.date(),
});
export type ExerciseListItemDto = z.infer<typeof ZExerciseListItemDto>;

export interface ExerciseListDto {
  items: ExerciseListItemDto[];
  total: number;
  skip: number;
  limit: number;
  hasMore: boolean;
}

/** A page of the catalogue as the typed API answers it: `nextCursor` is the next offset, null at the end. */
export const ZExercisePageDto = z.object({
  items: z.array(ZExerciseListItemDto),
  total: z.number().int(),
  nextCursor: z.number().int().nullable(),
});
export type ExercisePageDto = z.infer<typeof ZExercisePageDto>;

/** The detail before an attempt: no answer, no explanation (the attempt response carries both). */
export const ZExerciseDetailDto = z.object({
  id: z.number().int(),
  title: z.string(),
  exerciseType: z.enum(EXERCISE_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  ageGroup: z.enum(AGE_GROUPS),
  question: z.string(),
  choices: z.array(z.string()),
  hint: z.string().nullable(),
  tags: z.array(z.string()),
  aiGenerated: z.boolean(),
});
export type ExerciseDetailDto = z.infer<typeof ZExerciseDetailDto>;

// -------------------------------------------------------------------------------------------------
// Generation
// -------------------------------------------------------------------------------------------------

export const ZGenerateExerciseInput = z.object({
  exerciseType: z.enum(EXERCISE_TYPES),
  ageGroup: z.enum(AGE_GROUPS),
  /** The legacy `ai=true` flag: themed templates (no AI is called). */
  themed: z.boolean().default(false),
  /** Saved into the shared catalogue (default true); unsaved exercises are not counted by the limit. */
  save: z.boolean().default(true),
});
export type GenerateExerciseRequest = z.input<typeof ZGenerateExerciseInput>;

/**
 * The legacy body of POST /api/exercises/generate (§2.1): `exercise_type` and `age_group` required strings
 * (normalised: unknown → ADDITION / 9-11), `ai` truthy as `true/1/yes/y`, `save` JSON-truthy (default true).
 */
export const ZLegacyGenerateBody = z
  .object({
    exercise_type: z.string(),
    age_group: z.string(),
    ai: z.unknown().optional(),
    save: z.unknown().optional(),
  })
  .transform((b): GenerateExerciseRequest => ({
    exerciseType: normalizeExerciseType(b.exercise_type),
    ageGroup: normalizeAgeGroup(b.age_group),
    themed: isThemedFlagSet(b.ai),
    save: b.save === undefined ? true : isJsonTruthy(b.save),
  }));

/** The legacy query of GET /api/exercises/generate (§2.1): no required check; always saves. */
export const parseLegacyGenerateQuery = (
  query: Record<string, string | undefined>,
): GenerateExerciseRequest => ({
  exerciseType: normalizeExerciseType(query.type ?? query.exercise_type),
  ageGroup: normalizeAgeGroup(query.age_group),
  themed: isThemedFlagSet(query.ai),
  save: true,
});

/** A generated exercise as returned to its requester: no answer, no explanation. */
export const ZGeneratedExerciseDto = z.object({
  /** Null when not saved. */
  id: z.number().int().nullable(),
  title: z.string(),
  question: z.string(),
  choices: z.array(z.string()),
  hint: z.string(),
  exerciseType: z.enum(EXERCISE_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  ageGroup: z.enum(AGE_GROUPS),
  aiGenerated: z.boolean(),
  tags: z.array(z.string()),
  /** The two operands of a plain arithmetic exercise (the legacy `num1` / `num2`), else null. */
  operands: z.tuple([z.number(), z.number()]).nullable(),
});
export type GeneratedExerciseDto = z.infer<typeof ZGeneratedExerciseDto>;

// -------------------------------------------------------------------------------------------------
// Submit
// -------------------------------------------------------------------------------------------------

export const ZSubmitAnswerInput = z.object({
  exerciseId: z.number().int().min(1).max(2_147_483_647),
  /** The learner's answer as typed (stored untrimmed). A single space is accepted, as in the legacy. */
  answer: z.string().min(1).max(1000),
  /** Seconds the learner declares (0 when unknown). */
  timeSpent: z.number().min(0).max(1e9).default(0),
  /** Optional: a retried submission with the same key returns the first response. */
  idempotencyKey: z.string().min(1).max(IDEMPOTENCY_KEY_MAX).optional(),
});
export type SubmitAnswerInput = z.input<typeof ZSubmitAnswerInput>;

export const ZSubmitAnswerResultDto = z.object({
  attemptId: z.number().int(),
  isCorrect: z.boolean(),
  correctAnswer: z.string(),
  /** `''` when the exercise has none. */
  explanation: z.string(),
  newBadges: z.array(ZAwardedBadgeDto),
  progressNotification: ZProgressNotificationDto.nullable(),
  /** True when this is the stored response of an earlier submission with the same idempotency key. */
  replayed: z.boolean(),
});
export type SubmitAnswerResultDto = z.infer<typeof ZSubmitAnswerResultDto>;

/** The stored first response (`attempts.response_snapshot`); dates as ISO strings. */
export const ZSubmitAnswerSnapshot = z.object({
  attemptId: z.number().int(),
  isCorrect: z.boolean(),
  correctAnswer: z.string(),
  explanation: z.string(),
  newBadges: z.array(
    ZAwardedBadgeDto.extend({
      earnedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    }),
  ),
  progressNotification: ZProgressNotificationDto.nullable(),
});

export const snapshotOf = (result: Omit<SubmitAnswerResultDto, 'replayed'>) => ({
  attemptId: result.attemptId,
  isCorrect: result.isCorrect,
  correctAnswer: result.correctAnswer,
  explanation: result.explanation,
  newBadges: result.newBadges.map((b) => ({ ...b, earnedAt: b.earnedAt.toISOString() })),
  progressNotification:
    result.progressNotification === null
      ? null
      : {
          name: result.progressNotification.name,
          remaining: result.progressNotification.remaining,
        },
});

export const ZCompletedIdsDto = z.object({ completedIds: z.array(z.number().int()) });
export type CompletedIdsDto = z.infer<typeof ZCompletedIdsDto>;
export const completedIdsDto = (ids: number[]): CompletedIdsDto => ({ completedIds: ids });

/** GET /api/exercises/stats, the public "academy" statistics (`exercises.stats`). */
export const ZCatalogueStatsDto = z.object({
  archiveStatus: z.string(),
  academyStatistics: z.object({
    totalExercises: z.number().int(),
    totalChallenges: z.number().int(),
    totalContent: z.number().int(),
    archivedExercises: z.number().int(),
    aiGenerated: z.number().int(),
    aiGeneratedExercises: z.number().int(),
    aiGeneratedChallenges: z.number().int(),
    /** Percent, 1 decimal. */
    aiGeneratedPercentage: z.number(),
  }),
  byDiscipline: z.record(
    z.string(),
    z.object({ count: z.number().int(), disciplineName: z.string(), percentage: z.number() }),
  ),
  byRank: z.record(
    z.string(),
    z.object({
      count: z.number().int(),
      rankName: z.string(),
      description: z.string(),
      minAge: z.number().int(),
      percentage: z.number(),
    }),
  ),
  byApprenticeGroup: z.record(
    z.string(),
    z.object({
      count: z.number().int(),
      groupName: z.string(),
      description: z.string(),
      percentage: z.number(),
    }),
  ),
  globalPerformance: z.object({
    totalAttempts: z.number().int(),
    exerciseAttempts: z.number().int(),
    challengeAttempts: z.number().int(),
    successfulAttempts: z.number().int(),
    /** Percent, 1 decimal. */
    masteryRate: z.number(),
    challengeMasteryRate: z.number(),
    message: z.string(),
  }),
  legendaryChallenges: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      discipline: z.string(),
      rank: z.string(),
      apprenticesTrained: z.number().int(),
    }),
  ),
  sageWisdom: z.string(),
});
export type CatalogueStatsDto = z.infer<typeof ZCatalogueStatsDto>;
