import { createMiddleware } from 'hono/factory';

import { AppError } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';

export const MAINTENANCE_MESSAGE = 'Le temple est en maintenance. Réessayez plus tard.';

/** api-rest-core §1.7, plus the readiness probe. Prefix match, as the legacy. */
const EXEMPT_PREFIXES = [
  '/health',
  '/ready',
  '/metrics',
  '/api/admin',
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/validate-token',
  '/api/auth/csrf',
];

/** The tRPC procedures equivalent to the exempt REST routes. */
const EXEMPT_PROCEDURE =
  /^(admin\.|auth\.(login|refresh|validateToken|csrf)$|system\.(ready|ping)$)/;

export const isMaintenanceExempt = (path: string): boolean => {
  if (EXEMPT_PREFIXES.some((p) => path.startsWith(p))) return true;
  if (!path.startsWith('/trpc/')) return false;
  // A batch (`/trpc/a,b`) passes only when every procedure in it is exempt.
  const procedures = decodeURIComponent(path.slice('/trpc/'.length)).split(',');
  return procedures.length > 0 && procedures.every((p) => EXEMPT_PROCEDURE.test(p));
};

/**
 * 503 while the `maintenance_mode` setting is truthy (read through core's short cache, not per request).
 * Runs before authentication, as in the legacy.
 */
export const maintenanceMode = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!isMaintenanceExempt(c.req.path) && (await c.var.core.settings.isMaintenanceMode())) {
      throw new AppError('MAINTENANCE', MAINTENANCE_MESSAGE);
    }
    return next();
  });
