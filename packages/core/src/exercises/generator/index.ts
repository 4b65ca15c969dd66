export { checkAnswer } from './check-answer.ts';
export { buildChoices, CHOICE_COUNT } from './choices.ts';
export {
  containsStandaloneNumber,
  generateExercise,
  GENERATOR_VERSION,
  type GenerateExerciseInput,
  type GeneratedExercise,
} from './generate.ts';
export { DIFFICULTY_LIMITS, type DifficultyLimits, type Range } from './limits.ts';
export {
  ANSWER_FORMS,
  answerKindOf,
  parseGenerationParams,
  recomputeAnswer,
  ZGenerationParams,
  type AnswerForm,
  type GenerationKind,
  type GenerationParams,
  type StoredGenerationParams,
} from './params.ts';
export { createRandom, createSeed, type Random } from './random.ts';
