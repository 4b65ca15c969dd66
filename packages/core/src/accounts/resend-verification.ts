import type { Ctx } from '../kernel/deps.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserByEmail } from './auth.repo.ts';
import { AUTH_MESSAGES, normaliseEmail, RESEND_COOLDOWN_MS } from './auth.rules.ts';
import type { ClientInfo, MessageDto, ResendVerificationInput } from './auth.schemas.ts';

/** Every outcome is a 200 message (cooldown included), so the answer reveals little. */
export const makeResendVerification =
  (deps: AccountsDeps, mail: AccountMail) =>
  async (ctx: Ctx, input: ResendVerificationInput, client: ClientInfo): Promise<MessageDto> => {
    await deps.rateLimits.consume('resend_verification', client.ip);
    const email = normaliseEmail(input.email);
    const user = email.includes('\0') ? null : await findUserByEmail(deps.db.prisma, email);
    if (!user?.isActive) return { message: AUTH_MESSAGES.resendUnknown };
    if (user.isEmailVerified) return { message: AUTH_MESSAGES.alreadyVerified };
    const now = deps.clock.now();
    if (
      user.emailVerificationSentAt &&
      now.getTime() - user.emailVerificationSentAt.getTime() < RESEND_COOLDOWN_MS
    ) {
      return { message: AUTH_MESSAGES.resendCooldown };
    }
    await mail.sendVerification(ctx, user);
    return { message: AUTH_MESSAGES.resendSent };
  };
