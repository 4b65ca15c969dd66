import type { AppConfig } from '@mathakine/config';
import type { CreateDbOptions } from '@mathakine/core/db';

/** The configured database: a PostgreSQL URL, or null for the embedded PGlite under `dataDir`. */
export type ConfiguredDbOptions = CreateDbOptions & { url: string | null; dataDir: string };

/**
 * THE mapping from the configuration to the database settings: every entry point (server, migrate,
 * create-admin, the database CLI) opens the database through it.
 */
export const dbOptions = (config: AppConfig): ConfiguredDbOptions => ({
  url: config.database.url,
  dataDir: config.database.dataDir,
  poolSize: config.database.poolSize,
  statementTimeoutMs: config.database.statementTimeoutMs,
  connectionTimeoutMs: config.database.connectTimeoutMs,
  transactionTimeoutMs: config.database.transactionTimeoutMs,
  transactionMaxWaitMs: config.database.transactionMaxWaitMs,
  preparedStatements: config.database.preparedStatements,
});
