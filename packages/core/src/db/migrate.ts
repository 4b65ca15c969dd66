/**
 * The project's migrate runner (issue 3; README "Decisions already taken": not `prisma migrate deploy`).
 *
 * Why our own: Prisma's schema engine cannot run here, and no well-kept migration library works both on
 * PGlite (in process, one session) and on PostgreSQL through `pg` offline, with down files and checksums.
 * This one is small and fully tested instead. It speaks raw SQL through `pg` or the PGlite instance (never
 * Prisma), so it runs before `prisma generate` and ships in the server bundle without dev tools.
 *
 * Layout: `<migrationsDir>/<UTC timestamp>_<name>/migration.sql` + `down.sql`; folder order = apply order.
 * Bookkeeping: `_mathakine_migrations(name, checksum, applied_at, execution_ms)`; checksum = sha256 of
 * migration.sql (CRLF normalised to LF). Each migration (and its bookkeeping row) runs in its own transaction.
 * A session-level advisory lock (plus an in-process mutex on PGlite, whose single session would re-enter the
 * lock) serialises concurrent runs; every applied migration's checksum is verified before anything is done.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

import type { EmbeddedSql } from './pglite-engine.ts';
import { connectPostgres } from './postgres.ts';

export const MIGRATIONS_TABLE = '_mathakine_migrations';
/** Fixed key of the advisory lock held for a whole migrate run ("mathakine" on a phone keypad). */
export const MIGRATION_LOCK_KEY = 628_425_463;

/**
 * Where migrations run: a PostgreSQL URL (a dedicated connection per run) or an open embedded database:
 * PGlite's SQL in this process or in its engine thread (`pglite`), and the PGlite instance itself when it
 * is in this process (`instance`: the test harness dumps and shares it), null in the engine thread.
 */
export type MigrationTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; pglite: EmbeddedSql; instance: PGlite | null };

/** The PGlite instance of an embedded target in this process (the test harness's); throws for the engine thread's. */
export const inProcessPglite = (target: { kind: 'pglite'; instance: PGlite | null }): PGlite => {
  if (target.instance === null) {
    throw new Error(
      'This needs the embedded database in this process (memory:// or a loaded dump).',
    );
  }
  return target.instance;
};

