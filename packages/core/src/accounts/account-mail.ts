/**
 * The accounts e-mails: sent after the answer (never inside a transaction), failures logged and counted,
 * and the verification link every flow that needs one (registration, e-mail change, resend) issues.
 */
import type { Logger } from 'pino';

import type { Ctx } from '../kernel/deps.ts';
import type { MailMessage } from '../kernel/ports.ts';
import { randomUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { setVerificationToken } from './auth.repo.ts';
import { VERIFICATION_TTL_MS } from './auth.rules.ts';
import { renderVerificationEmail } from './mail.templates.ts';

export const makeAccountMail = (deps: AccountsDeps) => {
  const { config, clock } = deps;

  const sendLater = (
    log: Logger,
    kind: 'verification' | 'password_reset',
    message: MailMessage,
  ) => {
    const sending = deps.mailer.send(message).then(
      () => {
        log.info({ kind, mailer: deps.mailer.kind }, 'mail sent');
      },
      (err: unknown) => {
        log.error({ err, kind }, 'mail send failed');
        deps.onMailFailure?.(kind);
      },
    );
    deps.trackMail?.(sending);
  };

  const link = (path: string, token: string) =>
    `${config.mail.linkBaseUrl}/${path}?token=${encodeURIComponent(token)}`;

  /** Issues a fresh verification link for the user (after commit the caller sends it). */
  const issueVerification = async (userId: number) => {
    const token = randomUrlToken();
    const now = clock.now();
    await setVerificationToken(
      deps.db.prisma,
      userId,
      sha256Hex(token),
      now,
      new Date(now.getTime() + VERIFICATION_TTL_MS),
    );
    return token;
  };

  /** Used by registration, e-mail change and resend: issue a link and send it after the caller's commit. */
  const sendVerification = async (
    ctx: Ctx,
    user: { id: number; username: string; email: string },
  ) => {
    const token = await issueVerification(user.id);
    sendLater(ctx.log, 'verification', {
      to: user.email,
      ...renderVerificationEmail({ username: user.username, link: link('verify-email', token) }),
    });
  };

  return { sendLater, link, issueVerification, sendVerification };
};

export type AccountMail = ReturnType<typeof makeAccountMail>;
