import { describe, expect, it, vi } from 'vitest';

import { ConfigError, loadConfig, loadConfigOrExit, type EnvSource } from './index.ts';

const STRONG_SECRET = 'q7F!x2Lm9Pz#R4tVb8Nc1Kd6Hs3Wj5Ye0Ug';

/** A complete, valid production environment (Render-like). */
const prod = (overrides: EnvSource = {}): EnvSource => ({
  ENVIRONMENT: 'production',
  MATH_TRAINER_PROFILE: 'prod',
  SECRET_KEY: STRONG_SECRET,
  DATABASE_URL: 'postgresql://app:pw@db.internal:5432/mathakine',
  FRONTEND_URL: 'https://mathakine.fun',
  ...overrides,
});

/** The issues of a failing load (fails the test when the load succeeds). */
const issuesOf = (env: EnvSource) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected loadConfig to fail');
};

const variables = (env: EnvSource) => issuesOf(env).map((i) => i.variable);

describe('production requirements', () => {
  it('accepts a complete production environment', () => {
    const config = loadConfig(prod());
    expect(config.isProduction).toBe(true);
    expect(config.environment).toBe('production');
    expect(config.secretKey).toBe(STRONG_SECRET);
    expect(config.secretKeyGenerated).toBe(false);
    expect(config.database.url).toBe('postgresql://app:pw@db.internal:5432/mathakine');
    expect(config.http.trustedProxyHops).toBe(1);
    expect(config.debug).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.cors.origins)).toBe(true);
  });

  it('refuses production without SECRET_KEY', () => {
    expect(variables(prod({ SECRET_KEY: undefined }))).toEqual(['SECRET_KEY']);
    expect(variables(prod({ SECRET_KEY: '   ' }))).toEqual(['SECRET_KEY']);
  });

  it('refuses a short, placeholder or repetitive SECRET_KEY in production', () => {
    for (const key of [
      'short-key',
      'change_this_to_a_long_random_string_in_production',
      'secret',
      'changeme',
      'a'.repeat(64),
      'abababababababababababababababababab',
    ]) {
      expect(variables(prod({ SECRET_KEY: key })), key).toEqual(['SECRET_KEY']);
    }
  });

  it('refuses production without DATABASE_URL, and a non-PostgreSQL URL anywhere', () => {
    expect(variables(prod({ DATABASE_URL: undefined }))).toEqual(['DATABASE_URL']);
    expect(variables(prod({ DATABASE_URL: 'mysql://x@y/z' }))).toEqual(['DATABASE_URL']);
    expect(variables({ DATABASE_URL: 'not a url' })).toEqual(['DATABASE_URL']);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.url).toBe(
      'postgres://u@h/db',
    );
  });

  it('refuses production without FRONTEND_URL or with a non-https one', () => {
    expect(variables(prod({ FRONTEND_URL: undefined }))).toEqual(['FRONTEND_URL']);
    expect(variables(prod({ FRONTEND_URL: 'http://mathakine.fun' }))).toEqual(['FRONTEND_URL']);
  });

  it('refuses debug in production', () => {
    expect(variables(prod({ MATH_TRAINER_DEBUG: 'true' }))).toEqual(['MATH_TRAINER_DEBUG']);
  });

  it('refuses TESTING=true and a test runner in production', () => {
    expect(variables(prod({ TESTING: 'true' }))).toEqual(['TESTING']);
    expect(variables(prod({ NODE_ENV: 'test' }))).toEqual(['NODE_ENV']);
    expect(variables(prod({ VITEST: 'true' }))).toEqual(['VITEST']);
  });

  it('refuses production detected by NODE_ENV without ENVIRONMENT', () => {
    expect(
      variables(
        prod({ ENVIRONMENT: undefined, MATH_TRAINER_PROFILE: undefined, NODE_ENV: 'production' }),
      ),
    ).toEqual(['ENVIRONMENT']);
  });

  it('refuses a bcrypt cost below 10 in production only', () => {
    expect(variables(prod({ BCRYPT_COST: '8' }))).toEqual(['BCRYPT_COST']);
    expect(loadConfig({ BCRYPT_COST: '4' }).auth.bcryptCost).toBe(4);
    expect(variables({ BCRYPT_COST: '3' })).toEqual(['BCRYPT_COST']);
  });

  it('forces a debug LOG_LEVEL to info in production, with a warning', () => {
    const config = loadConfig(prod({ LOG_LEVEL: 'DEBUG' }));
    expect(config.logLevel).toBe('info');
    expect(config.warnings.some((w) => w.includes('LOG_LEVEL'))).toBe(true);
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'WARNING' }).logLevel).toBe('warn');
    expect(variables({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL']);
  });

  it('lists every invalid variable at once', () => {
    const issues = issuesOf({
      ENVIRONMENT: 'production',
      PORT: 'eighty',
      MATH_TRAINER_DEBUG: 'maybe',
    });
    expect(issues.map((i) => i.variable).sort()).toEqual(
      ['DATABASE_URL', 'FRONTEND_URL', 'MATH_TRAINER_DEBUG', 'PORT', 'SECRET_KEY'].sort(),
    );
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('never echoes a secret value in a message', () => {
    const issues = issuesOf(
      prod({ SECRET_KEY: 'tiny-secret-value', DEFAULT_ADMIN_PASSWORD: 'hunter2' }),
    );
    for (const issue of issues) {
      expect(issue.message).not.toContain('tiny-secret-value');
      expect(issue.message).not.toContain('hunter2');
    }
  });
});

describe('DEFAULT_ADMIN_PASSWORD', () => {
  it('refuses weak or default values, in production and elsewhere', () => {
    for (const password of ['admin', 'password', '123456', 'changeme', 'Mathakine2026!', 'short']) {
      expect(variables(prod({ DEFAULT_ADMIN_PASSWORD: password })), password).toEqual([
        'DEFAULT_ADMIN_PASSWORD',
      ]);
      expect(variables({ DEFAULT_ADMIN_PASSWORD: password }), password).toEqual([
        'DEFAULT_ADMIN_PASSWORD',
      ]);
    }
  });

  it('refuses a password that contains the username or e-mail', () => {
    expect(
      variables({
        DEFAULT_ADMIN_USERNAME: 'yoda_master',
        DEFAULT_ADMIN_PASSWORD: 'Yoda_Master-1987x',
      }),
    ).toEqual(['DEFAULT_ADMIN_PASSWORD']);
    expect(
      variables({
        DEFAULT_ADMIN_EMAIL: 'obiwan@example.org',
        DEFAULT_ADMIN_PASSWORD: 'obiwan@example.org',
      }),
    ).toEqual(['DEFAULT_ADMIN_PASSWORD']);
  });

  it('accepts a strong password, and no password at all', () => {
    const config = loadConfig(
      prod({
        DEFAULT_ADMIN_EMAIL: 'Root@Mathakine.fun',
        DEFAULT_ADMIN_PASSWORD: 'Xq7!vR2#pL9@wZ4',
      }),
    );
    expect(config.admin).toEqual({
      email: 'root@mathakine.fun',
      username: 'admin',
      password: 'Xq7!vR2#pL9@wZ4',
    });
    expect(loadConfig(prod()).admin.password).toBeNull();
  });
});

describe('loadConfigOrExit', () => {
  it('prints each wrong variable and exits non-zero', () => {
    const out: string[] = [];
    const exit = vi.fn<(code: number) => void>();
    expect(() =>
      loadConfigOrExit(prod({ SECRET_KEY: undefined, DATABASE_URL: undefined }), {
        stderr: (text) => out.push(text),
        exit,
      }),
    ).toThrow(ConfigError);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit.mock.calls[0]?.[0]).not.toBe(0);
    const printed = out.join('');
    expect(printed).toContain('SECRET_KEY');
    expect(printed).toContain('DATABASE_URL');
  });

  it('returns the config when valid, without printing', () => {
    const out: string[] = [];
    const exit = vi.fn<(code: number) => void>();
    const config = loadConfigOrExit(prod(), { stderr: (text) => out.push(text), exit });
    expect(config.isProduction).toBe(true);
    expect(exit).not.toHaveBeenCalled();
    expect(out).toEqual([]);
  });
});

