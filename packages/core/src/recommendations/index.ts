// The recommendations feature: the pure ranking engine, and the use cases that persist, read (limit 7),
// count displays, complete and record opens/clicks. Public surface of the feature.
export { makeRecommendationService, type RecommendationService } from './recommendation.service.ts';
export type { ListRecommendationsOptions } from './list-recommendations.ts';
export {
  challengeProfile,
  RANKING_BOUNDS,
  rankRecommendations,
  type ChallengeCandidate,
  type ChallengeProfile,
  type ExerciseCandidate,
  type RankedRecommendation,
  type RankingContext,
  type RecentAttempt,
  type TypeProgress,
} from './ranking.rules.ts';
export {
  CHALLENGE_TYPE_NAMES,
  EXERCISE_TOPICS,
  READ_LIMIT,
  reasonText,
  RECOMMENDATION_MESSAGES,
} from './recommendation.rules.ts';
export * from './recommendation.schemas.ts';
