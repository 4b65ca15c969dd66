import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { sha256Hex } from '../lib/tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserByVerificationToken, markEmailVerified } from './auth.repo.ts';
import { AUTH_MESSAGES } from './auth.rules.ts';
import type { VerifyEmailDto, VerifyEmailInput } from './auth.schemas.ts';

/** The link of the verification e-mail; a second click is an idempotent success. */
export const makeVerifyEmail =
  (deps: AccountsDeps) =>
  async (ctx: Ctx, input: VerifyEmailInput): Promise<VerifyEmailDto> => {
    if (input.token.trim() === '') throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyMissing);
    const now = deps.clock.now();
    const user = await findUserByVerificationToken(deps.db.prisma, sha256Hex(input.token));
    if (!user) throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyInvalid);
    // Already verified first (audit X17): a second click on the link is an idempotent success, even
    // once the link has expired. The token can only ever verify once.
    const alreadyVerified = user.isEmailVerified;
    if (
      !alreadyVerified &&
      (user.emailVerificationExpiresAt === null || user.emailVerificationExpiresAt <= now)
    ) {
      throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyExpired);
    }
    if (!alreadyVerified) {
      await markEmailVerified(deps.db.prisma, user.id, now);
      deps.sessionCache.dropUser(user.id);
      ctx.log.info({ userId: user.id }, 'email verified');
    }
    return {
      message: alreadyVerified ? AUTH_MESSAGES.alreadyVerified : AUTH_MESSAGES.verifyOk,
      alreadyVerified,
      user: { id: user.id, username: user.username, email: user.email, isEmailVerified: true },
    };
  };
