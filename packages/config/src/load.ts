import { randomBytes } from 'node:crypto';

import { buildAiConfig } from './ai.ts';
import { buildCorsOrigins } from './cors.ts';
import { detectProduction, detectTest } from './detect.ts';
import { keptDevSecret } from './dev-secret.ts';
import { readEnvironment } from './env.ts';
import { envSchema, UNTRIMMED, type EnvVariable, type ParsedEnv } from './schema.ts';
import { adminPasswordProblem, secretKeyProblem } from './secrets.ts';
import type { AppConfig, ConfigIssue, EnvSource, SmtpConfig } from './types.ts';

/** Thrown by loadConfig: `issues` lists every invalid variable and why. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues
        .map((i) => i.variable)
        .join(', ')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

const NOREPLY = 'noreply@mathakine.com';
const DEV_LINK_BASE = 'http://localhost:3000';

/** Trim values (except secrets) and treat empty strings as unset. */
const normalise = (env: EnvSource): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  for (const name of Object.keys(envSchema.shape)) {
    const value = env[name];
    if (value === undefined) continue;
    const kept = UNTRIMMED.has(name) ? value : value.trim();
    if (kept.trim() !== '') out[name] = kept;
  }
  return out;
};

/**
 * Parses every variable; a variable that fails gets its default so that the cross-variable rules
 * still run and every problem is reported at once.
 */
const parseFields = (raw: Record<string, string | undefined>) => {
  const issues: ConfigIssue[] = [];
  const first = envSchema.safeParse(raw);
  if (first.success) return { values: first.data, issues };
  const failed = new Set<string>();
  for (const issue of first.error.issues) {
    const variable = String(issue.path[0] ?? 'environment');
    failed.add(variable);
    issues.push({ variable, message: issue.message });
  }
  const rest = Object.fromEntries(Object.entries(raw).filter(([name]) => !failed.has(name)));
  return { values: envSchema.parse(rest), issues };
};

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

const pickSmtp = (
  v: ParsedEnv,
  problem: (variable: EnvVariable, message: string) => void,
): SmtpConfig | null => {
  if (v.SMTP_HOST === null) return null;
  if (v.SMTP_USER !== null && v.SMTP_PASSWORD === null) {
    problem('SMTP_PASSWORD', 'is required when SMTP_USER is set');
  }
  if (v.SMTP_PASSWORD !== null && v.SMTP_USER === null) {
    problem('SMTP_USER', 'is required when SMTP_PASSWORD is set');
  }
  const secure = v.SMTP_PORT === 465;
  const userAsSender = v.SMTP_USER?.includes('@') === true ? v.SMTP_USER.toLowerCase() : null;
  return {
    host: v.SMTP_HOST,
    port: v.SMTP_PORT,
    user: v.SMTP_USER,
    password: v.SMTP_PASSWORD,
    secure,
    requireTls: v.SMTP_USE_TLS && !secure,
    from: v.SMTP_FROM_EMAIL ?? userAsSender ?? NOREPLY,
  };
};

export interface LoadConfigOptions {
  /**
   * Outside production and test runs, without SECRET_KEY: keep the generated key in the local data
   * folder (`dev-secret` next to MATHAKINE_DATA_DIR) and reuse it, so `pnpm dev` restarts keep
   * everybody signed in. On by default when the process environment is read; off for an explicit
   * environment unless asked (a test passing its own variables writes nothing).
   */
  keepDevSecret?: boolean;
}

