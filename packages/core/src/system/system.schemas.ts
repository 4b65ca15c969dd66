import { z } from 'zod';

export const ZPingInput = z.object({ echo: z.string().max(200).optional() }).optional();
export type PingInput = z.infer<typeof ZPingInput>;

export interface PingDto {
  pong: true;
  echo: string | null;
  serverTime: string;
}

export interface ReadinessDto {
  /** Whether this instance should get traffic: the database answers. */
  ready: boolean;
  checks: {
    database: 'ok' | 'down';
    /**
     * Where rate-limit counters live: `memory` (no Redis configured), `redis` (shared, answering), or
     * `memory-fallback` (Redis configured but unavailable: this instance counts alone until it is back;
     * the instance stays ready, see docs/operations.md).
     */
    rateLimitStore: 'memory' | 'redis' | 'memory-fallback';
  };
}