describe('development defaults', () => {
  it('loads an empty environment with safe defaults and warnings', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      isProduction: false,
      isTest: false,
      debug: false,
      host: '0.0.0.0',
      port: 10000,
      logLevel: 'info',
      secretKeyGenerated: true,
      frontendUrl: null,
      redisUrl: null,
      database: {
        url: null,
        dataDir: '.data/pglite',
        poolSize: 10,
        statementTimeoutMs: 15000,
        transactionTimeoutMs: 10000,
        transactionMaxWaitMs: 5000,
        connectTimeoutMs: 5000,
      },
      http: {
        bodyLimitBytes: 1024 * 1024,
        trustedProxyHops: 0,
        secureHeaders: true,
        shutdownTimeoutMs: 10000,
        idleGcSeconds: 5,
        metricsToken: null,
      },
      auth: {
        accessTokenMinutes: 15,
        refreshTokenDays: 7,
        unverifiedGraceMinutes: 45,
        bcryptCost: 12,
        refreshReuseGraceSeconds: 45,
        sessionCacheSeconds: 5,
      },
      admin: { email: null, username: 'admin', password: null },
      sentry: {
        dsn: null,
        environment: 'development',
        release: null,
        tracesSampleRate: 0.1,
        profilesSampleRate: 0,
      },
      mail: { smtp: null, linkBaseUrl: 'http://localhost:3000' },
      rateLimits: {
        windowSeconds: 60,
        login: 5,
        register: 3,
        forgotPassword: 5,
        resendVerification: 2,
        validateToken: 5,
        chat: 15,
        loginPerAccount: 10,
        feedback: 5,
      },
      ai: {
        apiKey: null,
        baseUrl: null,
        models: {
          exercise: 'gpt-4o-mini',
          exerciseReasoning: 'gpt-4o-mini',
          challengeAdvanced: 'gpt-5.1',
          challengeBasic: 'gpt-5-mini',
          chatSimple: 'gpt-4o-mini',
          chatComplex: 'gpt-4o',
        },
        timeouts: { requestMs: 90_000, firstTokenMs: 30_000, idleMs: 20_000 },
        retry: { maxRetries: 2, baseDelayMs: 1_000 },
        breaker: { failureThreshold: 5, openMs: 60_000 },
      },
    });
    expect(config.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).secretKey).not.toBe(config.secretKey);
    const notices = config.warnings.join('\n');
    expect(notices).toContain('SECRET_KEY');
    expect(notices).toContain('PGlite');
    expect(notices).toContain('SMTP_HOST');
  });

  it('parses booleans and numbers strictly, naming the variable', () => {
    expect(loadConfig({ SECURE_HEADERS: 'off' }).http.secureHeaders).toBe(false);
    expect(loadConfig({ SECURE_HEADERS: 'YES' }).http.secureHeaders).toBe(true);
    expect(variables({ SECURE_HEADERS: 'nope' })).toEqual(['SECURE_HEADERS']);
    expect(variables({ PORT: '80.5' })).toEqual(['PORT']);
    expect(variables({ PORT: '1e3' })).toEqual(['PORT']);
    expect(variables({ PORT: '70000' })).toEqual(['PORT']);
    expect(variables({ SENTRY_TRACES_SAMPLE_RATE: '2' })).toEqual(['SENTRY_TRACES_SAMPLE_RATE']);
    expect(variables({ REFRESH_REUSE_GRACE_SECONDS: '10' })).toEqual([
      'REFRESH_REUSE_GRACE_SECONDS',
    ]);
    expect(variables({ SESSION_CACHE_SECONDS: '11' })).toEqual(['SESSION_CACHE_SECONDS']);
    expect(variables({ UNVERIFIED_GRACE_PERIOD_MINUTES: '-1' })).toEqual([
      'UNVERIFIED_GRACE_PERIOD_MINUTES',
    ]);
    expect(loadConfig({ SENTRY_TRACES_SAMPLE_RATE: '0.25' }).sentry.tracesSampleRate).toBe(0.25);
  });

  it('accepts the legacy alias MAX_CONNECTIONS_POOL, DB_POOL_SIZE winning', () => {
    const legacy = loadConfig({ MAX_CONNECTIONS_POOL: '20' });
    expect(legacy.database.poolSize).toBe(20);
    expect(legacy.warnings.some((w) => w.includes('MAX_CONNECTIONS_POOL'))).toBe(true);
    expect(loadConfig({ MAX_CONNECTIONS_POOL: '20', DB_POOL_SIZE: '4' }).database.poolSize).toBe(4);
    expect(variables({ MAX_CONNECTIONS_POOL: 'many' })).toEqual(['MAX_CONNECTIONS_POOL']);
  });

  it('prefers MATH_TRAINER_HOST over HOST', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '127.0.0.1', MATH_TRAINER_HOST: '::' }).host).toBe('::');
  });

  it('warns about a weak SECRET_KEY outside production without failing', () => {
    const config = loadConfig({ SECRET_KEY: 'dev' });
    expect(config.secretKey).toBe('dev');
    expect(config.secretKeyGenerated).toBe(false);
    expect(config.warnings.some((w) => w.includes('SECRET_KEY'))).toBe(true);
  });

  it('reports debug mode as a warning in development', () => {
    const config = loadConfig({ MATH_TRAINER_DEBUG: '1' });
    expect(config.debug).toBe(true);
    expect(config.warnings.some((w) => w.includes('MATH_TRAINER_DEBUG'))).toBe(true);
  });
});

