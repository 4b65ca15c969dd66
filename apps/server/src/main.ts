import { loadConfigOrExit } from '@mathakine/config';
import { isMemoryDataDir, openPgliteThread } from '@mathakine/core/db/embedded';

/**
 * The composition root: configuration → the embedded database's thread → logger → database → the
 * application (application.ts: core, API, HTTP). Only the configuration and the thread's starter are
 * imported up front: the thread starts before anything else loads, even the logger (pino, ≈ 45 ms).
 */
const main = async () => {
  const config = loadConfigOrExit();
  // The embedded database opens in its own thread from here on (≈ 1 s of PGlite start on another
  // core), while this thread loads the database layer and the application (cold start, issue 17).
  const { url, dataDir } = config.database;
  const embedded =
    url === null && !isMemoryDataDir(dataDir) ? openPgliteThread(dataDir) : undefined;
  const [{ createLogger }, { dbOptions }, { migrationsDir }] = await Promise.all([
    import('./logger.ts'),
    import('./db-options.ts'),
    import('./paths.ts'),
  ]);
  const log = createLogger({ level: config.logLevel });
  for (const warning of config.warnings) log.warn(warning);

  // The application's modules load while the database opens. Awaited once the database is ready.
  const application = import('./application.ts');
  // A failed import is reported where it is awaited, not as an unhandled rejection before.
  application.catch(() => undefined);

  const { createDb, migrateDatabase } = await import('@mathakine/core/db');
  const db = await createDb({
    ...dbOptions(config),
    ...(embedded === undefined ? {} : { embedded }),
    // A pooled connection ended by the server (restart, failover: 57P01): the pool replaces it and the
    // query that ran on it answers 503. Logged, never fatal (docs/operations.md).
    onConnectionError: (err) => {
      log.warn({ err }, 'database connection lost: the pool replaces it');
    },
  });
  log.info(
    { database: db.kind === 'pglite' ? `pglite:${config.database.dataDir}` : 'postgres' },
    'database opened',
  );

  // Only the embedded default migrates itself, for a zero-setup first run; PostgreSQL is migrated by
  // the deploy step (`node dist/migrate.js migrate`) before start. The application is built meanwhile
  // (building runs no query) and serves once the database is provisioned.
  const provisioned =
    db.kind === 'pglite' ? migrateDatabase(db, { migrationsDir: migrationsDir() }) : null;
  // Awaited below; a failure is reported there, not as an unhandled rejection if building fails first.
  provisioned?.catch(() => undefined);
  const { buildApplication } = await application;
  const built = await buildApplication({ config, log, db });
  if (provisioned !== null) {
    const { migrations, reference } = await provisioned;
    log.info({ applied: migrations, reference }, 'embedded database migrated');
  }
  await built.serve();
};

main().catch(async (err: unknown) => {
  const { createLogger } = await import('./logger.ts');
  const log = createLogger({ level: 'info' });
  log.fatal({ err }, 'server failed to start');
  process.exit(1);
});
