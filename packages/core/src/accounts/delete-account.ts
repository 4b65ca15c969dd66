import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { USER_MESSAGES, type SuccessMessageDto } from './user.schemas.ts';

/** Deletes the account and what is only the user's; authored content and reports survive (SET NULL). */
export const makeDeleteAccount =
  (deps: AccountsDeps) =>
  async (ctx: AuthedCtx): Promise<SuccessMessageDto> => {
    try {
      await deps.db.prisma.user.delete({ where: { id: ctx.actor.userId }, select: { id: true } });
    } catch (err) {
      throw mapPrismaError(err, { notFoundMessage: USER_MESSAGES.notFound });
    }
    deps.sessionCache.dropUser(ctx.actor.userId);
    ctx.log.info({ userId: ctx.actor.userId }, 'account deleted');
    return { success: true, message: USER_MESSAGES.accountDeleted };
  };

/** `DELETE /api/users/{id}` never deletes: only /me does. */
export const deleteAccountById = (ctx: AuthedCtx, userId: number): Promise<never> =>
  Promise.reject(
    userId === ctx.actor.userId
      ? new AppError('INVALID_INPUT', USER_MESSAGES.deleteSelf)
      : new AppError('FORBIDDEN', USER_MESSAGES.deleteOther),
  );
