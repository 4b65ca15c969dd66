// The learner's dashboard statistics. Public surface of the feature.
export { makeStatsService, type StatsService } from './stats.service.ts';
export {
  parseLegacyTimeRange,
  TIME_RANGES,
  ZStatsInput,
  type StatsInput,
  type TimeRange,
} from './stats.rules.ts';
export * from './stats.schemas.ts';
