/**
 * `Database.sqlTransaction`: one transaction on Prisma's driver adapter (`@prisma/adapter-pg`, or PGlite's
 * adapter in the test harness), for the attempt submissions (issue 17).
 *
 * Why: the same two statements cost ≈ 1.5 ms of Node.js CPU inside a Prisma interactive transaction
 * and ≈ 0.7 ms through the adapter that transaction runs on (`scripts/bench-compare.sh`, docs/performance.md,
 * eighth round): the client's transaction manager, its per-transaction client and its request pipeline,
 * not the SQL. What stays Prisma's: the adapter (pool, prepared statement names, error conversion into
 * `DriverAdapterError`, which `mapPrismaError` reads) and the decoding of rows (`deserializeRawResult`, the
 * function `$queryRaw` uses). A repo function written against `SqlQueryable` therefore returns the same
 * values here and through a Prisma client or transaction (`sql-transaction.int.test.ts` compares them).
 *
 * What Prisma's interactive transaction also did, kept: the start waits at most `maxWaitMs` for a
 * connection (then 503 `databaseBusy`, nothing written); a transaction older than `timeoutMs` runs no
 * further statement and rolls back; a statement after the end is refused.
 */
import { deserializeRawResult } from '@prisma/client/runtime/client';
import {
  ColumnTypeEnum,
  type ArgScalarType,
  type ArgType,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

import type { Prisma } from './generated/client.ts';
import { databaseBusy } from './prisma-errors.ts';
import type { SqlQueryable } from './types.ts';

export interface SqlTransactionOptions {
  /** How long the start may wait for a connection (PostgreSQL) or the session (PGlite). */
  maxWaitMs: number;
  /** A transaction running longer is rolled back: its next statement, or its commit, fails. */
  timeoutMs: number;
  /** Told the text of every statement the transaction sends, BEGIN and COMMIT aside (statement counts). */
  onStatement?: (sql: string) => void;
}

export type SqlTransactionRunner = <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>;

type RawResponse = Parameters<typeof deserializeRawResult>[0];
type RawColumnType = RawResponse['types'][number];

// The type names and value conversions of Prisma's own raw-query path (its query interpreter turns the
// adapter's result set into this form, then `deserializeRawResult` builds the rows).
const COLUMN_TYPE_NAMES: Readonly<Record<number, RawColumnType>> = {
  [ColumnTypeEnum.Int32]: 'int',
  [ColumnTypeEnum.Int64]: 'bigint',
  [ColumnTypeEnum.Float]: 'float',
  [ColumnTypeEnum.Double]: 'double',
  [ColumnTypeEnum.Text]: 'string',
  [ColumnTypeEnum.Enum]: 'enum',
  [ColumnTypeEnum.Bytes]: 'bytes',
  [ColumnTypeEnum.Boolean]: 'bool',
  [ColumnTypeEnum.Character]: 'char',
  [ColumnTypeEnum.Numeric]: 'decimal',
  [ColumnTypeEnum.Json]: 'json',
  [ColumnTypeEnum.Uuid]: 'uuid',
  [ColumnTypeEnum.DateTime]: 'datetime',
  [ColumnTypeEnum.Date]: 'date',
  [ColumnTypeEnum.Time]: 'time',
  [ColumnTypeEnum.Int32Array]: 'int-array',
  [ColumnTypeEnum.Int64Array]: 'bigint-array',
  [ColumnTypeEnum.FloatArray]: 'float-array',
  [ColumnTypeEnum.DoubleArray]: 'double-array',
  [ColumnTypeEnum.TextArray]: 'string-array',
  [ColumnTypeEnum.EnumArray]: 'string-array',
  [ColumnTypeEnum.BytesArray]: 'bytes-array',
  [ColumnTypeEnum.BooleanArray]: 'bool-array',
  [ColumnTypeEnum.CharacterArray]: 'char-array',
  [ColumnTypeEnum.NumericArray]: 'decimal-array',
  [ColumnTypeEnum.JsonArray]: 'json-array',
  [ColumnTypeEnum.UuidArray]: 'uuid-array',
  [ColumnTypeEnum.DateTimeArray]: 'datetime-array',
  [ColumnTypeEnum.DateArray]: 'date-array',
  [ColumnTypeEnum.TimeArray]: 'time-array',
  [ColumnTypeEnum.UnknownNumber]: 'unknown',
  [ColumnTypeEnum.Set]: 'string',
};

const typeNameOf = (columnType: number): RawColumnType => {
  const name = COLUMN_TYPE_NAMES[columnType];
  if (name === undefined) throw new Error(`Unexpected column type: ${String(columnType)}`);
  return name;
};

const valueOf = (value: unknown, columnType: number): unknown => {
  if (value === null) return null;
  switch (columnType) {
    case ColumnTypeEnum.Int32:
      return typeof value === 'string' ? Math.trunc(Number(value)) : value;
    case ColumnTypeEnum.Int64:
      return typeof value === 'number' ? BigInt(Math.trunc(value)) : value;
    case ColumnTypeEnum.Json:
      return typeof value === 'string' ? JSON.parse(value) : value;
    case ColumnTypeEnum.Boolean:
      return typeof value === 'string' ? value === 'true' || value === '1' : value;
    case ColumnTypeEnum.Int32Array:
    case ColumnTypeEnum.Int64Array:
    case ColumnTypeEnum.JsonArray:
    case ColumnTypeEnum.BooleanArray:
      return Array.isArray(value)
        ? value.map((v: unknown) => valueOf(v, columnType - ColumnTypeEnum.Int32Array))
        : value;
    default:
      return value;
  }
};

/** The adapter's result set as Prisma's raw response, then Prisma's rows. */
export const decodeResultSet = (result: SqlResultSet): Record<string, unknown>[] =>
  deserializeRawResult({
    columns: result.columnNames,
    types: result.columnTypes.map(typeNameOf),
    rows: result.rows.map((row) => row.map((v, i) => valueOf(v, result.columnTypes[i] ?? -1))),
  });

const scalarTypeOf = (value: unknown): ArgScalarType => {
  if (value instanceof Date) return 'datetime';
  if (value instanceof Uint8Array) return 'bytes';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'bigint';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'string':
      return 'string';
    default:
      return 'unknown';
  }
};

