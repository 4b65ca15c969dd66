// The logic challenges feature. Public surface of the feature: answer checking (pure) for now; the
// catalogue, attempt and progress use cases join it as they are built.
export * from './answer-check/index.ts';
// Checks of an AI-generated challenge (issue 11), with the answer checker above plugged in.
export * from './ai-challenge.rules.ts';
export {
  AI_CHALLENGE_MINUTES,
  AI_CHALLENGE_TAGS,
  insertAiChallenge,
  type NewAiChallenge,
} from './challenge-insert.repo.ts';
