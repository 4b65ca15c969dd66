import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';

import { isAppError, type AppErrorCode } from '@mathakine/core';

import { APP_CODE_OF_TRPC } from '../errors.ts';
import type { TrpcContext } from './context.ts';
import { guardedSuperjson } from './transformer.ts';

/** The input-parsing failure a client receives in `data.zodError` (messages by field). */
export interface FlattenedInputError {
  formErrors: string[];
  fieldErrors: Partial<Record<string, string[]>>;
}

const flattenInputError = (error: ZodError): FlattenedInputError => z.flattenError(error);

export const GENERIC_INTERNAL_MESSAGE = 'Une erreur est survenue. Veuillez réessayer.';
/** What a client reads when its request could not be read (bad JSON, a transformer failure…). */
export const GENERIC_BAD_REQUEST_MESSAGE = 'Requête invalide.';

/**
 * Whether the error's message is ours to show: a domain error's, an input validation's, or one tRPC
 * wrote itself (no cause). A runtime error's message (a parser's, a library's, `Maximum call stack…`)
 * is internal text and is never sent to the client.
 */
const isPublicMessage = (cause: unknown): boolean =>
  cause === undefined ||
  isAppError(cause) ||
  cause instanceof ZodError ||
  cause instanceof TRPCError;

/** What a procedure may declare with `.meta({...})`; read from the router's records by the transports. */
export interface ProcedureMeta {
  /** Answers while `maintenance_mode` is on (the tRPC side of api-rest-core §1.7). */
  maintenanceExempt?: boolean;
}

/**
 * initTRPC exactly once. The formatter adds `appCode` (always an AppErrorCode: the domain error's, else
 * the one of tRPC's own code), `details` for domain errors, `zodError` only for input-parsing failures,
 * and never lets an internal message out unless the context says so (dev).
 */
const builder = initTRPC.context<TrpcContext>().meta<ProcedureMeta>();

const t = builder.create({
  transformer: guardedSuperjson,
  errorFormatter: ({ shape, error, ctx }) => {
    const cause = error.cause;
    const appError = isAppError(cause) ? cause : null;
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    const expose = ctx?.exposeInternalErrors ?? false;
    const appCode: AppErrorCode = appError?.code ?? APP_CODE_OF_TRPC[error.code];
    const message = isInternal
      ? GENERIC_INTERNAL_MESSAGE
      : isPublicMessage(cause)
        ? shape.message
        : GENERIC_BAD_REQUEST_MESSAGE;
    return {
      ...shape,
      message: expose ? shape.message : message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(expose && shape.data.stack ? { stack: shape.data.stack } : {}),
        appCode,
        details: appError?.details ?? null,
        zodError:
          error.code === 'BAD_REQUEST' && cause instanceof ZodError
            ? flattenInputError(cause)
            : null,
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedureBuilder = t.procedure;
