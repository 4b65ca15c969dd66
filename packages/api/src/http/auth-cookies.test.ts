import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';

import { requestCookie } from './auth-cookies.ts';

describe('requestCookie', () => {
  it("reads what Hono's getCookie(c, name) reads, for every name", async () => {
    const headers = [
      'access_token=abc; csrf_token=x',
      'access_token=first; access_token=second',
      'access_token=bad value; access_token=good',
      ' csrf_token = "quoted" ;refresh_token=a%20b; =nameless; novalue',
      'refresh_token=%E0%A4%A; __proto__=p; constructor=c',
      '',
    ];
    const names = ['access_token', 'csrf_token', 'refresh_token', 'none'];
    const app = new Hono();
    app.get('/', (c) =>
      c.json(names.map((name) => [requestCookie(c, name) ?? null, getCookie(c, name) ?? null])),
    );
    for (const cookie of headers) {
      const res = await app.request('/', cookie ? { headers: { Cookie: cookie } } : {});
      const pairs = (await res.json()) as [string | null, string | null][];
      for (const [ours, hono] of pairs) expect(ours, cookie).toBe(hono);
    }
    const res = await app.request('/', {
      headers: { Cookie: 'access_token=first; access_token=second' },
    });
    expect(await res.json()).toContainEqual(['first', 'first']);
  });
});
