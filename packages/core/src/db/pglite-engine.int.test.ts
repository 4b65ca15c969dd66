import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../testing/db.ts';
import { createDb, type ManagedDatabase } from './client.ts';
import { createMigrator } from './migrate.ts';
import { EmbeddedEngineError, startPgliteEngine, type PgliteEngine } from './pglite-engine.ts';
import { lockPathFor, openPgliteThread } from './pglite.ts';
import { mapPrismaError } from './prisma-errors.ts';

const tmpRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-engine-test-'));
afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});
let folders = 0;
const newFolder = () => path.join(tmpRoot, `db-${++folders}`);

/** A ping bound no busy machine reaches: ping answers false only when the database is gone. */
const PING_MS = 60_000;

/** Applies the SQL migrations (the reference data belongs to another feature). */
const migrate = (db: ManagedDatabase) =>
  createMigrator(db.migrationTarget, { migrationsDir: MIGRATIONS_DIR }).up();

/** A `pg` client on one session of the engine. */
const connectClient = async (engine: PgliteEngine): Promise<pg.Client> => {
  const client = new pg.Client({ stream: () => engine.socket() });
  await client.connect();
  return client;
};

/** Resolves once the client's connection has ended (its socket closed). */
const ended = (client: pg.Client) =>
  new Promise<void>((resolve) => {
    client.once('end', () => {
      resolve();
    });
  });

