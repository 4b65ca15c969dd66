import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { createEmptyDatabase, MIGRATIONS_DIR, type EmptyDatabase } from '../testing/index.ts';
import { introspectSchema, type SchemaSnapshot } from './drift.ts';
import {
  createMigrator,
  formatStatus,
  MIGRATIONS_TABLE,
  openSqlSession,
  readMigrations,
  type MigrationTarget,
} from './migrate.ts';

const FIXTURES = path.resolve(import.meta.dirname, '__fixtures__/migrations');
const tmpRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-migrate-test-'));
afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

/** A private copy of the fixture migrations that a test may edit. */
const copyFixtures = (): string => {
  const dir = mkdtempSync(path.join(tmpRoot, 'migrations-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
};

const opened: EmptyDatabase[] = [];
const emptyDb = async (): Promise<EmptyDatabase> => {
  const db = await createEmptyDatabase();
  opened.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.dispose()));
});

const snapshot = async (target: MigrationTarget): Promise<SchemaSnapshot> => {
  const session = await openSqlSession(target);
  try {
    return await introspectSchema(session);
  } finally {
    await session.close();
  }
};

const countRows = async (target: MigrationTarget, sql: string): Promise<number> => {
  const session = await openSqlSession(target);
  try {
    const rows = await session.query<{ n: number }>(sql);
    return Number(rows[0]?.n);
  } finally {
    await session.close();
  }
};

describe('migration round trip (real prisma/migrations)', () => {
  it('up all, down one by one to empty, up again: the schema is identical at every step of both rounds', async () => {
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: MIGRATIONS_DIR });
    const files = await readMigrations(MIGRATIONS_DIR);
    expect(files.length).toBeGreaterThan(0);

    const roundTrip = async (): Promise<SchemaSnapshot[]> => {
      const up = await migrator.up();
      expect(up.migrations).toEqual(files.map((f) => f.name));
      const states = [await snapshot(target)];
      for (let i = files.length - 1; i >= 0; i -= 1) {
        const down = await migrator.down(1);
        expect(down.migrations).toEqual([files[i]?.name]);
        states.push(await snapshot(target));
      }
      return states;
    };

    const first = await roundTrip();
    const empty = first.at(-1);
    // Down to an empty database: only the migrations table is left.
    expect(empty?.tables.map((t) => t.name)).toEqual([MIGRATIONS_TABLE]);
    expect(empty?.enums).toEqual([]);
    expect(empty?.views).toEqual([]);
    expect(empty?.foreignKeys).toEqual([]);
    expect(empty?.checks).toEqual([]);
    expect(empty?.indexes.map((i) => i.table)).toEqual([MIGRATIONS_TABLE]);

    const second = await roundTrip();
    expect(second).toEqual(first);

    await migrator.up();
    expect(await snapshot(target)).toEqual(first[0]);
    expect((await migrator.status()).pending).toEqual([]);
  });
});