const build = (
  env: EnvSource,
  notices: readonly string[],
  options: LoadConfigOptions,
): AppConfig => {
  const { values: v, issues } = parseFields(normalise(env));
  const warnings: string[] = [...notices];
  // One message per variable: a value that failed to parse is not also reported as missing.
  const problem = (variable: EnvVariable, message: string): void => {
    if (!issues.some((i) => i.variable === variable)) issues.push({ variable, message });
  };

  const isProduction = detectProduction(env);
  const isTest = detectTest(env);
  const environment = v.ENVIRONMENT ?? 'development';

  // --- environment guards -------------------------------------------------------------------
  if (isProduction) {
    if (v.ENVIRONMENT === null) {
      problem('ENVIRONMENT', 'is required in production (set ENVIRONMENT=production)');
    }
    if (isTest) {
      problem(
        v.NODE_ENV?.toLowerCase() === 'test' ? 'NODE_ENV' : 'VITEST',
        'a test run cannot be production (NODE_ENV=test or VITEST set together with production)',
      );
    }
    if (v.TESTING) problem('TESTING', 'must not be true in production');
    if (v.MATH_TRAINER_DEBUG) problem('MATH_TRAINER_DEBUG', 'must be false in production');
  } else if (v.MATH_TRAINER_DEBUG) {
    warnings.push('MATH_TRAINER_DEBUG is on: error details are shown in responses.');
  }

  let logLevel = v.LOG_LEVEL;
  if (isProduction && (logLevel === 'debug' || logLevel === 'trace')) {
    warnings.push(`LOG_LEVEL=${logLevel} is not allowed in production; using info.`);
    logLevel = 'info';
  }

  // --- secret key ---------------------------------------------------------------------------
  let secretKey = v.SECRET_KEY;
  let secretKeyGenerated = false;
  if (isProduction) {
    if (secretKey === null) {
      problem(
        'SECRET_KEY',
        'is required in production (generate one with `openssl rand -base64 48`)',
      );
    } else {
      const why = secretKeyProblem(secretKey);
      if (why !== null) problem('SECRET_KEY', why);
    }
  } else if (secretKey === null) {
    secretKeyGenerated = true;
    const kept =
      options.keepDevSecret === true && !isTest ? keptDevSecret(v.MATHAKINE_DATA_DIR) : null;
    if (kept?.kind === 'kept') {
      secretKey = kept.secret;
      warnings.push(
        `SECRET_KEY is not set: using the development key ${kept.created ? 'generated into' : 'kept in'} ${kept.file} (delete it to sign everybody out).`,
      );
    } else {
      secretKey = randomBytes(48).toString('base64url');
      warnings.push(
        `SECRET_KEY is not set: a random key was generated for this process; tokens die at restart${kept === null ? '' : ` (no development key file: ${kept.reason})`}.`,
      );
    }
  } else if (secretKeyProblem(secretKey) !== null) {
    warnings.push('SECRET_KEY is weak; production would refuse it.');
  }

  // --- database -----------------------------------------------------------------------------
  if (v.DATABASE_URL === null) {
    if (isProduction) {
      problem(
        'DATABASE_URL',
        'is required in production (postgres://…); the embedded database is for development and tests only',
      );
    } else {
      warnings.push(
        `DATABASE_URL is not set: using the embedded PGlite database in ${v.MATHAKINE_DATA_DIR}.`,
      );
    }
  }
  if (v.DB_POOL_SIZE === null && v.MAX_CONNECTIONS_POOL !== null) {
    warnings.push('MAX_CONNECTIONS_POOL is a legacy name; use DB_POOL_SIZE.');
  }
  const poolSize = v.DB_POOL_SIZE ?? v.MAX_CONNECTIONS_POOL ?? 10;

  // --- frontend, CORS ----------------------------------------------------------------------
  const frontendUrl = v.FRONTEND_URL;
  if (isProduction) {
    if (frontendUrl === null) {
      problem('FRONTEND_URL', 'is required in production (the frontend origin, https://…)');
    } else if (!frontendUrl.startsWith('https://')) {
      problem('FRONTEND_URL', 'must be an https:// URL in production');
    }
    if (v.CORS_ORIGINS.some((o) => !o.startsWith('https://'))) {
      problem('CORS_ORIGINS', 'must list only https:// origins in production');
    }
  }
  const corsOrigins = buildCorsOrigins({
    isProduction,
    frontendUrl,
    extraOrigins: v.CORS_ORIGINS,
  });

  // --- HTTP ---------------------------------------------------------------------------------
  if (isProduction && v.METRICS_TOKEN !== null && v.METRICS_TOKEN.length < 16) {
    problem('METRICS_TOKEN', 'must be at least 16 characters in production');
  }
  if (isProduction && v.METRICS_TOKEN === null) {
    warnings.push('METRICS_TOKEN is not set: /metrics is public.');
  }

  // --- auth ---------------------------------------------------------------------------------
  if (isProduction && v.BCRYPT_COST < 10) {
    problem('BCRYPT_COST', 'must be at least 10 in production');
  }

  // --- first administrator ------------------------------------------------------------------
  if (v.DEFAULT_ADMIN_PASSWORD !== null) {
    const why = adminPasswordProblem(v.DEFAULT_ADMIN_PASSWORD, {
      username: v.DEFAULT_ADMIN_USERNAME,
      email: v.DEFAULT_ADMIN_EMAIL,
    });
    if (why !== null) problem('DEFAULT_ADMIN_PASSWORD', why);
  }

  // --- mail ---------------------------------------------------------------------------------
  const smtp = pickSmtp(v, problem);
  if (smtp === null) {
    warnings.push(
      isProduction
        ? 'SMTP_HOST is not set: verification and password-reset e-mails cannot be sent.'
        : 'SMTP_HOST is not set: e-mails are logged, not sent.',
    );
    if (v.SENDGRID_API_KEY !== null) {
      warnings.push(
        'SENDGRID_API_KEY is ignored: use SendGrid through SMTP (SMTP_HOST=smtp.sendgrid.net, SMTP_USER=apikey, SMTP_PASSWORD=<key>).',
      );
    }
  } else if (!smtp.secure && !smtp.requireTls) {
    warnings.push('SMTP_USE_TLS is off: mail credentials and content travel unencrypted.');
  }

  // --- other services -----------------------------------------------------------------------
  if (isProduction && v.REDIS_URL === null) {
    warnings.push('REDIS_URL is not set: rate limits are kept per process.');
  }
  const ai = buildAiConfig(v, isProduction, warnings);

  if (issues.length > 0) throw new ConfigError(issues);

  const config: AppConfig = {
    environment,
    isProduction,
    isTest,
    debug: v.MATH_TRAINER_DEBUG,
    host: v.MATH_TRAINER_HOST ?? v.HOST ?? '0.0.0.0',
    port: v.PORT,
    logLevel,
    // Non-null here: production without SECRET_KEY was reported above, otherwise one was generated.
    secretKey: secretKey ?? '',
    secretKeyGenerated,
    database: {
      url: v.DATABASE_URL,
      dataDir: v.MATHAKINE_DATA_DIR,
      poolSize,
      statementTimeoutMs: v.DB_STATEMENT_TIMEOUT_MS,
      transactionTimeoutMs: v.DB_TRANSACTION_TIMEOUT_MS,
      transactionMaxWaitMs: v.DB_TRANSACTION_MAX_WAIT_MS,
      connectTimeoutMs: v.DB_CONNECT_TIMEOUT_MS,
      preparedStatements: v.DB_PREPARED_STATEMENTS,
    },
    frontendUrl,
    cors: { origins: corsOrigins },
    http: {
      bodyLimitBytes: v.MAX_CONTENT_LENGTH,
      trustedProxyHops: v.TRUSTED_PROXY_HOPS ?? (isProduction ? 1 : 0),
      secureHeaders: v.SECURE_HEADERS,
      shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
      idleGcSeconds: v.IDLE_GC_SECONDS,
      headersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: Math.max(v.HTTP_REQUEST_TIMEOUT_MS, v.HTTP_HEADERS_TIMEOUT_MS),
      metricsToken: v.METRICS_TOKEN,
    },
    auth: {
      accessTokenMinutes: v.ACCESS_TOKEN_EXPIRE_MINUTES,
      refreshTokenDays: v.REFRESH_TOKEN_EXPIRE_DAYS,
      unverifiedGraceMinutes: v.UNVERIFIED_GRACE_PERIOD_MINUTES,
      bcryptCost: v.BCRYPT_COST,
      refreshReuseGraceSeconds: v.REFRESH_REUSE_GRACE_SECONDS,
      sessionCacheSeconds: v.SESSION_CACHE_SECONDS,
    },
    admin: {
      email: v.DEFAULT_ADMIN_EMAIL,
      username: v.DEFAULT_ADMIN_USERNAME,
      password: v.DEFAULT_ADMIN_PASSWORD,
    },
    sentry: {
      dsn: isTest || v.TESTING ? null : (v.SENTRY_DSN ?? v.NEXT_PUBLIC_SENTRY_DSN),
      environment,
      release: v.SENTRY_RELEASE ?? v.RENDER_GIT_COMMIT ?? v.VERCEL_GIT_COMMIT_SHA,
      tracesSampleRate: v.SENTRY_TRACES_SAMPLE_RATE,
      profilesSampleRate: v.SENTRY_PROFILES_SAMPLE_RATE,
    },
    mail: { smtp, linkBaseUrl: frontendUrl ?? DEV_LINK_BASE },
    redisUrl: v.REDIS_URL,
    redisTimeoutMs: v.REDIS_TIMEOUT_MS,
    rateLimits: {
      windowSeconds: v.RATE_LIMIT_WINDOW_SECONDS,
      login: v.RATE_LIMIT_LOGIN,
      register: v.RATE_LIMIT_REGISTER,
      forgotPassword: v.RATE_LIMIT_FORGOT_PASSWORD,
      resendVerification: v.RATE_LIMIT_RESEND_VERIFICATION,
      validateToken: v.RATE_LIMIT_VALIDATE_TOKEN,
      chat: v.RATE_LIMIT_CHAT,
      loginPerAccount: v.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      feedback: v.RATE_LIMIT_FEEDBACK,
    },
    ai,
    warnings,
  };
  return deepFreeze(config);
};

