import type { AppConfig } from '@mathakine/config';
import type { CreateDbOptions } from '@mathakine/core/db';

/** The database settings of the configuration, as every entry point (server, migrate, create-admin) opens it. */
export const dbOptions = (config: AppConfig): CreateDbOptions => ({
  url: config.database.url,
  dataDir: config.database.dataDir,
  poolSize: config.database.poolSize,
  statementTimeoutMs: config.database.statementTimeoutMs,
  connectionTimeoutMs: config.database.connectTimeoutMs,
  transactionTimeoutMs: config.database.transactionTimeoutMs,
  transactionMaxWaitMs: config.database.transactionMaxWaitMs,
});
