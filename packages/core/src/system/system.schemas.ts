import { z } from 'zod';

import { ROLE_NAMES } from '../accounts/index.ts';

export const ZPingInput = z.object({ echo: z.string().max(200).optional() }).optional();
export type PingInput = z.infer<typeof ZPingInput>;

export const ZPingDto = z.object({
  pong: z.literal(true),
  echo: z.string().nullable(),
  serverTime: z.string(),
});
export type PingDto = z.infer<typeof ZPingDto>;

export const ZReadinessDto = z.object({
  /** Whether this instance should get traffic: the database answers. */
  ready: z.boolean(),
  checks: z.object({
    database: z.enum(['ok', 'down']),
    /**
     * Where rate-limit counters live: `memory` (no Redis configured), `redis` (shared, answering), or
     * `memory-fallback` (Redis configured but unavailable: this instance counts alone until it is back;
     * the instance stays ready, see docs/operations.md).
     */
    rateLimitStore: z.enum(['memory', 'redis', 'memory-fallback']),
  }),
});
export type ReadinessDto = z.infer<typeof ZReadinessDto>;

/** Who the server thinks is calling (`system.whoami`). */
export const ZWhoamiDto = z.object({ userId: z.number().int(), role: z.enum(ROLE_NAMES) });
export type WhoamiDto = z.infer<typeof ZWhoamiDto>;
