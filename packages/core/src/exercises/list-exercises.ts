import type { Ctx } from '../kernel/deps.ts';
import { readIdPage, type RandomDraw } from '../lib/id-page.ts';
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

/**
 * GET /api/exercises: not archived, filtered, paginated; answers and explanations never listed. The
 * `random` order is a fresh shuffle per call, as the legacy (`lib/id-page.ts`).
 */
export const makeListExercises = (deps: ExerciseDeps) => {
  const prisma = deps.db.prisma;
  const draw = (): RandomDraw => {
    const random = createRandom(deps.newSeed());
    return { offset: (total) => random.int(0, total - 1), shuffle: (ids) => random.shuffle(ids) };
  };

  return (ctx: Ctx, query: ListExercisesQuery): Promise<ExerciseListDto> => {
    const userId = ctx.actor?.userId ?? null;
    return readIdPage(
      query,
      {
        count: () => countListedExercises(prisma, query, userId),
        recentIds: () => findRecentExerciseIds(prisma, query, userId),
        idWindow: (start, size) => findExerciseIdWindow(prisma, query, userId, start, size),
        rowsByIds: (ids) => findExercisesByIds(prisma, ids),
      },
      draw,
      toListItem,
    );
  };
};