/** What the adapter needs to know of a parameter: dates are sent as UTC timestamps, lists element-wise. */
export const argTypeOf = (value: unknown): ArgType =>
  Array.isArray(value)
    ? { scalarType: scalarTypeOf(value.find((v: unknown) => v !== null)), arity: 'list' }
    : { scalarType: scalarTypeOf(value), arity: 'scalar' };

const sqlQueryOf = (query: Prisma.Sql): SqlQuery => ({
  sql: query.text,
  args: query.values,
  argTypes: query.values.map(argTypeOf),
});

const control = (sql: 'COMMIT' | 'ROLLBACK'): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * Ends a transaction: the statement first unless the adapter issues it itself (PGlite), then the
 * connection's release, which happens whatever the statement did (a failed COMMIT is a rollback).
 */
const end = async (tx: Transaction, how: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
  try {
    if (!tx.options.usePhantomQuery) await tx.executeRaw(control(how));
  } catch (err) {
    await tx.rollback();
    throw err;
  }
  await (how === 'COMMIT' ? tx.commit() : tx.rollback());
};

/** A transaction that started after its caller gave up: rolled back at once, errors ignored. */
const abandon = (tx: Transaction): void => {
  end(tx, 'ROLLBACK').catch(() => undefined);
};

const startWithin = async (adapter: SqlDriverAdapter, maxWaitMs: number): Promise<Transaction> => {
  let timer: NodeJS.Timeout | undefined;
  const started = adapter.startTransaction();
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(databaseBusy(new Error(`no connection within ${String(maxWaitMs)} ms`)));
    }, maxWaitMs);
  });
  try {
    return await Promise.race([started, timedOut]);
  } catch (err) {
    started.then(abandon, () => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
};

/** The runner of one database: every call opens its own transaction on `adapter`. */
export const createSqlTransactionRunner =
  (adapter: SqlDriverAdapter, options: SqlTransactionOptions): SqlTransactionRunner =>
  async <T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
    const tx = await startWithin(adapter, options.maxWaitMs);
    const deadline = performance.now() + options.timeoutMs;
    let open = true;
    const checkOpen = (): void => {
      if (!open) throw new Error('sqlTransaction: statement sent after the transaction ended');
      if (performance.now() > deadline) {
        throw databaseBusy(new Error(`transaction expired after ${String(options.timeoutMs)} ms`));
      }
    };
    const queryable: SqlQueryable = {
      $queryRaw: async <R>(query: Prisma.Sql): Promise<R> => {
        checkOpen();
        const statement = sqlQueryOf(query);
        options.onStatement?.(statement.sql);
        const rows: unknown = decodeResultSet(await tx.queryRaw(statement));
        // The caller states the row shape, as with Prisma's `$queryRaw<R>`.
        return rows as R;
      },
    };
    let result: T;
    try {
      result = await fn(queryable);
      checkOpen();
    } catch (err) {
      open = false;
      await end(tx, 'ROLLBACK').catch(() => undefined);
      throw err;
    }
    open = false;
    await end(tx, 'COMMIT');
    return result;
  };