describe('isProduction', () => {
  it.each([
    ['ENVIRONMENT=production', { ENVIRONMENT: 'production' }],
    ['NODE_ENV=production', { NODE_ENV: 'production', ENVIRONMENT: 'staging' }],
    ['MATH_TRAINER_PROFILE=prod', { MATH_TRAINER_PROFILE: 'prod', ENVIRONMENT: 'staging' }],
  ])('is switched on by %s', (_label, trigger: EnvSource) => {
    const config = loadConfig({
      ...prod(),
      ENVIRONMENT: undefined,
      MATH_TRAINER_PROFILE: undefined,
      ...trigger,
    });
    expect(config.isProduction).toBe(true);
    expect(variables({ ...trigger })).toEqual(
      expect.arrayContaining(['SECRET_KEY', 'DATABASE_URL', 'FRONTEND_URL']),
    );
  });

  it('is off otherwise', () => {
    expect(
      loadConfig({ ENVIRONMENT: 'staging', NODE_ENV: 'development', MATH_TRAINER_PROFILE: 'dev' })
        .isProduction,
    ).toBe(false);
  });

  it('detects tests from NODE_ENV=test or VITEST and disables Sentry there', () => {
    const dsn = 'https://key@o1.ingest.sentry.io/42';
    expect(loadConfig({ NODE_ENV: 'test', SENTRY_DSN: dsn })).toMatchObject({
      isTest: true,
      sentry: { dsn: null },
    });
    expect(loadConfig({ VITEST: 'true', SENTRY_DSN: dsn }).isTest).toBe(true);
    expect(loadConfig({ TESTING: 'true', SENTRY_DSN: dsn }).sentry.dsn).toBeNull();
    expect(loadConfig({ SENTRY_DSN: dsn }).sentry.dsn).toBe(dsn);
  });
});

