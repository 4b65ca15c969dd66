import type { AuthedCtx } from '../kernel/deps.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { listActiveSessions, toSessionDto } from './user.repo.ts';
import type { SessionDto } from './user.schemas.ts';

/** The caller's active sessions, the current one flagged. */
export const makeListSessions =
  (deps: AccountsDeps) =>
  async (ctx: AuthedCtx): Promise<SessionDto[]> => {
    const rows = await listActiveSessions(deps.db.prisma, ctx.actor.userId, deps.clock.now());
    return rows.map((r) => toSessionDto(r, ctx.actor.sessionId));
  };
