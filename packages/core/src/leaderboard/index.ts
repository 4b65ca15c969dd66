// The points leaderboard. Public surface of the feature.
export { makeLeaderboardService, type LeaderboardService } from './leaderboard.service.ts';
export * from './leaderboard.schemas.ts';
