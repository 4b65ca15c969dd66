import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { revokeSessions } from './auth.repo.ts';
import { USER_MESSAGES, type SessionIdInput, type SuccessMessageDto } from './user.schemas.ts';

/** Revokes one of the caller's sessions: its refresh tokens die and its access tokens stop working. */
export const makeRevokeSession =
  (deps: AccountsDeps) =>
  async (ctx: AuthedCtx, input: SessionIdInput): Promise<SuccessMessageDto> => {
    const session = await deps.db.prisma.userSession.findFirst({
      where: { id: input.sessionId, userId: ctx.actor.userId },
      select: { id: true },
    });
    if (!session) throw new AppError('NOT_FOUND', USER_MESSAGES.sessionNotFound);
    await revokeSessions(
      deps.db.prisma,
      { sessionId: session.id },
      'user_revoked',
      deps.clock.now(),
    );
    deps.sessionCache.dropSessions([session.id]);
    return { success: true, message: USER_MESSAGES.sessionRevoked };
  };
