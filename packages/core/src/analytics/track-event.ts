import type { EdtechEventType } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx, CoreDeps } from '../kernel/deps.ts';
import { insertEdtechEvent } from './analytics.repo.ts';
import type { EdtechEventName, TrackedEventDto, TrackEventData } from './analytics.schemas.ts';

/** The payload's fields that were sent (zod leaves the absent optional ones undefined). */
const sentFields = <T>(payload: Record<string, T | undefined>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) out[key] = value;
  return out;
};

const DB_EVENT: Record<EdtechEventName, EdtechEventType> = {
  quick_start_click: 'QUICK_START_CLICK',
  first_attempt: 'FIRST_ATTEMPT',
};

/** POST /api/analytics/event: one row for the admin EdTech report, one statement, no read. */
export const makeTrackEvent =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: AuthedCtx, input: TrackEventData): Promise<TrackedEventDto> => {
    const payload = sentFields<string | number | boolean | null>(input.payload);
    try {
      const id = await insertEdtechEvent(deps.db.prisma, {
        userId: ctx.actor.userId,
        event: DB_EVENT[input.event],
        payload,
        createdAt: deps.clock.now(),
      });
      return { id };
    } catch (err) {
      throw mapPrismaError(err);
    }
  };
