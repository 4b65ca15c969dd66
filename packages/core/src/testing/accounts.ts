// Test helpers of the accounts feature (export "@mathakine/core/testing/accounts"): a real local SMTP
// server that captures messages, the SMTP mailer pointed at it, and a test configuration with a low
// bcrypt cost and explicit rate limits (no test-mode bypass anywhere).
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { createSmtpMailer } from '../adapters/smtp-mailer.ts';
import { defaultCoreConfig, type CoreConfig } from '../kernel/config.ts';

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** A local SMTP server (the real protocol) that keeps every message it receives. */
export const startSmtpCapture = async () => {
  const messages: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((err: unknown) => {
          callback(err as Error);
        });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  /**
   * Resolves with the first message matching `predicate`, woken by each message received. `timeoutMs`
   * only turns a mail that never comes into a clear error before the test's own timeout: it is no
   * speed bound (a busy machine may take long to send, parse and deliver).
   */
  const waitFor = async (
    predicate: (m: CapturedMail) => boolean,
    timeoutMs = 120_000,
  ): Promise<CapturedMail> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  const mailer = createSmtpMailer({
    host: '127.0.0.1',
    port,
    user: null,
    password: null,
    secure: false,
    requireTls: false,
    ignoreTls: true,
    from: 'Mathakine <noreply@mathakine.test>',
    // A local server that always answers: the socket limits must only outlast a busy machine.
    timeoutMs: 60_000,
  });

  return {
    port,
    messages,
    mailer,
    waitFor,
    /** The first link of the message's text part that starts with `prefix`. */
    linkIn: (mail: CapturedMail, prefix: string): string => {
      const found = mail.text.split(/\s+/).find((w) => w.startsWith(prefix));
      if (!found) throw new Error(`no link starting with ${prefix} in: ${mail.text}`);
      return found;
    },
    close: async () => {
      mailer.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
};

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;

/** The accounts configuration of tests: bcrypt cost 4 and generous limits unless a test sets them. */
export const testCoreConfig = (
  overrides: {
    auth?: Partial<CoreConfig['auth']>;
    rateLimits?: Partial<CoreConfig['rateLimits']>;
    linkBaseUrl?: string;
  } = {},
): CoreConfig => {
  const base = defaultCoreConfig();
  return {
    ...base,
    secretKey: 'test-secret-key-test-secret-key-0123456789',
    auth: { ...base.auth, bcryptCost: 4, ...overrides.auth },
    rateLimits: {
      windowSeconds: 60,
      login: 1000,
      register: 1000,
      forgotPassword: 1000,
      resendVerification: 1000,
      validateToken: 1000,
      chat: 1000,
      loginPerAccount: 1000,
      feedback: 1000,
      ...overrides.rateLimits,
    },
    mail: { linkBaseUrl: overrides.linkBaseUrl ?? 'https://front.mathakine.test' },
  };
};
