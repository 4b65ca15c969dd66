import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../kernel/errors.ts';
import { createUser, getTestDb, resetDb } from '../testing/index.ts';
import { Prisma } from './generated/client.ts';
import { inProcessPglite } from './migrate.ts';
import { mapPrismaError } from './prisma-errors.ts';
import { createSqlTransactionRunner, type SqlTransactionOptions } from './sql-transaction.ts';
import type { SqlQueryable } from './types.ts';

const { db, prisma } = await getTestDb();

/**
 * A runner on an adapter of its own over the same database, with one connection (PGlite has one
 * session anyway), so that a held transaction makes the next one wait.
 */
const target = db.migrationTarget;
const factory =
  target.kind === 'pglite'
    ? new PrismaPGlite(inProcessPglite(target))
    : new PrismaPg({ connectionString: target.url, max: 1 });
const adapter = await factory.connect();
const runnerWith = (options: Partial<SqlTransactionOptions> = {}) =>
  createSqlTransactionRunner(adapter, { maxWaitMs: 10_000, timeoutMs: 10_000, ...options });

afterAll(async () => {
  await adapter.dispose();
});

beforeEach(async () => {
  await resetDb(prisma);
});

const usernames = async (): Promise<string[]> =>
  (await prisma.user.findMany({ select: { username: true }, orderBy: { id: 'asc' } })).map(
    (u) => u.username,
  );

const insertUser = (tx: SqlQueryable, username: string) =>
  tx.$queryRaw<{ id: number }[]>(Prisma.sql`
    INSERT INTO "users" ("username", "email", "hashed_password", "created_at", "updated_at")
    VALUES (${username}, ${`${username}@example.org`}, 'x', now(), now()) RETURNING "id"`);

/** A promise and its resolver: a transaction held open until the test lets it finish. */
const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
};

describe('sqlTransaction: rows decoded as Prisma decodes them', () => {
  // Every kind of column the repos select, with its NULL, and every kind of parameter they send.
  const everyType = (at: Date) => Prisma.sql`
    SELECT 7::int AS "int4", count(*) AS "int8", 2.5::float8 AS "float8", 1.25::real AS "float4",
      12.345::numeric(10, 3) AS "numeric", true AS "bool", 'été'::text AS "text",
      'x'::varchar(3) AS "varchar", 'ADDITION'::"exercise_type" AS "enum",
      ${at}::timestamptz AS "timestamptz", ${at}::timestamp AS "timestamp", ${at}::date AS "date",
      '{"a": [1, {"b": null}], "c": "d"}'::jsonb AS "jsonb", '[1, 2]'::json AS "json",
      ARRAY[1, 2]::int[] AS "int4s", ARRAY[3, 4]::bigint[] AS "int8s", ARRAY['x', 'y']::text[] AS "texts",
      ARRAY[${at}::timestamptz] AS "timestamptzs", ARRAY[true, false] AS "bools",
      ARRAY['{"a":1}'::jsonb] AS "jsonbs", ARRAY[]::int[] AS "empty",
      ${'\u00e9t\u00e9 \u{1F680}'}::text AS "param_text", ${42}::int AS "param_int",
      ${2.75}::float8 AS "param_float", ${false}::boolean AS "param_bool",
      ${null}::text AS "param_null", ${[5, 6]}::int[] AS "param_ints",
      ${['a', 'b']}::text[] AS "param_texts", ${[at]}::timestamptz[] AS "param_dates",
      NULL::int AS "null_int4", NULL::bigint AS "null_int8", NULL::timestamptz AS "null_timestamptz",
      NULL::date AS "null_date", NULL::jsonb AS "null_jsonb", NULL::int[] AS "null_int4s",
      NULL::text AS "null_text", NULL::boolean AS "null_bool", NULL::numeric AS "null_numeric"
    FROM "users"`;

  it('gives the same rows as Prisma’s $queryRaw, value by value and type by type', async () => {
    await createUser(prisma);
    const at = new Date('2026-03-10T12:34:56.789Z');
    const viaPrisma = await prisma.$queryRaw<Record<string, unknown>[]>(everyType(at));
    const viaAdapter = await db.sqlTransaction((tx) =>
      tx.$queryRaw<Record<string, unknown>[]>(everyType(at)),
    );
    expect(viaAdapter).toEqual(viaPrisma);
    const row = viaAdapter[0];
    // The comparison above is only as good as the values it compares: they are the typed ones.
    expect(row).toMatchObject({
      int4: 7,
      int8: 1n,
      float8: 2.5,
      bool: true,
      text: 'été',
      enum: 'ADDITION',
      timestamptz: at,
      date: new Date('2026-03-10T00:00:00.000Z'),
      jsonb: { a: [1, { b: null }], c: 'd' },
      json: [1, 2],
      int4s: [1, 2],
      int8s: [3n, 4n],
      texts: ['x', 'y'],
      timestamptzs: [at],
      jsonbs: [{ a: 1 }],
      empty: [],
      param_text: 'été 🚀',
      param_int: 42,
      param_float: 2.75,
      param_bool: false,
      param_null: null,
      param_ints: [5, 6],
      param_texts: ['a', 'b'],
      param_dates: [at],
      null_int4: null,
      null_jsonb: null,
      null_int4s: null,
    });
    expect(Object.keys(row ?? {})).toEqual(Object.keys(viaPrisma[0] ?? {}));
  });

  it('gives no rows for a statement that returns none, as Prisma does', async () => {
    const none = Prisma.sql`SELECT "id" FROM "users" WHERE "id" = ${-1}`;
    const viaAdapter = await db.sqlTransaction((tx) => tx.$queryRaw<unknown[]>(none));
    expect(viaAdapter).toEqual([]);
    expect(viaAdapter).toEqual(await prisma.$queryRaw<unknown[]>(none));
  });
});

