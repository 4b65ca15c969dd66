/**
 * Inputs and DTOs of the logic challenges (spec/api-rest-challenges-admin.md §3, api-rest-core §6.3.11).
 * The zod inputs are the clean (tRPC) contract; the legacy REST layer builds its query and body parsers
 * (aliases, Python leniency) on top of them and of the enums below. The DTOs come with zod schemas so the
 * tRPC procedures declare their outputs.
 */
import { z } from 'zod';

import { AGE_GROUPS, DIFFICULTIES, type AgeGroup } from '../exercises/index.ts';
import {
  ZChallengeAnswer,
  type ChallengeAnswerInput,
} from './answer-check/answer-check.schemas.ts';
import {
  CHALLENGE_LIST_DEFAULT_LIMIT,
  CHALLENGE_LIST_MAX_LIMIT,
  CHALLENGE_LIST_MAX_OFFSET,
  CHALLENGE_LIST_ORDERS,
  CHALLENGE_MESSAGES,
  CHALLENGE_TYPES,
  type ChallengeListOrder,
  type ChallengeType,
} from './challenge.rules.ts';

/** Ids are PostgreSQL `integer`s. */
const ZId = z.int().min(1).max(2_147_483_647);

/** Idempotency keys: 1–100 characters (varchar(100)), no control character, no lone surrogate. */
export const CHALLENGE_IDEMPOTENCY_KEY_MAX = 100;
const ZIdempotencyKey = z
  .string()
  .min(1, CHALLENGE_MESSAGES.idempotencyKeyInvalid)
  .max(CHALLENGE_IDEMPOTENCY_KEY_MAX, CHALLENGE_MESSAGES.idempotencyKeyInvalid)
  .regex(/^[^\p{Cc}\p{Cs}]+$/u, CHALLENGE_MESSAGES.idempotencyKeyInvalid);

// -------------------------------------------------------------------------------------------------
// Inputs
// -------------------------------------------------------------------------------------------------

export const ZChallengeIdInput = z.object({ challengeId: ZId });
export type ChallengeIdInput = z.infer<typeof ZChallengeIdInput>;

export const ZListChallengesInput = z.object({
  /** Offset (the legacy `skip`). */
  cursor: z.int().min(0).max(CHALLENGE_LIST_MAX_OFFSET).default(0),
  limit: z.int().min(1).max(CHALLENGE_LIST_MAX_LIMIT).default(CHALLENGE_LIST_DEFAULT_LIMIT),
  challengeType: z.enum(CHALLENGE_TYPES).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  /** Case-insensitive, in the title, the description and the tags. */
  search: z.string().trim().max(200).optional(),
  order: z.enum(CHALLENGE_LIST_ORDERS).default('random'),
  /** Leaves out the challenges the caller has solved. */
  hideCompleted: z.boolean().default(false),
  /** Leaves out archived challenges (inactive ones are never listed). */
  activeOnly: z.boolean().default(true),
});
export type ListChallengesInput = z.input<typeof ZListChallengesInput>;

/** The normalised list query the service runs (both transports end here). */
export interface ListChallengesQuery {
  skip: number;
  limit: number;
  challengeType: ChallengeType | null;
  ageGroup: AgeGroup | null;
  search: string | null;
  order: ChallengeListOrder;
  hideCompleted: boolean;
  activeOnly: boolean;
}

export const toChallengeListQuery = (input: ListChallengesInput): ListChallengesQuery => {
  const parsed = ZListChallengesInput.parse(input);
  return {
    skip: parsed.cursor,
    limit: parsed.limit,
    challengeType: parsed.challengeType ?? null,
    ageGroup: parsed.ageGroup ?? null,
    search: parsed.search ? parsed.search : null,
    order: parsed.order,
    hideCompleted: parsed.hideCompleted,
    activeOnly: parsed.activeOnly,
  };
};

/** One hint, by its 1-based level (a level outside the challenge's hints is refused by the service). */
export const ZChallengeHintInput = z.object({
  challengeId: ZId,
  level: z.int().default(1),
});
export type ChallengeHintInput = z.input<typeof ZChallengeHintInput>;

