import type { Context } from 'hono';

import { AppError, type AuthedCtx, type ClientInfo, type Ctx } from '@mathakine/core';

import { GUARD_MESSAGES } from '../guards.ts';
import type { ApiEnv } from '../hono-env.ts';

/** Core's per-request context from the Hono variables. */
export const ctxOf = (c: Context<ApiEnv>): Ctx => ({
  actor: c.var.actor,
  log: c.var.log,
  requestId: c.var.requestId,
});

/** For routes behind a `user` guard: the guard already refused anonymous callers. */
export const authedCtxOf = (c: Context<ApiEnv>): AuthedCtx => {
  const actor = c.var.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', GUARD_MESSAGES.userRequired);
  return { actor, log: c.var.log, requestId: c.var.requestId };
};

export const clientOf = (c: Context<ApiEnv>): ClientInfo => ({
  ip: c.var.clientIp,
  userAgent: c.req.header('User-Agent') ?? null,
});
