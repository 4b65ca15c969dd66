import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { z } from 'zod';

import { AppError } from '@mathakine/core';
import { createTestDatabase } from '@mathakine/core/testing';

import { jsonBody } from './legacy/body.ts';
import { ACCESS_LINE_FIELDS } from './middleware/request-context.ts';
import type { LegacyRoutesModule } from './rest/index.ts';
import { ok } from './rest/reply.ts';
import { defineRoute, defineRoutes } from './rest/route.ts';
import { capturingLogger, createTestApp, signedInAs, testActor } from './testing/index.ts';

const ZOk = z.object({ ok: z.literal(true) });

/** Test-only legacy routes exercising the shared machinery (guards, body reader, errors). */
const testRoutes: LegacyRoutesModule = defineRoutes({
  feature: 'test',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/test/items',
      guard: 'user',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => ok({ ok: true }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/test/items',
      guard: 'user',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => ok({ ok: true }),
    }),
    defineRoute({
      method: 'GET',
      path: '/test/items/:id{[0-9]+}',
      guard: 'user',
      summary: 'fixture',
      params: z.object({ id: z.coerce.number() }),
      responses: { 200: z.object({ id: z.number() }) },
      errors: [],
      handler: ({ params }) => ok({ id: params.id }),
    }),
    defineRoute({
      method: 'GET',
      path: '/test/full',
      guard: 'user+full',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => ok({ ok: true }),
    }),
    defineRoute({
      method: 'GET',
      path: '/test/admin',
      guard: 'admin',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => ok({ ok: true }),
    }),
    defineRoute({
      method: 'GET',
      path: '/test/boom',
      guard: 'user',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => {
        throw new Error('secret internal detail: password=hunter2');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/test/maintenance',
      guard: 'user',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [],
      handler: () => {
        throw new AppError('MAINTENANCE', 'Le temple est en maintenance. Réessayez plus tard.');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/test/conflict',
      guard: 'user',
      summary: 'fixture',
      responses: { 200: ZOk },
      errors: [409],
      handler: () => {
        throw new AppError('CONFLICT', 'Déjà pris');
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/test/echo',
      guard: 'user',
      summary: 'fixture',
      body: jsonBody(z.object({ name: z.string().max(10) }), {
        required: [{ field: 'name', message: 'Le nom est requis' }],
        invalidMessage: 'Nom invalide',
      }),
      responses: { 200: z.object({ name: z.string() }) },
      errors: [400, 422],
      handler: ({ body }) => ok({ name: body.name }),
    }),
  ],
});

describe('probes', () => {
  it('/health answers plain ok with a request id', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('X-Request-ID')).toMatch(/^[A-Za-z0-9._-]{12}$/);
  });

  it('writes one access line per request, with exactly its fields', async () => {
    const logger = capturingLogger();
    const { app } = await createTestApp({
      log: logger.log,
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor({ userId: 42 })),
    });
    await app.request('/health', { headers: { 'X-Request-ID': 'acc-1' } });
    await app.request('/api/test/items/7?x=1', { headers: { 'X-Request-ID': 'acc-2' } });
    await app.request('/api/test/boom', { headers: { 'X-Request-ID': 'acc-3' } });
    const access = logger.lines.filter((l) => l.msg === 'request');
    expect(access.map((l) => Object.keys(l))).toEqual(
      Array.from({ length: 3 }, () => [
        'level',
        'time',
        'pid',
        'hostname',
        ...ACCESS_LINE_FIELDS,
        'msg',
      ]),
    );
    expect(
      access.map(({ requestId, method, path, status, userId }) => [
        requestId,
        method,
        path,
        status,
        userId,
      ]),
    ).toEqual([
      ['acc-1', 'GET', '/health', 200, 42],
      ['acc-2', 'GET', '/api/test/items/7', 200, 42],
      ['acc-3', 'GET', '/api/test/boom', 500, 42],
    ]);
    expect(access.every((l) => l.level === 30 && typeof l.durationMs === 'number')).toBe(true);
  });

  it('echoes a safe incoming request id and replaces an unsafe one', async () => {
    const { app } = await createTestApp();
    const safe = await app.request('/health', { headers: { 'X-Request-ID': 'front-123.abc' } });
    expect(safe.headers.get('X-Request-ID')).toBe('front-123.abc');
    for (const unsafe of ['bad id<script>', 'a=b', 'x'.repeat(65)]) {
      const res = await app.request('/health', { headers: { 'X-Request-ID': unsafe } });
      expect(res.headers.get('X-Request-ID')).toMatch(/^[A-Za-z0-9._-]{12}$/);
    }
  });

  it('/robots.txt disallows everything', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/robots.txt');
    expect(await res.text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('/ready answers 200 while the database answers and 503 once it is down', async () => {
    // Its own database: this test takes it down (closed on PGlite, dropped on PostgreSQL).
    const { db, dispose } = await createTestDatabase();
    const { app } = await createTestApp({ db });
    const up = await app.request('/ready');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      ready: true,
      checks: { database: 'ok', rateLimitStore: 'memory' },
    });
    await dispose();
    const down = await app.request('/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      ready: false,
      checks: { database: 'down', rateLimitStore: 'memory' },
    });
  });
});

