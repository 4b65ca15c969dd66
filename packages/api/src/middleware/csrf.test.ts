import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { isAppError } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';
import { csrfOriginGuard, requireCsrfToken } from './csrf.ts';

const app = () => {
  const a = new Hono<ApiEnv>();
  a.use('*', csrfOriginGuard({ cors: { origins: ['http://localhost:3000'] } }));
  a.post('/api/x', (c) => c.text('ok'));
  a.delete('/api/x', (c) => c.text('ok'));
  a.post('/trpc/x', (c) => c.text('ok'));
  a.post('/api/csrf', (c) => {
    requireCsrfToken(c);
    return c.text('ok');
  });
  a.onError((err, c) => c.text(isAppError(err) ? err.message : 'boom', 403));
  return a;
};

describe('csrfOriginGuard', () => {
  const cookie = { Cookie: 'access_token=t' };
  it('lets cookie-less requests through whatever their type (login, Bearer clients)', async () => {
    expect(
      (await app().request('/api/x', { method: 'POST', headers: { 'Content-Type': 'text/plain' } }))
        .status,
    ).toBe(200);
  });
  it('requires JSON and an allowed Origin on cookie-authenticated mutations', async () => {
    const a = app();
    expect(
      (
        await a.request('/api/x', {
          method: 'POST',
          headers: { ...cookie, 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await a.request('/api/x', {
          method: 'POST',
          headers: {
            ...cookie,
            'Content-Type': 'application/json; charset=utf-8',
            Origin: 'http://localhost:3000',
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await a.request('/api/x', {
          method: 'POST',
          headers: { ...cookie, 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await a.request('/api/x', {
          method: 'POST',
          headers: { ...cookie, 'Content-Type': 'multipart/form-data; boundary=x' },
        })
      ).status,
    ).toBe(403);
    expect((await a.request('/api/x', { method: 'POST', headers: cookie })).status).toBe(403);
    expect(
      (
        await a.request('/trpc/x', {
          method: 'POST',
          headers: {
            ...cookie,
            'Content-Type': 'application/json',
            Origin: 'https://evil.example',
          },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await a.request('/api/x', {
          method: 'POST',
          headers: { ...cookie, 'Content-Type': 'application/json', Origin: 'null' },
        })
      ).status,
    ).toBe(403);
    expect((await a.request('/api/x', { method: 'DELETE', headers: cookie })).status).toBe(200);
  });
});

describe('requireCsrfToken (double submit)', () => {
  it('compares the header (trimmed) with the cookie', async () => {
    const a = app();
    const call = (headers: Record<string, string>) =>
      a.request('/api/csrf', { method: 'POST', headers });
    expect(await (await call({})).text()).toBe(
      'Token CSRF manquant. Rafraîchissez la page et réessayez.',
    );
    expect(await (await call({ Cookie: 'csrf_token=abc', 'X-CSRF-Token': 'abd' })).text()).toBe(
      'Token CSRF invalide. Rafraîchissez la page et réessayez.',
    );
    expect((await call({ Cookie: 'csrf_token=abc', 'X-CSRF-Token': ' abc ' })).status).toBe(200);
  });
});
