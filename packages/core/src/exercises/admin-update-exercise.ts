import { insertAuditEntry, summariseChanges, toAuditJson } from '../audit/index.ts';
import { Prisma } from '../db/generated/client.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { storedAnswer, toAdminExerciseDto } from './admin-exercise.mapping.ts';
import { lockAdminExercise, updateAdminExercise } from './admin-exercise.repo.ts';
import {
  ADMIN_EXERCISE_FIELD_KEYS,
  ADMIN_EXERCISE_MESSAGES,
  adminExerciseProblem,
} from './admin-exercise.rules.ts';
import {
  ZAdminUpdateExerciseInput,
  type AdminExerciseDto,
  type AdminUpdateExerciseInput,
} from './admin-exercise.schemas.ts';
import { ageGroupFromDb, ageGroupToDb } from './exercise.mapping.ts';

type Field = keyof typeof ADMIN_EXERCISE_FIELD_KEYS;
const FIELDS = Object.keys(ADMIN_EXERCISE_FIELD_KEYS) as Field[];
/** A change to one of these re-runs the consistency checks on the resulting exercise. */
const CONTENT_FIELDS: readonly Field[] = ['question', 'correctAnswer', 'exerciseType', 'choices'];

/**
 * PUT /api/admin/exercises/{id} (§6.7): a partial update (only the fields given), checked on the
 * resulting exercise when its question, answer, type or choices change, recorded as `exercise_update`
 * with the fields sent and a before/after summary, in one transaction.
 */
export const makeAdminUpdateExercise =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminUpdateExerciseInput): Promise<AdminExerciseDto> => {
    const admin = requireAdmin(ctx);
    const { exerciseId, ...data } = parseAdminInput(ZAdminUpdateExerciseInput, input);
    const sent = FIELDS.filter((f) => data[f] !== undefined);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const before = await lockAdminExercise(tx, exerciseId);
      if (!before) throw new AppError('NOT_FOUND', ADMIN_EXERCISE_MESSAGES.notFound);
      if (sent.some((f) => CONTENT_FIELDS.includes(f))) {
        const problem = adminExerciseProblem({
          exerciseType: data.exerciseType ?? before.exerciseType,
          question: data.question ?? before.question,
          correctAnswer: data.correctAnswer ?? before.correctAnswer,
          choices: data.choices === undefined ? before.choices : data.choices,
        });
        if (problem) throw new AppError('INVALID_INPUT', problem);
      }
      const { correctAnswer, ageGroup, choices, ...plain } = data;
      const after = await updateAdminExercise(tx, exerciseId, {
        ...plain,
        ...(correctAnswer === undefined ? {} : storedAnswer(correctAnswer)),
        ...(ageGroup === undefined ? {} : { ageGroup: ageGroupToDb(ageGroup) }),
        ...(choices === undefined ? {} : { choices: choices ?? Prisma.DbNull }),
        updatedAt: now,
      });
      const view = (row: typeof before) => ({ ...row, ageGroup: ageGroupFromDb(row.ageGroup) });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'exercise_update',
          resourceType: 'exercise',
          resourceId: exerciseId,
          details: {
            fields: sent.map((f) => ADMIN_EXERCISE_FIELD_KEYS[f]),
            changes: toAuditJson(summariseChanges(view(before), view(after), sent)),
          },
        },
        now,
      );
      return toAdminExerciseDto(after);
    });
  };
