import nodemailer from 'nodemailer';

import type { Mailer } from '../kernel/ports.ts';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  user: string | null;
  password: string | null;
  /** Implicit TLS (port 465). */
  secure: boolean;
  /** Refuse to send without STARTTLS. */
  requireTls: boolean;
  from: string;
  /** Tests talk to a local plaintext server. */
  ignoreTls?: boolean;
  timeoutMs?: number;
}

/** The SMTP implementation of the mail port (nodemailer). */
export const createSmtpMailer = (options: SmtpMailerOptions): Mailer & { close(): void } => {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: options.requireTls,
    ignoreTLS: options.ignoreTls ?? false,
    auth:
      options.user && options.password ? { user: options.user, pass: options.password } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    kind: 'smtp',
    send: async (message) => {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close: () => {
      transport.close();
    },
  };
};
