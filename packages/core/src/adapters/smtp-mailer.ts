import type { Transporter } from 'nodemailer';

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

/**
 * The SMTP implementation of the mail port (nodemailer, imported on the first send: a server without
 * SMTP never loads it, and one with SMTP does not pay for it at start).
 */
export const createSmtpMailer = (options: SmtpMailerOptions): Mailer & { close(): void } => {
  const timeout = options.timeoutMs ?? 10_000;
  let transport: Transporter | null = null;
  const transportOf = async (): Promise<Transporter> => {
    if (transport !== null) return transport;
    const { default: nodemailer } = await import('nodemailer');
    transport ??= nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls,
      ignoreTLS: options.ignoreTls ?? false,
      auth:
        options.user && options.password
          ? { user: options.user, pass: options.password }
          : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return transport;
  };
  return {
    kind: 'smtp',
    send: async (message) => {
      await (
        await transportOf()
      ).sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close: () => {
      transport?.close();
    },
  };
};
