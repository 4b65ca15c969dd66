import { Hono, type Context, type Handler } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AppError } from '@mathakine/core';

import { GUARD_MESSAGES, type GuardLevel } from '../guards.ts';
import type { ApiEnv } from '../hono-env.ts';
import { LEGACY_NOT_FOUND_MESSAGE, legacyBody } from '../legacy/legacy-error.ts';
import { markRoute } from '../middleware/metrics.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface LegacyRoute {
  method: HttpMethod;
  /** Full path with Hono parameters, e.g. `/api/exercises/:id{[0-9]+}`. */
  template: string;
  guard: GuardLevel;
  pattern: RegExp;
}

/** `/api/exercises/:id{[0-9]+}` → a regex matching concrete paths (for 405 / trailing-slash lookups). */
export const compileTemplate = (template: string): RegExp => {
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^:[A-Za-z_][A-Za-z0-9_]*(\{(.+)\})?$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `(?:${param[2] ?? '[^/]+'})`;
    })
    .join('/');
  return new RegExp(`^${source}$`);
};

/** The per-route guard of api-rest-core §2.4 (the `/api` deny-by-default runs before it). */
export const guard = (level: GuardLevel) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (level === 'public' || level === 'public+optional') return next();
    const actor = c.var.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', GUARD_MESSAGES.userRequired);
    if (level === 'user+full' && actor.accessScope !== 'full') {
      throw new AppError('EMAIL_VERIFICATION_REQUIRED', GUARD_MESSAGES.emailVerificationRequired);
    }
    if (level === 'admin' && actor.role !== 'archiviste') {
      throw new AppError('FORBIDDEN', GUARD_MESSAGES.adminRequired);
    }
    return next();
  });

/**
 * The legacy sub-app plus the table of its routes. Feature files register through `route`, which records
 * the template (metrics label, 405 `Allow`, trailing-slash redirects) and applies the guard.
 */
export const createLegacyRouter = (mount = '/api') => {
  const app = new Hono<ApiEnv>();
  const routes: LegacyRoute[] = [];

  const route = (method: HttpMethod, path: string, level: GuardLevel, handler: Handler<ApiEnv>) => {
    const template = `${mount}${path}`;
    routes.push({ method, template, guard: level, pattern: compileTemplate(template) });
    app.on(method, path, markRoute(template), guard(level), handler);
  };

  return { app, routes, route };
};

export type LegacyRouter = ReturnType<typeof createLegacyRouter>;

/** Methods answered for a path: `GET` implies `HEAD`, as in the legacy. */
export const allowedMethods = (routes: readonly LegacyRoute[], path: string): string[] => {
  const matching = routes.filter((r) => r.pattern.test(path));
  const first = matching[0];
  if (!first) return [];
  // The legacy lists the methods of the *first* route registered for that path.
  const sameTemplate = matching.filter((r) => r.template === first.template).map((r) => r.method);
  return sameTemplate.includes('GET') ? [...sameTemplate, 'HEAD'] : sameTemplate;
};

/**
 * What the router answers when no route takes the request: 307 to the other trailing-slash form when
 * that one exists (Starlette `redirect_slashes`), 405 plain text with `Allow` when the path exists with
 * other methods, else the legacy 404.
 */
export const unmatched = (routes: readonly LegacyRoute[], c: Context<ApiEnv>): Response => {
  const path = c.req.path;
  const allow = allowedMethods(routes, path);
  if (allow.length > 0) {
    c.set('routeTemplate', routes.find((r) => r.pattern.test(path))?.template);
    return c.text('Method Not Allowed', 405, { Allow: allow.join(', ') });
  }
  const twin = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  if (twin !== '' && routes.some((r) => r.pattern.test(twin))) {
    const url = new URL(c.req.url);
    url.pathname = twin;
    return c.redirect(url.toString(), 307);
  }
  return legacyNotFound(c);
};

/** The legacy global 404 body, which (unlike route-level 404s) carries the request path. */
export const legacyNotFound = (c: Context): Response =>
  c.json(legacyBody(404, LEGACY_NOT_FOUND_MESSAGE, { path: c.req.path }), 404);
