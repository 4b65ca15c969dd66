import type {
  AgeGroup,
  AnswerKind,
  DifficultyLevel,
  ExerciseType,
  Prisma,
} from '../../db/generated/client.ts';
import { createUser } from './accounts.ts';
import { uniqueSuffix, type FactoryDb } from './shared.ts';

// ---------------------------------------------------------------------------------------------
// Exercises
// ---------------------------------------------------------------------------------------------

interface ExerciseTemplate {
  question: string;
  correctAnswer: string;
  answerKind: AnswerKind;
  choices: string[] | null;
  explanation: string;
}

/** A coherent question/answer per exercise type, so tests can create each type. */
export const EXERCISE_TEMPLATES: Record<ExerciseType, ExerciseTemplate> = {
  ADDITION: {
    question: 'Combien font 2 + 3 ?',
    correctAnswer: '5',
    answerKind: 'INTEGER',
    choices: ['4', '5', '6', '7'],
    explanation: '2 + 3 = 5',
  },
  SOUSTRACTION: {
    question: 'Combien font 9 - 4 ?',
    correctAnswer: '5',
    answerKind: 'INTEGER',
    choices: ['3', '4', '5', '6'],
    explanation: '9 - 4 = 5',
  },
  MULTIPLICATION: {
    question: 'Combien font 6 × 7 ?',
    correctAnswer: '42',
    answerKind: 'INTEGER',
    choices: ['36', '42', '48', '49'],
    explanation: '6 × 7 = 42',
  },
  DIVISION: {
    question: 'Combien font 20 ÷ 4 ?',
    correctAnswer: '5',
    answerKind: 'INTEGER',
    choices: ['4', '5', '6', '8'],
    explanation: '20 ÷ 4 = 5',
  },
  FRACTIONS: {
    question: 'Combien font 1/4 + 1/4 ?',
    correctAnswer: '1/2',
    answerKind: 'FRACTION',
    choices: ['1/2', '1/4', '2/8', '1/8'],
    explanation: '1/4 + 1/4 = 2/4 = 1/2',
  },
  GEOMETRIE: {
    question: "Quel est le périmètre d'un carré de côté 2,5 cm ?",
    correctAnswer: '10',
    answerKind: 'DECIMAL',
    choices: null,
    explanation: '4 × 2,5 = 10 cm',
  },
  TEXTE: {
    question: 'Luke a 3 sabres et en reçoit 2. Combien en a-t-il ?',
    correctAnswer: '5',
    answerKind: 'INTEGER',
    choices: null,
    explanation: '3 + 2 = 5',
  },
  MIXTE: {
    question: 'Combien font 2 + 3 × 4 ?',
    correctAnswer: '14',
    answerKind: 'INTEGER',
    choices: ['14', '20', '24', '9'],
    explanation: 'La multiplication passe en premier : 3 × 4 = 12, puis 2 + 12 = 14',
  },
  DIVERS: {
    question: 'Quelle planète est la plus proche du Soleil ?',
    correctAnswer: 'Mercure',
    answerKind: 'CHOICE',
    choices: ['Mercure', 'Vénus', 'Mars', 'Terre'],
    explanation: 'Mercure est la planète la plus proche du Soleil.',
  },
};

export const exerciseFactorySelect = {
  id: true,
  title: true,
  creatorId: true,
  exerciseType: true,
  difficulty: true,
  ageGroup: true,
  correctAnswer: true,
  answerKind: true,
  isActive: true,
  isArchived: true,
} as const satisfies Prisma.ExerciseSelect;

export type FactoryExercise = Prisma.ExerciseGetPayload<{ select: typeof exerciseFactorySelect }>;

export const createExercise = async (
  db: FactoryDb,
  overrides: Partial<Prisma.ExerciseUncheckedCreateInput> = {},
): Promise<FactoryExercise> => {
  const exerciseType: ExerciseType = overrides.exerciseType ?? 'ADDITION';
  const template = EXERCISE_TEMPLATES[exerciseType];
  const difficulty: DifficultyLevel = 'PADAWAN';
  const ageGroup: AgeGroup = 'GROUP_9_11';
  return db.exercise.create({
    data: {
      title: `Exercice ${exerciseType.toLowerCase()} ${uniqueSuffix()}`,
      difficulty,
      ageGroup,
      question: template.question,
      correctAnswer: template.correctAnswer,
      answerKind: template.answerKind,
      explanation: template.explanation,
      tags: 'test',
      ...(template.choices === null ? {} : { choices: template.choices }),
      ...overrides,
      exerciseType,
    },
    select: exerciseFactorySelect,
  });
};

export const attemptFactorySelect = {
  id: true,
  userId: true,
  exerciseId: true,
  userAnswer: true,
  isCorrect: true,
  timeSpent: true,
  idempotencyKey: true,
  createdAt: true,
} as const satisfies Prisma.AttemptSelect;

export type FactoryAttempt = Prisma.AttemptGetPayload<{ select: typeof attemptFactorySelect }>;

export const createAttempt = async (
  db: FactoryDb,
  overrides: Partial<Prisma.AttemptUncheckedCreateInput> = {},
): Promise<FactoryAttempt> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  const exerciseId = overrides.exerciseId ?? (await createExercise(db)).id;
  return db.attempt.create({
    data: { userAnswer: '5', isCorrect: true, timeSpent: 12.5, ...overrides, userId, exerciseId },
    select: attemptFactorySelect,
  });
};

export const exerciseProgressFactorySelect = {
  userId: true,
  exerciseType: true,
  totalAttempts: true,
  correctAttempts: true,
  currentCorrectStreak: true,
  bestCorrectStreak: true,
} as const satisfies Prisma.ExerciseProgressSelect;

export type FactoryExerciseProgress = Prisma.ExerciseProgressGetPayload<{
  select: typeof exerciseProgressFactorySelect;
}>;

export const createExerciseProgress = async (
  db: FactoryDb,
  overrides: Partial<Prisma.ExerciseProgressUncheckedCreateInput> = {},
): Promise<FactoryExerciseProgress> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  return db.exerciseProgress.create({
    data: {
      exerciseType: 'ADDITION',
      totalAttempts: 3,
      correctAttempts: 2,
      timedAttempts: 3,
      totalTimeSpent: 30,
      currentCorrectStreak: 1,
      bestCorrectStreak: 2,
      ...overrides,
      userId,
    },
    select: exerciseProgressFactorySelect,
  });
};
