export { createCore, type Core } from './core.ts';
export type { Actor, AuthedCtx, CoreDeps, Ctx } from './deps.ts';
export {
  AppError,
  APP_ERROR_CODES,
  isAppError,
  type AppErrorCode,
  type LegacyOverride,
} from './errors.ts';
export { systemClock, type Clock } from './clock.ts';
export type { Database } from './db/types.ts';
export * from './system/system.schemas.ts';
// Accounts
export { defaultCoreConfig, type CoreConfig } from './config.ts';
export * from './auth/auth.schemas.ts';
export { AUTH_MESSAGES, ROLE_NAMES, type AccessScope, type RoleName } from './auth/auth.rules.ts';
export type { ResolvedActor, TokenState } from './auth/auth.service.ts';
export * from './users/user.schemas.ts';
export {
  type Mailer,
  type MailMessage,
  createDisabledMailer,
  createLogMailer,
} from './mail/mailer.ts';
export { createSmtpMailer, type SmtpMailerOptions } from './mail/smtp-mailer.ts';
export { MAIL_SUBJECTS } from './mail/mail.templates.ts';
export { createBcryptHasher, type PasswordHasher } from './security/password-hasher.ts';
export {
  PASSWORD_MESSAGES,
  passwordPolicyViolation,
  isWeakPassword,
} from './security/password.rules.ts';
export { safeEqual, randomUrlToken } from './security/tokens.ts';
export {
  createMemoryRateLimitStore,
  type RateLimitResult,
  type RateLimitStore,
} from './rate-limit/rate-limit.store.ts';
export { createRedisRateLimitStore } from './rate-limit/redis-rate-limit.store.ts';
export {
  RATE_LIMIT_MESSAGE,
  CHAT_RATE_LIMIT_MESSAGE,
  type RateLimitBucket,
} from './rate-limit/rate-limit.service.ts';
export { isTruthySetting } from './settings/settings.rules.ts';
// Exercises and the learning loop
export * from './exercises/exercise.rules.ts';
export * from './exercises/exercise.schemas.ts';
export {
  EXERCISE_MESSAGES,
  makeExerciseService,
  type ExerciseService,
  type ExerciseServiceOptions,
} from './exercises/exercise.service.ts';
export type { CatalogueStatsDto } from './exercises/catalogue-stats.rules.ts';
export {
  noopPostAttemptStep,
  type AttemptFacts,
  type AwardedBadgeDto,
  type PostAttemptOutcome,
  type PostAttemptStep,
  type ProgressNotificationDto,
} from './attempts/post-attempt.ts';
export * from './attempts/activity.rules.ts';
export { recordDayActivity } from './progress/day-streak.ts';
export type { ProgressDto } from './progress/progress.rules.ts';
export {
  parseLegacyTimeRange,
  TIME_RANGES,
  ZStatsInput,
  type DashboardStatsDto,
  type StatsInput,
  type TimeRange,
} from './stats/stats.rules.ts';
// Gamification (the post-attempt step stays inside core: createCore exposes it as `badges.postAttemptStep`)
export * from './gamification/badge.schemas.ts';
export { BADGE_CACHE_TTL_MS, type BadgeService } from './gamification/badge.service.ts';
export { MAX_PINNED_BADGES, type Rarity } from './gamification/badge.rules.ts';
export * from './leaderboard/leaderboard.schemas.ts';
export type { LeaderboardService } from './leaderboard/leaderboard.service.ts';
export { pyRound } from './stats/py-round.ts';
// AI features (issue 11): the provider port, its OpenAI-compatible adapter, prompts and content checks
export * from './ai/index.ts';
