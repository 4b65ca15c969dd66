export {
  CHALLENGE_ANSWER_ITEM_MAX_LENGTH,
  CHALLENGE_ANSWER_MAX_ITEMS,
  CHALLENGE_ANSWER_MAX_LENGTH,
  CHALLENGE_ANSWER_MESSAGES,
  CHALLENGE_ANSWER_REFUSALS,
  ZChallengeAnswer,
  ZChallengeAnswerText,
  type ChallengeAnswerInput,
  type ChallengeAnswerRefusal,
} from './answer-check.schemas.ts';
export {
  checkChallengeAnswer,
  isChallengeAnswerCorrect,
  selectAnswerBranch,
  type AnswerBranch,
  type ChallengeAnswerVerdict,
  type CheckableChallenge,
} from './check-answer.ts';
export { analyzeCell, answerFromGrid, readGrid, type Grid } from './grid.rules.ts';
// Readers of stored answers, for content validation (the starter catalogue's tests, admin content).
export { foldText } from './answer-text.rules.ts';
export { normalizeShape } from './shape.rules.ts';
export { parsePositions, type PositionedAnswer } from './visual.rules.ts';
