import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';

import { isAppError } from '@mathakine/core';

import type { TrpcContext } from './context.ts';

export const GENERIC_INTERNAL_MESSAGE = 'Une erreur est survenue. Veuillez réessayer.';

/** What a procedure may declare with `.meta({...})`; read from the router's records by the transports. */
export interface ProcedureMeta {
  /** Answers while `maintenance_mode` is on (the tRPC side of api-rest-core §1.7). */
  maintenanceExempt?: boolean;
}

/**
 * initTRPC exactly once. The formatter adds `appCode` and `details` for domain errors, `zodError` only
 * for input-parsing failures, and never lets an internal message out unless the context says so (dev).
 */
const builder = initTRPC.context<TrpcContext>().meta<ProcedureMeta>();

const t = builder.create({
  transformer: superjson,
  errorFormatter: ({ shape, error, ctx }) => {
    const cause = error.cause;
    const appError = isAppError(cause) ? cause : null;
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    const expose = ctx?.exposeInternalErrors ?? false;
    return {
      ...shape,
      message: isInternal && !expose ? GENERIC_INTERNAL_MESSAGE : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(expose && shape.data.stack ? { stack: shape.data.stack } : {}),
        appCode: appError?.code ?? (isInternal ? 'INTERNAL' : null),
        details: appError?.details ?? null,
        zodError:
          error.code === 'BAD_REQUEST' && cause instanceof ZodError ? z.flattenError(cause) : null,
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedureBuilder = t.procedure;
