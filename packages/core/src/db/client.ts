import type { PrismaPg as PrismaPgAdapter } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';

import { PrismaClient } from './generated/client.ts';
import type { MigrationTarget } from './migrate.ts';
import {
  closeInOrder,
  isMemoryDataDir,
  openPglite,
  openPgliteThread,
  type OpenedPgliteThread,
} from './pglite.ts';
import { createStatementNamer, postgresPoolConfig } from './postgres.ts';
import { createSqlTransactionRunner } from './sql-transaction.ts';
import type { Database } from './types.ts';

export interface CreateDbOptions {
  /** PostgreSQL URL. Absent / null → embedded PGlite under `dataDir`. */
  url?: string | null;
  /** Embedded database folder (the caller decides the default), or `memory://`. Required without `url`. */
  dataDir?: string;
  /**
   * Embedded only: the folder's database already opening in its thread (`openPgliteThread`, started
   * before anything else loads); the returned database owns it. Without it, a folder is opened here.
   */
  embedded?: OpenedPgliteThread;
  /** Embedded only: start from a `dumpDataDir()` tarball (test harness). */
  loadDataDir?: Blob;
  poolSize?: number;
  statementTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /** Interactive transaction timeout: a transaction still open after this is rolled back and fails. */
  transactionTimeoutMs?: number;
  /** How long `$transaction` may wait to start (for a pooled connection, or PGlite's single session). */
  transactionMaxWaitMs?: number;
  applicationName?: string;
  /**
   * PostgreSQL and a folder's embedded database (default true): each distinct statement text (up to a
   * bound) gets a stable name, so `pg` prepares it once per connection and PostgreSQL can reuse its plan
   * instead of parsing and planning it on every execution. Turn off behind a transaction-mode pooler
   * (PgBouncer) that cannot keep them.
   */
  preparedStatements?: boolean;
  /**
   * PostgreSQL only: told about every error a pooled connection reports outside a query (the server
   * terminated it: restart, failover, idle timeout). Such an error never crashes the process; the
   * connection is dropped and the next query opens a new one. Default: ignored.
   */
  onConnectionError?: (err: Error) => void;
}

/** A `Database` plus what the migrate runner and the test harness need to reach the same database. */
export interface ManagedDatabase extends Database {
  readonly migrationTarget: MigrationTarget;
}

export const DB_DEFAULTS = {
  poolSize: 10,
  statementTimeoutMs: 15_000,
  connectionTimeoutMs: 5_000,
  transactionTimeoutMs: 10_000,
  transactionMaxWaitMs: 5_000,
} as const;

const ping = async (prisma: PrismaClient, timeoutMs: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  const query = prisma.$queryRawUnsafe('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * A `pg` client emits `error` when the server ends its session outside a query (57P01 on a restart or
 * failover, a dropped socket); with no listener at that moment Node turns the event into an uncaught
 * exception and the process dies. The pool listens on idle clients only, and Prisma's adapter on a
 * transaction's client only while the transaction runs, so a client checked out between the two had
 * none. Every client gets a permanent listener as it is created, and the pool's own `error` (an idle
 * client lost) is handled too: the error is reported, the dead client is discarded by the pool, and the
 * query that was running on it fails on its own (mapped to 503 by `mapPrismaError`).
 */
export const guardPoolErrors = (pool: pg.Pool, onError: (err: Error) => void): void => {
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', onError);
  });
};

interface TransactionLimits {
  maxWait: number;
  timeout: number;
}

/** Prisma's client and `sqlTransaction` on one adapter factory (the same pool or PGlite instance). */
const prismaWithSqlTransactions = async (
  factory: SqlDriverAdapterFactory,
  transactionOptions: TransactionLimits,
): Promise<Pick<Database, 'prisma' | 'sqlTransaction'>> => {
  const prisma = new PrismaClient({ adapter: factory, transactionOptions });
  const sqlTransaction = createSqlTransactionRunner(await factory.connect(), {
    maxWaitMs: transactionOptions.maxWait,
    timeoutMs: transactionOptions.timeout,
  });
  return { prisma, sqlTransaction };
};

/** Prisma on a `pg` pool (PostgreSQL, or the embedded engine's thread): errors guarded, statements named. */
const prismaOverPool = (
  PrismaPg: typeof PrismaPgAdapter,
  pool: pg.Pool,
  options: CreateDbOptions,
  transactionOptions: TransactionLimits,
): Promise<Pick<Database, 'prisma' | 'sqlTransaction'>> => {
  guardPoolErrors(pool, options.onConnectionError ?? (() => undefined));
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    ...(options.preparedStatements === false
      ? {}
      : { statementNameGenerator: createStatementNamer() }),
  });
  return prismaWithSqlTransactions(adapter, transactionOptions);
};

