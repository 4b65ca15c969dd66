/**
 * Provisioning a database: the SQL migrations (db/migrate.ts), then this feature's reference data. What the
 * deploy step, the embedded database on server start and the test harness run.
 */
import type { ManagedDatabase } from '../db/client.ts';
import { createMigrator, type MigrationRunResult } from '../db/migrate.ts';
import { ensureReferenceData, type ApplyReferenceDataResult } from './apply.ts';

export interface MigrateDatabaseResult extends MigrationRunResult {
  reference: ApplyReferenceDataResult;
}

/**
 * Applies pending migrations, then the reference data when it is not already current (idempotent). Used
 * by the CLI, by the embedded default on server start (the only database that migrates itself) and by
 * the test harness.
 */
export const migrateDatabase = async (
  db: ManagedDatabase,
  options: { migrationsDir: string; onProgress?: (line: string) => void },
): Promise<MigrateDatabaseResult> => {
  const migrator = createMigrator(db.migrationTarget, {
    migrationsDir: options.migrationsDir,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const result = await migrator.up();
  const reference = await ensureReferenceData(db.prisma);
  return { ...result, reference };
};
