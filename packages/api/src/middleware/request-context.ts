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

/** The fields of the access line, in order (after pino's level, time and base fields). */
export const ACCESS_LINE_FIELDS = [
  'requestId',
  'method',
  'path',
  'status',
  'durationMs',
  'userId',
] as const;

/**
 * Per-request pino child `{ requestId }`, the client IP, and one access-log line per request
 * (`ACCESS_LINE_FIELDS`). The access line goes through a child without redaction: its fields are fixed,
 * none is a redacted path (the server's logger test checks), and the redaction pass is most of the cost
 * of a log call (≈ 12 of 17 µs).
 */
export const requestContext = (
  deps: Pick<ApiDeps, 'log' | 'config' | 'remoteAddress' | 'core'>,
) => {
  const accessLog = deps.log.child({}, { redact: [] });
  return createMiddleware<ApiEnv>(async (c, next) => {
    const started = performance.now();
    const requestId = c.get('requestId');
    const log: Logger = deps.log.child({ requestId });
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
    accessLog.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('actor')?.userId ?? null,
      } satisfies Record<(typeof ACCESS_LINE_FIELDS)[number], unknown>,
      'request',
    );
  });
};