describe('CORS origins', () => {
  it('development: localhost ports, FRONTEND_URL, its www twin and the Render frontend', () => {
    expect(loadConfig({ FRONTEND_URL: 'https://mathakine.fun/' }).cors.origins).toEqual([
      'http://localhost:3000',
      'http://localhost:5173',
      'http://127.0.0.1:3000',
      'http://127.0.0.1:5173',
      'https://mathakine.fun',
      'https://www.mathakine.fun',
      'https://mathakine-frontend.onrender.com',
    ]);
  });

  it('development: no FRONTEND_URL gives the four localhost origins, deduplicated', () => {
    expect(loadConfig({ FRONTEND_URL: 'http://localhost:3000' }).cors.origins).toEqual([
      'http://localhost:3000',
      'http://localhost:5173',
      'http://127.0.0.1:3000',
      'http://127.0.0.1:5173',
    ]);
  });

  it('production: FRONTEND_URL, its twin and CORS_ORIGINS, never localhost', () => {
    const config = loadConfig(
      prod({
        FRONTEND_URL: 'https://mathakine-frontend.onrender.com',
        CORS_ORIGINS: 'https://admin.mathakine.fun, https://mathakine-frontend.onrender.com',
      }),
    );
    expect(config.cors.origins).toEqual([
      'https://mathakine-frontend.onrender.com',
      'https://www.mathakine-frontend.onrender.com',
      'https://admin.mathakine.fun',
    ]);
    expect(
      config.cors.origins.some((o) => o.includes('localhost') || o.includes('127.0.0.1')),
    ).toBe(false);
  });

  it('production: the www twin goes both ways and the Render rule applies', () => {
    expect(loadConfig(prod({ FRONTEND_URL: 'https://www.mathakine.fun' })).cors.origins).toEqual([
      'https://www.mathakine.fun',
      'https://mathakine.fun',
      'https://mathakine-frontend.onrender.com',
    ]);
  });

  it('refuses a non-https or malformed CORS_ORIGINS entry', () => {
    expect(variables(prod({ CORS_ORIGINS: 'http://localhost:3000' }))).toEqual(['CORS_ORIGINS']);
    expect(variables({ CORS_ORIGINS: 'not-an-origin' })).toEqual(['CORS_ORIGINS']);
  });
});

