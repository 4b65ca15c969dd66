/**
 * The AI port (issue 11): what core's services need from a language model, whatever serves it, and the
 * only errors its calls fail with. One real implementation speaks the OpenAI chat-completions protocol
 * (adapters/openai-ai-provider.ts); without a key the disabled provider (adapters/disabled-ai-provider.ts)
 * fails every call at once; tests run the real one against a local fake server (@mathakine/core/testing:
 * startFakeOpenAi).
 */
import type { z } from 'zod';

import type { ExerciseType } from '../db/generated/enums.ts';
import type { ContentProblemCode } from '../lib/content-check.ts';
import { AppError } from './errors.ts';

/** The exercise types (the database enum): what an exercise workload names. */
export type AiExerciseType = ExerciseType;

// ---- errors -----------------------------------------------------------------------------------
// The only errors an AiProvider call fails with. Their `message` is an internal English text for logs;
// what a child sees comes from AI_MESSAGES (French, generic): a provider's own error text is kept as
// `cause` and never shown (audit X18).

export const AI_ERROR_KINDS = [
  /** No OPENAI_API_KEY: the feature is off. */
  'not_configured',
  /** The circuit breaker is open after repeated provider failures: refused without a request. */
  'circuit_open',
  /** The provider failed: 5xx, 429, connection error, or it refused our request (bad key, unknown model…). */
  'unavailable',
  /** No answer, no first token, or a silent stream within the configured time. */
  'timeout',
  /** The model or the provider's filter refused to answer (refusal, content_filter). */
  'refused',
  /** The output is unusable: empty, cut at the token limit, not JSON, or not the expected shape. */
  'malformed',
  /** The caller aborted (client gone). */
  'aborted',
] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];

export class AiError extends Error {
  override readonly name: string = 'AiError';
  readonly kind: AiErrorKind;
  /** Worth another attempt and counted by the circuit breaker: 408, 429, 5xx, timeouts, connection errors. */
  readonly retryable: boolean;

  constructor(
    kind: AiErrorKind,
    message: string,
    options: { cause?: unknown; retryable?: boolean },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? false;
  }
}

export class AiUnavailableError extends AiError {
  override readonly name = 'AiUnavailableError';
  /** The provider's HTTP status, when it answered (internal). */
  readonly status: number | null;
  /** Milliseconds the provider asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: 'not_configured' | 'circuit_open' | 'unavailable',
    message: string,
    options: {
      cause?: unknown;
      retryable?: boolean;
      status?: number | null;
      retryAfterMs?: number | null;
    } = {},
  ) {
    super(kind, message, options);
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export class AiTimeoutError extends AiError {
  override readonly name = 'AiTimeoutError';
  readonly phase: 'request' | 'first_token' | 'idle';

  constructor(phase: 'request' | 'first_token' | 'idle', options: { cause?: unknown } = {}) {
    super('timeout', `AI provider timeout (${phase})`, { ...options, retryable: true });
    this.phase = phase;
  }
}

export class AiRefusedError extends AiError {
  override readonly name = 'AiRefusedError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('refused', message, options);
  }
}

export class AiMalformedOutputError extends AiError {
  override readonly name = 'AiMalformedOutputError';
  readonly reason: 'empty' | 'truncated' | 'not_json' | 'schema';
  /** Schema problems as `path: message` lines (for a repair prompt). */
  readonly issues: readonly string[];
  /** The model's text (internal: for a repair prompt or a log at debug level, never for a child). */
  readonly raw: string;

  constructor(
    reason: 'empty' | 'truncated' | 'not_json' | 'schema',
    options: { raw?: string; issues?: readonly string[]; cause?: unknown } = {},
  ) {
    super('malformed', `AI output unusable (${reason})`, options);
    this.reason = reason;
    this.issues = options.issues ?? [];
    this.raw = options.raw ?? '';
  }
}

export class AiAbortedError extends AiError {
  override readonly name = 'AiAbortedError';

  constructor(options: { cause?: unknown } = {}) {
    super('aborted', 'AI call aborted by the caller', options);
  }
}

export const isAiError = (err: unknown): err is AiError => err instanceof AiError;

/** What a child (or the frontend) is told, by kind. Generic on purpose: no provider detail. */
export const AI_MESSAGES: Readonly<Record<AiErrorKind, string>> = {
  not_configured: "L'assistant IA n'est pas configuré sur ce serveur.",
  circuit_open: "L'assistant IA est momentanément indisponible. Réessaie dans quelques minutes.",
  unavailable: "L'assistant IA est momentanément indisponible. Réessaie dans quelques minutes.",
  timeout: "L'assistant IA met trop de temps à répondre. Réessaie dans un moment.",
  refused:
    'Je ne peux pas répondre à cette demande. Pose-moi plutôt une question de mathématiques !',
  malformed: "L'assistant IA n'a pas produit de résultat utilisable. Réessaie.",
  aborted: 'La demande a été annulée.',
};

/** The French, client-safe message of any failure of an AI call. */
export const aiErrorMessage = (err: unknown): string =>
  isAiError(err) ? AI_MESSAGES[err.kind] : "Une erreur est survenue avec l'assistant IA. Réessaie.";

/**
 * For JSON routes (chat 503): every AI failure becomes DEPENDENCY_UNAVAILABLE with the French message;
 * `details.aiError` carries the kind for logs and metrics.
 */
export const aiErrorToAppError = (err: AiError): AppError =>
  new AppError('DEPENDENCY_UNAVAILABLE', AI_MESSAGES[err.kind], {
    cause: err,
    details: { aiError: err.kind },
  });

// ---- the port -------------------------------------------------------------------------------

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
  | { kind: 'exercise'; exerciseType: AiExerciseType }
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

/** How a generation ended: saved as generated, saved after the repair round, refused, or no usable answer. */
export const AI_GENERATION_OUTCOMES = ['accepted', 'repaired', 'rejected', 'failed'] as const;
export type AiGenerationOutcome = (typeof AI_GENERATION_OUTCOMES)[number];

/** One finished exercise or challenge generation, for metrics. Never carries prompt or output text. */
export interface AiGenerationEvent {
  workload: 'exercise' | 'challenge';
  outcome: AiGenerationOutcome;
  /** The problem codes of the last verification (rejected) or of the first one (repaired). */
  problems: readonly ContentProblemCode[];
}
