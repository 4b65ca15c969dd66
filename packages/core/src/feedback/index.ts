// Feedback reports. Public surface of the feature.
export { makeFeedbackService, type FeedbackService } from './feedback.service.ts';
export * from './feedback.schemas.ts';
