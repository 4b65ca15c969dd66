import type { CoreConfig } from '../kernel/config.ts';
import { AppError } from '../kernel/errors.ts';
import type { RateLimitStore } from '../kernel/ports.ts';

export const RATE_LIMIT_MESSAGE = 'Trop de tentatives. Veuillez réessayer dans une minute.';
export const CHAT_RATE_LIMIT_MESSAGE =
  'Limite de messages atteinte. Veuillez réessayer dans une minute.';
export const FEEDBACK_RATE_LIMIT_MESSAGE =
  'Trop de retours envoyés. Veuillez réessayer dans une minute.';

/**
 * The buckets of api-rest-core §2.8 (legacy key names), the per-account login throttle and the per-user
 * feedback limit.
 */
export type RateLimitBucket =
  | 'login'
  | 'login-account'
  | 'register'
  | 'forgot-password'
  | 'resend_verification'
  | 'validate-token'
  | 'chat'
  | 'feedback';

const limitFor = (config: CoreConfig['rateLimits'], bucket: RateLimitBucket): number => {
  switch (bucket) {
    case 'login':
      return config.login;
    case 'login-account':
      return config.loginPerAccount;
    case 'register':
      return config.register;
    case 'forgot-password':
      return config.forgotPassword;
    case 'resend_verification':
      return config.resendVerification;
    case 'validate-token':
      return config.validateToken;
    case 'chat':
      return config.chat;
    case 'feedback':
      return config.feedback;
  }
};

const messageFor = (bucket: RateLimitBucket): string => {
  if (bucket === 'chat') return CHAT_RATE_LIMIT_MESSAGE;
  if (bucket === 'feedback') return FEEDBACK_RATE_LIMIT_MESSAGE;
  return RATE_LIMIT_MESSAGE;
};

export const makeRateLimitService = (deps: { store: RateLimitStore; config: CoreConfig }) => ({
  /** Counts one request; throws RATE_LIMITED (with `retryAfterSeconds`) when the bucket is full. */
  consume: async (bucket: RateLimitBucket, key: string): Promise<void> => {
    const limit = limitFor(deps.config.rateLimits, bucket);
    const result = await deps.store.hit(
      `rate_limit:${bucket}:${key}`,
      limit,
      deps.config.rateLimits.windowSeconds,
    );
    if (!result.allowed) {
      throw new AppError('RATE_LIMITED', messageFor(bucket), {
        retryAfterSeconds: result.retryAfterSeconds,
        details: { retryAfterSeconds: result.retryAfterSeconds },
      });
    }
  },
});

export type RateLimitService = ReturnType<typeof makeRateLimitService>;