/** One raw SQL session (a `pg` client or the PGlite instance). Shared by the runner, the drift check and the harness. */
export interface SqlSession {
  readonly kind: 'postgres' | 'pglite';
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of one or more statements (simple protocol). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export const openSqlSession = async (target: MigrationTarget): Promise<SqlSession> => {
  if (target.kind === 'pglite') {
    const { pglite } = target;
    return {
      kind: 'pglite',
      // Typed by the caller, as a `pg` client's rows are (the runner's own catalogue queries).
      query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
        (await pglite.query(sql, params)).rows as R[],
      exec: async (sql: string) => {
        await pglite.exec(sql);
      },
      // The instance belongs to the caller.
      close: () => Promise.resolve(),
    };
  }
  const client = await connectPostgres(target.url);
  return {
    kind: 'postgres',
    query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await client.query<R>(sql, params)).rows,
    exec: async (sql: string) => {
      await client.query(sql);
    },
    close: async () => {
      await client.end();
    },
  };
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface MigrationFile {
  /** Folder name, e.g. `20260301120000_init`. */
  name: string;
  upPath: string;
  downPath: string;
  upSql: string;
  downSql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  appliedAt: Date;
  executionMs: number;
}

export type MigrationState = 'applied' | 'pending' | 'changed' | 'missing';

export interface MigrationStatusEntry {
  name: string;
  state: MigrationState;
  appliedAt: Date | null;
}

export interface MigrationStatus {
  entries: MigrationStatusEntry[];
  applied: string[];
  pending: string[];
  /** Applied, but migration.sql no longer has the checksum recorded when it was applied. */
  changed: string[];
  /** Applied, but the folder is gone. */
  missing: string[];
}

export interface MigrationRunResult {
  /** Names applied (up) or reverted (down) by this run, in execution order. */
  migrations: string[];
}

export interface MigratorOptions {
  /** The `prisma/migrations` folder; the caller locates it (source tree, or next to the server bundle). */
  migrationsDir: string;
  /** Progress lines (the CLI prints them); library code never writes to the console. */
  onProgress?: (line: string) => void;
}

export interface Migrator {
  up(): Promise<MigrationRunResult>;
  down(steps?: number): Promise<MigrationRunResult>;
  status(): Promise<MigrationStatus>;
}

const FOLDER_PATTERN = /^\d{14}_[A-Za-z0-9_-]+$/;

export const checksumOf = (sql: string): string =>
  createHash('sha256').update(sql.replaceAll('\r\n', '\n'), 'utf8').digest('hex');

const readMigrationSql = (name: string, file: string): Promise<string> =>
  readFile(file, 'utf8').catch((err: unknown) => {
    throw new MigrationError(
      `Migration ${name} has no ${path.basename(file)} (${file}); every migration needs migration.sql and down.sql.`,
      { cause: err },
    );
  });

/**
 * Reads and validates the migrations folder. Refuses a migration folder without migration.sql or
 * down.sql. The files are read concurrently; a failure is reported for the first folder in order.
 */
export const readMigrations = async (migrationsDir: string): Promise<MigrationFile[]> => {
  if (!existsSync(migrationsDir))
    throw new MigrationError(`Migrations folder not found: ${migrationsDir}`);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unexpected = folders.find((name) => !FOLDER_PATTERN.test(name));
  if (unexpected !== undefined) {
    throw new MigrationError(
      `Unexpected folder ${path.join(migrationsDir, unexpected)}: migration folders are named <YYYYMMDDHHMMSS>_<name>.`,
    );
  }
  const read = await Promise.allSettled(
    folders.map(async (name): Promise<MigrationFile> => {
      const upPath = path.join(migrationsDir, name, 'migration.sql');
      const downPath = path.join(migrationsDir, name, 'down.sql');
      const [upSql, downSql] = await Promise.all([
        readMigrationSql(name, upPath),
        readMigrationSql(name, downPath),
      ]);
      return { name, upPath, downPath, upSql, downSql, checksum: checksumOf(upSql) };
    }),
  );
  return read.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
};

const tableExists = async (session: SqlSession): Promise<boolean> => {
  const rows = await session.query<{ exists: boolean }>(
    `SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS "exists"`,
  );
  return rows[0]?.exists === true;
};

const ensureTable = async (session: SqlSession): Promise<void> => {
  await session.exec(`CREATE TABLE IF NOT EXISTS public.${MIGRATIONS_TABLE} (
  name text PRIMARY KEY,
  checksum char(64) NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  execution_ms integer NOT NULL
)`);
};

const readApplied = async (session: SqlSession): Promise<AppliedMigration[]> =>
  (await tableExists(session)) ? selectApplied(session) : [];

/** The applied migrations, from a table known to exist. */
const selectApplied = async (session: SqlSession): Promise<AppliedMigration[]> => {
  const rows = await session.query<{
    name: string;
    checksum: string;
    applied_at: Date | string;
    execution_ms: number | string;
  }>(
    `SELECT name, checksum, applied_at, execution_ms FROM public.${MIGRATIONS_TABLE} ORDER BY name`,
  );
  return rows.map((r) => ({
    name: r.name,
    checksum: r.checksum.trim(),
    appliedAt: r.applied_at instanceof Date ? r.applied_at : new Date(r.applied_at),
    executionMs: Number(r.execution_ms),
  }));
};

const computeStatus = (files: MigrationFile[], applied: AppliedMigration[]): MigrationStatus => {
  const byName = new Map(files.map((f) => [f.name, f]));
  const appliedByName = new Map(applied.map((a) => [a.name, a]));
  const entries: MigrationStatusEntry[] = [];
  for (const a of applied) {
    const file = byName.get(a.name);
    const state: MigrationState =
      file === undefined ? 'missing' : file.checksum === a.checksum ? 'applied' : 'changed';
    entries.push({ name: a.name, state, appliedAt: a.appliedAt });
  }
  for (const f of files) {
    if (!appliedByName.has(f.name))
      entries.push({ name: f.name, state: 'pending', appliedAt: null });
  }
  entries.sort((x, y) => x.name.localeCompare(y.name));
  const pick = (state: MigrationState) =>
    entries.filter((e) => e.state === state).map((e) => e.name);
  return {
    entries,
    applied: pick('applied'),
    pending: pick('pending'),
    changed: pick('changed'),
    missing: pick('missing'),
  };
};

/** Stops the run when an applied migration was edited or deleted, or when a pending one sorts before an applied one. */
const verify = (
  files: MigrationFile[],
  applied: AppliedMigration[],
  status: MigrationStatus,
): void => {
  const problems: string[] = [];
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const name of status.changed) {
    const file = byName.get(name);
    problems.push(
      `Applied migration ${name} was edited after it was applied: ${file?.upPath ?? name} no longer matches its recorded checksum. ` +
        'Restore the file and put the change in a new migration.',
    );
  }
  for (const name of status.missing) {
    problems.push(`Applied migration ${name} is missing from the migrations folder; restore it.`);
  }
  const lastApplied = applied.at(-1)?.name;
  if (lastApplied !== undefined) {
    for (const name of status.pending) {
      if (name < lastApplied) {
        problems.push(
          `Pending migration ${name} sorts before the last applied migration ${lastApplied}; rename it with a newer timestamp.`,
        );
      }
    }
  }
  if (problems.length > 0)
    throw new MigrationError(`Migrations refused:\n  - ${problems.join('\n  - ')}`);
};

// PGlite has a single session: a second run in the same process would re-enter the advisory lock, so
// runs on one instance are also chained through this in-process mutex.
const pgliteMutexes = new WeakMap<EmbeddedSql, Promise<void>>();

