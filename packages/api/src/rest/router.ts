import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AppError } from '@mathakine/core';

import { GUARD_MESSAGES, type GuardLevel } from '../guards.ts';
import type { ApiEnv } from '../hono-env.ts';
import {
  clearAuthCookies,
  honoCookieJar,
  setAuthCookies,
  setCsrfCookie,
} from '../http/auth-cookies.ts';
import { clientOf, ctxOf } from '../http/request-ctx.ts';
import { routeNotFound, toLegacyError } from '../legacy/legacy-error.ts';
import { writeLegacyError, writeReply } from '../legacy/writer.ts';
import { refuseCrossSite, requireCsrfToken } from '../middleware/csrf.ts';
import { markRoute } from '../middleware/metrics.ts';
import { checkReply } from './check-reply.ts';
import { isJsonResponse } from './reply.ts';
import type { LegacyCookies, LegacyRoute, LegacyRoutesModule, RawRequest } from './route.ts';

/** A registered route: its declaration plus the full template and the patterns the router matches. */
export interface RegisteredRoute extends LegacyRoute {
  /** The feature module that declared it (`exercises`…): the OpenAPI tag. */
  readonly feature: string;
  /** Full path with Hono parameters, e.g. `/api/exercises/:id{[0-9]+}`. */
  readonly template: string;
  readonly pattern: RegExp;
  /** The template without its trailing slash, for the whitelist's "trailing slash ignored". */
  readonly loosePattern: RegExp;
}

/** What the table helpers need (tests build such entries by hand). */
export type RouteTableEntry = Pick<RegisteredRoute, 'method' | 'template' | 'pattern'>;

const withoutTrailingSlash = (path: string) =>
  path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;

const templateSource = (template: string): string =>
  template
    .split('/')
    .map((segment) => {
      const param = /^:[A-Za-z_][A-Za-z0-9_]*(\{(.+)\})?$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `(?:${param[2] ?? '[^/]+'})`;
    })
    .join('/');

/** `/api/exercises/:id{[0-9]+}` → a regex matching concrete paths (for 405 / trailing-slash lookups). */
export const compileTemplate = (template: string): RegExp =>
  new RegExp(`^${templateSource(template)}$`);

/** The template and every path below it (maintenance exemptions: the legacy matched prefixes). */
export const compilePrefix = (template: string): RegExp =>
  new RegExp(`^${templateSource(withoutTrailingSlash(template))}(?:/.*)?$`);

/** The per-route guard of api-rest-core §2.4 (the `/api` deny-by-default runs before it). */
export const guard = (level: GuardLevel) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (level === 'public' || level === 'public+optional') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('UNAUTHENTICATED', GUARD_MESSAGES.userRequired);
    if (level === 'user+full' && actor.accessScope !== 'full') {
      throw new AppError('EMAIL_VERIFICATION_REQUIRED', GUARD_MESSAGES.emailVerificationRequired);
    }
    if (level === 'admin' && actor.role !== 'archiviste') {
      throw new AppError('FORBIDDEN', GUARD_MESSAGES.adminRequired);
    }
    return next();
  });

/** The legacy cookies over Hono's context (one place knows the production flags). */
const legacyCookies = (c: Context<ApiEnv>): LegacyCookies => {
  const jar = honoCookieJar(c);
  const production = c.get('productionCookies');
  return {
    get: (name) => jar.get(name),
    setAuth: (tokens) => {
      setAuthCookies(jar, production, tokens);
    },
    clearAuth: () => {
      clearAuthCookies(jar, production);
    },
    setCsrf: (token) => {
      setCsrfCookie(jar, production, token);
    },
  };
};

const rawRequestOf = (c: Context<ApiEnv>): RawRequest => ({
  ctx: ctxOf(c),
  core: c.get('core'),
  client: clientOf(c),
  cookies: legacyCookies(c),
  params: c.req.param(),
  query: c.req.query(),
  body: { text: () => c.req.text(), header: (name) => c.req.header(name) },
});

export interface LegacyRouterOptions {
  /** Check every reply against its route's declared response schema (tests); a mismatch is a 500. */
  validateResponses?: boolean;
  /** The CORS origins: a `sameSiteOnly` route accepts a cross-site request only from one of them. */
  allowedOrigins?: readonly string[];
}

/**
 * The legacy sub-app plus the table of its routes. `register` records the template (metrics label, 405
 * `Allow`, trailing-slash redirects, public list, maintenance exemptions) and mounts guard → CSRF →
 * parse → handler → the one writer.
 */
export const createLegacyRouter = (mount = '/api', options: LegacyRouterOptions = {}) => {
  const app = new Hono<ApiEnv>();
  const routes: RegisteredRoute[] = [];
  const allowedOrigins = new Set(options.allowedOrigins ?? []);

  const register = (route: LegacyRoute, feature: string) => {
    const template = `${mount}${route.path}`;
    routes.push({
      ...route,
      feature,
      template,
      pattern: compileTemplate(template),
      loosePattern: compileTemplate(withoutTrailingSlash(template)),
    });
    app.on(route.method, route.path, markRoute(template), guard(route.guard), async (c) => {
      if (route.sameSiteOnly) refuseCrossSite(c, allowedOrigins);
      if (route.csrf) requireCsrfToken(c);
      const reply = await route.run(rawRequestOf(c));
      const spec = route.responses[reply.status as keyof typeof route.responses];
      const contentType =
        spec && !isJsonResponse(spec) && spec.kind === 'file' ? spec.contentType : undefined;
      return writeReply(
        c,
        options.validateResponses ? checkReply(route, template, reply) : reply,
        contentType,
      );
    });
  };

  return { app, routes, register };
};

export type LegacyRouter = ReturnType<typeof createLegacyRouter>;

/**
 * The deny-by-default whitelist of api-rest-core §2.4, derived from the declarations: the method + path
 * pairs of `public` / `public+optional` routes and of `publicListed` ones. Exact match, trailing slash
 * ignored; only the declared method (HEAD is not).
 */
export const isPublicRoute = (
  routes: readonly RegisteredRoute[],
  method: string,
  path: string,
): boolean => {
  const loose = withoutTrailingSlash(path);
  return routes.some(
    (r) =>
      (r.guard === 'public' || r.guard === 'public+optional' || r.publicListed) &&
      r.method === method &&
      r.loosePattern.test(loose),
  );
};

/** The maintenance exemptions the modules declare: exempt routes and exempt areas, as path patterns. */
export const maintenanceExemptPatterns = (
  modules: readonly LegacyRoutesModule[],
  mount = '/api',
): RegExp[] =>
  modules.flatMap((m) => [
    ...(m.area?.maintenanceExempt ? [compilePrefix(`${mount}${m.area.prefix}`)] : []),
    ...m.routes.filter((r) => r.maintenanceExempt).map((r) => compilePrefix(`${mount}${r.path}`)),
  ]);

/** Methods answered for a path: `GET` implies `HEAD`, as in the legacy. */
export const allowedMethods = (routes: readonly RouteTableEntry[], path: string): string[] => {
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
export const unmatched = (routes: readonly RouteTableEntry[], c: Context<ApiEnv>): Response => {
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
export const legacyNotFound = (c: Context<ApiEnv>): Response =>
  writeLegacyError(
    c,
    toLegacyError(routeNotFound(), { path: c.req.path, requestId: c.get('requestId') }),
  );
