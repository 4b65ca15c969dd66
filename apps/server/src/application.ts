import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';

import { createApiApp } from '@mathakine/api';
import type { AppConfig } from '@mathakine/config';
import { createCore, systemClock } from '@mathakine/core';
import type { ManagedDatabase } from '@mathakine/core/db';

import { createAccountsPorts } from './accounts-ports.ts';
import { createAiPorts } from './ai-ports.ts';
import { listen } from './http-server.ts';
import { collectWhenIdle, loadGarbageCollector } from './idle-gc.ts';
import { apiReferenceScript } from './paths.ts';

const docsAssets = () => {
  const script = apiReferenceScript();
  return script === undefined ? {} : { docsAssets: { apiReferenceScript: script } };
};

/** The idle collection, logged at debug level with its duration and the heap it freed. */
const idleCollection = (log: Logger) => {
  const gc = loadGarbageCollector();
  return () => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    gc();
    log.debug(
      {
        durationMs: Math.round(performance.now() - started),
        freedMiB: Math.round((before - process.memoryUsage().heapUsed) / 1_048_576),
      },
      'idle garbage collection',
    );
  };
};

export interface ApplicationContext {
  config: AppConfig;
  log: Logger;
  /** Opened (and, embedded, migrated) by main.ts; closed here on shutdown. */
  db: ManagedDatabase;
}

export interface BuiltApplication {
  /** Listens, and installs the graceful shutdown on SIGTERM / SIGINT. */
  serve(): Promise<void>;
}

/**
 * The application over an opened database: ports → core → API, built without serving (no query runs),
 * so main.ts builds it while the embedded database is being provisioned; `serve` then starts the HTTP
 * server. main.ts imports this module while the database opens.
 */
export const buildApplication = async ({
  config,
  log,
  db,
}: ApplicationContext): Promise<BuiltApplication> => {
  // Optional integrations are loaded only when configured (cold start and memory): Sentry with a DSN.
  const Sentry = config.sentry.dsn && !config.isTest ? await import('@sentry/node') : null;

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const accountsPorts = createAccountsPorts(config, log, registry);
  const aiPorts = await createAiPorts(config, log, registry);
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

  const serve = async () => {
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
    const stopIdleCollection =
      config.http.idleGcSeconds > 0
        ? collectWhenIdle(running.server, {
            idleMs: config.http.idleGcSeconds * 1_000,
            collect: idleCollection(log),
          })
        : () => undefined;

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: draining in-flight requests');
      stopIdleCollection();
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
  return { serve };
};
