import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import type { RateLimitStore } from '../kernel/ports.ts';
import type { PingDto, PingInput, ReadinessDto } from './system.schemas.ts';

const rateLimitStateOf = (store: RateLimitStore): ReadinessDto['checks']['rateLimitStore'] => {
  const health = store.health?.() ?? { kind: store.kind, state: 'ok' };
  if (health.kind === 'memory') return 'memory';
  return health.state === 'ok' ? 'redis' : 'memory-fallback';
};

/** Database readiness budget: a probe must answer fast or the instance is not ready. */
const READY_TIMEOUT_MS = 2_000;

export const makeSystemService = (deps: CoreDeps, rateLimitStore: RateLimitStore) => ({
  ping: (_ctx: Ctx, input: PingInput): Promise<PingDto> =>
    Promise.resolve({
      pong: true,
      echo: input?.echo ?? null,
      serverTime: deps.clock.now().toISOString(),
    }),

  readiness: async (): Promise<ReadinessDto> => {
    const dbOk = await deps.db.ping(READY_TIMEOUT_MS);
    return {
      ready: dbOk,
      checks: { database: dbOk ? 'ok' : 'down', rateLimitStore: rateLimitStateOf(rateLimitStore) },
    };
  },
});
