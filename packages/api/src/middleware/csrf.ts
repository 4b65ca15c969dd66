import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AppError, safeEqual } from '@mathakine/core';

import type { ApiConfig } from '../deps.ts';
import type { ApiEnv } from '../hono-env.ts';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
  requestCookie,
} from '../http/auth-cookies.ts';

export const CSRF_MESSAGES = {
  missing: 'Token CSRF manquant. Rafraîchissez la page et réessayez.',
  invalid: 'Token CSRF invalide. Rafraîchissez la page et réessayez.',
  crossSite: 'Requête refusée : origine ou type de contenu non autorisé.',
} as const;

/**
 * The legacy double-submit check (api-rest-core §2.7) of the three legacy routes: header `X-CSRF-Token`
 * (trimmed) equal to the `csrf_token` cookie, compared in constant time. 403 in the unified body.
 */
export const requireCsrfToken = (c: Context) => {
  const cookie = requestCookie(c, CSRF_COOKIE);
  const header = c.req.header(CSRF_HEADER)?.trim();
  if (!cookie || !header) throw new AppError('FORBIDDEN', CSRF_MESSAGES.missing);
  if (!safeEqual(cookie, header)) throw new AppError('FORBIDDEN', CSRF_MESSAGES.invalid);
};

/**
 * The guard of a state-changing GET (`sameSiteOnly` routes): another site may not spend a learner's
 * quota by a link, a redirect or an `<img>` (the cookies ride along: `SameSite=None` in production).
 * Refused: a request the browser marks `Sec-Fetch-Site: cross-site` without an allowed `Origin`, and
 * any request with an `Origin` neither allowed nor the server's own. Requests without these headers
 * (typed URL, bookmarks, scripts, older browsers) pass.
 */
export const refuseCrossSite = (c: Context, allowedOrigins: ReadonlySet<string>) => {
  const origin = c.req.header('Origin');
  const originAllowed =
    origin !== undefined && (allowedOrigins.has(origin) || origin === new URL(c.req.url).origin);
  if (origin !== undefined && !originAllowed) {
    throw new AppError('FORBIDDEN', CSRF_MESSAGES.crossSite);
  }
  if (c.req.header('Sec-Fetch-Site')?.toLowerCase() === 'cross-site' && !originAllowed) {
    throw new AppError('FORBIDDEN', CSRF_MESSAGES.crossSite);
  }
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/([a-z0-9.+-]+\+)?json\b/i.test(contentType.trim());

/**
 * Cross-site request forgery (spec README, "CSRF"): a cookie-authenticated POST/PUT/PATCH/DELETE under
 * `/api` or `/trpc` must declare a JSON body (an HTML form cannot) and, when the browser sends `Origin`,
 * come from an allowed origin. Bearer-only and cookie-less requests are not concerned.
 */
export const csrfOriginGuard = (config: Pick<ApiConfig, 'cors'>) => {
  const allowed = new Set(config.cors.origins);
  return createMiddleware<ApiEnv>(async (c, next) => {
    const path = c.req.path;
    if (!MUTATING.has(c.req.method) || !(path.startsWith('/api/') || path.startsWith('/trpc/')))
      return next();
    const withCookie =
      requestCookie(c, ACCESS_COOKIE) !== undefined ||
      requestCookie(c, REFRESH_COOKIE) !== undefined;
    if (!withCookie) return next();
    const origin = c.req.header('Origin');
    if (origin !== undefined) {
      const sameOrigin = origin === new URL(c.req.url).origin;
      if (origin === 'null' || (!allowed.has(origin) && !sameOrigin)) {
        throw new AppError('FORBIDDEN', CSRF_MESSAGES.crossSite);
      }
    }
    const contentType = c.req.header('Content-Type');
    const hasBody = contentType !== undefined || (c.req.header('Content-Length') ?? '0') !== '0';
    if ((c.req.method !== 'DELETE' || hasBody) && !isJson(contentType)) {
      throw new AppError('FORBIDDEN', CSRF_MESSAGES.crossSite);
    }
    return next();
  });
};
