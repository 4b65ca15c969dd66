// `node dist/import-legacy.js --from <legacy DATABASE_URL> [--dry-run | --verify] [--report <file>]`: the
// legacy database import shipped in the build (docs/cut-over.md). The target is the configured
// DATABASE_URL, migrated beforehand with `node dist/migrate.js migrate`.
import { loadConfigOrExit } from '@mathakine/config';

import { dbOptions } from './db-options.ts';
import { runLegacyImportCommand } from './legacy-import-command.ts';

const config = loadConfigOrExit();
process.exitCode = await runLegacyImportCommand(process.argv.slice(2), {
  database: dbOptions(config),
});