describe('mail, Redis, AI and Sentry', () => {
  it('configures SMTP only when SMTP_HOST is set', () => {
    const config = loadConfig({
      SMTP_HOST: 'smtp.example.org',
      SMTP_USER: 'Bot@Example.org',
      SMTP_PASSWORD: 'pw',
    });
    expect(config.mail.smtp).toEqual({
      host: 'smtp.example.org',
      port: 587,
      user: 'Bot@Example.org',
      password: 'pw',
      secure: false,
      requireTls: true,
      from: 'bot@example.org',
    });
    const implicit = loadConfig({
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '465',
      SMTP_FROM_EMAIL: 'a@b.io',
    });
    expect(implicit.mail.smtp).toMatchObject({
      secure: true,
      requireTls: false,
      from: 'a@b.io',
      user: null,
    });
    expect(loadConfig({ SMTP_HOST: 'localhost', SMTP_USE_TLS: 'false' }).mail.smtp).toMatchObject({
      requireTls: false,
      from: 'noreply@mathakine.com',
    });
    expect(variables({ SMTP_HOST: 'h', SMTP_USER: 'u' })).toEqual(['SMTP_PASSWORD']);
  });

  it('uses FRONTEND_URL as the link base', () => {
    expect(loadConfig(prod()).mail.linkBaseUrl).toBe('https://mathakine.fun');
  });

  it('validates REDIS_URL and OPENAI_BASE_URL', () => {
    expect(loadConfig({ REDIS_URL: 'rediss://h:6380' }).redisUrl).toBe('rediss://h:6380');
    expect(variables({ REDIS_URL: 'http://h' })).toEqual(['REDIS_URL']);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1/' }).ai.baseUrl).toBe(
      'http://127.0.0.1:4010/v1',
    );
  });

  it('takes the first non-empty DSN and release', () => {
    const config = loadConfig({
      SENTRY_DSN: '',
      NEXT_PUBLIC_SENTRY_DSN: 'https://k@o1.ingest.sentry.io/1',
      RENDER_GIT_COMMIT: 'abc123',
      VERCEL_GIT_COMMIT_SHA: 'def456',
    });
    expect(config.sentry.dsn).toBe('https://k@o1.ingest.sentry.io/1');
    expect(config.sentry.release).toBe('abc123');
  });
});

