/**
 * Saving an AI-generated exercise that verifyGeneratedExercise accepted (issue 11; api-rest-core
 * §6.4.6): into the shared catalogue, `ai_generated` true, tags `ai,generated`, the requester as creator.
 * The answer is stored in its canonical form (`12`, `12.5`, `3/4`) with the answer kind the submit
 * check needs; the generation parameters record where it came from, never the learner's prompt.
 */
import type { Db } from '../db/types.ts';
import { formatRational, parseFraction, reduce } from '../lib/rational.ts';
import { numericValue, type AiExerciseOutput } from './ai-exercise.rules.ts';
import { ageGroupToDb, answerKindToDb } from './exercise.mapping.ts';
import { insertExercise } from './exercise.repo.ts';
import {
  difficultyForAgeGroup,
  type AgeGroup,
  type AnswerKind,
  type ExerciseType,
} from './exercise.rules.ts';

export const AI_EXERCISE_TAGS = 'ai,generated';

export interface NewAiExercise {
  exerciseType: ExerciseType;
  ageGroup: AgeGroup;
  /** Verified: verifyGeneratedExercise returned no problem. */
  output: AiExerciseOutput;
  model: string;
  /** True when the repair round was needed. */
  repaired: boolean;
  creatorId: number;
  createdAt: Date;
}

/** The stored answer and its kind: a fraction stays a reduced fraction, a decimal uses a point. */
export const canonicalAnswer = (written: string): { answer: string; kind: AnswerKind } | null => {
  const value = numericValue(written);
  if (!value) return null;
  if (parseFraction(written)) {
    const reduced = reduce(value);
    return { answer: formatRational(reduced), kind: reduced.q === 1 ? 'integer' : 'fraction' };
  }
  return value.q === 1
    ? { answer: String(value.p), kind: 'integer' }
    : { answer: String(value.p / value.q), kind: 'decimal' };
};

/** Inserts the exercise; returns its id. Throws (Prisma) when the row cannot be written. */
export const insertAiExercise = async (db: Db, exercise: NewAiExercise): Promise<number> => {
  const { output } = exercise;
  const answer = canonicalAnswer(output.correct_answer) ?? {
    answer: output.correct_answer,
    kind: 'text',
  };
  return insertExercise(db, {
    title: output.title,
    exerciseType: exercise.exerciseType,
    difficulty: difficultyForAgeGroup(exercise.ageGroup),
    ageGroup: ageGroupToDb(exercise.ageGroup),
    question: output.question,
    correctAnswer: answer.answer,
    answerKind: answerKindToDb(answer.kind),
    choices: [...output.choices],
    explanation: output.explanation,
    hint: output.hint,
    tags: AI_EXERCISE_TAGS,
    aiGenerated: true,
    generationParams: {
      source: 'ai',
      model: exercise.model,
      calculation: output.calcul === '' ? null : output.calcul,
      repaired: exercise.repaired,
    },
    creatorId: exercise.creatorId,
    createdAt: exercise.createdAt,
  });
};
