import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

import type { AppConfig } from '@mathakine/config';
import {
  createBcryptHasher,
  createDisabledMailer,
  createFailoverRateLimitStore,
  createLogMailer,
  createMemoryRateLimitStore,
  createRedisRateLimitStore,
  createSmtpMailer,
  systemClock,
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
  const rateLimitFallbacks = registry
    ? new Counter({
        name: 'mathakine_rate_limit_fallback_total',
        help: 'Rate-limited requests counted in this instance’s memory because Redis was unavailable.',
        registers: [registry],
      })
    : null;
  // Redis down: every instance counts in its own memory (limits still enforced, per instance), no
  // request waits more than REDIS_TIMEOUT_MS for it, /ready says `memory-fallback` (docs/operations.md).
  const rateLimitStore = config.redisUrl
    ? createFailoverRateLimitStore({
        primary: createRedisRateLimitStore(config.redisUrl, {
          commandTimeoutMs: config.redisTimeoutMs * 4,
          onError: (err) => {
            log.debug({ err }, 'redis connection error');
          },
        }),
        fallback: createMemoryRateLimitStore(systemClock),
        timeoutMs: config.redisTimeoutMs,
        retryAfterMs: 5_000,
        log,
        onFallback: () => rateLimitFallbacks?.inc(),
      })
    : undefined;
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