describe('the embedded database in its own thread (a data folder)', () => {
  it('is reached through pg like PostgreSQL: migrated, queried, in UTC, with the embedded settings', async () => {
    const db = await createDb({ dataDir: newFolder() });
    try {
      expect(db.kind).toBe('pglite');
      expect(db.migrationTarget).toMatchObject({ kind: 'pglite', instance: null });
      const { migrations } = await migrate(db);
      expect(migrations.length).toBeGreaterThan(0);
      expect(await db.prisma.achievement.count()).toBe(0);
      const rows = await db.prisma.$queryRawUnsafe<{ tz: string; buffers: string }[]>(
        "SELECT current_setting('TimeZone') AS tz, current_setting('shared_buffers') AS buffers",
      );
      expect(rows[0]).toEqual({ tz: 'UTC', buffers: '32MB' });
      expect(await db.ping(PING_MS)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('keeps data across a close and a reopen, and releases the folder lock on close', async () => {
    const folder = newFolder();
    const first = await createDb({ dataDir: folder });
    await migrate(first);
    await first.prisma.setting.create({
      data: { key: 'engine.test', value: 'kept', category: 'test' },
    });
    await first.close();
    expect(existsSync(lockPathFor(folder))).toBe(false);

    const second = await createDb({ dataDir: folder });
    try {
      const row = await second.prisma.setting.findUnique({ where: { key: 'engine.test' } });
      expect(row?.value).toBe('kept');
      // Nothing left to apply: the migrations recorded by the first run are read back.
      expect((await migrate(second)).migrations).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('commits interactive transactions, rolls back a failed one, and serves concurrent queries in order', async () => {
    const db = await createDb({ dataDir: newFolder() });
    try {
      await migrate(db);
      await db.prisma.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: 'tx.kept', value: '1', category: 'test' } });
      });
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.setting.create({ data: { key: 'tx.undone', value: '1', category: 'test' } });
          throw new Error('abandoned');
        }),
      ).rejects.toThrow('abandoned');

      // Forty writes and reads at once on the one session: each one complete, none lost.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0
            ? db.prisma.$transaction(async (tx) => {
                await tx.setting.create({
                  data: { key: `many.${i}`, value: String(i), category: 'test' },
                });
              })
            : db.prisma.setting.count(),
        ),
      );
      const keys = (
        await db.prisma.setting.findMany({
          where: { category: 'test' },
          select: { key: true },
          orderBy: { key: 'asc' },
        })
      ).map((r) => r.key);
      expect(keys).not.toContain('tx.undone');
      expect(keys).toContain('tx.kept');
      expect(keys.filter((k) => k.startsWith('many.'))).toHaveLength(20);
    } finally {
      await db.close();
    }
  });

  it("keeps PostgreSQL's error codes: a duplicate key is a CONFLICT and the session stays usable", async () => {
    const db = await createDb({ dataDir: newFolder() });
    try {
      await migrate(db);
      await db.prisma.setting.create({ data: { key: 'dup', value: '1', category: 'test' } });
      const err: unknown = await db.prisma.setting
        .create({ data: { key: 'dup', value: '2', category: 'test' } })
        .catch((e: unknown) => e);
      expect(mapPrismaError(err).code).toBe('CONFLICT');
      expect(await db.prisma.setting.count({ where: { key: 'dup' } })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('gives a new session a clean backend: the last one’s open transaction rolled back, its prepared statements gone', async () => {
    const opened = openPgliteThread(newFolder());
    try {
      await opened.engine.ready;
      const first = await connectClient(opened.engine);
      const lost: Error[] = [];
      first.on('error', (err) => lost.push(err));
      await first.query('CREATE TABLE kept (n int)');
      await first.query('BEGIN');
      await first.query('CREATE TABLE abandoned (n int)');
      await first.query({ name: 'named', text: 'SELECT 1 AS n' });
      // The connection drops mid-transaction, as a destroyed pooled client's does.
      const gone = ended(first);
      first.connection.stream.destroy();
      await gone;
      expect(lost.map((e) => e.message)).toEqual(['Connection terminated unexpectedly']);

      const second = await connectClient(opened.engine);
      try {
        const tables = await second.query<{ kept: string | null; abandoned: string | null }>(
          "SELECT to_regclass('kept')::text AS kept, to_regclass('abandoned')::text AS abandoned",
        );
        expect(tables.rows[0]).toEqual({ kept: 'kept', abandoned: null });
        // The same statement name prepares again with another text.
        const named = await second.query<{ n: number }>({ name: 'named', text: 'SELECT 2 AS n' });
        expect(named.rows[0]?.n).toBe(2);
        const status = await second.query<{ n: number }>('SELECT count(*)::int AS n FROM kept');
        expect(status.rows[0]?.n).toBe(0);
      } finally {
        await second.end();
      }
    } finally {
      await opened.close();
    }
  });

  it("runs the migrate runner's SQL in the thread, errors with their SQLSTATE", async () => {
    const opened = openPgliteThread(newFolder());
    try {
      await opened.engine.ready;
      expect((await opened.engine.query('SELECT $1::int + 1 AS n', [41])).rows).toEqual([
        { n: 42 },
      ]);
      const err: unknown = await opened.engine
        .exec('SELECT * FROM missing')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbeddedEngineError);
      expect(err).toMatchObject({ code: '42P01' });
    } finally {
      await opened.close();
    }
  });

  it('fails to open with its reason and releases the lock when the folder is not a database', async () => {
    const folder = newFolder();
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'PG_VERSION'), '99\n');
    await expect(createDb({ dataDir: folder })).rejects.toThrow(/PGlite/);
    expect(existsSync(lockPathFor(folder))).toBe(false);
  });

  it('a crashed thread makes every query unavailable (503), never the process; close still releases the lock', async () => {
    const folder = newFolder();
    const embedded = openPgliteThread(folder);
    const db = await createDb({ dataDir: folder, embedded });
    await migrate(db);
    await embedded.engine.terminate();

    const err: unknown = await db.prisma.achievement.count().catch((e: unknown) => e);
    expect(mapPrismaError(err).code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(await db.ping(PING_MS)).toBe(false);
    await expect(embedded.engine.query('SELECT 1')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await db.close();
    expect(existsSync(lockPathFor(folder))).toBe(false);
  });

  it('an engine started on its own answers before it is ready: messages wait for PGlite to open', async () => {
    const engine = startPgliteEngine({ dataDir: newFolder(), extraStartParams: [] });
    try {
      // Sent at once, answered once PGlite is open.
      const client = await connectClient(engine);
      const rows = await client.query<{ n: number }>('SELECT 7 AS n');
      expect(rows.rows[0]?.n).toBe(7);
      await client.end();
    } finally {
      await engine.close();
    }
  });
});
