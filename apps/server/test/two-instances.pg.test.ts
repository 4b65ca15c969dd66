// Issue 14: two server instances on one PostgreSQL and one Redis, as behind a load balancer. The rate
// limits are shared through Redis (an instance that counted alone would let the fourth login through),
// and a logout on one instance is refused on the other (SESSION_CACHE_SECONDS=0 here: at once; with
// the default cache, within that many seconds — core's "stops a deactivated account within the cache
// window" proves the bound with a movable clock). Private PostgreSQL and Redis servers, not the run's.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  startPostgresCluster,
  startRedisServer,
  type PostgresCluster,
  type RedisServer,
} from '@mathakine/core/testing';

import { runDbCommand } from '../src/db-commands.ts';
import { migrationsDir } from '../src/paths.ts';
import { killServers, listeningPort, spawnServer } from './server-process.ts';

let cluster: PostgresCluster;
let redis: RedisServer;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  redis = await startRedisServer();
  let output = '';
  const code = await runDbCommand(['migrate'], {
    database: { url: cluster.url, dataDir: '' },
    migrationsDir: migrationsDir(),
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      output += text;
    },
  });
  expect(code, output).toBe(0);
});
afterEach(killServers);
afterAll(async () => {
  await redis.dispose();
  await cluster.dispose();
});

const startInstance = async (env: Record<string, string>) => {
  const server = spawnServer({
    PORT: '0',
    MATH_TRAINER_HOST: '127.0.0.1',
    DATABASE_URL: cluster.url,
    REDIS_URL: redis.url,
    ...env,
  });
  const port = await listeningPort(server);
  return { server, base: `http://127.0.0.1:${String(port)}` };
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** `name=value` of a Set-Cookie header list. */
const cookieValue = (res: Response, name: string): string => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (cookie === undefined) throw new Error(`no ${name} cookie`);
  return cookie.split(';')[0] ?? '';
};

describe('two instances on one PostgreSQL and Redis (issue 14)', () => {
  it('share the rate limits and see a logout made on the other instance', async () => {
    const env = {
      // One secret for both: a token minted by A is valid on B.
      SECRET_KEY: randomBytes(32).toString('hex'),
      RATE_LIMIT_LOGIN: '4',
      SESSION_CACHE_SECONDS: '0',
    };
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    expect(a.server.output()).toContain('"rateLimitStore":"redis"');
    // Both count in Redis (the database half of /ready has a 2 s budget: not asserted on a busy machine).
    for (const instance of [a, b]) {
      const ready: unknown = await (await fetch(`${instance.base}/ready`)).json();
      expect(ready).toMatchObject({ checks: { rateLimitStore: 'redis' } });
    }

    // A session opened on A, used on B, closed on A: B refuses it from the next request.
    const account = { username: 'two_instances', password: 'Padawan2026' };
    expect(
      (await post(`${a.base}/api/users/`, { ...account, email: 'two@example.org' })).status,
    ).toBe(201);
    const login = await post(`${a.base}/api/auth/login`, account); // login hit 1 (this IP)
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${b.base}/api/users/me`, { headers: bearer })).status).toBe(200);
    const logout = await post(
      `${a.base}/api/auth/logout`,
      {},
      {
        Cookie: cookieValue(login, 'refresh_token'),
      },
    );
    expect(logout.status).toBe(200);
    const after = await fetch(`${b.base}/api/users/me`, { headers: bearer });
    expect(after.status).toBe(401);

    // Login attempts alternate between the instances: hits 2, 3, 4 pass (401), the fifth is refused
    // whichever instance gets it — each instance alone would have counted 2 or 3.
    const wrong = { username: 'two_instances', password: 'Wrong-2026' };
    for (const instance of [b, a, b]) {
      expect((await post(`${instance.base}/api/auth/login`, wrong)).status).toBe(401);
    }
    const refused = await post(`${a.base}/api/auth/login`, wrong);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
  });
});
