// `node dist/create-admin.js`: creates the first administrator (role archiviste) from DEFAULT_ADMIN_EMAIL,
// DEFAULT_ADMIN_USERNAME and DEFAULT_ADMIN_PASSWORD. Idempotent: running it again changes nothing. An existing
// non-administrator account with that e-mail or username is refused, unless `--promote` is passed and the
// account owns the verified configured e-mail (its password is never changed).
import { loadConfigOrExit } from '@mathakine/config';
import { AppError, createCore, systemClock } from '@mathakine/core';
import { createDb, migrateDatabase } from '@mathakine/core/db';

import { createAccountsPorts } from './accounts-ports.ts';
import { dbOptions } from './db-options.ts';
import { createLogger } from './logger.ts';
import { migrationsDir } from './paths.ts';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel });

const run = async (): Promise<number> => {
  const { email, username, password } = config.admin;
  if (!email || !password) {
    log.error(
      'DEFAULT_ADMIN_EMAIL and DEFAULT_ADMIN_PASSWORD are required to create the first administrator',
    );
    return 2;
  }
  const db = await createDb({ ...dbOptions(config), poolSize: 2 });
  // The embedded database migrates itself, as the server does; PostgreSQL is migrated by the deploy step.
  if (db.kind === 'pglite') await migrateDatabase(db, { migrationsDir: migrationsDir() });
  const ports = createAccountsPorts(config, log);
  try {
    const core = createCore({ db, log, clock: systemClock, ...ports.deps });
    const result = await core.users.ensureAdmin(
      { actor: null, log, requestId: 'create-admin' },
      { email, username, password, promoteExisting: process.argv.includes('--promote') },
    );
    log.info(
      result,
      result.created
        ? 'administrator created'
        : result.promoted
          ? 'administrator promoted'
          : 'administrator already present',
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      log.error({ code: err.code }, err.message);
      return 1;
    }
    throw err;
  } finally {
    await ports.close();
    await db.close();
  }
};

process.exit(await run());
