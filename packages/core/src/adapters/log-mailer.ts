import type { Logger } from 'pino';

import type { Mailer } from '../kernel/ports.ts';

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
