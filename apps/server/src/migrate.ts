// The deploy-time database command shipped in the build: `node dist/migrate.js migrate|rollback [n]|status`.
// Production runs `migrate` as the pre-deploy step, before `start` (never at import time).
import { loadConfigOrExit } from '@mathakine/config';

import { runDbCommand } from './db-commands.ts';
import { dbOptions } from './db-options.ts';
import { migrationsDir } from './paths.ts';

const config = loadConfigOrExit();
const code = await runDbCommand(process.argv.slice(2), {
  database: dbOptions(config),
  migrationsDir: migrationsDir(),
  environment: { name: config.environment, isProduction: config.isProduction },
});
process.exit(code);
