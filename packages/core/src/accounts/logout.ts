import type { Ctx } from '../kernel/deps.ts';
import { sha256Hex } from '../lib/tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findRefreshToken, revokeSessions } from './auth.repo.ts';
import { AUTH_MESSAGES } from './auth.rules.ts';
import type { MessageDto } from './auth.schemas.ts';

/** Revokes the session named by the refresh token and/or the caller's access token. Always succeeds. */
export const makeLogout =
  (deps: AccountsDeps) =>
  async (ctx: Ctx, input: { refreshToken?: string | undefined }): Promise<MessageDto> => {
    const now = deps.clock.now();
    const sessionIds = new Set<number>();
    if (ctx.actor?.sessionId) sessionIds.add(ctx.actor.sessionId);
    const presented = input.refreshToken?.trim();
    if (presented) {
      const row = await findRefreshToken(deps.db.prisma, sha256Hex(presented));
      if (row) sessionIds.add(row.session.id);
    }
    for (const id of sessionIds) {
      const revoked = await revokeSessions(deps.db.prisma, { sessionId: id }, 'logout', now);
      deps.sessionCache.dropSessions([...revoked, id]);
    }
    return { message: AUTH_MESSAGES.logoutOk };
  };
