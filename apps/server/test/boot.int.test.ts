import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { embeddedServerEnv, killServers, spawnServer } from './server-process.ts';

const dataRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-boot-'));

afterEach(killServers);
afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
}

/**
 * Starts the real entrypoint with a controlled environment. It either exits (bad configuration) or
 * logs "server listening", in which case it is stopped with SIGTERM and must exit 0. No timer: a
 * server that never gets there fails the test on the project's timeout and afterEach kills it.
 */
const boot = async (env: Record<string, string>): Promise<Run> => {
  const server = spawnServer(env);
  await server.waitForOutput('server listening').then(
    () => server.child.kill('SIGTERM'),
    () => undefined,
  );
  return { code: await server.exit, output: server.output() };
};

describe('start-up configuration rules', () => {
  it('refuses production without a SECRET_KEY, naming the variable, and exits non-zero', async () => {
    const run = await boot({
      ENVIRONMENT: 'production',
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/db',
      FRONTEND_URL: 'https://mathakine.fun',
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('SECRET_KEY');
    expect(run.output).not.toContain('server listening');
  });

  it('refuses a weak secret in production', async () => {
    const run = await boot({
      ENVIRONMENT: 'production',
      SECRET_KEY: 'change_this_to_a_long_random_string_in_production',
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/db',
      FRONTEND_URL: 'https://mathakine.fun',
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('SECRET_KEY');
  });

  it('starts in development with no configuration at all, on the embedded database, and stops cleanly', async () => {
    const run = await boot(embeddedServerEnv(path.join(dataRoot, 'pglite')));
    expect(run.output).toContain('server listening');
    expect(run.code).toBe(0);
    // No SECRET_KEY: the development key is kept next to the data folder for the next start.
    const devSecret = path.join(dataRoot, 'dev-secret');
    expect(run.output).toContain(devSecret);
    expect(statSync(devSecret).mode & 0o777).toBe(0o600);
  });
});
