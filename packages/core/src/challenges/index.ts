// The logic challenges feature: answer checking (pure), the catalogue, detail and hint reads, the attempt
// use case and the learner's challenge progress. Public surface of the feature.
export * from './answer-check/index.ts';
export {
  makeChallengeService,
  type ChallengeService,
  type ChallengeServiceOptions,
} from './challenge.service.ts';
export * from './challenge.rules.ts';
export * from './challenge.schemas.ts';
// Checks of an AI-generated challenge (issue 11), with the answer checker above plugged in.
export * from './ai-challenge.rules.ts';
export {
  AI_CHALLENGE_MINUTES,
  AI_CHALLENGE_TAGS,
  insertAiChallenge,
  type NewAiChallenge,
} from './challenge-insert.repo.ts';
// The back office (issue 13): administrators' logic-challenge use cases.
export {
  makeAdminChallengeService,
  type AdminChallengeService,
} from './admin-challenge.service.ts';
export * from './admin-challenge.schemas.ts';
export { ADMIN_CHALLENGE_MESSAGES } from './admin-challenge.rules.ts';