describe('migrate runner', () => {
  it('applies pending migrations in folder order, records checksums, and is a no-op the second time', async () => {
    const { target } = await emptyDb();
    const lines: string[] = [];
    const migrator = createMigrator(target, {
      migrationsDir: FIXTURES,
      onProgress: (l) => lines.push(l),
    });
    expect((await migrator.up()).migrations).toEqual([
      '20260101000000_init',
      '20260101000100_attempts',
      '20260101000200_settings',
    ]);
    expect((await migrator.up()).migrations).toEqual([]);
    expect(lines.at(-1)).toBe('no pending migrations');
    const files = await readMigrations(FIXTURES);
    const session = await openSqlSession(target);
    try {
      const rows = await session.query<{
        name: string;
        checksum: string;
        execution_ms: number | string;
      }>(`SELECT name, checksum, execution_ms FROM ${MIGRATIONS_TABLE} ORDER BY name`);
      expect(rows.map((r) => [r.name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
      expect(rows.every((r) => Number(r.execution_ms) >= 0)).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('status lists applied / pending and formats them', async () => {
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: FIXTURES });
    const before = await migrator.status();
    expect(before.pending).toHaveLength(3);
    expect(before.applied).toEqual([]);
    expect(formatStatus(before)).toContain('0 applied, 3 pending, 0 changed, 0 missing');

    await migrator.up();
    await migrator.down(1);
    const after = await migrator.status();
    expect(after.applied).toEqual(['20260101000000_init', '20260101000100_attempts']);
    expect(after.pending).toEqual(['20260101000200_settings']);
    const text = formatStatus(after);
    expect(text).toMatch(/^applied {2}20260101000000_init {2}\d{4}-\d\d-\d\dT/m);
    expect(text).toMatch(/^pending {2}20260101000200_settings$/m);
    expect(text).toContain('2 applied, 1 pending, 0 changed, 0 missing');
  });

  it('stops when an applied migration was edited, naming the file, before doing anything', async () => {
    const dir = copyFixtures();
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: dir });
    await migrator.up();
    await migrator.down(1); // settings pending again

    const edited = path.join(dir, '20260101000000_init', 'migration.sql');
    appendFileSync(edited, '\n-- harmless looking edit\n');

    await expect(migrator.up()).rejects.toThrow(
      `Applied migration 20260101000000_init was edited after it was applied: ${edited}`,
    );
    await expect(migrator.down(1)).rejects.toThrow(/was edited after it was applied/);
    // Nothing ran: settings is still pending.
    const status = await migrator.status();
    expect(status.changed).toEqual(['20260101000000_init']);
    expect(status.pending).toEqual(['20260101000200_settings']);
    expect(formatStatus(status)).toMatch(/^changed {2}20260101000000_init/m);
  });

  it('reports an applied migration whose folder is gone', async () => {
    const dir = copyFixtures();
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: dir });
    await migrator.up();
    rmSync(path.join(dir, '20260101000200_settings'), { recursive: true });
    expect((await migrator.status()).missing).toEqual(['20260101000200_settings']);
    await expect(migrator.up()).rejects.toThrow(
      /20260101000200_settings is missing from the migrations folder/,
    );
  });

  it('refuses a migration folder without down.sql', async () => {
    const dir = copyFixtures();
    rmSync(path.join(dir, '20260101000100_attempts', 'down.sql'));
    await expect(readMigrations(dir)).rejects.toThrow(
      /Migration 20260101000100_attempts has no down.sql/,
    );
    const { target } = await emptyDb();
    await expect(createMigrator(target, { migrationsDir: dir }).up()).rejects.toThrow(
      /has no down.sql/,
    );
  });

  it('refuses a pending migration that sorts before the last applied one', async () => {
    const dir = copyFixtures();
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: dir });
    await migrator.up();
    mkdirSync(path.join(dir, '20260101000050_late'));
    writeFileSync(path.join(dir, '20260101000050_late', 'migration.sql'), 'SELECT 1;');
    writeFileSync(path.join(dir, '20260101000050_late', 'down.sql'), 'SELECT 1;');
    await expect(migrator.up()).rejects.toThrow(
      /20260101000050_late sorts before the last applied migration 20260101000200_settings/,
    );
  });

  it('runs each migration in a transaction: a failing one leaves nothing behind', async () => {
    const dir = copyFixtures();
    mkdirSync(path.join(dir, '20260101000300_broken'));
    writeFileSync(
      path.join(dir, '20260101000300_broken', 'migration.sql'),
      'CREATE TABLE half_done (id integer);\nALTER TABLE no_such_table ADD COLUMN x integer;\n',
    );
    writeFileSync(path.join(dir, '20260101000300_broken', 'down.sql'), 'DROP TABLE half_done;');
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: dir });
    await expect(migrator.up()).rejects.toThrow(
      /Migration 20260101000300_broken failed .*migration\.sql.*rolled back.*no_such_table/s,
    );
    const status = await migrator.status();
    expect(status.applied).toHaveLength(3);
    expect(status.pending).toEqual(['20260101000300_broken']);
    expect((await snapshot(target)).tables.map((t) => t.name)).not.toContain('half_done');
  });

  it('rollback reverts the last n in reverse order and refuses a bad n', async () => {
    const { target } = await emptyDb();
    const migrator = createMigrator(target, { migrationsDir: FIXTURES });
    await migrator.up();
    expect((await migrator.down(2)).migrations).toEqual([
      '20260101000200_settings',
      '20260101000100_attempts',
    ]);
    await expect(migrator.down(0)).rejects.toThrow(/positive whole number/);
    expect((await migrator.down(5)).migrations).toEqual(['20260101000000_init']);
    expect((await migrator.down()).migrations).toEqual([]);
  });

  it('two concurrent runs on one database apply each migration once', async () => {
    const { target } = await emptyDb();
    const a = createMigrator(target, { migrationsDir: FIXTURES });
    const b = createMigrator(target, { migrationsDir: FIXTURES });
    const [ra, rb] = await Promise.all([a.up(), b.up()]);
    expect([...ra.migrations, ...rb.migrations].sort()).toEqual([
      '20260101000000_init',
      '20260101000100_attempts',
      '20260101000200_settings',
    ]);
    expect(await countRows(target, `SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`)).toBe(3);
  });
});
