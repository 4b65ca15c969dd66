import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { toAdminExerciseDto, toAdminExerciseListItem } from './admin-exercise.mapping.ts';
import {
  countAdminExercises,
  countExerciseAttempts,
  findAdminExercise,
  findAdminExercisePage,
} from './admin-exercise.repo.ts';
import { ADMIN_EXERCISE_MESSAGES } from './admin-exercise.rules.ts';
import {
  ZAdminListExercisesInput,
  type AdminExerciseDto,
  type AdminExerciseListDto,
  type AdminListExercisesInput,
} from './admin-exercise.schemas.ts';
import { EXERCISE_TYPES, type ExerciseType } from './exercise.rules.ts';
import { ZExerciseIdInput, type ExerciseIdInput } from './exercise.schemas.ts';

/** GET /api/admin/exercises (§6.7): filtered, sorted, paginated, with each exercise's attempt stats. */
export const makeAdminListExercises =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: AdminListExercisesInput): Promise<AdminExerciseListDto> => {
    requireAdmin(ctx);
    const query = parseAdminInput(ZAdminListExercisesInput, input);
    const type = query.type || undefined;
    // An unknown type matches nothing (the legacy's exact match on a text column).
    if (type !== undefined && !(EXERCISE_TYPES as readonly string[]).includes(type)) {
      return { items: [], total: 0 };
    }
    const filter = {
      search: query.search || undefined,
      type: type as ExerciseType | undefined,
      archived: query.archived,
    };
    const prisma = deps.db.prisma;
    const [total, rows] = await Promise.all([
      countAdminExercises(prisma, filter),
      findAdminExercisePage(
        prisma,
        filter,
        { sort: query.sort, direction: query.order },
        { skip: query.skip, limit: query.limit },
      ),
    ]);
    const stats = await countExerciseAttempts(
      prisma,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toAdminExerciseListItem(r, stats.get(r.id))), total };
  };

/** GET /api/admin/exercises/{id} (§6.7): archived and inactive exercises included. */
export const makeAdminGetExercise =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: ExerciseIdInput): Promise<AdminExerciseDto> => {
    requireAdmin(ctx);
    const { exerciseId } = parseAdminInput(ZExerciseIdInput, input);
    const row = await findAdminExercise(deps.db.prisma, exerciseId);
    if (!row) throw new AppError('NOT_FOUND', ADMIN_EXERCISE_MESSAGES.notFound);
    return toAdminExerciseDto(row);
  };
