/**
 * The database commands: `migrate`, `rollback [n]`, `status`, `check`, `seed-demo`. Run from source by the
 * root `pnpm db:*` scripts (src/db-cli.ts) and, for `migrate`, `rollback` and `status`, by the deploy-time
 * bundle entry (src/migrate.ts). Nothing here reads the environment or guesses paths: the entry points
 * pass the configured database (db-options.ts) and the folders.
 */
import path from 'node:path';

import { createCore, systemClock } from '@mathakine/core';
import {
  createDb,
  createMigrator,
  DB_DEFAULTS,
  formatStatus,
  migrateDatabase,
  seedDemo,
  type ManagedDatabase,
} from '@mathakine/core/db';
import type { DriftReport, RunDriftCheckOptions } from '@mathakine/core/db/drift';

import type { ConfiguredDbOptions } from './db-options.ts';
import { createLogger } from './logger.ts';

export interface DbCommandOptions {
  database: ConfiguredDbOptions;
  /** `prisma/migrations` (source tree) or the copy shipped next to the bundle. */
  migrationsDir: string;
  /**
   * The drift check (`check`), a development tool (it needs @prisma/get-dmmf): only the source-tree entry
   * passes it, so the deploy bundle never loads it.
   */
  drift?: {
    schemaPath: string;
    /** `prisma/drift-allowlist.json` (a missing file is an empty allow-list). */
    allowlistPath: string;
    run: (options: RunDriftCheckOptions) => Promise<DriftReport>;
  };
  /**
   * The configured environment (`ENVIRONMENT`, production detection). `seed-demo` runs only in
   * development: it creates accounts whose passwords are public.
   */
  environment?: { name: string; isProduction: boolean };
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export const DB_COMMANDS_USAGE = `Usage: db <command>
  migrate            apply pending migrations, then the reference data (badge catalogue, default settings)
  rollback [n]       revert the last n applied migrations (default 1) with their down.sql
  status             list applied / pending / changed / missing migrations
  check [--current]  drift check: migrate a fresh empty database and compare it with prisma/schema.prisma
                     (--current: check the configured database as it is)
  seed-demo          insert a few demo learners, exercises and challenges, and the demo account
                     ObiWan / HelloThere123! with some history (development only)`;

/** A command line holds at most 2 connections and gives a long migration a minute. */
const openDb = (database: ConfiguredDbOptions): Promise<ManagedDatabase> =>
  createDb({
    ...database,
    applicationName: 'mathakine-cli',
    poolSize: Math.min(database.poolSize ?? DB_DEFAULTS.poolSize, 2),
    transactionTimeoutMs: Math.max(
      database.transactionTimeoutMs ?? DB_DEFAULTS.transactionTimeoutMs,
      60_000,
    ),
  });

const withDb = async <T>(
  database: ConfiguredDbOptions,
  use: (db: ManagedDatabase) => Promise<T>,
): Promise<T> => {
  const db = await openDb(database);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
};

const parseSteps = (arg: string | undefined): number => {
  if (arg === undefined) return 1;
  if (!/^\d+$/.test(arg) || Number(arg) < 1)
    throw new Error(`rollback: expected a positive number of migrations, got "${arg}"`);
  return Number(arg);
};

/** Runs one command; resolves to the process exit code (never calls process.exit). */
export const runDbCommand = async (
  argv: readonly string[],
  options: DbCommandOptions,
): Promise<number> => {
  const out = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const err = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const line = (text: string): void => {
    out(`${text}\n`);
  };
  const [command, ...args] = argv;
  const { database, migrationsDir } = options;
  const where =
    database.url === null
      ? `embedded PGlite (${path.resolve(database.dataDir)})`
      : 'PostgreSQL (DATABASE_URL)';

  try {
    switch (command) {
      case 'migrate': {
        line(`Migrating ${where} from ${migrationsDir}`);
        const { reference: r } = await withDb(database, (db) =>
          migrateDatabase(db, { migrationsDir, onProgress: line }),
        );
        line(
          `Reference data: ${r.badgesInserted} badge(s) inserted, ${r.badgesUpdated} updated, ${r.settingsInserted} setting(s) inserted.`,
        );
        return 0;
      }
      case 'rollback': {
        const steps = parseSteps(args[0]);
        line(`Rolling back ${steps} migration(s) on ${where}`);
        await withDb(database, (db) =>
          createMigrator(db.migrationTarget, { migrationsDir, onProgress: line }).down(steps),
        );
        return 0;
      }
      case 'status': {
        const status = await withDb(database, (db) =>
          createMigrator(db.migrationTarget, { migrationsDir }).status(),
        );
        line(`Migrations on ${where}:`);
        line(formatStatus(status));
        return status.changed.length > 0 || status.missing.length > 0 ? 1 : 0;
      }
      case 'check': {
        if (options.drift === undefined) {
          throw new Error(
            'the drift check is a development tool: run `pnpm db:check` from the source tree',
          );
        }
        const report = await options.drift.run({
          database: { url: database.url, dataDir: database.dataDir },
          current: args.includes('--current'),
          migrationsDir,
          schemaPath: options.drift.schemaPath,
          allowlistPath: options.drift.allowlistPath,
          onProgress: line,
        });
        return report.ok ? 0 : 1;
      }
      case 'seed-demo': {
        const environment = options.environment;
        if (
          environment === undefined ||
          environment.isProduction ||
          environment.name !== 'development'
        ) {
          err(
            `seed-demo refused: it creates accounts with public passwords, so it runs in development only (environment: ${environment?.isProduction ? 'production' : (environment?.name ?? 'unknown')}).\n`,
          );
          return 1;
        }
        line(
          await withDb(database, (db) => {
            const log = createLogger({ level: 'warn' });
            const core = createCore({ db, log, clock: systemClock });
            return seedDemo(db.prisma, {
              log,
              submitAnswer: core.exercises.submitAnswer,
              attemptChallenge: core.challenges.attempt,
            });
          }),
        );
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        line(DB_COMMANDS_USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`Unknown command "${command}".\n${DB_COMMANDS_USAGE}\n`);
        return 2;
    }
  } catch (e) {
    err(`${command} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
};