describe('security headers and CORS', () => {
  it('adds the four legacy security headers', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/health');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('X-XSS-Protection')).toBe('1; mode=block');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('adds HSTS in production only', async () => {
    const { app } = await createTestApp({ config: { isProduction: true } });
    const res = await app.request('/health');
    expect(res.headers.get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('keeps CORS, security headers and the request id on a 500', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const res = await app.request('/api/test/boom', {
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('X-Request-ID')).toMatch(/^[A-Za-z0-9._-]{12}$/);
  });

  it('allows configured origins with credentials and exposes X-Request-ID', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/health', { headers: { Origin: 'http://localhost:3000' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-ID');
  });

  it('every kind of response carries the request id, the security and the CORS headers once', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
      config: { isProduction: true },
    });
    const origin = 'http://localhost:3000';
    const cases: [
      string,
      { method?: string; headers?: Record<string, string> },
      number,
      string?,
    ][] = [
      ['/health', {}, 200],
      ['/api/test/items', {}, 200],
      ['/api/test/items/?a=1', {}, 307],
      ['/api/test/items', { method: 'DELETE' }, 405],
      ['/api/test/admin', {}, 403],
      ['/api/test/boom', {}, 500],
      ['/nowhere', {}, 404],
      ['/trpc/system.ping', {}, 200],
      ['/trpc/nope.nothing', {}, 404],
      ['/docs', {}, 200],
      [
        '/api/auth/login',
        { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST' } },
        204,
        'Origin, Access-Control-Request-Headers',
      ],
    ];
    for (const [path, init, status, vary = 'Origin'] of cases) {
      const res = await app.request(path, {
        ...init,
        headers: { Origin: origin, 'X-Request-ID': 'req-1', ...init.headers },
      });
      const where = `${init.method ?? 'GET'} ${path}`;
      expect(res.status, where).toBe(status);
      expect(
        [
          'X-Request-ID',
          'X-Content-Type-Options',
          'X-Frame-Options',
          'X-XSS-Protection',
          'Referrer-Policy',
          'Strict-Transport-Security',
          'Access-Control-Allow-Origin',
          'Access-Control-Allow-Credentials',
          'Access-Control-Expose-Headers',
          'Vary',
        ].map((name) => `${name}: ${res.headers.get(name) ?? '(none)'}`),
        where,
      ).toEqual([
        'X-Request-ID: req-1',
        'X-Content-Type-Options: nosniff',
        'X-Frame-Options: DENY',
        'X-XSS-Protection: 1; mode=block',
        'Referrer-Policy: strict-origin-when-cross-origin',
        'Strict-Transport-Security: max-age=31536000; includeSubDomains',
        `Access-Control-Allow-Origin: ${origin}`,
        'Access-Control-Allow-Credentials: true',
        'Access-Control-Expose-Headers: X-Request-ID',
        `Vary: ${vary}`,
      ]);
    }
  });

  it('answers preflights with the legacy methods and headers, and ignores unknown origins', async () => {
    const { app } = await createTestApp();
    const preflight = await app.request('/api/auth/login', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe(
      'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    );
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('X-CSRF-Token');
    expect(preflight.headers.get('Access-Control-Max-Age')).toBe('600');
    const foreign = await app.request('/health', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('legacy REST error bodies', () => {
  it('404 outside /api carries the path', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "code": "NOT_FOUND",
        "error": "The requested resource does not exist.",
        "message": "The requested resource does not exist.",
        "path": "/nowhere",
      }
    `);
  });

  it('an anonymous call to any non-public /api path, unknown ones included, is 401', async () => {
    const { app } = await createTestApp({ legacyModules: [testRoutes] });
    for (const path of ['/api/unknown', '/api/test/items', '/api/users/me']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({
        code: 'UNAUTHORIZED',
        message: 'Authentication required',
        error: 'Authentication required',
      });
    }
  });

  it('a bad token gets "Invalid or expired token"', async () => {
    const { app } = await createTestApp({ legacyModules: [testRoutes] });
    const res = await app.request('/api/test/items', {
      headers: { Cookie: 'access_token=garbage' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Invalid or expired token' });
  });

  it('an authenticated unknown /api path is the legacy 404 with its path', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const res = await app.request('/api/unknown/thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'The requested resource does not exist.',
      error: 'The requested resource does not exist.',
      path: '/api/unknown/thing',
    });
  });

  it('405 is plain text with the Allow header of the first route for that path', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const res = await app.request('/api/test/items', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(await res.text()).toBe('Method Not Allowed');
    expect(res.headers.get('Allow')).toBe('GET, PUT, HEAD');
  });

  it('redirects the other trailing-slash form with 307, keeping the query', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const res = await app.request('/api/test/items/?a=1');
    expect(res.status).toBe(307);
    expect(
      new URL(res.headers.get('Location') ?? '').pathname +
        new URL(res.headers.get('Location') ?? '').search,
    ).toBe('/api/test/items?a=1');
  });

  it('integer path parameters match digits only', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    expect(await (await app.request('/api/test/items/42')).json()).toEqual({ id: 42 });
    expect((await app.request('/api/test/items/abc')).status).toBe(404);
  });

  it('413 for a body over the limit, in the legacy body', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
      config: { http: { bodyLimitBytes: 64 } },
    });
    const res = await app.request('/api/test/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(200) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "code": "HTTP_413",
        "error": "Corps de requête trop volumineux.",
        "message": "Corps de requête trop volumineux.",
      }
    `);
  });

  it('500 carries the request id as trace_id, never the internal message, and is reported once', async () => {
    const reportError = vi.fn();
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
      reportError,
    });
    const res = await app.request('/api/test/boom', { headers: { 'X-Request-ID': 'trace-me-1' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchInlineSnapshot(`
      {
        "code": "INTERNAL_ERROR",
        "error": "An internal server error occurred. Please try again later.",
        "message": "An internal server error occurred. Please try again later.",
        "path": "/api/test/boom",
        "trace_id": "trace-me-1",
      }
    `);
    expect(res.headers.get('X-Request-ID')).toBe('trace-me-1');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(reportError).toHaveBeenCalledTimes(1);
    expect(reportError.mock.calls[0]?.[1]).toMatchObject({
      requestId: 'trace-me-1',
      transport: 'rest',
    });
  });

  it('a maintenance 503 is answered in the legacy body but never reported as a failure', async () => {
    const reportError = vi.fn();
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
      reportError,
    });
    const res = await app.request('/api/test/maintenance');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(reportError).not.toHaveBeenCalled();
  });

  it('a domain error takes its status from the table and is not reported', async () => {
    const reportError = vi.fn();
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
      reportError,
    });
    const res = await app.request('/api/test/conflict');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: 'HTTP_409',
      message: 'Déjà pris',
      error: 'Déjà pris',
    });
    expect(reportError).not.toHaveBeenCalled();
  });
});

