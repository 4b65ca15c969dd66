// The deploy-time database command shipped in the build: `node dist/migrate.js migrate|rollback [n]|status`.
// Production runs `migrate` as the pre-deploy step, before `start` (never at import time).
import { loadConfigOrExit } from '@mathakine/config';
import { runCli } from '@mathakine/core/db';

import { migrationsDir } from './paths.ts';

const config = loadConfigOrExit();
const code = await runCli(process.argv.slice(2), {
  database: {
    url: config.database.url,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
    statementTimeoutMs: config.database.statementTimeoutMs,
    transactionTimeoutMs: config.database.transactionTimeoutMs,
    transactionMaxWaitMs: config.database.transactionMaxWaitMs,
    connectTimeoutMs: config.database.connectTimeoutMs,
  },
  migrationsDir: migrationsDir(),
});
process.exit(code);
