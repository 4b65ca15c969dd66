import { trpcServer } from '@hono/trpc-server';
import type { AnyTRPCRouter } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Hono, type Context } from 'hono';

import { AppError, asAppErrorIfOutage, isAppError } from '@mathakine/core';

import type { ApiDeps } from './deps.ts';
import { httpHeadersOf } from './errors.ts';
import type { ApiEnv } from './hono-env.ts';
import { DOCS_PATHS, docsApp } from './http/docs.ts';
import { createFailureReporter } from './http/failures.ts';
import { inputGuard, requestBody } from './http/input-guard.ts';
import { toLegacyError } from './legacy/legacy-error.ts';
import { writeLegacyError } from './legacy/writer.ts';
import { authContext, coreAuthResolver } from './middleware/auth.ts';
import { csrfOriginGuard } from './middleware/csrf.ts';
import {
  compileProbeExemptions,
  maintenanceExemptProcedures,
  maintenanceMode,
  type MaintenanceExemptions,
} from './middleware/maintenance.ts';
import { createApiMetrics, markRoute, metricsMiddleware } from './middleware/metrics.ts';
import { requestContext, requestIdMiddleware } from './middleware/request-context.ts';
import {
  corsMiddleware,
  keepHeadersOnOwnResponse,
  securityHeaders,
} from './middleware/security.ts';
import { createLegacyApp, type LegacyRoutesModule } from './rest/index.ts';
import { LEGACY_MODULES } from './rest/modules.ts';
import { legacyNotFound, maintenanceExemptPatterns } from './rest/router.ts';
import { createTrpcContext, type TrpcContext } from './trpc/context.ts';
import { isTrpcPath, TRPC_ENDPOINT, trpcErrorResponse } from './trpc/http-error.ts';
import { appRouter } from './trpc/routers/_app.ts';

/** The probes answer in maintenance (api-rest-core §1.7, plus the readiness probe), and so do the docs. */
const MAINTENANCE_EXEMPT_PROBES = ['/health', '/ready', '/metrics', ...DOCS_PATHS];

/** What answers in maintenance: the probes, and what the legacy modules and tRPC procedures declare. */
export const maintenanceExemptionsOf = (
  legacyModules: readonly LegacyRoutesModule[],
  trpcRouter: AnyTRPCRouter,
): MaintenanceExemptions => ({
  patterns: [
    ...compileProbeExemptions(MAINTENANCE_EXEMPT_PROBES),
    ...maintenanceExemptPatterns(legacyModules, '/api'),
  ],
  procedures: maintenanceExemptProcedures(trpcRouter),
});

const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

/**
 * The most calls one tRPC batch request may carry (a larger batch is a 400): 200 calls in one request
 * held a worker for seconds. Typed clients set their batch link's `maxItems` to this value.
 */
export const TRPC_MAX_BATCH_SIZE = 20;

/**
 * The Hono root (STYLE.md §2): request id → request context + access log → metrics → security headers →
 * CORS → body limit → auth → mounts (`/trpc`, `/api`, probes). One `onError` builds every non-tRPC error
 * body through `toLegacyError`, inside the chain, so errors keep X-Request-ID, CORS and security headers.
 */
export interface CreateApiAppOptions {
  /** Legacy route modules; defaults to every feature's. Tests add their own fixtures. */
  legacyModules?: readonly LegacyRoutesModule[];
  /** The tRPC router; defaults to `appRouter`. Tests mount fixture procedures built the same way. */
  trpcRouter?: AnyTRPCRouter;
  /** Check every legacy reply against its declared response schema (the test apps turn it on). */
  validateLegacyResponses?: boolean;
}

