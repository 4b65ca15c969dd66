/**
 * The one error type that crosses the core boundary (STYLE.md §5). Transports map `code` through the
 * single table in packages/api; nothing else leaves core.
 */
export const APP_ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'EMAIL_VERIFICATION_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'PRECONDITION_FAILED',
  'RULE_VIOLATION',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'MAINTENANCE',
  'DEPENDENCY_UNAVAILABLE',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Per-error override read only by the legacy REST error mapper, for the few routes whose status differs. */
export interface LegacyOverride {
  status?: number;
  code?: string;
}

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
  legacy?: LegacyOverride;
  /**
   * For RATE_LIMITED: seconds until the caller may try again. Transport-neutral: the api turns it into a
   * `Retry-After` header.
   */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly legacy: LegacyOverride | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.legacy = options.legacy;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
