// The exercises feature: catalogue reads and statistics, generation, and the submit-answer use case.
// Public surface of the feature.
export {
  makeExerciseService,
  type ExerciseService,
  type ExerciseServiceOptions,
} from './exercise.service.ts';
export * from './exercise.rules.ts';
export { ageGroupFromDb, ageGroupToDb } from './exercise.mapping.ts';
export * from './exercise.schemas.ts';
export type { CatalogueStatsDto } from './catalogue-stats.rules.ts';
