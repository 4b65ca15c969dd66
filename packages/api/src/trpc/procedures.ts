import { TRPCError } from '@trpc/server';

import { AppError, asAppErrorIfOutage, isAppError, type Actor } from '@mathakine/core';

import { ERROR_TABLE } from '../errors.ts';
import { GUARD_MESSAGES } from '../guards.ts';
import { baseProcedureBuilder, middleware } from './init.ts';

/**
 * Outermost: swaps a failed result whose cause is an AppError — or a database outage, classified here
 * as DEPENDENCY_UNAVAILABLE — for a TRPCError with the mapped code, so the HTTP status, `onError` and
 * `createCaller` all see the real code. `next()` never throws.
 */
const mapErrors = middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const appError = asAppErrorIfOutage(result.error.cause);
  if (isAppError(appError)) {
    return {
      ...result,
      error: new TRPCError({
        code: ERROR_TABLE[appError.code].trpc,
        message: appError.message,
        cause: appError,
      }),
    };
  }
  return result;
});

/** Per-procedure child logger and duration histogram (tRPC batches, so this cannot live in Hono). */
const observe = middleware(async ({ ctx, path, type, next }) => {
  const log = ctx.log.child({ path, type, actorId: ctx.actor?.userId ?? null });
  const end = ctx.metrics.trpcDuration.startTimer({ path, type });
  const result = await next({ ctx: { log } });
  end({ code: result.ok ? 'OK' : result.error.code });
  return result;
});

const baseProcedure = baseProcedureBuilder.use(mapErrors).use(observe);

/** `public` and `public+optional`: anyone; `ctx.actor` is set when a valid token was sent. */
export const publicProcedure = baseProcedure;

const requireActor = (actor: Actor | null): Actor => {
  if (!actor) throw new AppError('UNAUTHENTICATED', GUARD_MESSAGES.userRequired);
  return actor;
};

/** `user`: a logged-in, existing, active user. */
export const authedProcedure = baseProcedure.use(({ ctx, next }) =>
  next({ ctx: { actor: requireActor(ctx.actor) } }),
);

/** `user+full`: a user whose e-mail is verified or still within the grace period. */
export const fullAccessProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.accessScope !== 'full') {
    throw new AppError('EMAIL_VERIFICATION_REQUIRED', GUARD_MESSAGES.emailVerificationRequired);
  }
  return next();
});

/** `admin`: role `archiviste` exactly. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'archiviste')
    throw new AppError('FORBIDDEN', GUARD_MESSAGES.adminRequired);
  return next();
});
