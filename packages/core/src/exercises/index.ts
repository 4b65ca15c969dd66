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
