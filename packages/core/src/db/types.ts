import type { Prisma, PrismaClient } from './generated/client.ts';

/** A Prisma client or an interactive-transaction client: repo functions accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/**
 * What a statement-level repo function needs: parameterised raw statements (`Prisma.sql`), rows decoded as
 * Prisma's `$queryRaw` decodes them. A Prisma client, a Prisma interactive transaction and a
 * `Database.sqlTransaction` (db/sql-transaction.ts) all provide it.
 */
export interface SqlQueryable {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
}

/** The process's database: the Prisma client plus what the platform needs around it. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  /**
   * Runs `fn` in one transaction on Prisma's driver adapter, without the Prisma client's
   * interactive-transaction machinery (db/sql-transaction.ts): the attempt submissions, whose
   * statements are all `Prisma.sql`. Committed when `fn` resolves, rolled back when it throws.
   */
  sqlTransaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Transactions the database can run at once: the pool's size (PostgreSQL), 1 (PGlite's one session). */
  readonly transactionSlots: number;
  /** True when a trivial query answers within `timeoutMs`. Never throws. */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}
