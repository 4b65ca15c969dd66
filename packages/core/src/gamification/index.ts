// The gamification feature (internal barrel): the post-attempt step for the submit services, the badge
// service, its schemas and DTOs. The package's public surface (src/index.ts) re-exports only schemas,
// DTOs and constants.
export {
  gamificationPostAttemptStep,
  makeGamificationPostAttemptStep,
  type GamificationStepHooks,
} from './badge.engine.ts';
export { BADGE_CACHE_TTL_MS, makeBadgeService, type BadgeService } from './badge.service.ts';
export * from './badge.schemas.ts';
export { MAX_PINNED_BADGES, levelFromPoints, type Rarity } from './badge.rules.ts';
