/**
 * The declarative legacy route (docs/architecture.md, "Legacy REST routes"). A feature declares each
 * route once — method, path, guard, flags, summary, zod schemas of its inputs and success responses, the
 * documented error statuses, and a handler that reads → calls one core method → returns a reply — and
 * collects them with `defineRoutes`. The router registers the list and keeps it, so tests and generators
 * (OpenAPI, fuzzing, authorization matrix) enumerate every route with its schemas.
 */
import type { z } from 'zod';

import {
  AppError,
  withActor,
  type AuthedCtx,
  type ClientInfo,
  type Core,
  type Ctx,
  type IssuedTokens,
} from '@mathakine/core';

import { GUARD_MESSAGES, type GuardLevel } from '../guards.ts';
import type { BodySource, BodySpec } from '../legacy/body.ts';
import type { LegacyReply, ReplyFor, Responses } from './reply.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Error statuses a route documents (those of its guard, CSRF and maintenance are implied). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

const AUTHED_GUARDS: readonly GuardLevel[] = ['user', 'user+full', 'admin'];
type AuthedGuard = 'user' | 'user+full' | 'admin';

/** Behind `user`, `user+full` and `admin` the handler gets an `AuthedCtx`; otherwise a `Ctx`. */
export type CtxFor<G extends GuardLevel> = G extends AuthedGuard ? AuthedCtx : Ctx;

/** The legacy cookies a handler may read or write (names and flags are the transport's). */
export interface LegacyCookies {
  get: (name: string) => string | undefined;
  setAuth: (tokens: IssuedTokens) => void;
  clearAuth: () => void;
  setCsrf: (token: string) => void;
}

/** What a handler receives: parsed inputs, core, and the request's context. Never the Hono context. */
export interface RouteRequest<G extends GuardLevel, P, Q, B> {
  ctx: CtxFor<G>;
  core: Core;
  params: P;
  query: Q;
  body: B;
  client: ClientInfo;
  cookies: LegacyCookies;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<B> = B extends BodySpec<infer T> ? T : undefined;
type MaybePromise<T> = T | Promise<T>;

export interface RouteDefinition<
  G extends GuardLevel,
  R extends Responses,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends BodySpec | undefined,
> {
  method: HttpMethod;
  /** Path under `/api`, with Hono parameters: `/exercises/:id{[0-9]+}`. */
  path: string;
  guard: G;
  /** One line for the route listing and the OpenAPI summary. */
  summary: string;
  /** The legacy double-submit CSRF check (api-rest-core §2.7), run after the guard, before the body. */
  csrf?: boolean;
  /**
   * A state-changing GET kept from the legacy: refused (403) when the browser says the request is
   * cross-site (`Sec-Fetch-Site: cross-site`, e.g. a top-level navigation or an image from another site)
   * unless it carries an allowed `Origin`, or when it carries an `Origin` that is not allowed.
   */
  sameSiteOnly?: boolean;
  /** Answers while `maintenance_mode` is on (api-rest-core §1.7); the path and anything below it. */
  maintenanceExempt?: boolean;
  /**
   * In the legacy public whitelist although the guard needs a user (the leaderboard, api-rest-core §2.4):
   * anonymous callers pass the deny-by-default and get the guard's 401 `Authentification requise`.
   */
  publicListed?: boolean;
  /** Path parameters (strings in); a failure is the route's 404 with the issue's message. */
  params?: P;
  /** Query string (strings in); a failure is a 400 with the issue's message. */
  query?: Q;
  /** The JSON body and how the legacy read it (legacy/body.ts). */
  body?: B;
  /** Success responses by status: zod schemas of the wire JSON, or redirect / SSE specs. */
  responses: R;
  /** Error statuses of the route itself (guard, CSRF, maintenance and 500 are implied). */
  errors: readonly ErrorStatus[];
  handler: (request: RouteRequest<G, Parsed<P>, Parsed<Q>, BodyOf<B>>) => MaybePromise<ReplyFor<R>>;
}

/** What the router hands a route: the raw request pieces (built from the Hono context). */
export interface RawRequest {
  ctx: Ctx;
  core: Core;
  client: ClientInfo;
  cookies: LegacyCookies;
  params: Record<string, string>;
  query: Record<string, string>;
  body: BodySource;
}

/** A declared route, its types erased: what the router registers and the generators read. */
export interface LegacyRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly guard: GuardLevel;
  readonly summary: string;
  readonly csrf: boolean;
  readonly sameSiteOnly: boolean;
  readonly maintenanceExempt: boolean;
  readonly publicListed: boolean;
  readonly params: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
  readonly body: BodySpec | undefined;
  readonly responses: Responses;
  readonly errors: readonly ErrorStatus[];
  /** Parses the inputs with the declared schemas, then runs the handler. */
  readonly run: (raw: RawRequest) => Promise<LegacyReply>;
}

