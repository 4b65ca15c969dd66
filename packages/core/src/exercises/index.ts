// The exercises feature: catalogue reads and statistics, generation, and the submit-answer use case.
// Public surface of the feature.
export {
  makeExerciseService,
  type ExerciseService,
  type ExerciseServiceOptions,
} from './exercise.service.ts';
export * from './exercise.rules.ts';
export * from './exercise.schemas.ts';
// The age-group codes are shared with the logic challenges (same database enum).
export { ageGroupFromDb, ageGroupToDb } from './exercise.mapping.ts';
// Checks of an AI-generated exercise (issue 11), reused by the admin content routes.
export * from './ai-exercise.rules.ts';
export {
  AI_EXERCISE_TAGS,
  canonicalAnswer,
  insertAiExercise,
  type NewAiExercise,
} from './ai-exercise.repo.ts';
export {
  findQuestionExpression,
  parseCalculation,
  parseExpression,
  type ArithmeticOperator,
  type ParsedExpression,
  type QuestionExpression,
} from './arithmetic-expression.rules.ts';
// The generator, for other features' content checks and tests.
export { containsStandaloneNumber, createRandom, type Random } from './generator/index.ts';
// The back office (issue 13): administrators' exercise use cases.
export { makeAdminExerciseService, type AdminExerciseService } from './admin-exercise.service.ts';
export * from './admin-exercise.schemas.ts';
export { ADMIN_EXERCISE_MESSAGES, copyTitle } from './admin-exercise.rules.ts';