/**
 * Parses the environment once into a frozen AppConfig. Without an environment it reads the process
 * environment (plus a development-only `.env`, see env.ts) and keeps a development key on disk (see
 * LoadConfigOptions). Throws ConfigError listing every invalid variable.
 */
export const loadConfig = (env?: EnvSource, options: LoadConfigOptions = {}): AppConfig => {
  if (env !== undefined) return build(env, [], options);
  const snapshot = readEnvironment();
  return build(snapshot.env, snapshot.notices, { keepDevSecret: true, ...options });
};

/** One line per problem: `  - VARIABLE: why`. Anything else than a ConfigError: its message. */
export const formatConfigError = (err: unknown): string => {
  if (!(err instanceof ConfigError)) return err instanceof Error ? err.message : String(err);
  return [
    'Invalid configuration: fix these environment variables (see docs/configuration.md):',
    ...err.issues.map((i) => `  - ${i.variable}: ${i.message}`),
  ].join('\n');
};

export interface ExitIo {
  stderr: (text: string) => void;
  exit: (code: number) => void;
}

const processIo: ExitIo = {
  stderr: (text) => {
    process.stderr.write(text);
  },
  exit: (code) => {
    process.exit(code);
  },
};

/**
 * For entry points (server, CLIs): loadConfig, or print each wrong variable and why, then exit 1.
 * Other errors propagate. When a fake `io.exit` returns, the ConfigError is rethrown.
 */
export const loadConfigOrExit = (env?: EnvSource, io: ExitIo = processIo): AppConfig => {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`${formatConfigError(err)}\n`);
    io.exit(1);
    throw err;
  }
};
