import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import type { PingDto, PingInput, ReadinessDto } from './system.schemas.ts';

/** Database readiness budget: a probe must answer fast or the instance is not ready. */
const READY_TIMEOUT_MS = 2_000;

export const makeSystemService = (deps: CoreDeps) => ({
  ping: (_ctx: Ctx, input: PingInput): Promise<PingDto> =>
    Promise.resolve({
      pong: true,
      echo: input?.echo ?? null,
      serverTime: deps.clock.now().toISOString(),
    }),

  readiness: async (): Promise<ReadinessDto> => {
    const dbOk = await deps.db.ping(READY_TIMEOUT_MS);
    return { ready: dbOk, checks: { database: dbOk ? 'ok' : 'down' } };
  },
});
