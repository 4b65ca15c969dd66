/**
 * The only errors an AiProvider call fails with. Their `message` is an internal English text for logs;
 * what a child sees comes from AI_MESSAGES (French, generic): a provider's own error text is kept as
 * `cause` and never shown (audit X18).
 */
import { AppError } from '../errors.ts';

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
