import superjson from 'superjson';
import { describe, expect, it } from 'vitest';

import { cookieHeader, createAccountsApp, PASSWORD, setCookies } from '../../testing/accounts.ts';

const mutation = (input: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(superjson.serialize(input)),
});

describe('accounts over the tRPC wire', () => {
  it('auth.login sets the legacy cookies; users.me reads them; auth.logout revokes', async () => {
    const t = await createAccountsApp();
    await t.core.users.register(
      t.ctx,
      { username: 'wire_user', email: 'wire@example.org', password: PASSWORD },
      { ip: '127.0.0.1', userAgent: null },
    );
    const login = await t.app.request(
      '/trpc/auth.login',
      mutation({ username: 'wire_user', password: PASSWORD }),
    );
    expect(login.status).toBe(200);
    const cookies = setCookies(login);
    expect(cookies.access_token?.attributes).toBe('Max-Age=900; Path=/; HttpOnly; SameSite=Lax');
    expect(cookies.refresh_token?.attributes).toBe(
      'Max-Age=604800; Path=/; HttpOnly; SameSite=Lax',
    );
    const jar = {
      access_token: cookies.access_token?.value ?? '',
      refresh_token: cookies.refresh_token?.value ?? '',
    };

    const me = await t.app.request('/trpc/users.me', { headers: { Cookie: cookieHeader(jar) } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { json: { username: string } } } };
    expect(body.result.data.json.username).toBe('wire_user');

    const logout = await t.app.request(
      '/trpc/auth.logout',
      mutation(undefined, { Cookie: cookieHeader(jar) }),
    );
    expect(logout.status).toBe(200);
    const after = await t.app.request('/trpc/users.me', { headers: { Cookie: cookieHeader(jar) } });
    expect(after.status).toBe(401);
  });

  it('guards: anonymous users.me is 401, bad input is 400, full-access is 403 with its appCode', async () => {
    const t = await createAccountsApp();
    expect((await t.app.request('/trpc/users.me')).status).toBe(401);
    const bad = await t.app.request('/trpc/auth.login', mutation({ username: '', password: '' }));
    expect(bad.status).toBe(400);
    await t.core.users.register(
      t.ctx,
      { username: 'late_wire', email: 'late@example.org', password: PASSWORD },
      { ip: '127.0.0.1', userAgent: null },
    );
    t.clock.advance(46 * 60_000);
    const login = await t.app.request(
      '/trpc/auth.login',
      mutation({ username: 'late_wire', password: PASSWORD }),
    );
    const jar = { access_token: setCookies(login).access_token?.value ?? '' };
    const denied = await t.app.request('/trpc/users.listSessions', {
      headers: { Cookie: cookieHeader(jar) },
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      error: { json: { data: { appCode: 'EMAIL_VERIFICATION_REQUIRED' } } },
    });
  });
});
