// @mathakine/core/db: the composition root's (apps/server) and the database CLI's access to the database.
// Services never import this: they receive `Database` through CoreDeps.
export type { Database, Db, Tx } from './types.ts';
export { createDb, DB_DEFAULTS, type CreateDbOptions, type ManagedDatabase } from './client.ts';
export {
  checksumOf,
  createMigrator,
  formatStatus,
  MIGRATION_LOCK_KEY,
  MIGRATIONS_TABLE,
  MigrationError,
  openSqlSession,
  readMigrations,
  type AppliedMigration,
  type MigrationFile,
  type MigrationRunResult,
  type MigrationState,
  type MigrationStatus,
  type MigrationStatusEntry,
  type MigrationTarget,
  type Migrator,
  type MigratorOptions,
  type SqlSession,
} from './migrate.ts';
export { acquireDataDirLock, lockPathFor, MEMORY_DATA_DIR } from './pglite.ts';
// Provisioning (migrations + reference data) and the demo data belong to the reference-data feature; the
// database command line that runs them lives in apps/server (src/db-cli.ts).
export {
  DEMO_ACCOUNT,
  migrateDatabase,
  seedDemo,
  type DemoActivity,
  type MigrateDatabaseResult,
} from '../reference/index.ts';
