/** Feedback reports (api-rest-core §6.8.2): created by learners, triaged by the admin back office. */
import { makeCreateFeedback, type FeedbackDeps } from './create-feedback.ts';

export const makeFeedbackService = (deps: FeedbackDeps) => ({
  create: makeCreateFeedback(deps),
});

export type FeedbackService = ReturnType<typeof makeFeedbackService>;
