// @mathakine/core: the package's public surface for packages/api and apps/server. Each feature is reached
// through its own index.ts (its public surface), plus its `*.schemas.ts` (the transport contract: input
// schemas and DTOs), re-exported whole; the kernel, the library and the adapters are shared.
export { createCore, type Core } from './core.ts';
// Kernel: context, dependencies, errors, clock, configuration, ports
export type { Actor, AuthedCtx, CoreDeps, Ctx } from './kernel/deps.ts';
export { withActor } from './kernel/deps.ts';
export { ADMIN_REQUIRED_MESSAGE, requireAdmin, type AdminCtx } from './kernel/authz.ts';
export {
  AppError,
  APP_ERROR_CODES,
  isAppError,
  type AppErrorCode,
  type LegacyOverride,
} from './kernel/errors.ts';
export { systemClock, type Clock } from './kernel/clock.ts';
export { defaultCoreConfig, type CoreConfig } from './kernel/config.ts';
export type {
  Mailer,
  MailMessage,
  PasswordHasher,
  RateLimitResult,
  RateLimitStore,
  RateLimitStoreHealth,
} from './kernel/ports.ts';
export * from './kernel/ai.ts';
export type { Database } from './db/types.ts';
export {
  asAppErrorIfOutage,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from './db/prisma-errors.ts';
// Adapters: the ports' implementations the server wires
export { createDisabledMailer, createLogMailer } from './adapters/log-mailer.ts';
export { createSmtpMailer, type SmtpMailerOptions } from './adapters/smtp-mailer.ts';
export { createBcryptHasher } from './adapters/bcrypt-hasher.ts';
export { createMemoryRateLimitStore } from './adapters/memory-rate-limit.store.ts';
export { createRedisRateLimitStore } from './adapters/redis-rate-limit.store.ts';
export {
  createFailoverRateLimitStore,
  type FailoverRateLimitOptions,
} from './adapters/failover-rate-limit.store.ts';
export { createDisabledAiProvider } from './adapters/disabled-ai-provider.ts';
export type { OpenAiProviderOptions } from './adapters/openai-ai-provider.ts';
export { loadOpenAiProvider } from './adapters/load-openai-ai-provider.ts';
export { modelFor, modelFamilyOf } from './adapters/ai-models.rules.ts';
// Library
export { safeEqual, randomUrlToken } from './lib/tokens.ts';
export { pyRound } from './lib/py-round.ts';
// Features
export * from './system/system.schemas.ts';
export {
  ACCESS_SCOPES,
  AUTH_MESSAGES,
  isWeakPassword,
  MAIL_SUBJECTS,
  PASSWORD_MESSAGES,
  passwordPolicyViolation,
  ROLE_NAMES,
  type AccessScope,
  type ResolvedActor,
  type RoleName,
  type TokenState,
} from './accounts/index.ts';
export * from './accounts/auth.schemas.ts';
export * from './accounts/user.schemas.ts';
export {
  CHAT_RATE_LIMIT_MESSAGE,
  FEEDBACK_RATE_LIMIT_MESSAGE,
  RATE_LIMIT_MESSAGE,
  type RateLimitBucket,
} from './rate-limit/index.ts';
export { isTruthySetting } from './settings/index.ts';
export * from './exercises/index.ts';
export * from './challenges/index.ts';
export {
  ACTIVITY_SOURCES,
  addUtcDays,
  computeDayStreak,
  dayStreakOnRead,
  nextDayStreak,
  noopPostAttemptStep,
  utcDayOf,
  utcDayStart,
  type ActivitySource,
  type AttemptFacts,
  type DayStreakState,
  type PostAttemptOutcome,
  type PostAttemptStep,
  type UtcDay,
} from './progress/index.ts';
export * from './progress/progress.schemas.ts';
export {
  parseLegacyTimeRange,
  TIME_RANGES,
  ZStatsInput,
  type StatsInput,
  type TimeRange,
} from './stats/index.ts';
export * from './stats/stats.schemas.ts';
export * from './gamification/badge.schemas.ts';
export * from './gamification/admin-badge.schemas.ts';
export {
  ADMIN_BADGE_MESSAGES,
  badgeRequirementsProblem,
  normalizeBadgeCode,
  type AdminBadgeService,
  BADGE_CACHE_TTL_MS,
  MAX_PINNED_BADGES,
  RARITIES,
  type BadgeService,
  type Rarity,
} from './gamification/index.ts';
export { type LeaderboardService } from './leaderboard/index.ts';
export * from './leaderboard/leaderboard.schemas.ts';
export {
  LOGIC_TYPE_OF,
  normalizeChallengeDifficulty,
  verifyGeneratedChallenge,
  ZAiChallengeOutput,
  type AiChallengeOutput,
} from './challenges/index.ts';
// AI features (issue 11): generation streams, the tutor chat, prompt safety, the messages sent to the model
export * from './ai/index.ts';
export * from './ai/ai.schemas.ts';
// Admin audit log
export type { AuditService } from './audit/index.ts';
export * from './audit/audit.schemas.ts';
export {
  CHALLENGE_TYPE_NAMES,
  EXERCISE_TOPICS,
  READ_LIMIT,
  reasonText,
  RECOMMENDATION_MESSAGES,
  type ListRecommendationsOptions,
  type RecommendationService,
} from './recommendations/index.ts';
export * from './recommendations/recommendation.schemas.ts';
export { type AnalyticsService } from './analytics/index.ts';
export * from './analytics/analytics.schemas.ts';
export { type FeedbackService } from './feedback/index.ts';
export * from './feedback/feedback.schemas.ts';
// Admin back office
export { SETTINGS_CACHE_MS } from './settings/index.ts';
export type { AdminService } from './admin/index.ts';
export { EXPORT_BATCH_SIZE } from './admin/index.ts';
export * from './admin/admin.schemas.ts';
