import {
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCRootTypes,
  type AnyTRPCRouter,
  type TRPC_ERROR_CODE_KEY,
  type TRPCErrorShape,
  type TRPCRootConfig,
} from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { isAppError } from '@mathakine/core';

import { ERROR_TABLE, httpHeadersOf } from '../errors.ts';

/** The tRPC endpoint; Hono middleware errors under it are answered in the tRPC envelope. */
export const TRPC_ENDPOINT = '/trpc';

export const isTrpcPath = (path: string): boolean =>
  path === TRPC_ENDPOINT || path.startsWith(`${TRPC_ENDPOINT}/`);

const HTTP_TO_TRPC: Readonly<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** Any error as the TRPCError a procedure would have produced (AppErrors through THE table). */
export const toTrpcError = (err: unknown): TRPCError => {
  if (err instanceof TRPCError) return err;
  if (isAppError(err)) {
    return new TRPCError({ code: ERROR_TABLE[err.code].trpc, message: err.message, cause: err });
  }
  if (err instanceof HTTPException && err.status < 500) {
    return new TRPCError({ code: HTTP_TO_TRPC[err.status] ?? 'BAD_REQUEST', cause: err });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: err });
};

const decodeOrNull = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * An error raised by Hono middleware (origin guard, body limit, input guard, maintenance, an outage in
 * the auth lookup…) on a tRPC path, written as tRPC itself writes errors: the router's error formatter
 * (so `data.appCode`, never an internal message), the transformer's envelope, one entry per call of a
 * batch (`/trpc/a,b?batch=1`), the table's HTTP status and the AppError's headers (`Retry-After`).
 */
export const trpcErrorResponse = (c: Context, err: unknown, router: AnyTRPCRouter): Response => {
  const error = toTrpcError(err);
  // The router is typed loosely (tests mount their own); its config is a root config all the same.
  const config = router._def._config as TRPCRootConfig<AnyTRPCRootTypes>;
  const paths = (decodeOrNull(c.req.path.slice(TRPC_ENDPOINT.length + 1)) ?? '').split(',');
  const shapeFor = (path: string | undefined): unknown =>
    transformTRPCResponse(config, {
      error: getTRPCErrorShape<AnyTRPCRootTypes>({
        config,
        error,
        type: 'unknown',
        path,
        input: undefined,
        ctx: undefined,
      }) as TRPCErrorShape,
    });
  const isBatch = c.req.query('batch') === '1' || c.req.query('batch') === 'true';
  const body = isBatch
    ? paths.map((p) => shapeFor(p || undefined))
    : shapeFor(paths[0] || undefined);
  const headers = isAppError(error.cause) ? httpHeadersOf(error.cause) : {};
  return c.json(body, getHTTPStatusCodeFromError(error) as ContentfulStatusCode, headers);
};