export const ZAttemptChallengeInput = z.object({
  challengeId: ZId,
  /** A text, a number or a flat list of texts / numbers (answer-check/answer-check.schemas.ts). */
  answer: ZChallengeAnswer,
  /** Seconds the learner declares; null when unknown. */
  timeSpent: z.number().min(0).max(1e9).nullable().default(null),
  /** How many hints the learner revealed (counted within the challenge's hints). */
  hintsUsed: z.int().min(0).default(0),
  /** Optional: a retried submission with the same key returns the first response. */
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type AttemptChallengeInput = Omit<z.input<typeof ZAttemptChallengeInput>, 'answer'> & {
  answer: ChallengeAnswerInput;
};
export type AttemptChallengeRequest = z.output<typeof ZAttemptChallengeInput>;

// -------------------------------------------------------------------------------------------------
// DTOs (clean, camelCase; the legacy REST mappers turn them into the legacy shapes)
// -------------------------------------------------------------------------------------------------

const ZChallengeType = z.enum(CHALLENGE_TYPES);
const ZAgeGroup = z.enum(AGE_GROUPS);
const ZDifficulty = z.enum(DIFFICULTIES);

/** A catalogue entry as lists show it: never the question, the answer, the explanation or the hints. */
export const ZChallengeListItemDto = z.object({
  id: z.int(),
  title: z.string(),
  description: z.string(),
  challengeType: ZChallengeType,
  ageGroup: ZAgeGroup,
  difficulty: ZDifficulty.nullable(),
  tags: z.array(z.string()),
  difficultyRating: z.number().nullable(),
  estimatedTimeMinutes: z.int().nullable(),
  /** Correct attempts over all attempts, percent with 1 decimal (0 without attempts). */
  successRate: z.number(),
  viewCount: z.int(),
  isArchived: z.boolean(),
});
export type ChallengeListItemDto = z.infer<typeof ZChallengeListItemDto>;

export interface ChallengeListDto {
  items: ChallengeListItemDto[];
  total: number;
  skip: number;
  limit: number;
  hasMore: boolean;
}

/** tRPC `challenges.list`: `nextCursor` is the next offset, null on the last page. */
export const ZChallengePageDto = z.object({
  items: z.array(ZChallengeListItemDto),
  total: z.int(),
  nextCursor: z.int().nullable(),
});
export type ChallengePageDto = z.infer<typeof ZChallengePageDto>;

const ZSolutionDto = z.object({
  correctAnswer: z.string().nullable(),
  explanation: z.string().nullable(),
});
export type ChallengeSolutionDto = z.infer<typeof ZSolutionDto>;

/**
 * The detail. Before the learner's first attempt it carries no hint text (they are served one level at
 * a time), no answer and no explanation; after an attempt every hint; once solved the solution.
 */
export const ZChallengeDetailDto = ZChallengeListItemDto.extend({
  question: z.string().nullable(),
  choices: z.array(z.string()),
  visualData: z.record(z.string(), z.unknown()),
  isActive: z.boolean(),
  /** How many hints the challenge has (levels 1..hintCount). */
  hintCount: z.int(),
  /** The cells a multi-position answer fills (`Position 7: …`), without their values. */
  answerPositions: z.array(z.int()),
  /** The caller has submitted at least one answer / a correct one. */
  attempted: z.boolean(),
  solved: z.boolean(),
  /** Every hint once attempted, `[]` before. */
  hints: z.array(z.string()),
  /** The stored answer and its explanation once solved, null before. */
  solution: ZSolutionDto.nullable(),
});
export type ChallengeDetailDto = z.infer<typeof ZChallengeDetailDto>;

export const ZChallengeHintDto = z.object({
  challengeId: z.int(),
  level: z.int(),
  hint: z.string(),
  hintCount: z.int(),
});
export type ChallengeHintDto = z.infer<typeof ZChallengeHintDto>;

export const ZCompletedChallengeIdsDto = z.object({ completedIds: z.array(z.int()) });
export type CompletedChallengeIdsDto = z.infer<typeof ZCompletedChallengeIdsDto>;

const awardedBadgeShape = {
  id: z.int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  starWarsTitle: z.string().nullable(),
  difficulty: z.string().nullable(),
  pointsReward: z.number(),
};
const ZProgressNotification = z.object({ name: z.string(), remaining: z.int() });

/** The attempt's verdict. The solution comes only with a correct answer (§3.3: never the answer key). */
export const ZChallengeAttemptResultDto = z.object({
  attemptId: z.int(),
  isCorrect: z.boolean(),
  solution: ZSolutionDto.nullable(),
  newBadges: z.array(z.object({ ...awardedBadgeShape, earnedAt: z.date() })),
  /** "Tu approches !": the closest badge, only when no badge was earned. */
  progressNotification: ZProgressNotification.nullable(),
  /** After an incorrect answer: the hints not used yet (never negative); null when correct. */
  hintsRemaining: z.int().nullable(),
  /** True when this is the stored response of an earlier submission with the same idempotency key. */
  replayed: z.boolean(),
});
export type ChallengeAttemptResultDto = z.infer<typeof ZChallengeAttemptResultDto>;

/** The stored first response (`logic_challenge_attempts.response_snapshot`); dates as ISO strings. */
export const ZChallengeAttemptSnapshot = ZChallengeAttemptResultDto.omit({ replayed: true }).extend(
  {
    newBadges: z.array(
      z.object({
        ...awardedBadgeShape,
        earnedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
      }),
    ),
  },
);

export const challengeAttemptSnapshotOf = (
  result: Omit<ChallengeAttemptResultDto, 'replayed'>,
) => ({
  attemptId: result.attemptId,
  isCorrect: result.isCorrect,
  solution: result.solution,
  newBadges: result.newBadges.map((b) => ({ ...b, earnedAt: b.earnedAt.toISOString() })),
  progressNotification: result.progressNotification,
  hintsRemaining: result.hintsRemaining,
});

/** GET /api/users/me/challenges/progress (api-rest-core §6.3.11, domain-rules §7.3). */
export const ZChallengeProgressDto = z.object({
  completedChallenges: z.int(),
  /** Active, non-archived challenges. */
  totalChallenges: z.int(),
  /** Correct / all attempts, a fraction with 2 decimals. */
  successRate: z.number(),
  /** Mean of the declared times (seconds, non-zero ones), 1 decimal. */
  averageTime: z.number(),
  /** Only the solved challenges, by id. */
  challenges: z.array(
    z.object({
      id: z.int(),
      title: z.string(),
      isCompleted: z.literal(true),
      attempts: z.int(),
      /** Fastest correct attempt with a declared time (2 decimals), null without one. */
      bestTime: z.number().nullable(),
    }),
  ),
});
export type ChallengeProgressDto = z.infer<typeof ZChallengeProgressDto>;
