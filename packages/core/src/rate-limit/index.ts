// Rate limiting by named bucket over the RateLimitStore port. Public surface of the feature.
export {
  CHAT_RATE_LIMIT_MESSAGE,
  FEEDBACK_RATE_LIMIT_MESSAGE,
  makeRateLimitService,
  RATE_LIMIT_MESSAGE,
  type RateLimitBucket,
  type RateLimitService,
} from './rate-limit.service.ts';
