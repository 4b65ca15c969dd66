// The zod schema of every environment variable the backend reads. Each field turns the raw string
// (already trimmed; empty = unset) into a typed value or its default, and explains a bad value
// without echoing it (values may be secrets).
import { z } from 'zod';

import { LOG_LEVELS, type LogLevel } from './types.ts';

type Raw = string | undefined;
type Ctx = z.core.$RefinementCtx<Raw>;

const fail = (ctx: Ctx, message: string): never => {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
};

const raw = () => z.string().optional();

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Optional text; unset → null. */
export const text = () => raw().transform((v) => v ?? null);

/** Text with a default. */
export const textOr = (fallback: string) => raw().transform((v) => v ?? fallback);

/** Strict boolean: true/1/yes/on or false/0/no/off (any case). */
export const bool = (fallback: boolean) =>
  raw().transform((v, ctx) => {
    if (v === undefined) return fallback;
    const word = v.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return fail(ctx, 'must be a boolean: true, false, 1, 0, yes, no, on or off');
  });

/** Optional strict boolean: unset → null (the caller picks a context-dependent default). */
export const boolOrNull = () =>
  raw().transform((v, ctx): boolean | null => {
    if (v === undefined) return null;
    const word = v.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return fail(ctx, 'must be a boolean: true, false, 1, 0, yes, no, on or off');
  });

const parseInteger = (v: string, ctx: Ctx, min: number, max: number): number => {
  if (!/^[+-]?\d+$/.test(v)) return fail(ctx, `must be a whole number between ${min} and ${max}`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    return fail(ctx, `must be a whole number between ${min} and ${max}`);
  }
  return n;
};

/** Strict integer within [min, max]. */
export const int = (fallback: number, min: number, max: number) =>
  raw().transform((v, ctx) => (v === undefined ? fallback : parseInteger(v, ctx, min, max)));

/** Optional strict integer: unset → null. */
export const intOrNull = (min: number, max: number) =>
  raw().transform((v, ctx): number | null =>
    v === undefined ? null : parseInteger(v, ctx, min, max),
  );

/** Strict decimal number within [min, max]. */
export const num = (fallback: number, min: number, max: number) =>
  raw().transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v)) {
      return fail(ctx, `must be a number between ${min} and ${max}`);
    }
    const n = Number(v);
    if (n < min || n > max) return fail(ctx, `must be a number between ${min} and ${max}`);
    return n;
  });

/** Optional URL whose scheme is one of `protocols` (e.g. 'https:'). Trailing slashes removed. */
export const url = (protocols: readonly string[], what: string) =>
  raw().transform((v, ctx): string | null => {
    if (v === undefined) return null;
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      return fail(ctx, `must be a valid ${what} URL`);
    }
    if (!protocols.includes(parsed.protocol)) {
      return fail(ctx, `must be a ${what} URL (${protocols.map((p) => `${p}//`).join(' or ')})`);
    }
    if (parsed.hostname === '') return fail(ctx, `must be a valid ${what} URL (no host)`);
    return v.replace(/\/+$/, '');
  });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Optional e-mail address, lower-cased. */
export const email = () =>
  raw().transform((v, ctx): string | null => {
    if (v === undefined) return null;
    if (!EMAIL.test(v)) return fail(ctx, 'must be an e-mail address');
    return v.toLowerCase();
  });

/** Comma-separated list of http(s) origins. */
export const originList = () =>
  raw().transform((v, ctx): string[] => {
    if (v === undefined) return [];
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const origins: string[] = [];
    for (const item of items) {
      try {
        const parsed = new URL(item);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
        origins.push(parsed.origin);
      } catch {
        return fail(ctx, 'must be a comma-separated list of http(s) origins');
      }
    }
    return origins;
  });

const LEVEL_ALIASES: Readonly<Record<string, LogLevel>> = {
  warning: 'warn',
  critical: 'fatal',
  notset: 'info',
};

export const logLevel = () =>
  raw().transform((v, ctx): LogLevel => {
    if (v === undefined) return 'info';
    const word = v.toLowerCase();
    const level = LEVEL_ALIASES[word] ?? LOG_LEVELS.find((l) => l === word);
    return level ?? fail(ctx, `must be one of ${LOG_LEVELS.join(', ')}`);
  });

const USERNAME = /^[A-Za-z0-9_-]{3,50}$/;

export const username = (fallback: string) =>
  raw().transform((v, ctx) => {
    if (v === undefined) return fallback;
    return USERNAME.test(v) ? v : fail(ctx, 'must be 3–50 letters, digits, "-" or "_"');
  });

const PG = ['postgres:', 'postgresql:'] as const;
const HTTP = ['http:', 'https:'] as const;
const REDIS = ['redis:', 'rediss:'] as const;
const MiB = 1024 * 1024;

/**
 * Every variable, by its exact (case-sensitive) name. Cross-variable rules (production
 * requirements, aliases, derived defaults) live in load.ts.
 */
