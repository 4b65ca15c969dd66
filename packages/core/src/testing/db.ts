import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

import { createDb, type CreateDbOptions, type ManagedDatabase } from '../db/client.ts';
import type { PrismaClient } from '../db/generated/client.ts';
import { MIGRATIONS_TABLE, type MigrationTarget } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { connectPostgres, quoteIdent, withDatabaseName } from '../db/postgres.ts';
import { applyReferenceData } from '../reference/index.ts';

/** What globalSetup hands every test file (through vitest's provide / inject). */
export type TestDbTemplate =
  | {
      kind: 'pglite';
      /** `dumpDataDir()` tarball of a migrated database with reference data. */ tarballPath: string;
    }
  | {
      kind: 'postgres';
      /** Server URL (DATABASE_URL). */ url: string;
      template: string;
      /** Name prefix of this run's clones. */ prefix: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    mathakineTestDb: TestDbTemplate;
  }
}

/** The repository's migrations folder (the harness and tests run from source). */
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../prisma/migrations');

/** Tables whose rows are reference data: kept by resetDb (settings are restored to their defaults). */
export const REFERENCE_TABLES = ['achievements'] as const;

export interface TestDatabase {
  db: ManagedDatabase;
  prisma: PrismaClient;
  /** Closes the connection and, on PostgreSQL, drops the cloned database. Idempotent. */
  dispose(): Promise<void>;
}

const templateFromSetup = (): TestDbTemplate => {
  const template = inject('mathakineTestDb') as TestDbTemplate | undefined;
  if (template === undefined) {
    throw new Error(
      "No test database template: add @mathakine/core/testing/global-setup to this vitest project's globalSetup (see packages/core/vitest.config.ts).",
    );
  }
  return template;
};

/**
 * A fresh database for the calling test file, cloned from the template globalSetup migrated once:
 * PGlite in memory loaded from the tarball, or `CREATE DATABASE … TEMPLATE …` on PostgreSQL.
 */
export const createTestDatabase = async (
  options: Omit<CreateDbOptions, 'url' | 'dataDir' | 'loadDataDir'> = {},
): Promise<TestDatabase> => {
  const template = templateFromSetup();
  if (template.kind === 'pglite') {
    const tarball = await readFile(template.tarballPath);
    const db = await createDb({
      ...options,
      dataDir: 'memory://',
      loadDataDir: new Blob([tarball]),
    });
    return { db, prisma: db.prisma, dispose: () => db.close() };
  }
  const name = `${template.prefix}${randomBytes(4).toString('hex')}`;
  const admin = await connectPostgres(template.url, { applicationName: 'mathakine-test-harness' });
  try {
    await admin.query(
      `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template.template)}`,
    );
  } finally {
    await admin.end();
  }
  const db = await createDb({ poolSize: 4, ...options, url: withDatabaseName(template.url, name) });
  let disposed = false;
  return {
    db,
    prisma: db.prisma,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await db.close();
      const again = await connectPostgres(template.url, {
        applicationName: 'mathakine-test-harness',
      });
      try {
        await again.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
};

export interface EmptyDatabase {
  target: MigrationTarget;
  /** PostgreSQL URL of the database, or null for the in-memory PGlite. */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * An empty database (no migrations) of the run's kind, for migrate-runner and drift tests: a new in-memory
 * PGlite, or a new database on the DATABASE_URL server (dropped by dispose, or by globalSetup's teardown).
 */
export const createEmptyDatabase = async (): Promise<EmptyDatabase> => {
  const template = templateFromSetup();
  if (template.kind === 'pglite') {
    const opened = await openPglite({ dataDir: 'memory://' });
    return {
      target: { kind: 'pglite', pglite: opened.pglite, instance: opened.pglite },
      url: null,
      dispose: () => opened.close(),
    };
  }
  const name = `${template.prefix}${randomBytes(4).toString('hex')}`;
  const admin = await connectPostgres(template.url, { applicationName: 'mathakine-test-harness' });
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(template.url, name);
  return {
    target: { kind: 'postgres', url },
    url,
    dispose: async () => {
      const again = await connectPostgres(template.url, {
        applicationName: 'mathakine-test-harness',
      });
      try {
        await again.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
};

let current: Promise<TestDatabase> | null = null;

/**
 * The test file's database (created on first call, shared by the file's tests, disposed by
 * @mathakine/core/testing/setup after the file). Pair it with `resetDb` in `beforeEach`.
 */
export const getTestDb = (): Promise<TestDatabase> => {
  current ??= createTestDatabase();
  return current;
};

/** Disposes the file's database if one was created (setup.ts calls it in afterAll). */
export const disposeTestDb = async (): Promise<void> => {
  const pending = current;
  current = null;
  if (pending !== null) await (await pending).dispose();
};

const userTablesCache = new WeakMap<PrismaClient, string[]>();

const userTables = async (prisma: PrismaClient): Promise<string[]> => {
  const cached = userTablesCache.get(prisma);
  if (cached !== undefined) return cached;
  const keep = new Set<string>([MIGRATIONS_TABLE, ...REFERENCE_TABLES]);
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const tables = rows.map((r) => r.name).filter((name) => !keep.has(name));
  userTablesCache.set(prisma, tables);
  return tables;
};

/**
 * Clears user data: every table except the migrations table and the badge catalogue is truncated with
 * RESTART IDENTITY CASCADE, then the reference data is re-applied (default settings restored; badges a
 * cascade removed are re-inserted) without the starter challenges, so every test starts with no logic
 * challenge. Call it in `beforeEach`.
 */
export const resetDb = async (prisma: PrismaClient): Promise<void> => {
  const tables = await userTables(prisma);
  if (tables.length > 0) {
    await prisma.$executeRawUnsafe(
      `TRUNCATE TABLE ${tables.map(quoteIdent).join(', ')} RESTART IDENTITY CASCADE`,
    );
  }
  await applyReferenceData(prisma, { starterChallenges: false });
};
