/**
 * The admin exercise use cases (api-rest-challenges-admin §6.7), one file each: list, detail, create,
 * update, archive, duplicate. Administrators only (`requireAdmin` in each use case); every mutation
 * writes its audit entry in its own transaction.
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { makeAdminArchiveExercise } from './admin-archive-exercise.ts';
import { makeAdminCreateExercise } from './admin-create-exercise.ts';
import { makeAdminDuplicateExercise } from './admin-duplicate-exercise.ts';
import { makeAdminGetExercise, makeAdminListExercises } from './admin-list-exercises.ts';
import { makeAdminUpdateExercise } from './admin-update-exercise.ts';

export const makeAdminExerciseService = (deps: Pick<CoreDeps, 'db' | 'clock'>) => ({
  list: makeAdminListExercises(deps),
  get: makeAdminGetExercise(deps),
  create: makeAdminCreateExercise(deps),
  update: makeAdminUpdateExercise(deps),
  archive: makeAdminArchiveExercise(deps),
  duplicate: makeAdminDuplicateExercise(deps),
});

export type AdminExerciseService = ReturnType<typeof makeAdminExerciseService>;
