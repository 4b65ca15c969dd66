// The gamification feature: badges (catalogue reads, awards, pins, rarity, progress), points, levels and
// ranks, and the post-attempt step the submit services run in their transaction (exposed by the badge
// service as `postAttemptStep`). Public surface of the feature.
export { BADGE_CACHE_TTL_MS, makeBadgeService, type BadgeService } from './badge.service.ts';
export * from './badge.schemas.ts';
export { MAX_PINNED_BADGES, RARITIES, type Rarity } from './badge.rules.ts';
export {
  jediRankOfLevel,
  levelFromPoints,
  levelOfPoints,
  type GamificationLevel,
} from './level.rules.ts';
// The back office (issue 13): administrators' badge use cases.
export { makeAdminBadgeService, type AdminBadgeService } from './admin-badge.service.ts';
export * from './admin-badge.schemas.ts';
export {
  ADMIN_BADGE_MESSAGES,
  badgeRequirementsProblem,
  normalizeBadgeCode,
} from './admin-badge.rules.ts';
