import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';

import type { ApiConfig } from '../deps.ts';
import type { ApiEnv } from '../hono-env.ts';

/*
 * Every header here is set BEFORE the handler runs. Hono builds a handler's response (`c.json`, `c.body`,
 * `c.text`, `c.redirect`, the error handler's) from the headers set so far, so the response is built once.
 * A header set after the response exists makes Hono copy the response, body stream included, once per
 * header; and any read of `c.res` before the handler makes it copy the handler's response when it is
 * assigned. Both cost more than the rest of a short request's pipeline (docs/performance.md, tenth round).
 * A handler that returns a Response it built itself gets these headers through `keepHeadersOnOwnResponse`.
 */

const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['X-XSS-Protection', '1; mode=block'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];
const HSTS = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const;

/** The four legacy security headers (platform §2.8), plus HSTS in production (recorded difference). */
export const securityHeaders = (config: ApiConfig) => {
  const headers = !config.http.secureHeaders
    ? []
    : config.isProduction
      ? [...SECURITY_HEADERS, HSTS]
      : SECURITY_HEADERS;
  return createMiddleware<ApiEnv>(async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
  });
};

const EXPOSED_HEADERS = ['X-Request-ID'];

/**
 * CORS as platform §2.7, with `X-Request-ID` exposed and `Idempotency-Key` allowed. Preflights (OPTIONS)
 * are Hono's `cors` middleware. An actual request gets what that middleware would add to it — the origin
 * when allowed, credentials, the exposed headers, `Vary: Origin` — written here before the handler,
 * because Hono's middleware writes them through `c.res` (see the top of this file).
 */
export const corsMiddleware = (config: ApiConfig) => {
  const allowed = new Set(config.cors.origins);
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Content-Type',
      'Authorization',
      'Accept',
      'Accept-Language',
      'X-CSRF-Token',
      'Idempotency-Key',
      'X-Request-ID',
    ],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  const exposed = EXPOSED_HEADERS.join(',');
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('Origin');
    if (origin !== undefined && allowed.has(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
    }
    c.header('Access-Control-Allow-Credentials', 'true');
    c.header('Access-Control-Expose-Headers', exposed);
    c.header('Vary', 'Origin', { append: true });
    await next();
  });
};

/**
 * For a handler that returns a Response it built itself (tRPC's fetch adapter): Hono copies the headers
 * set so far (request id, security, CORS, cookies a procedure set) into a returned Response only when
 * `c.res` already exists, so this creates it before the handler runs.
 */
export const keepHeadersOnOwnResponse = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    // Reading `c.res` creates it from the headers set so far.
    // eslint-disable-next-line @typescript-eslint/no-unused-expressions
    c.res;
    await next();
  });
