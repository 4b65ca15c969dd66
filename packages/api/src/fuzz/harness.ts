/**
 * What both fuzz suites share: the app (real core, real database, every reply checked against its
 * declared schema), the callers a case runs as, and the checks every answer must pass. Test-only.
 */
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { expect } from 'vitest';
import { z } from 'zod';

import { createExercise } from '@mathakine/core/testing';

import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from '../http/auth-cookies.ts';
import { ZLegacyErrorBody } from '../legacy/legacy-error.ts';
import { ZPydanticError } from '../legacy/pydantic.ts';
import type { RegisteredRoute } from '../rest/router.ts';
import {
  cookieHeader,
  createAccountsApp,
  PASSWORD,
  type AccountsApp,
} from '../testing/accounts.ts';

/**
 * Cases per route and per procedure (issue 14: "hundreds per route" for the whole suite; 150 keeps the
 * two files under a few minutes on a busy 2-core machine). Each route has its own fixed seed.
 */
export const FUZZ_RUNS = 150;

/** Text that betrays internals: stack frames, SQL, Prisma, driver and runtime error messages. */
export const INTERNAL_TEXT =
  /\bat [\w.<>$]+ \(|node:internal|\.[cm]?[jt]s:\d+:\d+|PrismaClient|Invalid `prisma|prisma\.\w+\(|SELECT [\w*," ]+ FROM|INSERT INTO|violates [\w ]*constraint|Maximum call stack|is not iterable|Cannot read propert|is not a function|TypeError|ReferenceError|RangeError|SyntaxError|Unexpected token|DriverAdapterError|ECONNREFUSED|duplicate key value/;

export const EVIL_ORIGIN = 'https://evil.example';
export const ALLOWED_ORIGIN = 'http://localhost:3000';

/** Who a case runs as. */
export interface FuzzCaller {
  name: 'anonymous' | 'learner' | 'admin' | 'ghost' | 'forged';
  accessToken: string | null;
  refreshToken: string | null;
}

export const createFuzzApp = async (): Promise<AccountsApp> => {
  const t = await createAccountsApp();
  // A few rows for the ids the fuzzer favours (1, 2, 3).
  for (let i = 0; i < 3; i += 1) await createExercise(t.prisma, {});
  return t;
};

let serial = 0;

/** Registers, verifies and logs in a fresh account through core; returns its tokens. */
const signIn = async (t: AccountsApp, role: 'PADAWAN' | 'ARCHIVISTE') => {
  serial += 1;
  const username = `fuzz_${role.toLowerCase()}_${serial}`;
  await t.core.users.register(
    t.ctx,
    { username, email: `${username}@example.org`, password: PASSWORD },
    { ip: '127.0.0.1', userAgent: null },
  );
  await t.prisma.user.update({ where: { username }, data: { isEmailVerified: true, role } });
  const login = await t.core.auth.login(
    t.ctx,
    { username, password: PASSWORD },
    { ip: '127.0.0.1', userAgent: 'fuzz' },
  );
  return { username, accessToken: login.accessToken, refreshToken: login.refreshToken };
};

/**
 * The callers of one route's cases, fresh for each route (a case may log out, change the password or
 * delete the account): anonymous, a verified learner, an administrator, a "ghost" whose account was
 * deleted while its session is cached (another instance deleted it), and a forged token.
 */
export const fuzzCallers = async (t: AccountsApp): Promise<FuzzCaller[]> => {
  const learner = await signIn(t, 'PADAWAN');
  const admin = await signIn(t, 'ARCHIVISTE');
  const ghost = await signIn(t, 'PADAWAN');
  // The ghost's session is resolved once (now cached), then its account disappears underneath.
  await t.core.auth.resolveAccessToken(ghost.accessToken);
  await t.prisma.user.delete({ where: { username: ghost.username } });
  return [
    { name: 'anonymous', accessToken: null, refreshToken: null },
    { name: 'learner', ...learner },
    { name: 'admin', ...admin },
    { name: 'ghost', ...ghost },
    { name: 'forged', accessToken: `${learner.accessToken.slice(0, -4)}AAAA`, refreshToken: 'x' },
  ];
};

export interface CallerHeaderOptions {
  bearer: boolean;
  origin: string | null;
  contentType: string | null;
}

/** The headers of a browser-like (cookies + CSRF pair) or API-like (Bearer) call. */
export const callerHeaders = (
  caller: FuzzCaller,
  options: CallerHeaderOptions,
): Record<string, string> => {
  const csrf = 'fuzz-csrf-token';
  const cookies: Record<string, string> = { [CSRF_COOKIE]: csrf };
  const headers: Record<string, string> = { [CSRF_HEADER]: csrf };
  if (caller.accessToken !== null) {
    if (options.bearer) headers.Authorization = `Bearer ${caller.accessToken}`;
    else cookies[ACCESS_COOKIE] = caller.accessToken;
  }
  if (caller.refreshToken !== null) cookies[REFRESH_COOKIE] = caller.refreshToken;
  headers.Cookie = cookieHeader(cookies);
  if (options.origin !== null) headers.Origin = options.origin;
  if (options.contentType !== null) headers['Content-Type'] = options.contentType;
  return headers;
};

const ZPydanticBody = z.object({ detail: z.array(ZPydanticError) });

/** Every legacy answer: no 5xx, the legacy error body (or the route's pydantic 422), no internals. */
/**
 * 503 is not a failure of the server but the documented answer of an unavailable dependency (the
 * database, or the AI provider without a key) or of maintenance; any other 5xx is.
 */
const UNAVAILABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE', 'MAINTENANCE']);
const isDocumentedUnavailable = (status: number, text: string) => {
  if (status !== 503) return false;
  return [...UNAVAILABLE_CODES].some((code) => text.includes(`"${code}"`));
};

const expectNoServerFailure = (res: Response, text: string, label: string) => {
  if (isDocumentedUnavailable(res.status, text)) return;
  expect(res.status, `${label} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
};

