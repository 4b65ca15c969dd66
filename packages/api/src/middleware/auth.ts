import { createMiddleware } from 'hono/factory';

import type { Core } from '@mathakine/core';

import type { AuthResolver } from '../deps.ts';
import type { ApiEnv } from '../hono-env.ts';
import { ACCESS_COOKIE, requestCookie } from '../http/auth-cookies.ts';

/** The real resolver: access JWT → session (revocation, is_active) through core's few-second cache. */
export const coreAuthResolver =
  (core: Core): AuthResolver =>
  ({ accessToken }) =>
    core.auth.resolveAccessToken(accessToken);

/**
 * Resolves `c.get('actor')` from the `access_token` cookie first, then `Authorization: Bearer` (api-rest-core
 * §2.3). Never rejects and never wraps downstream errors (audit X1): guards decide.
 */
export const authContext = (resolve: AuthResolver) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const cookieToken = requestCookie(c, ACCESS_COOKIE) || undefined;
    const header = c.req.header('Authorization');
    const bearerToken = header?.startsWith('Bearer ')
      ? header.slice(7).trim() || undefined
      : undefined;
    // The cookie wins over the header when both are present (api-rest-core §2.3).
    const resolved = await resolve({ accessToken: cookieToken ?? bearerToken, log: c.get('log') });
    c.set('actor', resolved.actor);
    c.set('tokenState', resolved.tokenState);
    await next();
  });
