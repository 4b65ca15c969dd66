import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { embeddedServerEnv, killServers, spawnServer } from './server-process.ts';

const root = mkdtempSync(path.join(tmpdir(), 'mathakine-modules-'));

afterEach(killServers);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Packages of optional integrations: loaded only when configured. */
const OPTIONAL_PACKAGES = [
  'openai',
  '@sentry/node',
  'ioredis',
  'rate-limiter-flexible',
  'nodemailer',
] as const;

/**
 * Starts the real entrypoint on a fresh embedded database with a module-resolution hook (Node's
 * `module.register`) that writes every package specifier the process resolves to a file; returns that
 * set once the server listens.
 */
const packagesResolvedAtStart = async (name: string, env: Record<string, string> = {}) => {
  const dir = path.join(root, name);
  const record = path.join(root, `${name}.resolved.txt`);
  const hooks = path.join(root, `${name}.hooks.mjs`);
  const register = path.join(root, `${name}.register.mjs`);
  writeFileSync(record, '');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, nextResolve) {
  appendFileSync(${JSON.stringify(record)}, specifier + '\\n');
  return nextResolve(specifier, context);
}
`,
  );
  writeFileSync(
    register,
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
`,
  );
  const server = spawnServer(embeddedServerEnv(dir, env), {
    nodeArgs: ['--import', pathToFileURL(register).href],
  });
  await server.waitForOutput('server listening');
  server.child.kill('SIGTERM');
  expect(await server.exit).toBe(0);
  return new Set(readFileSync(record, 'utf8').split('\n'));
};

describe('optional integrations are loaded only when configured (cold start, memory)', () => {
  it('the embedded default loads no AI SDK, Sentry, Redis or mail library, and reaches its engine thread through pg', async () => {
    const resolved = await packagesResolvedAtStart('default');
    // The recorder sees the packages a start does load.
    expect(resolved).toContain('hono');
    // PGlite runs in its own thread, reached through the same driver and adapter as PostgreSQL; the
    // in-process adapter is for memory:// databases (the test harness) only.
    expect(resolved).toContain('pg');
    expect(resolved).toContain('@prisma/adapter-pg');
    expect(resolved).not.toContain('pglite-prisma-adapter');
    expect(OPTIONAL_PACKAGES.filter((p) => resolved.has(p))).toEqual([]);
  });

  it('an AI key and a Sentry DSN load their SDKs', async () => {
    const resolved = await packagesResolvedAtStart('configured', {
      OPENAI_API_KEY: 'sk-test-never-called',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
      SENTRY_DSN: 'https://public@127.0.0.1:1/1',
    });
    expect(resolved).toContain('openai');
    expect(resolved).toContain('@sentry/node');
    expect(resolved).not.toContain('ioredis');
  });
});