export const checkLegacyAnswer = async (res: Response, route: RegisteredRoute, label: string) => {
  const text = await res.text();
  expectNoServerFailure(res, text, label);
  expect(text, label).not.toMatch(INTERNAL_TEXT);
  if (res.status < 400) return;
  if (res.status === 405) {
    expect(text, label).toBe('Method Not Allowed');
    return;
  }
  const body = JSON.parse(text) as unknown;
  if (
    route.body?.style === 'pydantic' &&
    res.status === 422 &&
    ZPydanticBody.safeParse(body).success
  ) {
    return;
  }
  const legacy = ZLegacyErrorBody.parse(body);
  expect(legacy.error, label).toBe(legacy.message);
};

const ZTrpcError = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      code: z.number(),
      data: z.looseObject({ code: z.string(), httpStatus: z.number() }),
    }),
  }),
});
const ZTrpcResult = z.object({ result: z.object({ data: z.unknown() }) });
const ZTrpcAnswer = z.union([ZTrpcError, ZTrpcResult]);

/** Every tRPC answer: no 5xx, the tRPC envelope (each item of a batch), no internals. */
export const checkTrpcAnswer = async (res: Response, label: string) => {
  const text = await res.text();
  expectNoServerFailure(res, text, label);
  expect(text, label).not.toMatch(INTERNAL_TEXT);
  // A subscription answers an SSE stream (its errors are `serialized-error` events, checked above for
  // internals); everything else is JSON in the tRPC envelope.
  if ((res.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) return;
  const body = JSON.parse(text) as unknown;
  const items = Array.isArray(body) ? body : [body];
  for (const item of items) {
    const parsed = ZTrpcAnswer.safeParse(item);
    expect(parsed.success, `${label}: not a tRPC envelope: ${text.slice(0, 300)}`).toBe(true);
  }
};

/** Every procedure of a router, with its type and input schemas (tRPC's own records, flat paths). */
export const proceduresOf = (router: AnyTRPCRouter) =>
  Object.entries(router._def.procedures as Record<string, AnyTRPCProcedure>).map(
    ([path, procedure]) => {
      const def = procedure._def as unknown as { type: string; inputs: unknown[] };
      return {
        path,
        type: def.type,
        inputs: def.inputs.filter((i): i is z.ZodType => i instanceof z.ZodType),
      };
    },
  );

export type FuzzProcedure = ReturnType<typeof proceduresOf>[number];
