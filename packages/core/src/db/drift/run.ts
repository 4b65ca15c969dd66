/** `pnpm db:check`: migrate a fresh database (or take the configured one) and compare it with the schema. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { createMigrator, openSqlSession, type SqlSession } from '../migrate.ts';
import { MEMORY_DATA_DIR, openPglite } from '../pglite.ts';
import { connectPostgres, quoteIdent, withDatabaseName } from '../postgres.ts';
import { readAllowlist } from './allowlist.ts';
import { introspectSchema } from './catalog.ts';
import { compareSchema, formatDriftReport, type DriftReport } from './compare.ts';
import { expectedSchemaFromPrisma } from './expected.ts';

export interface CheckDriftOptions {
  schemaPath: string;
  allowlistPath: string;
}

/** Compares the database behind `session` (already migrated) with the Prisma schema file. */
export const checkDrift = async (
  session: SqlSession,
  options: CheckDriftOptions,
): Promise<DriftReport> => {
  const expected = expectedSchemaFromPrisma(await readFile(options.schemaPath, 'utf8'));
  const allowlist = await readAllowlist(options.allowlistPath);
  return compareSchema(expected, await introspectSchema(session), allowlist);
};

export interface RunDriftCheckOptions extends CheckDriftOptions {
  database: { url: string | null; dataDir: string };
  /** Check the configured database as it is, instead of migrating a fresh empty one. */
  current: boolean;
  migrationsDir: string;
  onProgress?: (line: string) => void;
}

/**
 * `pnpm db:check`: migrates a fresh empty database (in-memory PGlite, or a throwaway database on the
 * DATABASE_URL server, dropped afterwards) and compares it with the Prisma schema; prints the report.
 */
export const runDriftCheck = async (options: RunDriftCheckOptions): Promise<DriftReport> => {
  const progress = options.onProgress ?? (() => undefined);
  const finish = (report: DriftReport): DriftReport => {
    progress(formatDriftReport(report));
    return report;
  };
  const { url } = options.database;

  if (options.current) {
    if (url !== null) {
      const session = await openSqlSession({ kind: 'postgres', url });
      try {
        return finish(await checkDrift(session, options));
      } finally {
        await session.close();
      }
    }
    const opened = await openPglite({ dataDir: options.database.dataDir });
    try {
      return finish(
        await checkDrift(
          await openSqlSession({ kind: 'pglite', pglite: opened.pglite, instance: opened.pglite }),
          options,
        ),
      );
    } finally {
      await opened.close();
    }
  }

  if (url === null) {
    progress('Drift check on a fresh in-memory PGlite database');
    const opened = await openPglite({ dataDir: MEMORY_DATA_DIR });
    try {
      const target = { kind: 'pglite', pglite: opened.pglite, instance: opened.pglite } as const;
      await createMigrator(target, { migrationsDir: options.migrationsDir }).up();
      return finish(await checkDrift(await openSqlSession(target), options));
    } finally {
      await opened.close();
    }
  }

  const name = `mathakine_drift_${randomBytes(6).toString('hex')}`;
  progress(`Drift check on a fresh PostgreSQL database ${name}`);
  const admin = await connectPostgres(url);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    try {
      const target = { kind: 'postgres', url: withDatabaseName(url, name) } as const;
      await createMigrator(target, { migrationsDir: options.migrationsDir }).up();
      const session = await openSqlSession(target);
      try {
        return finish(await checkDrift(session, options));
      } finally {
        await session.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
};
