/**
 * The AI port (issue 11): what core's services need from a language model, whatever serves it.
 * One real implementation speaks the OpenAI chat-completions protocol (openai-provider.ts); without a
 * key the disabled provider fails every call at once; tests run the real one against a local fake server
 * (@mathakine/core/testing: startFakeOpenAi). Calls fail only with the AiError kinds of ai.errors.ts.
 */
import type { z } from 'zod';

import type { ExerciseType } from '../exercises/exercise.rules.ts';
import type { AiErrorKind } from './ai.errors.ts';

/** The challenge types the AI can generate (api-rest-challenges-admin §2.2: every type but `custom`). */
export const AI_CHALLENGE_TYPES = [
  'sequence',
  'pattern',
  'visual',
  'puzzle',
  'riddle',
  'deduction',
  'probability',
  'graph',
  'coding',
  'chess',
] as const;
export type AiChallengeType = (typeof AI_CHALLENGE_TYPES)[number];

/** Chat routing of api-rest-core §6.7 (see chatComplexityOf). */
export const CHAT_COMPLEXITIES = ['simple', 'complex'] as const;
export type ChatComplexity = (typeof CHAT_COMPLEXITIES)[number];

/** What a call is for: it picks the model and the request budget (ai-models.rules.ts). */
export type AiWorkload =
  | { kind: 'exercise'; exerciseType: ExerciseType }
  | { kind: 'challenge'; challengeType: AiChallengeType }
  | { kind: 'chat'; complexity: ChatComplexity };

export const AI_WORKLOAD_KINDS = ['exercise', 'challenge', 'chat'] as const;
export type AiWorkloadKind = AiWorkload['kind'];

/**
 * One chat message. Build them with prompts.ts: the system prompt is always the first message and
 * never contains user text; user text only ever travels in `user` messages.
 */
export interface AiMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface AiUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface AiJsonRequest<T> {
  workload: AiWorkload;
  messages: readonly AiMessage[];
  /** The expected shape of the model's JSON object; a mismatch fails with kind `malformed`. */
  schema: z.ZodType<T>;
  /** Aborting it ends the call at once (kind `aborted`) and closes the connection. */
  signal?: AbortSignal;
}

export interface AiJsonResult<T> {
  value: T;
  /** The model's text as received: for a repair prompt (buildRepairMessages), never for a child. */
  raw: string;
  model: string;
  usage: AiUsage | null;
}

export interface AiStreamRequest {
  workload: AiWorkload;
  messages: readonly AiMessage[];
  signal?: AbortSignal;
}

/**
 * The text deltas of one completion, in order. Iterating starts the call; breaking out of the loop
 * aborts it. Fails (from the loop) only with AiErrors; once a delta was yielded it is never retried.
 */
export interface AiTextStream extends AsyncIterable<string> {
  /** The model this workload uses (the legacy `model_used`). */
  readonly model: string;
}

export interface AiProvider {
  /** False for the disabled provider (no OPENAI_API_KEY): services answer "not configured" up front. */
  readonly configured: boolean;
  completeJson<T>(request: AiJsonRequest<T>): Promise<AiJsonResult<T>>;
  streamText(request: AiStreamRequest): AiTextStream;
}

export type AiCallOutcome = 'success' | AiErrorKind;

/** One finished call (all its attempts), for metrics. Never carries prompt or output text. */
export interface AiCallEvent {
  workload: AiWorkloadKind;
  model: string;
  outcome: AiCallOutcome;
  durationMs: number;
  /** Null when the provider reported no usage (failed call, or a server that does not send it). */
  promptTokens: number | null;
  completionTokens: number | null;
  /** Requests sent (1 + retries); 0 when refused before any request (not configured, breaker open). */
  attempts: number;
  stream: boolean;
}

/** Metrics hook: the server wires Prometheus to it; core knows nothing of prom-client. Must not throw. */
export interface AiObserver {
  onCall(event: AiCallEvent): void;
  /** The circuit breaker opened (`open`), let a probe through (`half_open`) or closed again. */
  onCircuitChange?(state: 'closed' | 'open' | 'half_open'): void;
}
