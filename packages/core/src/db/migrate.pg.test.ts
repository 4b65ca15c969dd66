// int-pg project (only when DATABASE_URL is set): races between separate PostgreSQL connections.
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createEmptyDatabase, type EmptyDatabase } from '../testing/index.ts';
import { createMigrator, MIGRATION_LOCK_KEY, MIGRATIONS_TABLE } from './migrate.ts';

const FIXTURES = path.resolve(import.meta.dirname, '__fixtures__/migrations');

const opened: EmptyDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.dispose()));
});

const pgDatabase = async (): Promise<string> => {
  const db = await createEmptyDatabase();
  opened.push(db);
  if (db.url === null) throw new Error('int-pg runs only with DATABASE_URL');
  return db.url;
};

describe('migrate runner on PostgreSQL (concurrent deploys)', () => {
  it('two concurrent runs on separate connections apply each migration exactly once', async () => {
    const url = await pgDatabase();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        createMigrator({ kind: 'postgres', url }, { migrationsDir: FIXTURES }).up(),
      ),
    );
    const applied = runs.flatMap((r) => r.migrations).sort();
    expect(applied).toEqual([
      '20260101000000_init',
      '20260101000100_attempts',
      '20260101000200_settings',
    ]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ name: string; n: number }>(
        `SELECT name, count(*)::int AS n FROM ${MIGRATIONS_TABLE} GROUP BY name`,
      );
      expect(rows.rows.every((r) => r.n === 1)).toBe(true);
      expect(rows.rowCount).toBe(3);
    } finally {
      await client.end();
    }
  });

  it('waits for the advisory lock held by another deploy, then finds nothing left to do', async () => {
    const url = await pgDatabase();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      let finished = false;
      const run = createMigrator({ kind: 'postgres', url }, { migrationsDir: FIXTURES })
        .up()
        .then((r) => {
          finished = true;
          return r;
        });
      // Wait until the run is visibly queued on the lock (an ungranted advisory lock in this database),
      // not for a fixed delay.
      await vi.waitFor(
        async () => {
          const waiting = await other.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE locktype = 'advisory' AND NOT granted AND objid = $1
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            [MIGRATION_LOCK_KEY],
          );
          expect(waiting.rows[0]?.n).toBe(1);
        },
        { timeout: 120_000, interval: 50 },
      );
      expect(finished).toBe(false);
      // The "other deploy" applies everything, then releases the lock.
      await createMigratorOnSession(other, url);
      await other.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
      expect((await run).migrations).toEqual([]);
    } finally {
      await other.end();
    }
  });
});

/** Applies the fixtures while `holder` keeps the lock (a different session, as a real second deploy would). */
const createMigratorOnSession = async (holder: pg.Client, url: string): Promise<void> => {
  // A session-level advisory lock is re-entrant for its own session only, so apply through raw SQL on the holder.
  const { readMigrations } = await import('./migrate.ts');
  await holder.query(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name text PRIMARY KEY, checksum char(64) NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), execution_ms integer NOT NULL)`,
  );
  for (const m of await readMigrations(FIXTURES)) {
    await holder.query(m.upSql);
    await holder.query(
      `INSERT INTO ${MIGRATIONS_TABLE} (name, checksum, execution_ms) VALUES ($1, $2, 0)`,
      [m.name, m.checksum],
    );
  }
  expect(url).toContain('mathakine_t_');
};
