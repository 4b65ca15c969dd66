import type { Ctx } from '../kernel/deps.ts';
import { randomUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserByEmail, setResetToken } from './auth.repo.ts';
import { AUTH_MESSAGES, normaliseEmail, RESET_TTL_MS } from './auth.rules.ts';
import type { ClientInfo, ForgotPasswordInput, MessageDto } from './auth.schemas.ts';
import { renderPasswordResetEmail } from './mail.templates.ts';

/** Always the same 200 (anti-enumeration); the mail goes out after the answer, failures are logged. */
export const makeForgotPassword =
  (deps: AccountsDeps, mail: AccountMail) =>
  async (ctx: Ctx, input: ForgotPasswordInput, client: ClientInfo): Promise<MessageDto> => {
    await deps.rateLimits.consume('forgot-password', client.ip);
    const email = normaliseEmail(input.email);
    const user = email.includes('\0') ? null : await findUserByEmail(deps.db.prisma, email);
    if (user?.isActive) {
      const token = randomUrlToken();
      const now = deps.clock.now();
      await setResetToken(
        deps.db.prisma,
        user.id,
        sha256Hex(token),
        now,
        new Date(now.getTime() + RESET_TTL_MS),
      );
      mail.sendLater(ctx.log, 'password_reset', {
        to: user.email,
        ...renderPasswordResetEmail({
          username: user.username,
          link: mail.link('reset-password', token),
        }),
      });
    }
    return { message: AUTH_MESSAGES.forgotOk };
  };
