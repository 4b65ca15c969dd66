import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { storedAnswer, toAdminExerciseDto } from './admin-exercise.mapping.ts';
import { insertAdminExercise } from './admin-exercise.repo.ts';
import { adminExerciseProblem } from './admin-exercise.rules.ts';
import {
  ZAdminCreateExerciseInput,
  type AdminCreateExerciseInput,
  type AdminExerciseDto,
} from './admin-exercise.schemas.ts';
import { ageGroupToDb } from './exercise.mapping.ts';

/**
 * POST /api/admin/exercises (§6.7): checked like a generated exercise (the answer agrees with the
 * question's calculation and is among the choices), saved with its `exercise_create` audit entry in one
 * transaction.
 */
export const makeAdminCreateExercise =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminCreateExerciseInput): Promise<AdminExerciseDto> => {
    const admin = requireAdmin(ctx);
    const data = parseAdminInput(ZAdminCreateExerciseInput, input);
    const choices = data.choices ?? null;
    const problem = adminExerciseProblem({ ...data, choices });
    if (problem)
      throw new AppError('INVALID_INPUT', problem, { details: { field: 'correct_answer' } });
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const row = await insertAdminExercise(tx, {
        title: data.title,
        question: data.question,
        ...storedAnswer(data.correctAnswer),
        exerciseType: data.exerciseType,
        difficulty: data.difficulty,
        ageGroup: ageGroupToDb(data.ageGroup),
        ...(choices === null ? {} : { choices }),
        explanation: data.explanation ?? null,
        hint: data.hint ?? null,
        tags: data.tags ?? null,
        aiGenerated: false,
        createdAt: now,
        updatedAt: now,
      });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'exercise_create',
          resourceType: 'exercise',
          resourceId: row.id,
          details: { title: row.title },
        },
        now,
      );
      return toAdminExerciseDto(row);
    });
  };