const withPgliteMutex = async <T>(pglite: EmbeddedSql, fn: () => Promise<T>): Promise<T> => {
  const previous = pgliteMutexes.get(pglite) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const chained = previous.then(() => current);
  pgliteMutexes.set(pglite, chained);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (pgliteMutexes.get(pglite) === chained) pgliteMutexes.delete(pglite);
  }
};

/** Runs `fn` on a session holding the migration advisory lock for its whole duration. */
const withLockedSession = async <T>(
  target: MigrationTarget,
  fn: (session: SqlSession) => Promise<T>,
): Promise<T> => {
  const run = async (): Promise<T> => {
    const session = await openSqlSession(target);
    try {
      await session.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      try {
        return await fn(session);
      } finally {
        await session.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await session.close();
    }
  };
  return target.kind === 'pglite' ? withPgliteMutex(target.pglite, run) : run();
};

const inTransaction = async (session: SqlSession, fn: () => Promise<void>): Promise<void> => {
  await session.exec('BEGIN');
  try {
    await fn();
    await session.exec('COMMIT');
  } catch (err) {
    await session.exec('ROLLBACK').catch(() => undefined);
    throw err;
  }
};

const describeFailure = (what: string, file: string, err: unknown): MigrationError => {
  const message = err instanceof Error ? err.message : String(err);
  return new MigrationError(`${what} failed (${file}), rolled back: ${message}`, { cause: err });
};

export const createMigrator = (target: MigrationTarget, options: MigratorOptions): Migrator => {
  const progress = options.onProgress ?? (() => undefined);

  const up = async (): Promise<MigrationRunResult> => {
    // The files are read while the lock is taken; a failure is reported once it is held.
    const reading = readMigrations(options.migrationsDir);
    reading.catch(() => undefined);
    return withLockedSession(target, async (session) => {
      const files = await reading;
      await ensureTable(session);
      const applied = await selectApplied(session);
      const status = computeStatus(files, applied);
      verify(files, applied, status);
      const pending = new Set(status.pending);
      const done: string[] = [];
      for (const file of files) {
        if (!pending.has(file.name)) continue;
        const started = performance.now();
        try {
          await inTransaction(session, async () => {
            await session.exec(file.upSql);
            await session.query(
              `INSERT INTO public.${MIGRATIONS_TABLE} (name, checksum, execution_ms) VALUES ($1, $2, $3)`,
              [file.name, file.checksum, Math.round(performance.now() - started)],
            );
          });
        } catch (err) {
          throw describeFailure(`Migration ${file.name}`, file.upPath, err);
        }
        done.push(file.name);
        progress(`applied ${file.name} (${Math.round(performance.now() - started)} ms)`);
      }
      if (done.length === 0) progress('no pending migrations');
      return { migrations: done };
    });
  };

  const down = async (steps = 1): Promise<MigrationRunResult> => {
    if (!Number.isInteger(steps) || steps < 1)
      throw new MigrationError(`Rollback needs a positive whole number of steps, got ${steps}.`);
    return withLockedSession(target, async (session) => {
      const files = await readMigrations(options.migrationsDir);
      const applied = await readApplied(session);
      const status = computeStatus(files, applied);
      verify(files, applied, status);
      const byName = new Map(files.map((f) => [f.name, f]));
      const toRevert = applied.slice(-steps).reverse();
      const done: string[] = [];
      for (const a of toRevert) {
        const file = byName.get(a.name);
        if (file === undefined)
          throw new MigrationError(
            `Applied migration ${a.name} is missing from the migrations folder.`,
          );
        const started = performance.now();
        try {
          await inTransaction(session, async () => {
            await session.exec(file.downSql);
            await session.query(`DELETE FROM public.${MIGRATIONS_TABLE} WHERE name = $1`, [
              file.name,
            ]);
          });
        } catch (err) {
          throw describeFailure(`Rollback of ${file.name}`, file.downPath, err);
        }
        done.push(file.name);
        progress(`reverted ${file.name} (${Math.round(performance.now() - started)} ms)`);
      }
      if (done.length === 0) progress('nothing to roll back');
      return { migrations: done };
    });
  };

  const status = async (): Promise<MigrationStatus> => {
    const files = await readMigrations(options.migrationsDir);
    const session = await openSqlSession(target);
    try {
      return computeStatus(files, await readApplied(session));
    } finally {
      await session.close();
    }
  };

  return { up, down, status };
};

/** Human-readable status lines (the CLI prints them). */
export const formatStatus = (status: MigrationStatus): string => {
  if (status.entries.length === 0) return 'No migrations.';
  const lines = status.entries.map((e) => {
    const when = e.appliedAt === null ? '' : `  ${e.appliedAt.toISOString()}`;
    return `${e.state.padEnd(8)} ${e.name}${when}`;
  });
  lines.push(
    `${status.applied.length} applied, ${status.pending.length} pending, ${status.changed.length} changed, ${status.missing.length} missing`,
  );
  return lines.join('\n');
};
