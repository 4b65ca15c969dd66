import type { Context } from 'hono';

import type { ClientInfo, Ctx } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';

/** Core's per-request context from the Hono variables. */
export const ctxOf = (c: Context<ApiEnv>): Ctx => ({
  actor: c.get('actor'),
  log: c.get('log'),
  requestId: c.get('requestId'),
  // Aborted by the Node server when the client disconnects: a stream's AI call stops with it. Read on
  // use: the web Request behind it is built only for the requests that need it.
  get signal() {
    return c.req.raw.signal;
  },
});

export const clientOf = (c: Context<ApiEnv>): ClientInfo => ({
  ip: c.get('clientIp'),
  userAgent: c.req.header('User-Agent') ?? null,
});
