import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { sha256Hex } from '../lib/tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserByResetToken, revokeSessions, setPassword } from './auth.repo.ts';
import { AUTH_MESSAGES } from './auth.rules.ts';
import type { ResetPasswordInput } from './auth.schemas.ts';
import { passwordPolicyViolation } from './password.rules.ts';
import type { SuccessMessageDto } from './user.schemas.ts';

/** Single use, 1 h; the new password follows the one policy; every session of the account is revoked. */
export const makeResetPassword =
  (deps: AccountsDeps) =>
  async (ctx: Ctx, input: ResetPasswordInput): Promise<SuccessMessageDto> => {
    if (input.token === '') throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenMissing);
    const violation = passwordPolicyViolation(input.password);
    if (violation) throw new AppError('INVALID_INPUT', violation);
    if (input.password !== input.passwordConfirm)
      throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetMismatch);
    const now = deps.clock.now();
    const user = await findUserByResetToken(deps.db.prisma, sha256Hex(input.token));
    if (!user) throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenInvalid);
    if (user.passwordResetExpiresAt === null || user.passwordResetExpiresAt <= now) {
      throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenExpired);
    }
    const hashed = await deps.hasher.hash(input.password);
    await deps.db.prisma.$transaction(async (tx) => {
      await setPassword(tx, user.id, hashed, now);
      await revokeSessions(tx, { userId: user.id }, 'password_reset', now);
    });
    deps.sessionCache.dropUser(user.id);
    ctx.log.info({ userId: user.id }, 'password reset');
    return { success: true, message: AUTH_MESSAGES.resetOk };
  };
