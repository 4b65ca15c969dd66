import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dataRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-boot-'));
afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
}

/**
 * Starts the real entrypoint with a controlled environment. It either exits (bad configuration) or
 * logs "server listening", in which case it is stopped with SIGTERM and must exit 0.
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
    let output = '';
    let stopped = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
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
      clearTimeout(timer);
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
  });
});