export const envSchema = z.object({
  // Environment detection
  ENVIRONMENT: text(),
  NODE_ENV: text(),
  MATH_TRAINER_PROFILE: text(),
  VITEST: text(),
  TESTING: bool(false),
  MATH_TRAINER_DEBUG: bool(false),
  // Process
  MATH_TRAINER_HOST: text(),
  HOST: text(),
  PORT: int(10000, 0, 65535),
  LOG_LEVEL: logLevel(),
  SECRET_KEY: text(),
  // Database
  DATABASE_URL: url(PG, 'PostgreSQL'),
  MATHAKINE_DATA_DIR: textOr('.data/pglite'),
  DB_POOL_SIZE: intOrNull(1, 1000),
  MAX_CONNECTIONS_POOL: intOrNull(1, 1000),
  DB_STATEMENT_TIMEOUT_MS: int(15_000, 0, 600_000),
  DB_TRANSACTION_TIMEOUT_MS: int(10_000, 1, 600_000),
  DB_TRANSACTION_MAX_WAIT_MS: int(5_000, 1, 600_000),
  DB_CONNECT_TIMEOUT_MS: int(5_000, 0, 600_000),
  DB_PREPARED_STATEMENTS: bool(true),
  // HTTP
  FRONTEND_URL: url(HTTP, 'http(s)'),
  CORS_ORIGINS: originList(),
  MAX_CONTENT_LENGTH: int(MiB, 1024, 64 * MiB),
  TRUSTED_PROXY_HOPS: intOrNull(0, 10),
  SECURE_HEADERS: bool(true),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 120_000),
  IDLE_GC_SECONDS: int(5, 0, 3_600),
  HTTP_HEADERS_TIMEOUT_MS: int(10_000, 1_000, 120_000),
  HTTP_REQUEST_TIMEOUT_MS: int(30_000, 1_000, 600_000),
  METRICS_TOKEN: text(),
  // Auth
  ACCESS_TOKEN_EXPIRE_MINUTES: int(15, 1, 24 * 60),
  REFRESH_TOKEN_EXPIRE_DAYS: int(7, 1, 365),
  UNVERIFIED_GRACE_PERIOD_MINUTES: int(45, 0, 365 * 24 * 60),
  BCRYPT_COST: int(12, 4, 15),
  REFRESH_REUSE_GRACE_SECONDS: int(45, 30, 60),
  SESSION_CACHE_SECONDS: int(5, 0, 10),
  // First administrator
  DEFAULT_ADMIN_EMAIL: email(),
  DEFAULT_ADMIN_USERNAME: username('admin'),
  DEFAULT_ADMIN_PASSWORD: text(),
  // Sentry
  SENTRY_DSN: url(HTTP, 'Sentry DSN'),
  NEXT_PUBLIC_SENTRY_DSN: url(HTTP, 'Sentry DSN'),
  SENTRY_RELEASE: text(),
  RENDER_GIT_COMMIT: text(),
  VERCEL_GIT_COMMIT_SHA: text(),
  SENTRY_TRACES_SAMPLE_RATE: num(0.1, 0, 1),
  SENTRY_PROFILES_SAMPLE_RATE: num(0, 0, 1),
  // Mail
  SMTP_HOST: text(),
  SMTP_PORT: int(587, 1, 65535),
  SMTP_USER: text(),
  SMTP_PASSWORD: text(),
  SMTP_USE_TLS: bool(true),
  SMTP_FROM_EMAIL: email(),
  SENDGRID_API_KEY: text(),
  // Redis
  REDIS_URL: url(REDIS, 'Redis'),
  REDIS_TIMEOUT_MS: int(250, 10, 10_000),
  // Rate limits
  RATE_LIMIT_WINDOW_SECONDS: int(60, 1, 3600),
  RATE_LIMIT_LOGIN: int(5, 1, 100_000),
  RATE_LIMIT_REGISTER: int(3, 1, 100_000),
  RATE_LIMIT_FORGOT_PASSWORD: int(5, 1, 100_000),
  RATE_LIMIT_RESEND_VERIFICATION: int(2, 1, 100_000),
  RATE_LIMIT_VALIDATE_TOKEN: int(5, 1, 100_000),
  RATE_LIMIT_CHAT: int(15, 1, 100_000),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: int(10, 1, 100_000),
  RATE_LIMIT_FEEDBACK: int(5, 1, 100_000),
  // AI (see ai.ts for the model fallbacks)
  OPENAI_API_KEY: text(),
  OPENAI_BASE_URL: url(HTTP, 'http(s)'),
  OPENAI_MODEL: text(),
  OPENAI_MODEL_REASONING: text(),
  OPENAI_MODEL_EXERCISE: text(),
  OPENAI_MODEL_EXERCISE_REASONING: text(),
  OPENAI_MODEL_CHALLENGE_ADVANCED: text(),
  OPENAI_MODEL_CHALLENGE_BASIC: text(),
  OPENAI_MODEL_CHAT_SIMPLE: text(),
  OPENAI_MODEL_CHAT_COMPLEX: text(),
  OPENAI_TIMEOUT_MS: int(90_000, 1_000, 600_000),
  OPENAI_FIRST_TOKEN_TIMEOUT_MS: int(30_000, 100, 600_000),
  OPENAI_STREAM_IDLE_TIMEOUT_MS: int(20_000, 100, 600_000),
  OPENAI_MAX_RETRIES: int(2, 0, 5),
  OPENAI_RETRY_DELAY_MS: int(1_000, 0, 60_000),
  OPENAI_BREAKER_FAILURES: int(5, 1, 1_000),
  OPENAI_BREAKER_OPEN_MS: int(60_000, 10, 3_600_000),
});

export type EnvVariable = keyof typeof envSchema.shape;
export type ParsedEnv = z.output<typeof envSchema>;

/** Variables whose value is kept byte for byte (no trimming): secrets and passwords. */
export const UNTRIMMED: ReadonlySet<string> = new Set([
  'SECRET_KEY',
  'DEFAULT_ADMIN_PASSWORD',
  'SMTP_PASSWORD',
]);
