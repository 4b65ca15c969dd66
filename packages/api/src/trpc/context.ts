import type { Context } from 'hono';
import type { Logger } from 'pino';

import type { Actor, Core } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';
import { honoCookieJar, type CookieJar } from '../http/auth-cookies.ts';
import type { ApiMetrics } from '../middleware/metrics.ts';

/** tRPC context: core's per-request `Ctx` plus what the procedures need (STYLE.md §4). */
// A type alias (not an interface) so it satisfies the adapter's `Record<string, unknown>` constraint.
export type TrpcContext = {
  actor: Actor | null;
  log: Logger;
  requestId: string;
  core: Core;
  /** False in production: internal error messages are replaced by a generic text. */
  exposeInternalErrors: boolean;
  metrics: Pick<ApiMetrics, 'trpcDuration'>;
  /** The HTTP side (client IP, user agent, cookies) for the accounts procedures; absent in bare callers. */
  http?: TrpcHttp;
};

export interface TrpcHttp {
  clientIp: string;
  userAgent: string | null;
  cookies: CookieJar;
  /** Production cookie attributes (`Secure; SameSite=None`), from the api configuration. */
  productionCookies: boolean;
}

export const createTrpcContext = (
  c: Context<ApiEnv>,
  options: { exposeInternalErrors: boolean; metrics: Pick<ApiMetrics, 'trpcDuration'> },
): TrpcContext => ({
  actor: c.get('actor'),
  log: c.get('log'),
  requestId: c.get('requestId'),
  core: c.get('core'),
  exposeInternalErrors: options.exposeInternalErrors,
  metrics: options.metrics,
  http: {
    clientIp: c.get('clientIp'),
    userAgent: c.req.header('User-Agent') ?? null,
    cookies: honoCookieJar(c),
    productionCookies: c.get('productionCookies'),
  },
});
