// Issue 14: the faults found by the robustness assessment, each reproduced on the wire of both
// transports. The fuzz suite (fuzz/*.fuzz.http.test.ts) covers every route and procedure at random; these
// are the named cases, exact.
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import { DATABASE_UNAVAILABLE_MESSAGE } from '@mathakine/core';
import { createExercise, createUnreachableDatabase } from '@mathakine/core/testing';
import { testCoreConfig } from '@mathakine/core/testing/accounts';

import { TRPC_MAX_BATCH_SIZE } from './app.ts';
import { BODY_UNREADABLE_MESSAGE, INPUT_REFUSED_MESSAGE } from './http/input-guard.ts';
import { MAINTENANCE_MESSAGE } from './middleware/maintenance.ts';
import { cookieHeader, createAccountsApp, json, signUpAndLogin } from './testing/accounts.ts';
import { capturingLogger, createTestApp, signTestToken } from './testing/index.ts';
import { META_REFUSED_MESSAGE } from './trpc/transformer.ts';

interface TrpcErrorBody {
  error: { json: { message: string; code: number; data: Record<string, unknown> } };
}

const trpcGet = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Internal text that must never reach a client. */
const INTERNAL_TEXT =
  /stack|prisma|postgres|SELECT |Maximum call stack|is not iterable|Cannot read|TypeError|RangeError|\.ts:\d+/i;

describe('a database outage (faults 1–2)', () => {
  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After on both transports, warns once, reports nothing', async () => {
    const db = await createUnreachableDatabase();
    onTestFinished(() => db.close());
    const capture = capturingLogger();
    const reportError = vi.fn();
    const config = testCoreConfig();
    const { app, registry } = await createTestApp({
      db,
      log: capture.log,
      reportError,
      coreDeps: { config },
    });
    const token = signTestToken(config.secretKey, {
      sub: 'luke',
      role: 'padawan',
      type: 'access',
      sid: 1,
      uid: 1,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3_600,
      jti: 'outage',
    });
    const bearer = { Authorization: `Bearer ${token}` };

    // REST, anonymous (the route's query fails) and signed in (the session lookup fails first).
    for (const init of [{}, { headers: bearer }]) {
      const res = await app.request('/api/exercises', init);
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('5');
      expect(await res.json()).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        message: DATABASE_UNAVAILABLE_MESSAGE,
        error: DATABASE_UNAVAILABLE_MESSAGE,
      });
    }
    // tRPC: inside a procedure, and in the auth middleware before it.
    for (const [path, headers] of [
      ['exercises.list', {}],
      ['users.me', bearer],
    ] as const) {
      const res = await app.request(trpcGet(path, {}), { headers });
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('5');
      const body = (await res.json()) as TrpcErrorBody;
      expect(body.error.json.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      expect(body.error.json.data).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        appCode: 'DEPENDENCY_UNAVAILABLE',
        path,
      });
    }

    // One warning for the burst, no error line, nothing reported, every refusal counted.
    const outageWarnings = capture.warnings().filter((l) => l.msg.includes('unavailable'));
    expect(outageWarnings).toHaveLength(1);
    expect(outageWarnings[0]).toMatchObject({ dependency: 'database' });
    expect(capture.errors()).toEqual([]);
    expect(reportError).not.toHaveBeenCalled();
    expect(await registry.metrics()).toContain(
      'mathakine_dependency_unavailable_total{dependency="database"} 4',
    );
  });
});

