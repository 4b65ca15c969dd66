import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { revokeSessions } from './auth.repo.ts';
import { passwordPolicyViolation } from './password.rules.ts';
import { USER_MESSAGES, type ChangePasswordInput, type SuccessMessageDto } from './user.schemas.ts';

const notFound = () => new AppError('NOT_FOUND', USER_MESSAGES.notFound);

/** The one password policy; every other session of the account is revoked. */
export const makeChangePassword =
  (deps: AccountsDeps) =>
  async (ctx: AuthedCtx, input: ChangePasswordInput): Promise<SuccessMessageDto> => {
    const violation = passwordPolicyViolation(input.newPassword);
    if (violation) throw new AppError('INVALID_INPUT', violation);
    if (input.newPassword === input.currentPassword)
      throw new AppError('INVALID_INPUT', USER_MESSAGES.samePassword);
    const user = await deps.db.prisma.user.findUnique({
      where: { id: ctx.actor.userId },
      select: { id: true, hashedPassword: true },
    });
    if (!user) throw notFound();
    if (!(await deps.hasher.verify(input.currentPassword, user.hashedPassword))) {
      throw new AppError('UNAUTHENTICATED', USER_MESSAGES.wrongCurrentPassword);
    }
    const hashed = await deps.hasher.hash(input.newPassword);
    const now = deps.clock.now();
    await deps.db.prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { hashedPassword: hashed, passwordChangedAt: now, updatedAt: now },
        select: { id: true },
      });
      await revokeSessions(
        tx,
        { userId: user.id, exceptSessionId: ctx.actor.sessionId },
        'password_change',
        now,
      );
    });
    deps.sessionCache.dropUser(user.id);
    return { success: true, message: USER_MESSAGES.passwordChanged };
  };