describe('guard levels on REST', () => {
  it('user+full refuses an unverified account past its grace period with the code the frontend expects', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor({ accessScope: 'exercises_only' })),
    });
    const res = await app.request('/api/test/full');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: 'EMAIL_VERIFICATION_REQUIRED',
      message: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
      error: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
    });
    const ok = await app.request('/api/test/items');
    expect(ok.status).toBe(200);
  });

  it('admin requires the archiviste role', async () => {
    const padawan = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const refused = await padawan.app.request('/api/test/admin');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Droits insuffisants',
    });
    const admin = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor({ role: 'archiviste' })),
    });
    expect((await admin.app.request('/api/test/admin')).status).toBe(200);
  });
});

describe('the legacy body reader (api-rest-core §1.4)', () => {
  const post = async (body: string | undefined, contentType = 'application/json') => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    const res = await app.request('/api/test/echo', {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      ...(body === undefined ? {} : { body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers 422 to a missing or malformed body', async () => {
    for (const body of [undefined, '', '{not json']) {
      expect(await post(body)).toEqual({
        status: 422,
        body: {
          code: 'VALIDATION_ERROR',
          message: 'Corps de requête JSON invalide ou manquant',
          error: 'Corps de requête JSON invalide ou manquant',
        },
      });
    }
  });

  it('answers 400 to JSON that is not an object', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Le corps doit être un objet JSON');
    }
  });

  it('answers the route message for a missing, null or blank required field', async () => {
    for (const body of ['{}', '{"name":null}', '{"name":"   "}']) {
      const res = await post(body);
      expect(res).toEqual({
        status: 400,
        body: { code: 'BAD_REQUEST', message: 'Le nom est requis', error: 'Le nom est requis' },
      });
    }
  });

  it('answers 400 with the route message when the schema refuses a value, and parses a good body', async () => {
    expect((await post('{"name":"far too long a name"}')).body.message).toBe('Nom invalide');
    expect(await post('{"name":"Luke"}')).toEqual({ status: 200, body: { name: 'Luke' } });
  });
});

