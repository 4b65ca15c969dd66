import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';

import type { ApiDeps } from '../deps.ts';
import type { ApiEnv } from '../hono-env.ts';
import { resolveClientIp } from './client-ip.ts';

/** Incoming ids are accepted only when they are short and safe to log (platform §3.2). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `X-Request-ID`: the incoming id when it is safe to log (platform §3.2), otherwise a fresh 12-character
 * id (the legacy shape); echoed on every response, errors included.
 */
export const requestIdMiddleware = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const incoming = c.req.header('X-Request-ID');
    const id =
      incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID().slice(0, 12);
    c.set('requestId', id);
    c.header('X-Request-ID', id);
    await next();
  });

/**
 * Per-request pino child `{ requestId }`, the client IP, and one access-log line per request
 * (method, path, status, durationMs, requestId, userId).
 */
export const requestContext = (deps: Pick<ApiDeps, 'log' | 'config' | 'remoteAddress' | 'core'>) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const started = performance.now();
    const log: Logger = deps.log.child({ requestId: c.get('requestId') });
    c.set('log', log);
    c.set('core', deps.core);
    c.set('productionCookies', deps.config.isProduction);
    c.set('actor', null);
    c.set('tokenState', 'none');
    c.set(
      'clientIp',
      resolveClientIp(
        c.req.header('X-Forwarded-For'),
        deps.remoteAddress?.(c),
        deps.config.http.trustedProxyHops,
      ),
    );
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('actor')?.userId ?? null,
      },
      'request',
    );
  });
