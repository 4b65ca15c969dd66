/**
 * The exercises use cases (one file each): catalogue reads, global statistics, generation into the shared
 * catalogue (limited per user), and THE submit-answer use case (spec/domain-rules.md §4,
 * api-rest-core.md §8.1).
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { createAttemptAdmission } from '../progress/index.ts';
import { makeCatalogueStats } from './catalogue-stats.ts';
import { makeCompletedExerciseIds } from './completed-exercises.ts';
import type { ExerciseDeps, ExerciseServiceOptions } from './exercise-deps.ts';
import { makeGenerateExercise } from './generate-exercise.ts';
import { createSeed } from './generator/index.ts';
import { makeGetExercise } from './get-exercise.ts';
import { makeListExercises } from './list-exercises.ts';
import { makeSubmitAnswer } from './submit-answer.ts';

export type { ExerciseServiceOptions } from './exercise-deps.ts';

export const makeExerciseService = (
  deps: Pick<CoreDeps, 'db' | 'log' | 'clock'>,
  options: ExerciseServiceOptions,
) => {
  const exerciseDeps: ExerciseDeps = {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    postAttemptStep: options.postAttemptStep,
    attemptAdmission: options.attemptAdmission ?? createAttemptAdmission(deps.db),
    settings: options.settings,
    newSeed: options.newSeed ?? createSeed,
    pickQuote: options.pickQuote ?? ((n: number) => Math.floor(Math.random() * n)),
  };
  return {
    list: makeListExercises(exerciseDeps),
    get: makeGetExercise(exerciseDeps),
    completedIds: makeCompletedExerciseIds(exerciseDeps),
    catalogueStats: makeCatalogueStats(exerciseDeps),
    generate: makeGenerateExercise(exerciseDeps),
    submitAnswer: makeSubmitAnswer(exerciseDeps),
  };
};

export type ExerciseService = ReturnType<typeof makeExerciseService>;
