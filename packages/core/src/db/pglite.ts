import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

import { startPgliteEngine, type PgliteEngine } from './pglite-engine.ts';

/** The data folder value that keeps an embedded database in memory (nothing on disk, no lock). */
export const MEMORY_DATA_DIR = 'memory://';

export const isMemoryDataDir = (dataDir: string): boolean => dataDir.startsWith('memory://');

/** The lock file guarding a PGlite data folder: a sibling `<folder>.lock` holding the owner's pid. */
export const lockPathFor = (dataDir: string): string => `${path.resolve(dataDir)}.lock`;

/**
 * The owner touches its lock file this often; a lock whose file was not touched for
 * `LOCK_STALE_AFTER_MS` is stale even when its pid is alive (the pid was reused by an unrelated
 * process after a crash or a reboot). The margin is wide: a live owner whose event loop is blocked by a
 * long embedded query must never lose its lock.
 */
export const LOCK_HEARTBEAT_MS = 5_000;
export const LOCK_STALE_AFTER_MS = 120_000;

const lockAgeMs = (lockPath: string): number => {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readLockPid = (lockPath: string): number | null => {
  try {
    const text = readFileSync(lockPath, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
};

const errnoCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/**
 * Takes the exclusive lock on a data folder: creates the lock file with O_EXCL, writes our pid and
 * touches the file every `LOCK_HEARTBEAT_MS`. A lock left by a dead process, by a pid now reused by
 * another process (file not touched for `LOCK_STALE_AFTER_MS`) or unreadable is stale and replaced; a
 * live owner (this process included) makes this throw. Returns the release function, which removes the file only if it is still ours.
 */
export const acquireDataDirLock = (dataDir: string): (() => void) => {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
      const owner = readLockPid(lockPath);
      const heldByOther = owner !== process.pid && lockAgeMs(lockPath) <= LOCK_STALE_AFTER_MS;
      if (owner !== null && isProcessAlive(owner) && (owner === process.pid || heldByOther)) {
        const who = owner === process.pid ? 'this process' : `process ${owner}`;
        throw new Error(
          `The embedded database folder ${path.resolve(dataDir)} is already open by ${who} (lock file ${lockPath}). ` +
            'Stop the other process, or use another data folder.',
        );
      }
      // Stale lock (dead owner, a pid reused by another process, or garbage): remove it and retry.
      try {
        unlinkSync(lockPath);
      } catch (unlinkErr) {
        if (errnoCode(unlinkErr) !== 'ENOENT') throw unlinkErr;
      }
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    // The heartbeat that tells a later starter this pid is really the owner (never keeps the process up).
    const heartbeat = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(lockPath, now, now);
      } catch {
        // The file is gone (removed by hand): the next start will simply take the lock.
      }
    }, LOCK_HEARTBEAT_MS);
    heartbeat.unref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (readLockPid(lockPath) === process.pid) {
        try {
          unlinkSync(lockPath);
        } catch (err) {
          if (errnoCode(err) !== 'ENOENT') throw err;
        }
      }
    };
  }
  throw new Error(
    `Could not take the lock ${lockPath} on the embedded database folder (another process keeps racing for it).`,
  );
};

/**
 * Server settings of the embedded database, after PGlite's own start parameters. PostgreSQL's default
 * `shared_buffers` (128MB) costs every start about 0.4 s of initialisation and the process about 115 MiB
 * of memory; a development or test database is served as well by 32MB (docs/performance.md).
 */
export const EMBEDDED_SERVER_SETTINGS: readonly string[] = ['-c', 'shared_buffers=32MB'];

/**
 * An idempotent close of two steps: `first`, then `then` even when `first` failed (the database, then
 * what it runs on: its lock, its engine).
 */
export const closeInOrder = (
  first: () => Promise<void>,
  then: () => Promise<void> | void,
): (() => Promise<void>) => {
  let closed = false;
  return async () => {
    if (closed) return;
    closed = true;
    try {
      await first();
    } finally {
      await then();
    }
  };
};

export interface OpenPgliteOptions {
  /** A folder, or `memory://` for an in-memory database. */
  dataDir: string;
  /** A `dumpDataDir()` tarball to start from (the test harness loads its migrated template this way). */
  loadDataDir?: Blob;
}

export interface OpenedPglite {
  pglite: PGlite;
  /** Closes PGlite, then releases the folder lock. Idempotent. */
  close(): Promise<void>;
}

/** Opens (creating if needed) an embedded PGlite database under an exclusive folder lock, session in UTC. */
export const openPglite = async (options: OpenPgliteOptions): Promise<OpenedPglite> => {
  const memory = isMemoryDataDir(options.dataDir);
  const release = memory ? () => undefined : acquireDataDirLock(options.dataDir);
  let pglite: PGlite;
  try {
    if (!memory) mkdirSync(path.resolve(options.dataDir), { recursive: true });
    // Imported here: a server on PostgreSQL never loads the embedded database (cold start, memory).
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create({
      dataDir: memory ? options.dataDir : path.resolve(options.dataDir),
      startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SERVER_SETTINGS],
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    await pglite.exec("SET TIME ZONE 'UTC'");
  } catch (err) {
    release();
    throw err;
  }
  return {
    pglite,
    close: closeInOrder(async () => {
      if (!pglite.closed) await pglite.close();
    }, release),
  };
};

/**
 * Opens a folder's embedded database in its own thread (`pglite-engine.ts`) under the exclusive folder
 * lock: the engine is returned at once and opens meanwhile (`engine.ready`). The server calls it first
 * thing (`@mathakine/core/db/embedded`, which loads nothing else), then hands it to `createDb`.
 */
export interface OpenedPgliteThread {
  engine: PgliteEngine;
  /** Closes the engine, then releases the folder lock. Idempotent. */
  close(): Promise<void>;
}

export const openPgliteThread = (dataDir: string): OpenedPgliteThread => {
  const folder = path.resolve(dataDir);
  const release = acquireDataDirLock(folder);
  let engine: PgliteEngine;
  try {
    mkdirSync(folder, { recursive: true });
    engine = startPgliteEngine({ dataDir: folder, extraStartParams: EMBEDDED_SERVER_SETTINGS });
  } catch (err) {
    release();
    throw err;
  }
  return { engine, close: closeInOrder(() => engine.close(), release) };
};
