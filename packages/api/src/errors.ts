import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

import type { AppError, AppErrorCode } from '@mathakine/core';

export interface ErrorMapping {
  trpc: TRPC_ERROR_CODE_KEY;
  status: number;
}

/**
 * THE mapping (STYLE.md §5): every AppErrorCode → tRPC code → HTTP status, used by both transports.
 * `satisfies Record<AppErrorCode, …>` makes a code without a row a compile error.
 */
export const ERROR_TABLE = {
  INVALID_INPUT: { trpc: 'BAD_REQUEST', status: 400 },
  UNAUTHENTICATED: { trpc: 'UNAUTHORIZED', status: 401 },
  FORBIDDEN: { trpc: 'FORBIDDEN', status: 403 },
  EMAIL_VERIFICATION_REQUIRED: { trpc: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', status: 404 },
  CONFLICT: { trpc: 'CONFLICT', status: 409 },
  ALREADY_EXISTS: { trpc: 'CONFLICT', status: 409 },
  PRECONDITION_FAILED: { trpc: 'PRECONDITION_FAILED', status: 412 },
  PAYLOAD_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', status: 413 },
  RULE_VIOLATION: { trpc: 'UNPROCESSABLE_CONTENT', status: 422 },
  RATE_LIMITED: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  MAINTENANCE: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
  DEPENDENCY_UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
  INTERNAL: { trpc: 'INTERNAL_SERVER_ERROR', status: 500 },
} as const satisfies Record<AppErrorCode, ErrorMapping>;

/**
 * The AppErrorCode a tRPC error carries when its cause is not an AppError (tRPC's own refusals: malformed
 * input, unknown procedure, wrong method, an output that fails its schema…), so `data.appCode` is always
 * an AppErrorCode a client can switch on. `satisfies` makes a tRPC code without a row a compile error.
 */
export const APP_CODE_OF_TRPC = {
  PARSE_ERROR: 'INVALID_INPUT',
  BAD_REQUEST: 'INVALID_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  PAYMENT_REQUIRED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'INVALID_INPUT',
  TIMEOUT: 'DEPENDENCY_UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'INVALID_INPUT',
  UNPROCESSABLE_CONTENT: 'RULE_VIOLATION',
  PRECONDITION_REQUIRED: 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  CLIENT_CLOSED_REQUEST: 'INVALID_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
  NOT_IMPLEMENTED: 'INTERNAL',
  BAD_GATEWAY: 'DEPENDENCY_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  GATEWAY_TIMEOUT: 'DEPENDENCY_UNAVAILABLE',
} as const satisfies Record<TRPC_ERROR_CODE_KEY, AppErrorCode>;

/** Legacy `code` strings the REST contract derives from the HTTP status (api-rest-core §1.2). */
export const legacyCodeForStatus = (status: number): string => {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 422:
      return 'VALIDATION_ERROR';
    case 500:
      return 'INTERNAL_ERROR';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return `HTTP_${status}`;
  }
};

/**
 * Feature codes the legacy frontend branches on keep their own `code` in the legacy body instead of the
 * status-derived one (api-rest-core §9.3: the frontend waits for EMAIL_VERIFICATION_REQUIRED).
 */
export const LEGACY_CODE_OVERRIDES: Partial<Record<AppErrorCode, string>> = {
  EMAIL_VERIFICATION_REQUIRED: 'EMAIL_VERIFICATION_REQUIRED',
};

/**
 * The HTTP headers an AppError's transport-neutral details call for: `retryAfterSeconds` (RATE_LIMITED)
 * becomes `Retry-After`.
 */
export const httpHeadersOf = (err: AppError): Record<string, string> =>
  err.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(err.retryAfterSeconds) };
