import type { Ctx } from '../kernel/deps.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { ageGroupFromDb, choicesFromJson, tagsFromText } from './exercise.mapping.ts';
import {
  countListedExercises,
  findExerciseIdWindow,
  findExercisesByIds,
  findRecentExerciseIds,
  type ExerciseListRow,
} from './exercise.repo.ts';
import type {
  ExerciseListDto,
  ExerciseListItemDto,
  ListExercisesQuery,
} from './exercise.schemas.ts';
import { createRandom } from './generator/index.ts';

const toListItem = (row: ExerciseListRow): ExerciseListItemDto => ({
  id: row.id,
  title: row.title,
  exerciseType: row.exerciseType,
  difficulty: row.difficulty,
  ageGroup: ageGroupFromDb(row.ageGroup),
  question: row.question,
  choices: choicesFromJson(row.choices),
  hint: row.hint,
  tags: tagsFromText(row.tags),
  aiGenerated: row.aiGenerated,
  isActive: row.isActive,
  viewCount: row.viewCount,
  createdAt: row.createdAt,
});

/** GET /api/exercises: not archived, filtered, paginated; answers and explanations never listed. */
export const makeListExercises = (deps: ExerciseDeps) => {
  const prisma = deps.db.prisma;

  /**
   * `random` order: a fresh shuffle per call, as the legacy, without sorting the table by `random()`: the
   * page is the window of `limit` matching ids (primary-key order, wrapping around) that starts `skip`
   * after a random offset, shuffled.
   */
  const randomPageIds = async (
    query: ListExercisesQuery,
    userId: number | null,
    total: number,
  ): Promise<number[]> => {
    const size = Math.min(query.limit, total - query.skip);
    if (size <= 0) return [];
    const random = createRandom(deps.newSeed());
    const start = (random.int(0, total - 1) + query.skip) % total;
    const head = await findExerciseIdWindow(prisma, query, userId, start, size);
    const tail =
      head.length < size
        ? await findExerciseIdWindow(prisma, query, userId, 0, size - head.length)
        : [];
    return random.shuffle([...head, ...tail]);
  };

  return async (ctx: Ctx, query: ListExercisesQuery): Promise<ExerciseListDto> => {
    const userId = ctx.actor?.userId ?? null;
    const total = await countListedExercises(prisma, query, userId);
    const ids =
      query.order === 'recent'
        ? await findRecentExerciseIds(prisma, query, userId)
        : await randomPageIds(query, userId, total);
    const rows = ids.length === 0 ? [] : await findExercisesByIds(prisma, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toListItem(row)] : [];
    });
    return {
      items,
      total,
      skip: query.skip,
      limit: query.limit,
      hasMore: query.skip + items.length < total,
    };
  };
};
