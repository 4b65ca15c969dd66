import { insertAuditEntry } from '../audit/index.ts';
import { Prisma } from '../db/generated/client.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { toAdminExerciseDto } from './admin-exercise.mapping.ts';
import { findExerciseToCopy, insertAdminExercise } from './admin-exercise.repo.ts';
import { ADMIN_EXERCISE_MESSAGES, copyTitle } from './admin-exercise.rules.ts';
import type { AdminExerciseDto } from './admin-exercise.schemas.ts';
import { ZExerciseIdInput, type ExerciseIdInput } from './exercise.schemas.ts';

/**
 * POST /api/admin/exercises/{id}/duplicate (§6.7): a copy titled « … (copie) » with every content field,
 * `ai_generated` and `is_active`, not archived; attempts, creator and views are not copied. The
 * `exercise_duplicate` entry names the copy.
 */
export const makeAdminDuplicateExercise =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: ExerciseIdInput): Promise<AdminExerciseDto> => {
    const admin = requireAdmin(ctx);
    const { exerciseId } = parseAdminInput(ZExerciseIdInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const original = await findExerciseToCopy(tx, exerciseId);
      if (!original) throw new AppError('NOT_FOUND', ADMIN_EXERCISE_MESSAGES.notFound);
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        choices,
        generationParams,
        ...content
      } = original;
      const copy = await insertAdminExercise(tx, {
        ...content,
        title: copyTitle(original.title),
        choices: choices ?? Prisma.DbNull,
        generationParams: generationParams ?? Prisma.DbNull,
        isArchived: false,
        createdAt: now,
        updatedAt: now,
      });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'exercise_duplicate',
          resourceType: 'exercise',
          resourceId: copy.id,
          details: { from_id: exerciseId, title: copy.title },
        },
        now,
      );
      return toAdminExerciseDto(copy);
    });
  };
