import type { Ctx } from '../kernel/deps.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { findCompletedExerciseIds } from './exercise.repo.ts';
import type { CompletedIdsDto } from './exercise.schemas.ts';

/** GET /api/exercises/completed-ids: anonymous callers get `[]`. */
export const makeCompletedExerciseIds =
  (deps: ExerciseDeps) =>
  async (ctx: Ctx): Promise<CompletedIdsDto> => {
    const prisma = deps.db.prisma;
    if (!ctx.actor) return { completedIds: [] };
    return { completedIds: await findCompletedExerciseIds(prisma, ctx.actor.userId) };
  };
