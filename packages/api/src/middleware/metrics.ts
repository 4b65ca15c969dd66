import { createMiddleware } from 'hono/factory';
import { Counter, Histogram, type Registry } from 'prom-client';

import type { ApiEnv } from '../hono-env.ts';

/** Legacy buckets of `mathakine_http_request_duration_seconds` (platform §4.1): dashboards rely on them. */
const HTTP_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

export interface ApiMetrics {
  httpRequests: Counter<'method' | 'path' | 'status'>;
  httpDuration: Histogram<'method' | 'path'>;
  trpcDuration: Histogram<'path' | 'type' | 'code'>;
}

/** Registers the API's series on the process registry (one app per registry). */
export const createApiMetrics = (registry: Registry): ApiMetrics => ({
  httpRequests: new Counter({
    name: 'mathakine_http_requests_total',
    help: 'Total HTTP requests',
    labelNames: ['method', 'path', 'status'],
    registers: [registry],
  }),
  httpDuration: new Histogram({
    name: 'mathakine_http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'path'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  }),
  trpcDuration: new Histogram({
    name: 'mathakine_trpc_procedure_duration_seconds',
    help: 'tRPC procedure duration in seconds',
    labelNames: ['path', 'type', 'code'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  }),
});

/**
 * Turns a Hono route template into the legacy label form: `/api/exercises/:id{[0-9]+}/attempt` →
 * `/api/exercises/{id}/attempt`.
 */
export const legacyPathLabel = (template: string): string =>
  template.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');

/**
 * Counts every request by route template; unmatched paths share the single `unmatched` label. Labels
 * are computed once per template (the registered routes: a bounded set).
 */
export const metricsMiddleware = (metrics: ApiMetrics) => {
  const labels = new Map<string, string>();
  const pathLabelOf = (template: string): string => {
    let label = labels.get(template);
    if (label === undefined) {
      label = legacyPathLabel(template);
      labels.set(template, label);
    }
    return label;
  };
  return createMiddleware<ApiEnv>(async (c, next) => {
    const end = metrics.httpDuration.startTimer();
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      const template = c.get('routeTemplate');
      const path = template ? pathLabelOf(template) : 'unmatched';
      const method = c.req.method;
      end({ method, path });
      metrics.httpRequests.inc({ method, path, status: String(status) });
    }
  });
};

/** Marks the route template for the metrics label (set by every route registration). */
export const markRoute = (template: string) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set('routeTemplate', template);
    await next();
  });
