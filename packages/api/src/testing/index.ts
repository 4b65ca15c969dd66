import { createHmac } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';

import {
  createCore,
  type Actor,
  type Clock,
  type Core,
  type CoreDeps,
  type Database,
} from '@mathakine/core';
import { getTestDb, movableClock } from '@mathakine/core/testing';

import { createApiApp, type CreateApiAppOptions } from '../app.ts';
import type { ApiConfig, ApiDeps, AuthResolver } from '../deps.ts';
import type { TokenState } from '../hono-env.ts';
import { createApiMetrics } from '../middleware/metrics.ts';
import type { TrpcContext } from '../trpc/context.ts';
import { createCaller } from '../trpc/routers/_app.ts';

/** The transport configuration tests start from (development-like, small body limit off). */
export const testApiConfig = (overrides: DeepPartial<ApiConfig> = {}): ApiConfig => ({
  isProduction: overrides.isProduction ?? false,
  debug: overrides.debug ?? false,
  cors: { origins: overrides.cors?.origins ?? ['http://localhost:3000', 'http://127.0.0.1:3000'] },
  http: {
    bodyLimitBytes: 1_048_576,
    trustedProxyHops: 0,
    secureHeaders: true,
    shutdownTimeoutMs: 1_000,
    idleGcSeconds: 0,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    metricsToken: null,
    ...overrides.http,
  },
});

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

/** A resolveAuth that signs every request in as `actor` (anonymous when null; `tokenState` can force a bad token). */
export const signedInAs =
  (actor: Actor | null, tokenState: TokenState = actor ? 'valid' : 'none'): AuthResolver =>
  () =>
    Promise.resolve({ actor, tokenState });

/** The actor a factory-made user signs in as. */
export const actorOf = (
  user: { id: number; username: string },
  accessScope: Actor['accessScope'] = 'full',
): Actor => testActor({ userId: user.id, username: user.username, accessScope, sessionId: null });

export const testActor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'padawan_test',
  role: 'padawan',
  accessScope: 'full',
  sessionId: 1,
  ...overrides,
});

/** A clock tests can move (one implementation, in core's testing helpers). */
export { movableClock as fixedClock } from '@mathakine/core/testing';

export interface TestAppOptions extends CreateApiAppOptions {
  config?: DeepPartial<ApiConfig>;
  resolveAuth?: ApiDeps['resolveAuth'];
  reportError?: ApiDeps['reportError'];
  docsAssets?: ApiDeps['docsAssets'];
  db?: Database;
  clock?: Clock;
  /** The app's logger (default: silent). */
  log?: Logger;
  /** Extra core dependencies (the AI provider, a configuration, metrics hooks, a mailer). */
  coreDeps?: Pick<CoreDeps, 'ai' | 'config' | 'onAiGeneration' | 'mailer'>;
}

export const silentLogger = () => pino({ level: 'silent' });

/**
 * The real app over the test database (PGlite by default, DATABASE_URL when set), with the given
 * transport configuration and fixtures; every legacy reply is checked against its route's declared
 * response schema. Returns a `createCaller` bound to the same core.
 */
export const createTestApp = async (options: TestAppOptions = {}) => {
  const db = options.db ?? (await getTestDb()).db;
  const log = options.log ?? silentLogger();
  const clock = options.clock ?? movableClock();
  const core: Core = createCore({ db, log, clock, ...options.coreDeps });
  const registry = new Registry();
  const { app, legacyRoutes } = createApiApp(
    {
      core,
      config: testApiConfig(options.config),
      log,
      registry,
      ...(options.resolveAuth ? { resolveAuth: options.resolveAuth } : {}),
      ...(options.reportError ? { reportError: options.reportError } : {}),
      ...(options.docsAssets ? { docsAssets: options.docsAssets } : {}),
    },
    { validateLegacyResponses: true, ...options },
  );
  const metrics = createApiMetrics(new Registry());
  const callerFor = (ctx: Partial<TrpcContext>) =>
    createCaller({
      actor: null,
      log,
      requestId: 'test',
      core,
      exposeInternalErrors: true,
      metrics,
      ...ctx,
    });
  return { app, legacyRoutes, db, core, clock, registry, createCaller: callerFor };
};

/** A logger whose lines (parsed) are kept in `lines`, for tests asserting what an operator sees. */
export const capturingLogger = () => {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const log = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        lines.push(JSON.parse(line) as (typeof lines)[number]);
      },
    },
  );
  return {
    log,
    lines,
    warnings: () => lines.filter((l) => l.level === 40),
    errors: () => lines.filter((l) => l.level >= 50),
  };
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 access token signed with `secret`, with any claims (tests of hostile but valid tokens). */
export const signTestToken = (secret: string, claims: Record<string, unknown>): string => {
  const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
};
