/**
 * What the back office (the `admin` feature) needs from accounts: forgetting a user's cached sessions
 * once a deactivation, role change or deletion commits, and the forced e-mails of
 * api-rest-challenges-admin §6.5–6.6, sent and awaited (the admin sees whether the mail left).
 */
import type { Ctx } from '../kernel/deps.ts';
import type { MailMessage } from '../kernel/ports.ts';
import { randomUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { setResetToken } from './auth.repo.ts';
import { RESET_TTL_MS } from './auth.rules.ts';
import { renderPasswordResetEmail, renderVerificationEmail } from './mail.templates.ts';

interface MailTarget {
  id: number;
  username: string;
  email: string;
}

export const makeAccountAdmin = (deps: AccountsDeps, mail: AccountMail) => {
  /** Sends now; false (logged and counted) when the mail port fails. */
  const sendNow = async (
    ctx: Ctx,
    kind: 'verification' | 'password_reset',
    message: MailMessage,
  ): Promise<boolean> => {
    try {
      await deps.mailer.send(message);
      ctx.log.info({ kind, mailer: deps.mailer.kind }, 'mail sent');
      return true;
    } catch (err) {
      ctx.log.error({ err, kind }, 'mail send failed');
      deps.onMailFailure?.(kind);
      return false;
    }
  };

  return {
    /** Drops the user's cached sessions: a deactivation or role change takes effect on the next request. */
    dropUserSessions: (userId: number): void => {
      deps.sessionCache.dropUser(userId);
    },
    /** A fresh reset link (saved first: it stays valid if the send fails), then the mail. */
    sendPasswordReset: async (ctx: Ctx, user: MailTarget): Promise<boolean> => {
      const token = randomUrlToken();
      const now = deps.clock.now();
      await setResetToken(
        deps.db.prisma,
        user.id,
        sha256Hex(token),
        now,
        new Date(now.getTime() + RESET_TTL_MS),
      );
      return sendNow(ctx, 'password_reset', {
        to: user.email,
        ...renderPasswordResetEmail({
          username: user.username,
          link: mail.link('reset-password', token),
        }),
      });
    },
    /** A fresh verification link (no cooldown), then the mail. */
    sendVerification: async (ctx: Ctx, user: MailTarget): Promise<boolean> => {
      const token = await mail.issueVerification(user.id);
      return sendNow(ctx, 'verification', {
        to: user.email,
        ...renderVerificationEmail({
          username: user.username,
          link: mail.link('verify-email', token),
        }),
      });
    },
  };
};

export type AccountAdmin = ReturnType<typeof makeAccountAdmin>;
