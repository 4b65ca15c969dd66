import { createMiddleware } from 'hono/factory';

import type { RateLimitBucket } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';

/**
 * A per-client-IP rate limit for routes whose service does not take the client (e.g. chat). The accounts
 * routes are limited inside their core services so REST and tRPC share the buckets.
 */
export const rateLimit = (bucket: RateLimitBucket) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    await c.get('core').rateLimits.consume(bucket, c.get('clientIp'));
    return next();
  });