const firstMessage = (error: z.ZodError, fallback: string) => error.issues[0]?.message ?? fallback;

const parseParams = async (schema: z.ZodType | undefined, raw: Record<string, string>) => {
  if (!schema) return undefined;
  const parsed = await schema.safeParseAsync(raw);
  if (!parsed.success) {
    throw new AppError('NOT_FOUND', firstMessage(parsed.error, 'Not Found'), {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

const parseQuery = async (schema: z.ZodType | undefined, raw: Record<string, string>) => {
  if (!schema) return undefined;
  const parsed = await schema.safeParseAsync(raw);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', firstMessage(parsed.error, 'Paramètres invalides'), {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

/** The router's guard already ran; this narrows the context type (and refuses if it did not). */
const ctxFor = (guard: GuardLevel, ctx: Ctx): Ctx | AuthedCtx => {
  if (!AUTHED_GUARDS.includes(guard)) return ctx;
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', GUARD_MESSAGES.userRequired);
  return withActor(ctx, actor);
};

/**
 * Declares one legacy route. The handler's parameter and reply types follow from the declaration: its
 * `ctx` is authenticated behind a user guard, its inputs are the schemas' outputs, and its reply must be
 * one of the declared responses with a matching body.
 */
export const defineRoute = <
  G extends GuardLevel,
  R extends Responses,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends BodySpec | undefined = undefined,
>(
  definition: RouteDefinition<G, R, P, Q, B>,
): LegacyRoute => ({
  method: definition.method,
  path: definition.path,
  guard: definition.guard,
  summary: definition.summary,
  csrf: definition.csrf ?? false,
  sameSiteOnly: definition.sameSiteOnly ?? false,
  maintenanceExempt: definition.maintenanceExempt ?? false,
  publicListed: definition.publicListed ?? false,
  params: definition.params,
  query: definition.query,
  body: definition.body,
  responses: definition.responses,
  errors: definition.errors,
  run: async (raw) => {
    // Each value below was produced by the very schema whose output type the handler expects; the
    // conditional types cannot be resolved inside this generic function, hence the assertions.
    const params = (await parseParams(definition.params, raw.params)) as Parsed<P>;
    const query = (await parseQuery(definition.query, raw.query)) as Parsed<Q>;
    const body = (definition.body ? await definition.body.read(raw.body) : undefined) as BodyOf<B>;
    const ctx = ctxFor(definition.guard, raw.ctx) as CtxFor<G>;
    return definition.handler({
      ctx,
      core: raw.core,
      params,
      query,
      body,
      client: raw.client,
      cookies: raw.cookies,
    });
  },
});

/** One feature's legacy routes, in registration order (the order decides 405 `Allow` lists). */
export interface LegacyRoutesModule {
  readonly feature: string;
  /**
   * A path prefix under `/api` the module owns as a whole (e.g. `/admin`), with properties that hold for
   * every path below it, unknown ones included.
   */
  readonly area?: { readonly prefix: string; readonly maintenanceExempt: boolean };
  readonly routes: readonly LegacyRoute[];
}

export const defineRoutes = (module: LegacyRoutesModule): LegacyRoutesModule => module;

/**
 * Every error status a route can answer: its own, its guard's (401 / 403), the CSRF check's 403, the
 * maintenance 503 unless exempt, and 500.
 */
export const errorStatusesOf = (route: LegacyRoute): number[] => {
  const statuses = new Set<number>(route.errors);
  if (route.guard !== 'public' && route.guard !== 'public+optional') statuses.add(401);
  if (route.guard === 'user+full' || route.guard === 'admin' || route.csrf || route.sameSiteOnly)
    statuses.add(403);
  if (!route.maintenanceExempt) statuses.add(503);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
};
