import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { ageGroupFromDb, choicesFromJson, tagsFromText } from './exercise.mapping.ts';
import { findExerciseDetail } from './exercise.repo.ts';
import { EXERCISE_MESSAGES } from './exercise.rules.ts';
import type { ExerciseDetailDto } from './exercise.schemas.ts';

/** GET /api/exercises/{id}: archived and inactive exercises included (legacy); no answer, no explanation. */
export const makeGetExercise =
  (deps: ExerciseDeps) =>
  async (_ctx: Ctx, exerciseId: number): Promise<ExerciseDetailDto> => {
    const prisma = deps.db.prisma;
    const row = await findExerciseDetail(prisma, exerciseId);
    if (!row) throw new AppError('NOT_FOUND', EXERCISE_MESSAGES.notFound);
    return {
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
    };
  };