describe('AI configuration', () => {
  it('disables AI without a key, with a warning and no error', () => {
    const config = loadConfig({});
    expect(config.ai.apiKey).toBeNull();
    expect(config.warnings.some((w) => w.includes('OPENAI_API_KEY'))).toBe(true);
    const configured = loadConfig({ OPENAI_API_KEY: '  sk-test  ' });
    expect(configured.ai.apiKey).toBe('sk-test');
    expect(configured.warnings.some((w) => w.includes('OPENAI_API_KEY'))).toBe(false);
    expect(loadConfig(prod()).ai.apiKey).toBeNull();
  });

  it('falls back from each model variable to its legacy name, then the default', () => {
    const legacy = loadConfig({ OPENAI_MODEL: 'legacy-mini', OPENAI_MODEL_REASONING: 'o4-mini' });
    expect(legacy.ai.models).toEqual({
      exercise: 'legacy-mini',
      exerciseReasoning: 'o4-mini',
      challengeAdvanced: 'o4-mini',
      challengeBasic: 'o4-mini',
      chatSimple: 'gpt-4o-mini',
      chatComplex: 'gpt-4o',
    });
    const onlyExercise = loadConfig({ OPENAI_MODEL: 'legacy-mini' }).ai.models;
    expect(onlyExercise.exerciseReasoning).toBe('legacy-mini');
    expect(onlyExercise.challengeAdvanced).toBe('gpt-5.1');
    const explicit = loadConfig({
      OPENAI_MODEL: 'legacy-mini',
      OPENAI_MODEL_REASONING: 'o4-mini',
      OPENAI_MODEL_EXERCISE: 'ex',
      OPENAI_MODEL_EXERCISE_REASONING: 'ex-r',
      OPENAI_MODEL_CHALLENGE_ADVANCED: 'ch-a',
      OPENAI_MODEL_CHALLENGE_BASIC: 'ch-b',
      OPENAI_MODEL_CHAT_SIMPLE: 'chat-s',
      OPENAI_MODEL_CHAT_COMPLEX: 'chat-c',
    }).ai.models;
    expect(explicit).toEqual({
      exercise: 'ex',
      exerciseReasoning: 'ex-r',
      challengeAdvanced: 'ch-a',
      challengeBasic: 'ch-b',
      chatSimple: 'chat-s',
      chatComplex: 'chat-c',
    });
  });

  it('parses timeouts, retries and breaker thresholds strictly', () => {
    const config = loadConfig({
      OPENAI_TIMEOUT_MS: '5000',
      OPENAI_FIRST_TOKEN_TIMEOUT_MS: '1000',
      OPENAI_STREAM_IDLE_TIMEOUT_MS: '500',
      OPENAI_MAX_RETRIES: '0',
      OPENAI_RETRY_DELAY_MS: '10',
      OPENAI_BREAKER_FAILURES: '3',
      OPENAI_BREAKER_OPEN_MS: '200',
    }).ai;
    expect(config.timeouts).toEqual({ requestMs: 5000, firstTokenMs: 1000, idleMs: 500 });
    expect(config.retry).toEqual({ maxRetries: 0, baseDelayMs: 10 });
    expect(config.breaker).toEqual({ failureThreshold: 3, openMs: 200 });
    expect(variables({ OPENAI_MAX_RETRIES: '6' })).toEqual(['OPENAI_MAX_RETRIES']);
    expect(variables({ OPENAI_TIMEOUT_MS: '10s' })).toEqual(['OPENAI_TIMEOUT_MS']);
    expect(variables({ OPENAI_BREAKER_FAILURES: '0' })).toEqual(['OPENAI_BREAKER_FAILURES']);
    // The whole-call deadline caps the other two (a lower OPENAI_TIMEOUT_MS alone is enough).
    expect(loadConfig({ OPENAI_TIMEOUT_MS: '5000' }).ai.timeouts).toEqual({
      requestMs: 5000,
      firstTokenMs: 5000,
      idleMs: 5000,
    });
  });

  it('warns about a plain-http provider in production, except on loopback', () => {
    const remote = loadConfig(prod({ OPENAI_BASE_URL: 'http://llm.internal:8000/v1' }));
    expect(remote.warnings.some((w) => w.includes('OPENAI_BASE_URL'))).toBe(true);
    const local = loadConfig(prod({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }));
    expect(local.warnings.some((w) => w.includes('OPENAI_BASE_URL'))).toBe(false);
    expect(variables({ OPENAI_BASE_URL: 'ftp://h/v1' })).toEqual(['OPENAI_BASE_URL']);
  });
});
