import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

import { isAppError } from '@mathakine/core';

import type { ApiDeps, ErrorReport } from '../deps.ts';

/** A quiet period this long ends an outage "burst": the next failure is logged again. */
export const OUTAGE_LOG_WINDOW_MS = 30_000;

export interface FailureContext extends ErrorReport {
  log: Logger;
  /** The HTTP status the client gets. */
  status: number;
}

/**
 * How the transports account for a failed request, once for both:
 * - a dependency outage (DEPENDENCY_UNAVAILABLE, 503) is counted on
 *   `mathakine_dependency_unavailable_total{dependency}` and logged at warn once per burst (the first
 *   failure after `OUTAGE_LOG_WINDOW_MS` without any), never reported to the error tracker: it is an
 *   operational event, not a bug;
 * - any other 5xx except maintenance is logged at error and reported (Sentry in production);
 * - 4xx are the caller's business: nothing here.
 */
export const createFailureReporter = (
  deps: Pick<ApiDeps, 'reportError'> & { registry: Registry },
  now: () => number = Date.now,
) => {
  const outages = new Counter({
    name: 'mathakine_dependency_unavailable_total',
    help: 'Requests answered 503 because a dependency (the database) was unavailable.',
    labelNames: ['dependency'] as const,
    registers: [deps.registry],
  });
  const lastFailureAt = new Map<string, number>();
  const suppressed = new Map<string, number>();

  return (err: unknown, context: FailureContext): void => {
    if (isAppError(err) && err.code === 'DEPENDENCY_UNAVAILABLE') {
      const dependency =
        typeof err.details?.dependency === 'string' ? err.details.dependency : 'unknown';
      outages.inc({ dependency });
      const at = now();
      const last = lastFailureAt.get(dependency);
      lastFailureAt.set(dependency, at);
      if (last === undefined || at - last >= OUTAGE_LOG_WINDOW_MS) {
        context.log.warn(
          {
            dependency,
            cause: describeCause(err.cause),
            previousBurstSuppressed: suppressed.get(dependency) ?? 0,
            path: context.path,
          },
          `${dependency} unavailable: answering 503 (logged once per burst, see mathakine_dependency_unavailable_total)`,
        );
        suppressed.set(dependency, 0);
      } else {
        suppressed.set(dependency, (suppressed.get(dependency) ?? 0) + 1);
      }
      return;
    }
    const isMaintenance = isAppError(err) && err.code === 'MAINTENANCE';
    if (context.status < 500 || isMaintenance) return;
    context.log.error({ err, path: context.path, status: context.status }, 'request failed');
    const { log: _log, status: _status, ...report } = context;
    deps.reportError?.(err, report);
  };
};

export type FailureReporter = ReturnType<typeof createFailureReporter>;

/** The operator's summary of an outage's cause: its code and message, no stack. */
const describeCause = (cause: unknown): { code?: unknown; message?: unknown } | null => {
  if (typeof cause !== 'object' || cause === null) return null;
  const record = cause as Record<string, unknown>;
  return { code: record.code ?? record.errorCode, message: record.message };
};
