import { getConnInfo } from '@hono/node-server/conninfo';
import { collectDefaultMetrics, Registry } from 'prom-client';

import { createApiApp } from '@mathakine/api';
import { loadConfigOrExit } from '@mathakine/config';
import { createCore, systemClock } from '@mathakine/core';
import { createDb, migrateDatabase } from '@mathakine/core/db';

import { createAccountsPorts } from './accounts-ports.ts';
import { createAiPorts } from './ai-ports.ts';
import { dbOptions } from './db-options.ts';
import { listen } from './http-server.ts';
import { createLogger } from './logger.ts';
import { apiReferenceScript, migrationsDir } from './paths.ts';

const docsAssets = () => {
  const script = apiReferenceScript();
  return script === undefined ? {} : { docsAssets: { apiReferenceScript: script } };
};

/** The composition root: configuration → logger → database → core → HTTP. */
const main = async () => {
  const config = loadConfigOrExit();
  const log = createLogger({ level: config.logLevel });
  for (const warning of config.warnings) log.warn(warning);

  const db = await createDb({
    ...dbOptions(config),
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

  if (db.kind === 'pglite') {
    // Only the embedded default migrates itself, for a zero-setup first run; PostgreSQL is migrated by
    // the deploy step (`node dist/migrate.js migrate`) before start.
    const { migrations, reference } = await migrateDatabase(db, { migrationsDir: migrationsDir() });
    log.info({ applied: migrations, reference }, 'embedded database migrated');
  }

  // Optional integrations are loaded only when configured (cold start and memory): Sentry with a DSN.
  const Sentry = config.sentry.dsn && !config.isTest ? await import('@sentry/node') : null;

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const accountsPorts = createAccountsPorts(config, log, registry);
  const aiPorts = createAiPorts(config, log, registry);
  const core = createCore({
    db,
    log,
    clock: systemClock,
    ...accountsPorts.deps,
    ...aiPorts.deps,
  });
  const { app } = createApiApp({
    core,
    config,
    log,
    registry,
    remoteAddress: (c) => getConnInfo(c).remote.address,
    ...docsAssets(),
    reportError: (err, report) => {
      Sentry?.withScope((scope) => {
        scope.setTag('request_id', report.requestId);
        scope.setTag('transport', report.transport);
        if (report.actorId !== null) scope.setUser({ id: String(report.actorId) });
        Sentry.captureException(err);
      });
    },
  });

  const running = await listen(app.fetch, {
    port: config.port,
    host: config.host,
    headersTimeoutMs: config.http.headersTimeoutMs,
    requestTimeoutMs: config.http.requestTimeoutMs,
  });
  log.info(
    { port: running.port, host: config.host, environment: config.environment },
    'server listening',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight requests');
    const { forced } = await running.stop(config.http.shutdownTimeoutMs);
    await accountsPorts.close();
    await db.close();
    await Sentry?.close(2_000);
    log.info({ forced }, 'stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
};

main().catch((err: unknown) => {
  const log = createLogger({ level: 'info' });
  log.fatal({ err }, 'server failed to start');
  process.exit(1);
});
