import type { Prisma, PrismaClient } from './generated/client.ts';

/** A Prisma client or an interactive-transaction client: repo functions accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/** The process's database: the Prisma client plus what the platform needs around it. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  /** Transactions the database can run at once: the pool's size (PostgreSQL), 1 (PGlite's one session). */
  readonly transactionSlots: number;
  /** True when a trivial query answers within `timeoutMs`. Never throws. */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}
