import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { lockAdminExercise, updateAdminExercise } from './admin-exercise.repo.ts';
import { ADMIN_EXERCISE_MESSAGES } from './admin-exercise.rules.ts';
import {
  ZAdminArchiveExerciseInput,
  type AdminArchiveExerciseDto,
  type AdminArchiveExerciseInput,
} from './admin-exercise.schemas.ts';

/** PATCH /api/admin/exercises/{id} (§6.7): archive or restore, with its `exercise_archive` entry. */
export const makeAdminArchiveExercise =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminArchiveExerciseInput): Promise<AdminArchiveExerciseDto> => {
    const admin = requireAdmin(ctx);
    const { exerciseId, isArchived } = parseAdminInput(ZAdminArchiveExerciseInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const before = await lockAdminExercise(tx, exerciseId);
      if (!before) throw new AppError('NOT_FOUND', ADMIN_EXERCISE_MESSAGES.notFound);
      const row = await updateAdminExercise(tx, exerciseId, { isArchived, updatedAt: now });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'exercise_archive',
          resourceType: 'exercise',
          resourceId: exerciseId,
          details: { is_archived: isArchived },
        },
        now,
      );
      return { id: row.id, title: row.title, isArchived: row.isArchived };
    });
  };
