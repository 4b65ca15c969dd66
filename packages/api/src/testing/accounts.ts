// Test helpers of the accounts feature: the real app over the test database with an accounts
// configuration (low bcrypt cost, explicit limits), a local SMTP server, and cookie plumbing for
// `app.request()`. Test-only.
import { pino } from 'pino';
import { Registry } from 'prom-client';

import { createCore, type Core, type Ctx } from '@mathakine/core';
import { getTestDb, movableClock, resetDb } from '@mathakine/core/testing';
import { testCoreConfig, type SmtpCapture } from '@mathakine/core/testing/accounts';

import { createApiApp } from '../app.ts';
import type { ApiConfig } from '../deps.ts';
import type { CookieJar } from '../http/auth-cookies.ts';
import { createApiMetrics } from '../middleware/metrics.ts';
import type { TrpcContext, TrpcHttp } from '../trpc/context.ts';
import { createCaller } from '../trpc/routers/_app.ts';

export interface AccountsAppOptions {
  core?: Parameters<typeof testCoreConfig>[0];
  isProduction?: boolean;
  trustedProxyHops?: number;
  smtp?: SmtpCapture;
}

/** The full app (every feature's routes) with a real core wired like the server. */
export const createAccountsApp = async (options: AccountsAppOptions = {}) => {
  const { db, prisma } = await getTestDb();
  await resetDb(prisma);
  const log = pino({ level: 'silent' });
  const clock = movableClock();
  const isProduction = options.isProduction ?? false;
  const config = testCoreConfig(options.core);
  const core: Core = createCore({
    db,
    log,
    clock,
    config,
    ...(options.smtp ? { mailer: options.smtp.mailer } : {}),
  });
  const apiConfig: ApiConfig = {
    isProduction,
    debug: false,
    cors: { origins: ['http://localhost:3000', 'https://front.mathakine.test'] },
    http: {
      bodyLimitBytes: 1_048_576,
      trustedProxyHops: options.trustedProxyHops ?? 0,
      secureHeaders: true,
      shutdownTimeoutMs: 1_000,
      idleGcSeconds: 0,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      metricsToken: null,
    },
  };
  const { app, legacyRoutes } = createApiApp(
    { core, config: apiConfig, log, registry: new Registry() },
    { validateLegacyResponses: true },
  );
  const metrics = createApiMetrics(new Registry());
  const caller = (ctx: Partial<TrpcContext> = {}) =>
    createCaller({
      actor: null,
      log,
      requestId: 'test',
      core,
      exposeInternalErrors: true,
      metrics,
      ...ctx,
    });
  const ctx: Ctx = { actor: null, log, requestId: 'test' };
  return { app, legacyRoutes, core, db, prisma, clock, caller, ctx, log };
};

export type AccountsApp = Awaited<ReturnType<typeof createAccountsApp>>;

/** Parsed `Set-Cookie` headers of a response, by cookie name. */
export const setCookies = (
  res: Response,
): Record<string, { value: string; attributes: string }> => {
  const out: Record<string, { value: string; attributes: string }> = {};
  for (const header of res.headers.getSetCookie()) {
    const [pair = '', ...rest] = header.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq).trim()] = {
      value: decodeURIComponent(pair.slice(eq + 1)),
      attributes: rest.map((a) => a.trim()).join('; '),
    };
  }
  return out;
};

export const cookieHeader = (cookies: Record<string, string>): string =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** JSON request init with the frontend's headers. */
export const json = (
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** An in-memory cookie jar for `createCaller` (what a browser would keep). */
export const memoryHttp = (
  clientIp = '203.0.113.7',
): TrpcHttp & { jar: Map<string, string>; lastOptions: Map<string, unknown> } => {
  const jar = new Map<string, string>();
  const lastOptions = new Map<string, unknown>();
  const cookies: CookieJar = {
    get: (name) => jar.get(name),
    set: (name, value, opts) => {
      jar.set(name, value);
      lastOptions.set(name, opts);
    },
    delete: (name, opts) => {
      jar.delete(name);
      lastOptions.set(name, { ...opts, deleted: true });
    },
  };
  return { clientIp, userAgent: 'vitest', cookies, productionCookies: false, jar, lastOptions };
};

export const PASSWORD = 'Padawan2026';

/** Registers (verified or not) and logs in through the legacy routes; returns the cookies. */
export const signUpAndLogin = async (
  t: AccountsApp,
  username = 'luke_s',
  options: { verified?: boolean } = {},
): Promise<{ cookies: Record<string, string>; userId: number; accessToken: string }> => {
  const email = `${username.toLowerCase()}@example.org`;
  await t.core.users.register(
    t.ctx,
    { username, email, password: PASSWORD },
    { ip: '127.0.0.1', userAgent: null },
  );
  if (options.verified ?? true)
    await t.prisma.user.update({ where: { username }, data: { isEmailVerified: true } });
  const res = await t.app.request(
    '/api/auth/login',
    json('POST', { username, password: PASSWORD }),
  );
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; user: { id: number } };
  const set = setCookies(res);
  return {
    cookies: {
      access_token: set.access_token?.value ?? '',
      refresh_token: set.refresh_token?.value ?? '',
    },
    userId: body.user.id,
    accessToken: body.access_token,
  };
};

export { movableClock };
