/** Admin exercise rows → DTOs, and the stored form of an administrator's answer. */
import type { AdminExerciseListRow, AdminExerciseRow } from './admin-exercise.repo.ts';
import { successRateOf } from './admin-exercise.rules.ts';
import type { AdminExerciseDto, AdminExerciseListItemDto } from './admin-exercise.schemas.ts';
import { canonicalAnswer } from './ai-exercise.repo.ts';
import { ageGroupFromDb, answerKindToDb } from './exercise.mapping.ts';

export const toAdminExerciseDto = (row: AdminExerciseRow): AdminExerciseDto => ({
  ...row,
  ageGroup: ageGroupFromDb(row.ageGroup),
  choices: row.choices,
});

export const toAdminExerciseListItem = (
  row: AdminExerciseListRow,
  stats: { total: number; correct: number } | undefined,
): AdminExerciseListItemDto => ({
  ...row,
  ageGroup: ageGroupFromDb(row.ageGroup),
  attemptCount: stats?.total ?? 0,
  successRate: successRateOf(stats?.total ?? 0, stats?.correct ?? 0),
});

/** A numeric answer is stored in canonical form with its kind (as generated ones); anything else is text. */
export const storedAnswer = (written: string) => {
  const canonical = canonicalAnswer(written);
  return canonical
    ? { correctAnswer: canonical.answer, answerKind: answerKindToDb(canonical.kind) }
    : { correctAnswer: written, answerKind: answerKindToDb('text') };
};