describe('maintenance exemptions declared by the modules', () => {
  it('a module area declared exempt answers in maintenance, unknown paths below it included', async () => {
    const backOffice = defineRoutes({
      feature: 'back-office-fixture',
      area: { prefix: '/back-office', maintenanceExempt: true },
      routes: [
        defineRoute({
          method: 'GET',
          path: '/back-office/ping',
          guard: 'admin',
          summary: 'fixture',
          responses: { 200: ZOk },
          errors: [],
          handler: () => ok({ ok: true }),
        }),
      ],
    });
    const { app, core } = await createTestApp({
      legacyModules: [testRoutes, backOffice],
      resolveAuth: signedInAs(testActor({ role: 'archiviste' })),
    });
    await core.settings.setSwitch('maintenance_mode', true);
    onTestFinished(() => core.settings.setSwitch('maintenance_mode', false));
    expect((await app.request('/api/back-office/ping')).status).toBe(200);
    expect((await app.request('/api/back-office/nothing-here')).status).toBe(404);
    expect((await app.request('/api/test/items')).status).toBe(503);
  });
});

describe('metrics', () => {
  it('exposes the legacy series with route-template labels and unmatched paths folded', async () => {
    const { app } = await createTestApp({
      legacyModules: [testRoutes],
      resolveAuth: signedInAs(testActor()),
    });
    await app.request('/health');
    await app.request('/api/test/items/7');
    await app.request('/scanner/probe.php');
    await app.request('/trpc/system.ping');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(
      'mathakine_http_requests_total{method="GET",path="/health",status="200"} 1',
    );
    expect(text).toContain(
      'mathakine_http_requests_total{method="GET",path="/api/test/items/{id}",status="200"} 1',
    );
    expect(text).toContain(
      'mathakine_http_requests_total{method="GET",path="unmatched",status="404"} 1',
    );
    expect(text).toContain(
      'mathakine_http_request_duration_seconds_bucket{le="0.01",method="GET",path="/health"}',
    );
    expect(text).toContain(
      'mathakine_trpc_procedure_duration_seconds_count{path="system.ping",type="query",code="OK"} 1',
    );
    expect(text).not.toContain('probe.php');
  });

  it('requires the bearer token when METRICS_TOKEN is configured', async () => {
    const { app } = await createTestApp({ config: { http: { metricsToken: 's3cret-token' } } });
    expect((await app.request('/metrics')).status).toBe(401);
    const ok = await app.request('/metrics', { headers: { Authorization: 'Bearer s3cret-token' } });
    expect(ok.status).toBe(200);
  });
});
