/**
 * The AI feature's transport contract: inputs of the generation streams and of the tutor chat, and the
 * events and replies they produce (camelCase; the legacy REST layer maps them to the legacy wire).
 */
import { z } from 'zod';

import {
  AGE_GROUPS,
  DIFFICULTIES,
  EXERCISE_TYPES,
  normalizeAgeGroup,
  normalizeExerciseType,
} from '../exercises/index.ts';
import { AI_CHALLENGE_TYPES, CHAT_COMPLEXITIES } from '../kernel/ai.ts';
import { CHAT_HISTORY_MAX_ENTRIES, PROMPT_MAX_LENGTH } from './prompt-safety.rules.ts';

const ZPrompt = z.string().max(PROMPT_MAX_LENGTH).nullish();

/** `exercises.generateAi` (route 32): the legacy defaults are `addition` and `6-8`. */
export const ZGenerateAiExerciseInput = z.object({
  exerciseType: z.enum(EXERCISE_TYPES).default('ADDITION'),
  ageGroup: z.enum(AGE_GROUPS).default('6-8'),
  prompt: ZPrompt,
});
export type GenerateAiExerciseInput = z.input<typeof ZGenerateAiExerciseInput>;

/** `challenges.generateAi` (api-rest-challenges-admin §3.6): the legacy defaults are `sequence` and `9-11`. */
export const ZGenerateAiChallengeInput = z.object({
  challengeType: z.enum(AI_CHALLENGE_TYPES).default('sequence'),
  ageGroup: z.enum(AGE_GROUPS).default('9-11'),
  prompt: ZPrompt,
});
export type GenerateAiChallengeInput = z.input<typeof ZGenerateAiChallengeInput>;

const present = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value;

/**
 * Route 32's query string (api-rest-core §6.4.6): `exercise_type` (default `addition`) and `age_group`
 * (else the legacy `difficulty` parameter, else `6-8`) normalised like every exercise route (§4: an
 * unknown value becomes the default); `prompt` as sent (the use case's safety check judges it).
 */
export const parseLegacyAiExerciseQuery = (query: {
  exercise_type?: string | undefined;
  age_group?: string | undefined;
  difficulty?: string | undefined;
  prompt?: string | undefined;
}): GenerateAiExerciseInput => {
  const age = present(query.age_group) ?? present(query.difficulty);
  return {
    exerciseType: normalizeExerciseType(present(query.exercise_type) ?? 'addition'),
    ageGroup: age === null ? '6-8' : normalizeAgeGroup(age),
    prompt: query.prompt ?? null,
  };
};

/**
 * The challenge stream's query string (api-rest-challenges-admin §3.6): `challenge_type` lower-cased, one
 * of the 10 AI types or `sequence`; `age_group` normalised (§2.3; absent → `10-12` → `9-11`); `prompt`
 * trimmed.
 */
export const parseLegacyAiChallengeQuery = (query: {
  challenge_type?: string | undefined;
  age_group?: string | undefined;
  prompt?: string | undefined;
}): GenerateAiChallengeInput => {
  const type = (query.challenge_type ?? '').trim().toLowerCase();
  return {
    challengeType: AI_CHALLENGE_TYPES.find((t) => t === type) ?? 'sequence',
    ageGroup: normalizeAgeGroup(present(query.age_group) ?? '10-12'),
    prompt: query.prompt?.trim() ?? null,
  };
};

/** One turn of the conversation the client keeps (user or assistant; never `system`). */
export const ZChatTurnInput = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});

/** `chat.send` / `chat.stream`: the message and the conversation so far (the last entries count). */
export const ZChatInput = z.object({
  message: z.string().trim().min(1).max(PROMPT_MAX_LENGTH),
  history: z.array(ZChatTurnInput).max(CHAT_HISTORY_MAX_ENTRIES).default([]),
});
export type ChatInput = z.input<typeof ZChatInput>;

/**
 * What the chat use cases accept: the legacy body's fields as sent (`message`,
 * `conversation_history`), checked by the use case itself so that each legacy failure gets its own
 * answer (`Message requis`, `Message invalide: …`); a ChatInput fits.
 */
export interface ChatRequest {
  message: unknown;
  history?: unknown;
}

/** Where the request came from (the chat rate limit is per client IP, as in the legacy). */
export interface AiClient {
  ip: string;
}

/** A saved (or, when the insert failed, unsaved: `id` null) generated exercise, without its answer. */
export const ZAiExerciseDto = z.object({
  id: z.number().int().nullable(),
  exerciseType: z.enum(EXERCISE_TYPES),
  ageGroup: z.enum(AGE_GROUPS),
  difficulty: z.enum(DIFFICULTIES),
  title: z.string(),
  question: z.string(),
  choices: z.array(z.string()),
  hint: z.string(),
  aiGenerated: z.literal(true),
  tags: z.string(),
});
export type AiExerciseDto = z.output<typeof ZAiExerciseDto>;

const ZStatusEvent = z.object({ type: z.literal('status'), message: z.string() });
const ZErrorEvent = z.object({ type: z.literal('error'), message: z.string() });

/** The events of `ai.generateExercise` (and, mapped, of route 32's legacy stream). */
export const ZExerciseGenerationEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  z.object({ type: z.literal('exercise'), exercise: ZAiExerciseDto }),
  ZErrorEvent,
]);
export type ExerciseGenerationEvent = z.output<typeof ZExerciseGenerationEvent>;

/** A generated challenge as the stream shows it (no answer, no solution); `id` null when unsaved. */
export const ZAiChallengeDto = z.object({
  id: z.number().int().nullable(),
  title: z.string(),
  description: z.string(),
  challengeType: z.enum(AI_CHALLENGE_TYPES),
  ageGroup: z.enum(AGE_GROUPS),
  question: z.string(),
  hints: z.array(z.string()),
  visualData: z.record(z.string(), z.unknown()),
  difficultyRating: z.number(),
  estimatedTimeMinutes: z.number(),
  tags: z.string(),
  isActive: z.boolean(),
  createdAt: z.date().nullable(),
});
export type AiChallengeDto = z.output<typeof ZAiChallengeDto>;

/** The events of `ai.generateChallenge` (and, mapped, of the legacy challenge stream). */
export const ZChallengeGenerationEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  z.object({
    type: z.literal('challenge'),
    challenge: ZAiChallengeDto,
    warning: z.string().nullable(),
  }),
  z.object({ type: z.literal('done') }),
  ZErrorEvent,
]);
export type ChallengeGenerationEvent = z.output<typeof ZChallengeGenerationEvent>;

/** The events of `chat.stream` (and, mapped, of `POST /api/chat/stream`). */
export const ZChatStreamEvent = z.discriminatedUnion('type', [
  ZStatusEvent,
  z.object({ type: z.literal('chunk'), content: z.string() }),
  z.object({
    type: z.literal('done'),
    modelUsed: z.string(),
    complexity: z.enum(CHAT_COMPLEXITIES),
  }),
  ZErrorEvent,
]);
export type ChatStreamEvent = z.output<typeof ZChatStreamEvent>;

/** `POST /api/chat` / `chat.send`. */
export const ZChatReplyDto = z.object({
  response: z.string(),
  modelUsed: z.string(),
  complexity: z.enum(CHAT_COMPLEXITIES),
});
export type ChatReplyDto = z.output<typeof ZChatReplyDto>;
