import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';

import type { ApiConfig } from '../deps.ts';
import type { ApiEnv } from '../hono-env.ts';

/** The four legacy security headers (platform §2.8), plus HSTS in production (recorded difference). */
export const securityHeaders = (config: ApiConfig) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    await next();
    if (!config.http.secureHeaders) return;
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('X-XSS-Protection', '1; mode=block');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (config.isProduction)
      c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });

/** CORS as platform §2.7, with `X-Request-ID` exposed and `Idempotency-Key` allowed. */
export const corsMiddleware = (config: ApiConfig) => {
  const allowed = new Set(config.cors.origins);
  return cors({
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
    exposeHeaders: ['X-Request-ID'],
    maxAge: 600,
  });
};
