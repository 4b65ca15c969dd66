import type { AnyTRPCRouter } from '@trpc/server';
import { createMiddleware } from 'hono/factory';

import { AppError } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';
import { listProcedures } from '../trpc/procedure-table.ts';

export const MAINTENANCE_MESSAGE = 'Le temple est en maintenance. Réessayez plus tard.';

/**
 * The tRPC procedures declared `.meta({ maintenanceExempt: true })`, read from the router's procedure
 * records (flat `a.b.c` paths).
 */
export const maintenanceExemptProcedures = (router: AnyTRPCRouter): Set<string> =>
  new Set(
    listProcedures(router)
      .filter((procedure) => procedure.meta?.maintenanceExempt)
      .map((procedure) => procedure.path),
  );

/** Fixed paths (the probes) exempt with everything below them, as the legacy matched prefixes. */
export const compileProbeExemptions = (paths: readonly string[]): RegExp[] =>
  paths.map((p) => new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/.*)?$`));

export interface MaintenanceExemptions {
  /** Paths exempt with everything below them: the probes and what the legacy modules declare. */
  patterns: readonly RegExp[];
  /** tRPC procedure paths declared exempt. */
  procedures: ReadonlySet<string>;
  /** The tRPC endpoint. */
  trpcPrefix?: string;
}

const decodeOrNull = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * Whether a request path answers in maintenance: a declared pattern matches, or it is a tRPC call whose
 * every procedure (a batch is `/trpc/a,b`) is declared exempt.
 */
export const isMaintenanceExempt = (exemptions: MaintenanceExemptions, path: string): boolean => {
  if (exemptions.patterns.some((p) => p.test(path))) return true;
  const prefix = `${exemptions.trpcPrefix ?? '/trpc'}/`;
  if (!path.startsWith(prefix)) return false;
  const procedures = decodeOrNull(path.slice(prefix.length))?.split(',') ?? [];
  return procedures.length > 0 && procedures.every((p) => exemptions.procedures.has(p));
};

/**
 * 503 while the `maintenance_mode` setting is truthy (read through core's short cache, not per request),
 * except on the declared exemptions (api-rest-core §1.7). Runs before authentication, as in the legacy.
 */
export const maintenanceMode = (exemptions: MaintenanceExemptions) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (
      !isMaintenanceExempt(exemptions, c.req.path) &&
      (await c.get('core').settings.isMaintenanceMode())
    ) {
      throw new AppError('MAINTENANCE', MAINTENANCE_MESSAGE);
    }
    return next();
  });
