// The database command line of the source tree: `pnpm db:migrate`, `db:rollback [n]`, `db:status`,
// `db:check`, `db:seed:demo` (root package.json → `pnpm --filter @mathakine/server db <command>`, run by
// tsx; never bundled). Same configuration and commands as the deploy-time `dist/migrate.js`, plus the
// development tools (the drift check, the demo data).
import { fileURLToPath } from 'node:url';

import { loadConfigOrExit } from '@mathakine/config';
import { runDriftCheck } from '@mathakine/core/db/drift';

import { runDbCommand } from './db-commands.ts';
import { dbOptions } from './db-options.ts';
import { migrationsDir } from './paths.ts';

const prismaDir = fileURLToPath(new URL('../../../prisma/', import.meta.url));
const config = loadConfigOrExit();
process.exitCode = await runDbCommand(process.argv.slice(2), {
  database: dbOptions(config),
  migrationsDir: migrationsDir(),
  environment: { name: config.environment, isProduction: config.isProduction },
  drift: {
    schemaPath: `${prismaDir}schema.prisma`,
    allowlistPath: `${prismaDir}drift-allowlist.json`,
    run: runDriftCheck,
  },
});
