/** Log levels understood by pino (STYLE.md §5). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A snapshot of environment variables (the process environment or a test double). */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface SmtpConfig {
  host: string;
  port: number;
  user: string | null;
  password: string | null;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** STARTTLS is mandatory (SMTP_USE_TLS on a non-465 port). */
  requireTls: boolean;
  from: string;
}

/** The model of each AI workload (an OpenAI-compatible model name). */
export interface AiModels {
  /** Exercise generation (ADDITION, SOUSTRACTION, MULTIPLICATION, DIVISION, GEOMETRIE). */
  exercise: string;
  /** Exercise generation of the harder types (FRACTIONS, TEXTE, MIXTE, DIVERS). */
  exerciseReasoning: string;
  /** Challenge generation of pattern, graph, visual, deduction, coding and chess. */
  challengeAdvanced: string;
  /** Challenge generation of sequence, puzzle, riddle and probability. */
  challengeBasic: string;
  /** Tutor chat, short or simple questions. */
  chatSimple: string;
  /** Tutor chat, questions that ask for a proof or a detailed explanation. */
  chatComplex: string;
}

/** The AI provider settings (OPENAI_* variables; docs/configuration.md § AI). */
export interface AiConfig {
  /** null = AI disabled: every AI call fails at once with "not configured" (not an error at boot). */
  apiKey: string | null;
  /** OpenAI-compatible API base URL (…/v1); null = the SDK's default. */
  baseUrl: string | null;
  models: AiModels;
  timeouts: {
    /** Whole call: a non-streamed completion, or a stream from request to last chunk. */
    requestMs: number;
    /** From request to the first streamed text. */
    firstTokenMs: number;
    /** Longest silence between two streamed chunks. */
    idleMs: number;
  };
  /** Retries of retryable failures (429, 5xx, timeouts, connection errors), never once a stream has started. */
  retry: { maxRetries: number; baseDelayMs: number };
  /** Opens after `failureThreshold` consecutive provider failures; one probe call after `openMs`. */
  breaker: { failureThreshold: number; openMs: number };
}

/**
 * The whole runtime configuration, parsed once from the environment and frozen.
 * `docs/configuration.md` lists every variable behind each field.
 */
export interface AppConfig {
  environment: string;
  /** ENVIRONMENT==='production' || NODE_ENV==='production' || MATH_TRAINER_PROFILE==='prod'. The only definition. */
  isProduction: boolean;
  /** NODE_ENV==='test' or VITEST set. Never together with production. */
  isTest: boolean;
  debug: boolean;
  host: string;
  port: number;
  logLevel: LogLevel;
  secretKey: string;
  /**
   * True when no SECRET_KEY was given outside production and the key was generated: kept in the
   * local data folder's `dev-secret` (`pnpm dev`), or random per process (tests, in-memory data).
   */
  secretKeyGenerated: boolean;
  database: {
    /** null = embedded PGlite under dataDir (never in production). */
    url: string | null;
    dataDir: string;
    poolSize: number;
    statementTimeoutMs: number;
    transactionTimeoutMs: number;
    transactionMaxWaitMs: number;
    connectTimeoutMs: number;
    /** PostgreSQL: statements prepared once per connection (off behind a transaction-mode pooler). */
    preparedStatements: boolean;
  };
  /** FRONTEND_URL without a trailing slash. */
  frontendUrl: string | null;
  cors: { origins: string[] };
  http: {
    bodyLimitBytes: number;
    trustedProxyHops: number;
    secureHeaders: boolean;
    shutdownTimeoutMs: number;
    /**
     * One garbage collection this long after the last response of a busy period (memory back to the
     * system while idle); 0 turns it off.
     */
    idleGcSeconds: number;
    /** A client must send its request headers within this (slowloris), else 408 and the socket closes. */
    headersTimeoutMs: number;
    /** A client must send its whole request (headers and body) within this, else 408. */
    requestTimeoutMs: number;
    /** When set, /metrics requires `Authorization: Bearer <token>`. */
    metricsToken: string | null;
  };
  auth: {
    accessTokenMinutes: number;
    refreshTokenDays: number;
    unverifiedGraceMinutes: number;
    bcryptCost: number;
    refreshReuseGraceSeconds: number;
    sessionCacheSeconds: number;
  };
  admin: { email: string | null; username: string; password: string | null };
  sentry: {
    /** null when not configured or in tests (Sentry disabled). */
    dsn: string | null;
    environment: string;
    release: string | null;
    tracesSampleRate: number;
    profilesSampleRate: number;
  };
  mail: { smtp: SmtpConfig | null; linkBaseUrl: string };
  redisUrl: string | null;
  /** How long a rate-limited request waits for Redis before counting in memory instead. */
  redisTimeoutMs: number;
  rateLimits: {
    windowSeconds: number;
    login: number;
    register: number;
    forgotPassword: number;
    resendVerification: number;
    validateToken: number;
    chat: number;
    loginPerAccount: number;
    /** Feedback reports per user per window. */
    feedback: number;
  };
  ai: AiConfig;
  /** Notices to print loudly at boot (generated secret, embedded DB, mail not configured, debug on…). */
  warnings: string[];
}

export interface ConfigIssue {
  variable: string;
  message: string;
}