/** An embedded database (one session: one transaction at a time); closing it closes Prisma, then the engine. */
const embeddedDatabase = (
  { prisma, sqlTransaction }: Pick<Database, 'prisma' | 'sqlTransaction'>,
  migrationTarget: Extract<MigrationTarget, { kind: 'pglite' }>,
  closeEngine: () => Promise<void>,
): ManagedDatabase => ({
  kind: 'pglite',
  prisma,
  sqlTransaction,
  transactionSlots: 1,
  migrationTarget,
  ping: (timeoutMs) => ping(prisma, timeoutMs),
  close: closeInOrder(() => prisma.$disconnect(), closeEngine),
});

/**
 * A folder's embedded database in its own thread, reached like PostgreSQL: `pg` (one connection: PGlite
 * has one backend) and Prisma's pg adapter. The driver loads and Prisma starts while PGlite opens.
 */
const openEmbeddedThread = async (
  opened: OpenedPgliteThread,
  options: CreateDbOptions,
  transactionOptions: { maxWait: number; timeout: number },
): Promise<ManagedDatabase> => {
  const { engine } = opened;
  try {
    const [{ PrismaPg }, { default: pgDriver }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('pg'),
    ]);
    const pool = new pgDriver.Pool({
      max: 1,
      // The one session stays open: a new one would deallocate every prepared statement.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? DB_DEFAULTS.connectionTimeoutMs,
      stream: () => engine.socket(),
    });
    const client = await prismaOverPool(PrismaPg, pool, options, transactionOptions);
    // Prisma's query compiler compiles while PGlite opens.
    await Promise.all([client.prisma.$connect(), engine.ready]);
    return embeddedDatabase(client, { kind: 'pglite', pglite: engine, instance: null }, () =>
      opened.close(),
    );
  } catch (err) {
    await opened.close();
    throw err;
  }
};

/**
 * Opens the process's database: PostgreSQL through `@prisma/adapter-pg` when `url` is set, otherwise PGlite:
 * a folder (under an exclusive lock) in its own thread, reached through the same adapter; `memory://` or a
 * loaded dump (the test harness) in process. Interactive transaction limits are set once here; on
 * PGlite they are what turns a query issued outside `tx` inside `$transaction` (a self-deadlock on its
 * single session) into a fast error instead of a hang.
 */
export const createDb = async (options: CreateDbOptions): Promise<ManagedDatabase> => {
  const transactionOptions = {
    maxWait: options.transactionMaxWaitMs ?? DB_DEFAULTS.transactionMaxWaitMs,
    timeout: options.transactionTimeoutMs ?? DB_DEFAULTS.transactionTimeoutMs,
  };

  if (options.url !== undefined && options.url !== null && options.url !== '') {
    const url = options.url;
    // Imported here: a server on the embedded database never loads the PostgreSQL driver (cold start, memory).
    const [{ PrismaPg }, { default: pgDriver }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('pg'),
    ]);
    const poolSize = options.poolSize ?? DB_DEFAULTS.poolSize;
    const pool = new pgDriver.Pool(
      postgresPoolConfig({
        url,
        poolSize,
        statementTimeoutMs: options.statementTimeoutMs ?? DB_DEFAULTS.statementTimeoutMs,
        connectionTimeoutMs: options.connectionTimeoutMs ?? DB_DEFAULTS.connectionTimeoutMs,
        idleInTransactionTimeoutMs: Math.max(transactionOptions.timeout * 2, 10_000),
        applicationName: options.applicationName ?? 'mathakine',
      }),
    );
    const { prisma, sqlTransaction } = await prismaOverPool(
      PrismaPg,
      pool,
      options,
      transactionOptions,
    );
    let closed = false;
    return {
      kind: 'postgres',
      prisma,
      sqlTransaction,
      transactionSlots: poolSize,
      migrationTarget: { kind: 'postgres', url },
      ping: (timeoutMs) => ping(prisma, timeoutMs),
      close: async () => {
        if (closed) return;
        closed = true;
        await prisma.$disconnect();
      },
    };
  }

  if (options.dataDir === undefined || options.dataDir === '') {
    throw new Error(
      'createDb: without a database URL, a data folder (dataDir, or memory://) is required.',
    );
  }
  if (options.embedded !== undefined) {
    return openEmbeddedThread(options.embedded, options, transactionOptions);
  }
  if (!isMemoryDataDir(options.dataDir) && options.loadDataDir === undefined) {
    return openEmbeddedThread(openPgliteThread(options.dataDir), options, transactionOptions);
  }
  const opened = await openPglite({
    dataDir: options.dataDir,
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  return embeddedDatabase(
    await prismaWithSqlTransactions(new PrismaPGlite(opened.pglite), transactionOptions),
    { kind: 'pglite', pglite: opened.pglite, instance: opened.pglite },
    () => opened.close(),
  );
};
