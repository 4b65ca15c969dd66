// Real services a fault test can stop and start at will (test-only): a private PostgreSQL cluster and a
// private Redis server, each on a free port in a temporary folder. They need the server binaries
// (`initdb`/`pg_ctl` of PostgreSQL, `redis-server`); as root (CI), PostgreSQL runs as the `postgres`
// user, as `scripts/pg-throwaway.sh` does.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { createDb, type ManagedDatabase } from '../db/client.ts';

const run = promisify(execFile);

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });

/** Whether something accepts TCP connections on 127.0.0.1:port right now. */
export const isListening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
    socket.connect(port, '127.0.0.1');
  });

/** The newest installed PostgreSQL server binaries (Debian layout), or null. */
export const postgresBinDir = (): string | null => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest === undefined ? null : path.join(root, newest, 'bin');
};

const postgresUid = async (): Promise<{ uid: number; gid: number } | null> => {
  if (userInfo().uid !== 0) return null;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
};

export interface PostgresCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (trust authentication, local only). */
  readonly url: string;
  readonly port: number;
  /** `pg_ctl restart -m fast`: every session is terminated (57P01), then the server is back. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (immediate) and deletes its folder. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * A private PostgreSQL cluster: `initdb` into a temporary folder, started on a free port. Restartable
 * and stoppable without disturbing the run's shared server (DATABASE_URL).
 */
export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  const bin = postgresBinDir();
  if (bin === null)
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const owner = await postgresUid();
  const dir = mkdtempSync(path.join(tmpdir(), 'mathakine-pg-cluster-'));
  const data = path.join(dir, 'data');
  if (owner !== null) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  const port = await freePort();
  // As root, every server command runs as `postgres` (initdb and postgres refuse root).
  const asOwner = (file: string, args: string[]) =>
    owner === null
      ? run(file, args)
      : run('su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]);
  const pgCtl = (...args: string[]) => asOwner(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
  await asOwner(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
    '-c timezone=UTC',
  ].join(' ');
  const start = async () => {
    await pgCtl('-l', path.join(dir, 'server.log'), '-w', '-t', '120', '-o', options, 'start');
  };
  await start();
  let disposed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async () => {
      await pgCtl(
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '120',
        '-m',
        'fast',
        '-o',
        options,
        'restart',
      );
    },
    stop: async () => {
      await pgCtl('-w', '-t', '120', '-m', 'fast', 'stop');
    },
    start,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const shellQuote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM) and waits until the port is closed. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

const waitUntil = async (check: () => Promise<boolean>, what: string) => {
  // Polls a condition; the bound only turns a server that never comes into a clear error.
  for (let i = 0; i < 1200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** A private `redis-server` (no persistence) on a free port, stoppable and restartable. */
export const startRedisServer = async (): Promise<RedisServer> => {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'mathakine-redis-'));
  let child: ReturnType<typeof spawn> | null = null;
  const start = async () => {
    const proc = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    );
    child = proc;
    await waitUntil(() => isListening(port), `redis-server on port ${port}`);
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      proc.once('exit', () => {
        resolve();
      }),
    );
    proc.kill('SIGTERM');
    await exited;
    await waitUntil(async () => !(await isListening(port)), `redis-server on port ${port} to stop`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * A PostgreSQL database nobody listens for (a free port, closed): every query fails as in an outage
 * (connection refused). Prisma connects lazily, so opening it succeeds.
 */
export const createUnreachableDatabase = async (): Promise<ManagedDatabase> =>
  createDb({
    url: `postgresql://postgres@127.0.0.1:${await freePort()}/down`,
    connectionTimeoutMs: 2_000,
    transactionMaxWaitMs: 2_000,
  });