describe('sqlTransaction: one transaction', () => {
  it('commits when the function resolves, and returns its value', async () => {
    const result = await db.sqlTransaction(async (tx) => {
      await insertUser(tx, 'han');
      await insertUser(tx, 'leia');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await usernames()).toEqual(['han', 'leia']);
  });

  it('rolls back everything when the function throws, and rethrows the same error', async () => {
    const failure = new AppError('NOT_FOUND', 'Exercice introuvable');
    await expect(
      db.sqlTransaction(async (tx) => {
        await insertUser(tx, 'han');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await usernames()).toEqual([]);
    // The connection went back clean: the next transaction works.
    await db.sqlTransaction((tx) => insertUser(tx, 'leia'));
    expect(await usernames()).toEqual(['leia']);
  });

  it('reports a database refusal as the adapter error mapPrismaError reads, and rolls back', async () => {
    let caught: unknown = null;
    try {
      await db.sqlTransaction(async (tx) => {
        await insertUser(tx, 'han');
        await insertUser(tx, 'han');
      });
    } catch (err) {
      caught = err;
    }
    expect(mapPrismaError(caught).code).toBe('CONFLICT');
    expect(await usernames()).toEqual([]);
    await db.sqlTransaction((tx) => insertUser(tx, 'chewie'));
    expect(await usernames()).toEqual(['chewie']);
  });

  it('sees its own writes, which other sessions see only after the commit', async () => {
    const held = gate();
    const inserted = gate();
    const running = runnerWith()(async (tx) => {
      await insertUser(tx, 'rey');
      const own = await tx.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS "n" FROM "users" WHERE "username" = 'rey'`,
      );
      inserted.open();
      await held.opened;
      return own[0]?.n;
    });
    await inserted.opened;
    if (db.kind === 'postgres') expect(await usernames()).toEqual([]);
    held.open();
    expect(await running).toBe(1);
    expect(await usernames()).toEqual(['rey']);
  });

  it('refuses a statement sent after the transaction ended', async () => {
    const late = await db.sqlTransaction((tx) => Promise.resolve(tx));
    await expect(insertUser(late, 'finn')).rejects.toThrow(/after the transaction ended/);
    expect(await usernames()).toEqual([]);
  });

  it('reports every statement it sends', async () => {
    const seen: string[] = [];
    await runnerWith({ onStatement: (sql) => seen.push(sql) })(async (tx) => {
      await insertUser(tx, 'poe');
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\s*INSERT INTO "users"/);
  });
});

describe('sqlTransaction: the limits of Prisma’s interactive transactions', () => {
  it('a transaction past its time runs no further statement: 503, everything rolled back', async () => {
    // A deadline already behind it (a negative budget): nothing waits on the clock.
    const expired = runnerWith({ timeoutMs: -1 });
    let caught: unknown = null;
    try {
      await expired(async (tx) => {
        await insertUser(tx, 'kylo');
        await insertUser(tx, 'hux');
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught instanceof AppError ? caught.code : null).toBe('DEPENDENCY_UNAVAILABLE');
    expect(await usernames()).toEqual([]);
  });

  it('a start that waits longer than maxWait is refused with 503 and writes nothing; it never runs later', async () => {
    const held = gate();
    const started = gate();
    const holder = runnerWith()(async (tx) => {
      await insertUser(tx, 'holder');
      started.open();
      await held.opened;
    });
    await started.opened;
    let ran = false;
    let caught: unknown = null;
    try {
      await runnerWith({ maxWaitMs: 50 })(async (tx) => {
        ran = true;
        await insertUser(tx, 'waiter');
      });
    } catch (err) {
      caught = err;
    }
    held.open();
    await holder;
    expect(ran).toBe(false);
    expect(caught instanceof AppError ? caught.code : null).toBe('DEPENDENCY_UNAVAILABLE');
    // The refused start, once it got the connection, gave it back: the next transaction runs.
    await runnerWith()((tx) => insertUser(tx, 'next'));
    expect(await usernames()).toEqual(['holder', 'next']);
  });
});
