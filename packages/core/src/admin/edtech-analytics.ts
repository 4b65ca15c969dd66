import { EDTECH_EVENTS } from '../analytics/index.ts';
import type { EdtechEventType } from '../db/generated/client.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { findEdtechEvents, listRecentEdtechEvents, type EdtechEventDbRow } from './admin.repo.ts';
import { createEdtechAggregator } from './admin.rules.ts';
import { ZAdminEdtechInput, type AdminEdtechDto, type AdminEdtechInput } from './admin.schemas.ts';

/** Events read per query while aggregating (the window is scanned in batches, never held whole). */
const SCAN_BATCH = 2_000;

const eventName = (e: EdtechEventType) => e.toLowerCase() as (typeof EDTECH_EVENTS)[number];
const payloadOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * §6.16: the EdTech report over the last 7 days (30 with `period=30d`): aggregates of every event of the
 * window (optionally one event), the click summary, the distinct users, and the `limit` newest events.
 */
export const makeEdtechAnalytics =
  (deps: Pick<AdminDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminEdtechInput): Promise<AdminEdtechDto> => {
    requireAdmin(ctx);
    const query = parseAdminInput(ZAdminEdtechInput, input);
    const days = query.period === '30d' ? 30 : 7;
    const since = new Date(deps.clock.now().getTime() - days * 86_400_000);
    const wanted = EDTECH_EVENTS.find((e) => e === query.event?.trim().toLowerCase());
    const filter = { since, event: wanted?.toUpperCase() as EdtechEventType | undefined };
    const prisma = deps.db.prisma;
    const aggregator = createEdtechAggregator();
    let beforeId: number | null = null;
    for (;;) {
      const batch: EdtechEventDbRow[] = await findEdtechEvents(prisma, filter, {
        beforeId,
        limit: SCAN_BATCH,
      });
      for (const row of batch) {
        aggregator.add({
          userId: row.userId,
          event: eventName(row.event),
          payload: payloadOf(row.payload),
        });
      }
      const last = batch.at(-1);
      if (batch.length < SCAN_BATCH || last === undefined) break;
      beforeId = last.id;
    }
    const recent = await listRecentEdtechEvents(prisma, filter, query.limit);
    return {
      period: query.period,
      since,
      ...aggregator.result(),
      events: recent.map((row) => ({
        id: row.id,
        userId: row.userId,
        event: eventName(row.event),
        payload: payloadOf(row.payload),
        createdAt: row.createdAt,
      })),
    };
  };
