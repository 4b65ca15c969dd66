// Learning-analytics events. Public surface of the feature.
export { makeAnalyticsService, type AnalyticsService } from './analytics.service.ts';
export * from './analytics.schemas.ts';
