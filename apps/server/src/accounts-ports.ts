import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

import type { AppConfig } from '@mathakine/config';
import {
  createBcryptHasher,
  createDisabledMailer,
  createLogMailer,
  createRedisRateLimitStore,
  createSmtpMailer,
  type CoreConfig,
  type CoreDeps,
} from '@mathakine/core';

/**
 * The accounts feature's real ports: SMTP mail (or a log of the link in development), bcrypt with the
 * configured cost, and Redis rate-limit counters when REDIS_URL is set (in-memory otherwise).
 */
export const createAccountsPorts = (config: AppConfig, log: Logger, registry?: Registry) => {
  const smtp = config.mail.smtp;
  const smtpMailer = smtp
    ? createSmtpMailer({
        host: smtp.host,
        port: smtp.port,
        user: smtp.user,
        password: smtp.password,
        secure: smtp.secure,
        requireTls: smtp.requireTls,
        from: smtp.from,
      })
    : null;
  // Development logs the message (and its link); production without SMTP fails each send, logged and counted.
  const mailer =
    smtpMailer ?? (config.isProduction ? createDisabledMailer() : createLogMailer(log));
  const rateLimitStore = config.redisUrl ? createRedisRateLimitStore(config.redisUrl) : undefined;
  const mailFailures = registry
    ? new Counter({
        name: 'mathakine_mail_send_failures_total',
        help: 'E-mails that could not be sent, by kind.',
        labelNames: ['kind'] as const,
        registers: [registry],
      })
    : null;
  const coreConfig: CoreConfig = {
    secretKey: config.secretKey,
    auth: config.auth,
    rateLimits: config.rateLimits,
    admin: config.admin,
    mail: { linkBaseUrl: config.mail.linkBaseUrl },
  };
  const deps = {
    config: coreConfig,
    mailer,
    passwordHasher: createBcryptHasher(config.auth.bcryptCost),
    ...(rateLimitStore ? { rateLimitStore } : {}),
    onMailFailure: (kind: 'verification' | 'password_reset') => mailFailures?.inc({ kind }),
  } satisfies Partial<CoreDeps>;
  log.info(
    {
      mailer: mailer.kind,
      rateLimitStore: rateLimitStore?.kind ?? 'memory',
      bcryptCost: config.auth.bcryptCost,
    },
    'accounts ports ready',
  );
  return {
    deps,
    close: async () => {
      smtpMailer?.close();
      await rateLimitStore?.close?.();
    },
  };
};
