import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { AppError } from '@mathakine/core';

import { createTestApp, signedInAs, testActor } from '../testing/index.ts';
import { router } from './init.ts';
import { authedProcedure, publicProcedure } from './procedures.ts';
import { appRouter } from './routers/_app.ts';

/** Fixture procedures built with the real builders, mounted in place of the app router. */
const fixtureRouter = router({
  system: appRouter._def.record.system,
  fixtures: router({
    missing: publicProcedure.query(() => {
      throw new AppError('NOT_FOUND', 'Exercice introuvable', { details: { id: 9 } });
    }),
    crash: publicProcedure.query(() => {
      throw new Error('db password=hunter2 leaked');
    }),
    strict: publicProcedure
      .input(z.object({ n: z.number().int().min(1) }))
      .mutation(({ input }) => input.n),
    mine: authedProcedure.query(({ ctx }) => ctx.actor.userId),
  }),
});

interface TrpcErrorBody {
  error: { json: { message: string; code: number; data: Record<string, unknown> } };
}

const query = (path: string, input?: unknown) =>
  `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

describe('tRPC over HTTP', () => {
  it('system.ping proves the wire', async () => {
    const { app } = await createTestApp();
    const res = await app.request(query('system.ping', { echo: 'bonjour' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      result: { data: { json: { pong: boolean; echo: string } } };
    };
    expect(body.result.data.json).toMatchObject({ pong: true, echo: 'bonjour' });
  });

  it('maps an AppError to its table code, with appCode and details', async () => {
    const { app } = await createTestApp({ trpcRouter: fixtureRouter });
    const res = await app.request(query('fixtures.missing'));
    expect(res.status).toBe(404);
    const body = (await res.json()) as TrpcErrorBody;
    expect(body.error.json.message).toBe('Exercice introuvable');
    expect(body.error.json.data).toMatchObject({
      code: 'NOT_FOUND',
      appCode: 'NOT_FOUND',
      details: { id: 9 },
    });
  });

  it('answers 401 to an anonymous call of an authed procedure', async () => {
    const { app } = await createTestApp();
    const res = await app.request(query('system.whoami'));
    expect(res.status).toBe(401);
    const body = (await res.json()) as TrpcErrorBody;
    expect(body.error.json.data).toMatchObject({
      code: 'UNAUTHORIZED',
      appCode: 'UNAUTHENTICATED',
    });
  });

  it('answers 400 with a flattened zodError for bad input', async () => {
    const { app } = await createTestApp({ trpcRouter: fixtureRouter });
    const res = await app.request('/trpc/fixtures.strict', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { n: 0 } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as TrpcErrorBody;
    expect(body.error.json.data.code).toBe('BAD_REQUEST');
    expect(body.error.json.data.appCode).toBe('INVALID_INPUT');
    expect(body.error.json.data.zodError).toMatchObject({
      fieldErrors: { n: [expect.any(String)] },
    });
  });

  it('gives tRPC refusals without an AppError the AppErrorCode of their tRPC code', async () => {
    const { app } = await createTestApp();
    const unknown = await app.request(query('system.nope'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as TrpcErrorBody).error.json.data).toMatchObject({
      code: 'NOT_FOUND',
      appCode: 'NOT_FOUND',
      details: null,
    });
    const wrongMethod = await app.request('/trpc/system.ping', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: {} }),
    });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as TrpcErrorBody).error.json.data).toMatchObject({
      code: 'METHOD_NOT_SUPPORTED',
      appCode: 'INVALID_INPUT',
    });
  });

  it('never leaks an internal message in production, and reports the 5xx once', async () => {
    const reportError = vi.fn();
    const { app } = await createTestApp({
      trpcRouter: fixtureRouter,
      reportError,
      config: { isProduction: true },
    });
    const res = await app.request(query('fixtures.crash'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('stack');
    const body = JSON.parse(text) as TrpcErrorBody;
    expect(body.error.json.message).toBe('Une erreur est survenue. Veuillez réessayer.');
    expect(body.error.json.data).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      appCode: 'INTERNAL',
    });
    expect(reportError).toHaveBeenCalledTimes(1);
    expect(reportError.mock.calls[0]?.[1]).toMatchObject({
      transport: 'trpc',
      path: '/trpc/fixtures.crash',
    });
  });

  it('does not report 4xx', async () => {
    const reportError = vi.fn();
    const { app } = await createTestApp({ trpcRouter: fixtureRouter, reportError });
    await app.request(query('fixtures.missing'));
    expect(reportError).not.toHaveBeenCalled();
  });

  it('resolves the actor for authed procedures', async () => {
    const { app } = await createTestApp({
      trpcRouter: fixtureRouter,
      resolveAuth: signedInAs(testActor({ userId: 77 })),
    });
    const res = await app.request(query('fixtures.mine'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { json: 77 } } });
  });
});

describe('tRPC through createCaller', () => {
  it('rejects with the mapped code and keeps the AppError as cause', async () => {
    const { createCaller } = await createTestApp();
    const caller = createCaller({ actor: null });
    await expect(caller.system.whoami()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    });
    const authed = createCaller({ actor: testActor({ userId: 5, role: 'maitre' }) });
    expect(await authed.system.whoami()).toEqual({ userId: 5, role: 'maitre' });
  });
});
