import { pino } from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import type { Database } from '../db/types.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { statementCountingClient } from '../testing/gamification.ts';
import { createUser, getTestDb, movableClock, resetDb } from '../testing/index.ts';
import { ZTrackEventInput } from './analytics.schemas.ts';
import { makeAnalyticsService } from './analytics.service.ts';

const { db, prisma } = await getTestDb();
const clock = movableClock('2026-03-10T12:00:00.000Z');
const counting = statementCountingClient(db);
const countingDb: Database = { ...db, prisma: counting.client };
const analytics = makeAnalyticsService({ db: countingDb, clock });
const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: 'u', role: 'padawan', accessScope: 'exercises_only', sessionId: null },
  log: pino({ level: 'silent' }),
  requestId: 'test',
});

afterAll(async () => {
  await counting.client.$disconnect();
});
beforeEach(async () => {
  await resetDb(prisma);
});

describe('analytics.track', () => {
  it('stores the known payload fields with one statement and no read', async () => {
    const user = await createUser(prisma);
    counting.statements.length = 0;
    const input = ZTrackEventInput.parse({
      event: 'first_attempt',
      payload: { type: 'exercise', targetId: 12, timeToFirstAttemptMs: 1234.6, extra: 'x' },
    });
    const { id } = await analytics.track(ctxFor(user.id), input);
    expect(counting.statements).toHaveLength(1);
    expect(counting.statements[0]).toMatch(/^INSERT INTO/);
    await analytics.track(ctxFor(user.id), ZTrackEventInput.parse({ event: 'quick_start_click' }));
    expect(
      await prisma.edtechEvent.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, userId: true, event: true, payload: true, createdAt: true },
      }),
    ).toEqual([
      {
        id,
        userId: user.id,
        event: 'FIRST_ATTEMPT',
        payload: { type: 'exercise', targetId: 12, timeToFirstAttemptMs: 1235 },
        createdAt: clock.now(),
      },
      expect.objectContaining({ event: 'QUICK_START_CLICK', payload: {} }),
    ]);
  });
});
