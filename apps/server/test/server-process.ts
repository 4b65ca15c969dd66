import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** Every server started by this worker that has not exited yet. */
const running = new Set<ChildProcess>();

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );

/** For `afterEach`: no server outlives its test, whatever the test's outcome. */
export const killServers = async () => {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map(exited));
};

// Last resort if the worker itself is torn down: a synchronous kill of anything still running.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written so far on stdout and stderr. */
  output: () => string;
  /** Resolves with the output once it contains `text` (no timer: the test's timeout bounds it). */
  waitForOutput: (text: string) => Promise<string>;
  /** The exit code (null when killed by a signal). */
  exit: Promise<number | null>;
}

/**
 * Starts the real entrypoint from source with exactly `env` (the child must not inherit CI's
 * variables). `node --import tsx`: one process, so a signal reaches the server itself. `nodeArgs` go
 * after tsx's own, before the entrypoint (e.g. another `--import`).
 */
export const spawnServer = (
  env: Record<string, string>,
  options: { nodeArgs?: readonly string[] } = {},
): ServerProcess => {
  const args = ['--import', 'tsx', ...(options.nodeArgs ?? []), 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  const waitForOutput = async (text: string): Promise<string> => {
    while (!output.includes(text)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited before writing "${text}":\n${output}`);
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return output;
  };
  return { child, output: () => output, waitForOutput, exit };
};

/**
 * The environment of a development server on an embedded database in `dataDir`, listening on a free
 * loopback port, plus `extra`.
 */
export const embeddedServerEnv = (
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  PORT: '0',
  MATH_TRAINER_HOST: '127.0.0.1',
  MATHAKINE_DATA_DIR: dataDir,
  ...extra,
});

/** The port of a server that logged "server listening" (pino JSON line). */
export const listeningPort = async (server: ServerProcess): Promise<number> => {
  const output = await server.waitForOutput('server listening');
  const line = output.split('\n').find((l) => l.includes('server listening')) ?? '';
  const port = Number(/"port":(\d+)/.exec(line)?.[1]);
  if (!Number.isInteger(port) || port === 0) throw new Error(`no port in: ${line}`);
  return port;
};
