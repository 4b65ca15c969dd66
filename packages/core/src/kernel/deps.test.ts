import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { requireAdmin } from './authz.ts';
import { withActor, type Actor, type Ctx } from './deps.ts';

describe('withActor', () => {
  const actor: Actor = {
    userId: 7,
    username: 'ada',
    role: 'archiviste',
    accessScope: 'full',
    sessionId: 1,
  };
  const ctxWithCountedSignal = () => {
    const controller = new AbortController();
    let reads = 0;
    const ctx: Ctx = {
      actor,
      log: pino({ level: 'silent' }),
      requestId: 'req-1',
      get signal() {
        reads += 1;
        return controller.signal;
      },
    };
    return { ctx, controller, reads: () => reads };
  };

  it('keeps the log and request id, sets the actor, and reads the signal only when it is read', () => {
    const { ctx, controller, reads } = ctxWithCountedSignal();
    const derived = withActor(ctx, { ...actor, userId: 8 });
    expect(derived.actor.userId).toBe(8);
    expect(derived.requestId).toBe('req-1');
    expect(derived.log).toBe(ctx.log);
    expect(reads()).toBe(0);
    expect(derived.signal).toBe(controller.signal);
    expect(reads()).toBe(1);
  });

  it('requireAdmin passes the signal on unread as well', () => {
    const { ctx, controller, reads } = ctxWithCountedSignal();
    const admin = requireAdmin(ctx);
    expect(admin.actor.role).toBe('archiviste');
    expect(reads()).toBe(0);
    expect(admin.signal).toBe(controller.signal);
  });
});