export const createApiApp = (deps: ApiDeps, options: CreateApiAppOptions = {}) => {
  const metrics = createApiMetrics(deps.registry);
  const trpcRouter = options.trpcRouter ?? appRouter;
  const legacyModules = options.legacyModules ?? LEGACY_MODULES;
  const legacy = createLegacyApp(legacyModules, {
    validateResponses: options.validateLegacyResponses ?? false,
    allowedOrigins: deps.config.cors.origins,
  });
  const app = new Hono<ApiEnv>();

  app.use('*', requestIdMiddleware());
  app.use('*', requestContext(deps));
  app.use('*', metricsMiddleware(metrics));
  app.use('*', securityHeaders(deps.config));
  app.use('*', corsMiddleware(deps.config));
  app.use('*', requestBody(deps.config.http.bodyLimitBytes));
  app.use('*', inputGuard());
  app.use('*', maintenanceMode(maintenanceExemptionsOf(legacyModules, trpcRouter)));
  app.use('*', authContext(deps.resolveAuth ?? coreAuthResolver(deps.core)));
  app.use('*', csrfOriginGuard(deps.config));

  // Probes and system routes (outside /api: never behind the deny-by-default).
  app.get('/health', markRoute('/health'), (c) => c.text('ok'));
  app.get('/robots.txt', markRoute('/robots.txt'), (c) => c.text(ROBOTS_TXT));
  app.get('/ready', markRoute('/ready'), async (c) => {
    const readiness = await c.get('core').system.readiness();
    return c.json(readiness, readiness.ready ? 200 : 503);
  });
  app.get('/metrics', markRoute('/metrics'), async (c) => {
    const token = deps.config.http.metricsToken;
    if (token && c.req.header('Authorization') !== `Bearer ${token}`) {
      throw new AppError('UNAUTHENTICATED', 'Authentication required');
    }
    return c.body(await deps.registry.metrics(), 200, {
      'Content-Type': deps.registry.contentType,
    });
  });

  const exposeInternalErrors = !deps.config.isProduction && deps.config.debug;
  const reportFailure = createFailureReporter(deps);
  app.use(
    `${TRPC_ENDPOINT}/*`,
    markRoute(TRPC_ENDPOINT),
    keepHeadersOnOwnResponse(),
    trpcServer({
      endpoint: TRPC_ENDPOINT,
      router: trpcRouter,
      maxBatchSize: TRPC_MAX_BATCH_SIZE,
      createContext: (_opts, c) =>
        createTrpcContext(c as Context<ApiEnv>, { exposeInternalErrors, metrics }),
      // `Retry-After` of a refused call (rate limit, outage), as the legacy REST answers carry it.
      responseMeta: ({ errors }) => {
        const headers = errors
          .map((e) => (isAppError(e.cause) ? httpHeadersOf(e.cause) : {}))
          .find((h) => Object.keys(h).length > 0);
        return headers ? { headers } : {};
      },
      onError: ({ error, path, ctx: rawCtx }) => {
        // The router is typed loosely here (tests may swap it); the context is always ours.
        const ctx = rawCtx as TrpcContext | undefined;
        const status = getHTTPStatusCodeFromError(error);
        const log = ctx?.log ?? deps.log;
        if (status < 500) {
          const appCode = error.cause instanceof AppError ? error.cause.code : error.code;
          log.warn({ path, status, appCode }, 'trpc procedure refused');
        }
        reportFailure(error.cause instanceof AppError ? error.cause : (error.cause ?? error), {
          log,
          status,
          requestId: ctx?.requestId ?? 'unknown',
          path: `${TRPC_ENDPOINT}/${path ?? ''}`,
          actorId: ctx?.actor?.userId ?? null,
          transport: 'trpc',
        });
      },
    }),
  );

  app.route('/api', legacy.app);
  app.route('/', docsApp({ legacyRoutes: legacy.routes, trpcRouter, assets: deps.docsAssets }));

  app.notFound((c) => legacyNotFound(c));
  // Every error raised outside a tRPC procedure: an outage is classified once (503), then the body is
  // the transport's own (the tRPC envelope under /trpc, the legacy body elsewhere).
  app.onError((raw, c) => {
    const err = asAppErrorIfOutage(raw);
    const path = c.req.path;
    const response = isTrpcPath(path)
      ? trpcErrorResponse(c, err, trpcRouter)
      : writeLegacyError(c, toLegacyError(err, { path, requestId: c.get('requestId') }));
    reportFailure(err, {
      log: c.get('log'),
      status: response.status,
      requestId: c.get('requestId'),
      path,
      actorId: c.get('actor')?.userId ?? null,
      transport: isTrpcPath(path) ? 'trpc' : path.startsWith('/api') ? 'rest' : 'http',
    });
    return response;
  });

  return { app, legacyRoutes: legacy.routes };
};

export type ApiApp = ReturnType<typeof createApiApp>;
