import type { Logger } from 'pino';

/** One outgoing e-mail: multipart text + HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail port (platform §5): SMTP in production, a local SMTP server in tests, and a "log the link"
 * mailer in development when SMTP is not configured. `send` throws on failure; callers log and count.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'log' | 'disabled';
  send(message: MailMessage): Promise<void>;
}

/** Development without SMTP: nothing leaves the process, the message (and so its link) is logged. */
export const createLogMailer = (log: Logger): Mailer => ({
  kind: 'log',
  send: (message) => {
    log.warn(
      { to: message.to, subject: message.subject, text: message.text },
      'mail not configured: message logged, not sent',
    );
    return Promise.resolve();
  },
});

/**
 * Production without SMTP: every send fails (so it is logged and counted as a failure) and the message,
 * which carries a live token, never reaches the logs.
 */
export const createDisabledMailer = (): Mailer => ({
  kind: 'disabled',
  send: () => Promise.reject(new Error('SMTP is not configured (SMTP_HOST): e-mail not sent')),
});
