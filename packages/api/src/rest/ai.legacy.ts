/**
 * The legacy wire of the AI routes (api-rest-core §6.4.6, §6.7, §7; api-rest-challenges-admin §3.6,
 * §5.4): query and body schemas (core's legacy parsers), the SSE event schemas and the JSON answer, and
 * the mappers from core's events. No event carries an answer key or a solution (spec README: only the
 * attempt response does); the frontend reads `id` and `title` only.
 */
import { z } from 'zod';

import {
  parseLegacyAiChallengeQuery,
  parseLegacyAiExerciseQuery,
  type AiChallengeDto,
  type AiExerciseDto,
  type ChallengeGenerationEvent,
  type ChatReplyDto,
  type ChatStreamEvent,
  type ExerciseGenerationEvent,
} from '@mathakine/core';

import { pyFloat, pyIsoformat } from '../legacy/format.ts';
import { queryValue } from '../legacy/inputs.ts';
import { wire, ZJsonObject, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/** Route 32's query (§6.4.6): normalised by core's legacy parser (never fails). */
export const ZLegacyAiExerciseQuery = z
  .object({
    exercise_type: queryValue(),
    age_group: queryValue(),
    difficulty: queryValue(),
    prompt: queryValue(),
  })
  .transform(parseLegacyAiExerciseQuery);

/** The challenge stream's query (§3.6): normalised by core's legacy parser (never fails). */
export const ZLegacyAiChallengeQuery = z
  .object({
    challenge_type: queryValue(),
    age_group: queryValue(),
    prompt: queryValue(),
  })
  .transform(parseLegacyAiChallengeQuery);

/**
 * The chat body (§6.7): any JSON value per field; the use case judges them after its own checks
 * (rate limit, switch, key) and answers each legacy failure (`Message requis`, `Message invalide: …`).
 */
export const ZLegacyChatBody = z.object({
  message: z.unknown().optional(),
  conversation_history: z.unknown().optional(),
  /** Sent by the frontend, ignored (§6.7.2). */
  stream: z.unknown().optional(),
});

// ---- events and answers ----------------------------------------------------------------------------

const ZStatusEvent = wire({ type: z.literal('status'), message: z.string() });
const ZErrorEvent = wire({ type: z.literal('error'), message: z.string() });

/** The generated exercise (§7.2) without `correct_answer` and `explanation`; `id` when it was saved. */
export const ZLegacyAiExercise = wire({
  exercise_type: z.string(),
  age_group: z.string(),
  difficulty: z.string(),
  title: z.string(),
  question: z.string(),
  choices: z.array(z.string()),
  hint: z.string(),
  ai_generated: z.literal(true),
  tags: z.string(),
  id: z.number().int().optional(),
});

/** Route 32's events, in order: `status`, then `exercise` or `error` (no `done`), or one `error`. */
export const ZLegacyExerciseStreamEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  wire({ type: z.literal('exercise'), exercise: ZLegacyAiExercise }),
  ZErrorEvent,
]);

/**
 * The generated challenge (§5.4) without `correct_answer` and `solution_explanation`; `id`,
 * `is_active` and `created_at` when it was saved (the unsaved object lacks them).
 */
export const ZLegacyAiChallenge = wire({
  id: z.number().int().optional(),
  title: z.string(),
  description: z.string(),
  challenge_type: z.string(),
  age_group: z.string(),
  question: z.string(),
  hints: z.array(z.string()),
  visual_data: ZJsonObject,
  difficulty_rating: ZPyFloat,
  estimated_time_minutes: z.number().int(),
  tags: z.string(),
  is_active: z.literal(true).optional(),
  created_at: ZPyDateTime.optional(),
});

/** The challenge stream's events: `status`, `challenge` (+ `warning` when unsaved), `done`; or `error`. */
export const ZLegacyChallengeStreamEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  wire({
    type: z.literal('challenge'),
    challenge: ZLegacyAiChallenge,
    warning: z.string().optional(),
  }),
  wire({ type: z.literal('done') }),
  ZErrorEvent,
]);

/** §7.3: `status`, `chunk`s, then `done` or `error` (no `image` event: no image generation). */
export const ZLegacyChatStreamEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  wire({ type: z.literal('chunk'), content: z.string() }),
  wire({ type: z.literal('done'), model_used: z.string(), complexity: z.string() }),
  ZErrorEvent,
]);

/** §6.7.1's 200 (no `image_url` / `type`: no image generation). */
export const ZLegacyChatReply = wire({
  response: z.string(),
  model_used: z.string(),
  complexity: z.string(),
});

// ---- mappers ---------------------------------------------------------------------------------------

const toLegacyAiExercise = (e: AiExerciseDto) => ({
  exercise_type: e.exerciseType,
  age_group: e.ageGroup,
  difficulty: e.difficulty,
  title: e.title,
  question: e.question,
  choices: e.choices,
  hint: e.hint,
  ai_generated: e.aiGenerated,
  tags: e.tags,
  ...(e.id === null ? {} : { id: e.id }),
});

export const toLegacyExerciseEvent = (event: ExerciseGenerationEvent): Record<string, unknown> =>
  event.type === 'exercise'
    ? { type: 'exercise', exercise: toLegacyAiExercise(event.exercise) }
    : event;

const toLegacyAiChallenge = (c: AiChallengeDto) => ({
  ...(c.id === null ? {} : { id: c.id }),
  title: c.title,
  description: c.description,
  challenge_type: c.challengeType,
  age_group: c.ageGroup,
  question: c.question,
  hints: c.hints,
  visual_data: c.visualData,
  difficulty_rating: pyFloat(c.difficultyRating),
  estimated_time_minutes: c.estimatedTimeMinutes,
  tags: c.tags,
  ...(c.id === null ? {} : { is_active: c.isActive }),
  ...(c.createdAt === null ? {} : { created_at: pyIsoformat(c.createdAt) }),
});

export const toLegacyChallengeEvent = (event: ChallengeGenerationEvent): Record<string, unknown> =>
  event.type === 'challenge'
    ? {
        type: 'challenge',
        challenge: toLegacyAiChallenge(event.challenge),
        ...(event.warning === null ? {} : { warning: event.warning }),
      }
    : event;

export const toLegacyChatEvent = (event: ChatStreamEvent): Record<string, unknown> =>
  event.type === 'done'
    ? { type: 'done', model_used: event.modelUsed, complexity: event.complexity }
    : event;

export const toLegacyChatReply = (reply: ChatReplyDto) => ({
  response: reply.response,
  model_used: reply.modelUsed,
  complexity: reply.complexity,
});
