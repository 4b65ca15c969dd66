import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';

import { AppError, isAppError } from '@mathakine/core';

import {
  ERROR_TABLE,
  httpHeadersOf,
  LEGACY_CODE_OVERRIDES,
  legacyCodeForStatus,
} from '../errors.ts';
import { BODY_TOO_LARGE_MESSAGE } from '../http/input-guard.ts';
import { ZPydanticError, type PydanticError } from './pydantic.ts';

/** The unified legacy error body (api-rest-core §1.1): `error` is always a copy of `message`. */
export const ZLegacyErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  error: z.string(),
  path: z.string().optional(),
  trace_id: z.string().optional(),
  field_errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type LegacyErrorBody = z.infer<typeof ZLegacyErrorBody>;

export const LEGACY_NOT_FOUND_MESSAGE = 'The requested resource does not exist.';
export const LEGACY_INTERNAL_MESSAGE = 'An internal server error occurred. Please try again later.';

/** Where an AppError carries the pydantic errors of the attempt route's 422 `{"detail": [...]}`. */
const PYDANTIC_DETAIL = 'pydanticDetail';
const ZPydanticDetail = z.array(ZPydanticError);

/** The attempt route's schema failure: 422 with FastAPI's `{"detail": [...]}` body (api-rest-core §6.4.8). */
export const pydanticValidationError = (errors: PydanticError[]): AppError =>
  new AppError('INVALID_INPUT', 'Corps de requête invalide.', {
    details: { [PYDANTIC_DETAIL]: errors },
    legacy: { status: 422 },
  });

/** No route takes the request: the legacy global 404, the only error body that carries the path. */
export const routeNotFound = (): HTTPException => new HTTPException(404);

export interface LegacyError {
  status: number;
  body: LegacyErrorBody | { detail: PydanticError[] };
  headers: Record<string, string>;
  /** True for server failures (5xx except maintenance): the caller logs them at error level and reports them. */
  isServerError: boolean;
}

export const legacyBody = (
  status: number,
  message: string,
  extra: { code?: string; path?: string; trace_id?: string } = {},
): LegacyErrorBody => ({
  code: extra.code ?? legacyCodeForStatus(status),
  message,
  error: message,
  ...(extra.path === undefined ? {} : { path: extra.path }),
  ...(extra.trace_id === undefined ? {} : { trace_id: extra.trace_id }),
});

/**
 * The only builder of legacy error bodies. An AppError takes its status from THE table (or its own
 * legacy override) and is written `{code, message, error}`, or `{"detail": [...]}` for the attempt route's
 * pydantic 422; a Hono HTTPException keeps its status (404: the global body with the path); anything else
 * is a 500 that carries the request id as `trace_id` and never an internal message or stack.
 */
export const toLegacyError = (
  err: unknown,
  req: { path: string; requestId: string },
): LegacyError => {
  if (isAppError(err)) {
    const status = err.legacy?.status ?? ERROR_TABLE[err.code].status;
    if (status >= 500 && err.code === 'INTERNAL') return internal(req);
    const detail = ZPydanticDetail.safeParse(err.details?.[PYDANTIC_DETAIL]);
    if (detail.success) {
      return { status, body: { detail: detail.data }, headers: {}, isServerError: false };
    }
    const code = err.legacy?.code ?? LEGACY_CODE_OVERRIDES[err.code] ?? legacyCodeForStatus(status);
    return {
      status,
      body: legacyBody(status, err.message, { code }),
      headers: httpHeadersOf(err),
      // Maintenance is a deliberate 503 and an outage an operational one (counted, logged at warn once
      // per burst by the failure reporter): neither is a server failure to report.
      isServerError:
        status >= 500 && err.code !== 'MAINTENANCE' && err.code !== 'DEPENDENCY_UNAVAILABLE',
    };
  }
  if (err instanceof HTTPException && err.status === 404) {
    return {
      status: 404,
      body: legacyBody(404, LEGACY_NOT_FOUND_MESSAGE, { path: req.path }),
      headers: {},
      isServerError: false,
    };
  }
  if (err instanceof HTTPException && err.status < 500) {
    const message = err.status === 413 ? BODY_TOO_LARGE_MESSAGE : err.message || 'Requête invalide';
    return {
      status: err.status,
      body: legacyBody(err.status, message),
      headers: {},
      isServerError: false,
    };
  }
  return internal(req);
};

const internal = (req: { path: string; requestId: string }): LegacyError => ({
  status: 500,
  body: legacyBody(500, LEGACY_INTERNAL_MESSAGE, { path: req.path, trace_id: req.requestId }),
  headers: {},
  isServerError: true,
});