describe('hostile input never yields a 5xx (fault 5)', () => {
  const setup = async () => {
    const t = await createAccountsApp();
    const { cookies, userId } = await signUpAndLogin(t, 'hostile_user');
    const exercise = await createExercise(t.prisma, {});
    return { t, userId, exercise, auth: { Cookie: cookieHeader(cookies) } };
  };

  const expectRefused = async (res: Response) => {
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'BAD_REQUEST',
      message: INPUT_REFUSED_MESSAGE,
      error: INPUT_REFUSED_MESSAGE,
    });
  };

  it('refuses NUL characters, lone surrogates and deep nesting with one legacy 400', async () => {
    const { t, exercise, auth } = await setup();
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const put = (body: string) =>
      t.app.request('/api/users/me', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...auth },
        body,
      });
    await expectRefused(await t.app.request('/api/exercises?search=a%00b'));
    await expectRefused(
      await t.app.request(
        `/api/exercises/${exercise.id}/attempt`,
        json('POST', { answer: 'a\u0000b' }, auth),
      ),
    );
    await expectRefused(
      await t.app.request(`/api/exercises/${exercise.id}/attempt`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: `{"answer":"5","x":${deep}}`,
      }),
    );
    await expectRefused(await put('{"accessibility_settings":{"theme":"x\\udc00y"}}'));
    await expectRefused(await put(`{"accessibility_settings":{"a":${deep}}}`));
    // Paired surrogates (emoji) are ordinary text.
    const emoji = await put('{"accessibility_settings":{"theme":"\\ud83d\\ude00 😀"}}');
    expect(emoji.status).toBe(200);
  });

  it('answers 400, never a 5xx, when the body cannot be read (the client stopped sending)', async () => {
    const capture = capturingLogger();
    const reportError = vi.fn();
    const { app } = await createTestApp({ log: capture.log, reportError });
    const broken = () =>
      new ReadableStream<Uint8Array>({
        start: (controller) => {
          controller.enqueue(new TextEncoder().encode('{"answer":'));
          controller.error(new Error('aborted'));
        },
      });
    for (const path of ['/api/auth/login', '/trpc/auth.login']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: broken(),
        duplex: 'half',
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(BODY_UNREADABLE_MESSAGE);
    }
    expect(reportError).not.toHaveBeenCalled();
  });

  it('refuses the same on tRPC, in the tRPC envelope, batches included', async () => {
    const { t, auth } = await setup();
    const single = await t.app.request(trpcGet('exercises.list', { search: 'a\u0000b' }));
    expect(single.status).toBe(400);
    const body = (await single.json()) as TrpcErrorBody;
    expect(body.error.json).toMatchObject({
      message: INPUT_REFUSED_MESSAGE,
      data: { code: 'BAD_REQUEST', appCode: 'INVALID_INPUT', path: 'exercises.list' },
    });
    const batch = await t.app.request(
      `/trpc/exercises.list,system.ping?batch=1&input=${encodeURIComponent(
        JSON.stringify({ 0: { json: { search: 'x\ud800' } } }),
      )}`,
    );
    expect(batch.status).toBe(400);
    const items = (await batch.json()) as TrpcErrorBody[];
    expect(items.map((i) => i.error.json.data.path)).toEqual(['exercises.list', 'system.ping']);
    const deep = await t.app.request('/trpc/users.update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: `{"json":{"accessibilitySettings":{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}}}`,
    });
    expect(deep.status).toBe(400);
  });

  it('refuses a crafted superjson meta with its own message, never a runtime one', async () => {
    const { t } = await setup();
    for (const input of [
      '{"json":{"a":{}},"meta":{"referentialEqualities":[["a"]]}}',
      '{"json":{"a":1},"meta":{"values":{"a":["map"]}}}',
      '{"json":{"echo":"x"},"meta":{"values":{"echo":[["custom","x"]]}}}',
      JSON.stringify({
        json: {},
        meta: {
          values: Object.fromEntries(
            Array.from({ length: 1_000 }, (_, i) => [`k${i}`, ['undefined']]),
          ),
        },
      }),
      '{"json":{},"meta":[1]}',
    ]) {
      const res = await t.app.request(`/trpc/system.ping?input=${encodeURIComponent(input)}`);
      expect(res.status, input.slice(0, 60)).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(INTERNAL_TEXT);
      expect((JSON.parse(text) as TrpcErrorBody).error.json.message).toBe(META_REFUSED_MESSAGE);
    }
    const badJson = await t.app.request('/trpc/auth.login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"json":',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.text()).not.toMatch(INTERNAL_TEXT);
  });

  it('treats a validly signed token naming an impossible session (sid ≥ 2³¹) as invalid', async () => {
    const { t, userId } = await setup();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    for (const sid of [2 ** 31, 2 ** 53, 1.5, -1]) {
      const token = signTestToken(testCoreConfig().secretKey, {
        sub: 'hostile_user',
        role: 'padawan',
        type: 'access',
        sid,
        uid: userId,
        iat: now,
        exp: now + 600,
        jti: `sid-${sid}`,
      });
      const headers = { Authorization: `Bearer ${token}` };
      expect((await t.app.request('/api/users/me', { headers })).status, String(sid)).toBe(401);
      expect((await t.app.request('/trpc/users.me', { headers })).status, String(sid)).toBe(401);
    }
  });
});

describe('tRPC clients get tRPC-shaped errors from the Hono middleware (fault 6)', () => {
  it('origin guard 403, body limit 413 and maintenance 503 answer in the tRPC envelope', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t, 'envelope_user');
    const cases: [RequestInit & { path: string }, number, string][] = [
      [
        {
          path: '/trpc/users.update',
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Origin: 'https://evil.example',
            Cookie: cookieHeader(cookies),
          },
          body: '{"json":{}}',
        },
        403,
        'FORBIDDEN',
      ],
      [
        {
          path: '/trpc/system.ping',
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"json":"${'x'.repeat(1_100_000)}"}`,
        },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [{ path, ...init }, status, code] of cases) {
      const res = await t.app.request(path, init);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as TrpcErrorBody;
      expect(body.error.json.data).toMatchObject({ code, httpStatus: status });
    }

    await t.core.settings.setSwitch('maintenance_mode', true);
    onTestFinished(() => t.core.settings.setSwitch('maintenance_mode', false));
    const res = await t.app.request(trpcGet('exercises.list', {}));
    expect(res.status).toBe(503);
    const body = (await res.json()) as TrpcErrorBody;
    expect(body.error.json.message).toBe(MAINTENANCE_MESSAGE);
    expect(body.error.json.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      appCode: 'MAINTENANCE',
      path: 'exercises.list',
    });
  });

  it('bounds the batch size', async () => {
    const { app } = await createTestApp();
    const batch = (n: number) =>
      app.request(
        `/trpc/${Array.from({ length: n }, () => 'system.ping').join(',')}?batch=1&input=%7B%7D`,
      );
    expect((await batch(TRPC_MAX_BATCH_SIZE)).status).toBe(200);
    const refused = await batch(TRPC_MAX_BATCH_SIZE + 1);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as TrpcErrorBody).error.json.data.code).toBe('BAD_REQUEST');
  });
});
