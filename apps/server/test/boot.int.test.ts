import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dataRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-boot-'));

/** Every server this file started and that has not exited yet. */
const running = new Set<ChildProcess>();

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );

/** No server outlives its test, whatever the test's outcome (assertion failure, timeout). */
afterEach(async () => {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map(exited));
});
// Last resort if the worker itself is torn down: a synchronous kill of anything still running.
const killLeftovers = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.once('exit', killLeftovers);
afterAll(() => {
  process.off('exit', killLeftovers);
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
const boot = (env: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    // A clean environment: only what the test sets (the child must not inherit CI's variables).
    // `node --import tsx`: one process, so SIGTERM reaches the server itself (no tsx wrapper).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    let stopped = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!stopped && output.includes('server listening')) {
        stopped = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      running.delete(child);
      resolve({ code, output });
    });
  });

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
    const run = await boot({
      PORT: '0',
      MATH_TRAINER_HOST: '127.0.0.1',
      MATHAKINE_DATA_DIR: path.join(dataRoot, 'pglite'),
    });
    expect(run.output).toContain('server listening');
    expect(run.code).toBe(0);
    // No SECRET_KEY: the development key is kept next to the data folder for the next start.
    const devSecret = path.join(dataRoot, 'dev-secret');
    expect(run.output).toContain(devSecret);
    expect(statSync(devSecret).mode & 0o777).toBe(0o600);
  });
});
