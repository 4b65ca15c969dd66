/**
 * Test factories (STYLE.md §7): each writes one real row with unique values and returns its
 * essential fields (explicit `select`, never a raw row). First argument: a Prisma client or an
 * interactive-transaction client. Parent rows that are not given are created on the fly, so
 * `createAttempt(db)` alone is valid.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type {
  AgeGroup,
  AnswerKind,
  DifficultyLevel,
  ExerciseType,
  LogicChallengeType,
  Prisma,
  PrismaClient,
  UserRole,
} from '../db/generated/client.ts';

export type FactoryDb = PrismaClient | Prisma.TransactionClient;

/**
 * bcrypt (`$2b$`, cost 4) of FACTORY_PASSWORD, precomputed so factories need no bcrypt library.
 * Plaintext: `Factory-Passw0rd!`.
 */
export const FACTORY_PASSWORD = 'Factory-Passw0rd!';
export const FACTORY_PASSWORD_HASH = '$2b$04$GnpS8HIP5UxOHYrJReMjWeqTDv80oStONw73kGNPSKE3mWkKFI9KK';

let sequence = 0;

/** A value unique across this process (counter) and across workers/runs (random suffix). */
export const uniqueSuffix = (): string => {
  sequence += 1;
  return `${sequence}${randomBytes(3).toString('hex')}`;
};

const DAY_MS = 86_400_000;
const inDays = (days: number): Date => new Date(Date.now() + days * DAY_MS);

/** A lower-case hex SHA-256-sized value, as stored for tokens. */
const fakeTokenHash = (): string => randomBytes(32).toString('hex');

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export const userFactorySelect = {
  id: true,
  username: true,
  email: true,
  role: true,
  isActive: true,
  isEmailVerified: true,
  totalPoints: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export type FactoryUser = Prisma.UserGetPayload<{ select: typeof userFactorySelect }>;

export const createUser = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserUncheckedCreateInput> = {},
): Promise<FactoryUser> => {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      username: `user_${suffix}`,
      email: `user_${suffix}@example.test`,
      hashedPassword: FACTORY_PASSWORD_HASH,
      fullName: `Utilisateur ${suffix}`,
      isEmailVerified: true,
      ...overrides,
    },
    select: userFactorySelect,
  });
};

const createUserWithRole =
  (role: UserRole) =>
  (db: FactoryDb, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}): Promise<FactoryUser> =>
    createUser(db, { role, ...overrides });

/** Learner (the default role). */
export const createPadawan = createUserWithRole('PADAWAN');
/** Teacher, content creator. */
export const createMaitre = createUserWithRole('MAITRE');
/** Moderator. */
export const createGardien = createUserWithRole('GARDIEN');
/** Administrator. */
export const createArchiviste = createUserWithRole('ARCHIVISTE');

// ---------------------------------------------------------------------------------------------
// Sessions and refresh tokens
// ---------------------------------------------------------------------------------------------

export const sessionFactorySelect = {
  id: true,
  userId: true,
  familyId: true,
  isActive: true,
  expiresAt: true,
  revokedAt: true,
} as const satisfies Prisma.UserSessionSelect;

export type FactorySession = Prisma.UserSessionGetPayload<{ select: typeof sessionFactorySelect }>;

export const createSession = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserSessionUncheckedCreateInput> = {},
): Promise<FactorySession> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  return db.userSession.create({
    data: {
      familyId: randomUUID(),
      ipAddress: '127.0.0.1',
      userAgent: 'vitest',
      deviceInfo: { user_agent: 'vitest' },
      expiresAt: inDays(7),
      ...overrides,
      userId,
    },
    select: sessionFactorySelect,
  });
};

export const refreshTokenFactorySelect = {
  id: true,
  sessionId: true,
  tokenHash: true,
  expiresAt: true,
  rotatedAt: true,
  replacedById: true,
  revokedAt: true,
} as const satisfies Prisma.RefreshTokenSelect;

export type FactoryRefreshToken = Prisma.RefreshTokenGetPayload<{
  select: typeof refreshTokenFactorySelect;
}>;

export const createRefreshToken = async (
  db: FactoryDb,
  overrides: Partial<Prisma.RefreshTokenUncheckedCreateInput> = {},
): Promise<FactoryRefreshToken> => {
  const sessionId = overrides.sessionId ?? (await createSession(db)).id;
  return db.refreshToken.create({
    data: { tokenHash: fakeTokenHash(), expiresAt: inDays(7), ...overrides, sessionId },
    select: refreshTokenFactorySelect,
  });
};

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

// ---------------------------------------------------------------------------------------------
// Logic challenges
// ---------------------------------------------------------------------------------------------

interface ChallengeTemplate {
  question: string;
  correctAnswer: string;
  visualData: Prisma.InputJsonObject;
}

/** A coherent statement/answer/visual_data per challenge type (spec/data-model.md §4.5). */
export const CHALLENGE_TEMPLATES: Record<LogicChallengeType, ChallengeTemplate> = {
  SEQUENCE: {
    question: 'Quel nombre suit : 2, 4, 6, 8 ?',
    correctAnswer: '10',
    visualData: { sequence: [2, 4, 6, 8] },
  },
  PATTERN: {
    question: 'Quel symbole manque ?',
    correctAnswer: 'O',
    visualData: {
      grid: [
        ['X', 'O'],
        ['O', '?'],
      ],
      size: 2,
    },
  },
  VISUAL: {
    question: 'Quelle forme complète la symétrie ?',
    correctAnswer: 'cercle rouge',
    visualData: { type: 'symmetry', symmetry_line: 'vertical', shapes: ['cercle rouge', '?'] },
  },
  PUZZLE: {
    question: 'Range les nombres du plus petit au plus grand.',
    correctAnswer: '1, 2, 3',
    visualData: { pieces: ['3', '1', '2'] },
  },
  RIDDLE: {
    question: "Je grandis quand on m'enlève quelque chose. Qui suis-je ?",
    correctAnswer: 'Un trou',
    visualData: { clues: ['On peut creuser'] },
  },
  DEDUCTION: {
    question: 'Qui habite où ?',
    correctAnswer: 'Alice:Paris,Bob:Lyon',
    visualData: {
      type: 'logic_grid',
      entities: { personnes: ['Alice', 'Bob'], villes: ['Paris', 'Lyon'] },
      clues: ["Alice n'habite pas à Lyon."],
    },
  },
  PROBABILITY: {
    question: 'Quelle est la probabilité de tirer un bonbon rouge ?',
    correctAnswer: '6/10',
    visualData: { rouge_bonbons: 6, bleu_bonbons: 4, total_bonbons: 10 },
  },
  GRAPH: {
    question: 'Quel est le chemin de A à C ?',
    correctAnswer: 'A-B-C',
    visualData: {
      nodes: ['A', 'B', 'C'],
      edges: [
        ['A', 'B'],
        ['B', 'C'],
      ],
    },
  },
  CODING: {
    question: 'Décode le message (César, décalage 1).',
    correctAnswer: 'JEDI',
    visualData: { type: 'caesar', encoded_message: 'KFEJ', shift: 1 },
  },
  CHESS: {
    question: 'Les blancs jouent et font mat en 1.',
    correctAnswer: 'Dd8#',
    visualData: { turn: 'white', objective: 'mat_en_1', highlight_positions: ['d8'] },
  },
  CUSTOM: {
    question: 'Combien de côtés a un hexagone ?',
    correctAnswer: '6',
    visualData: {},
  },
};

export const challengeFactorySelect = {
  id: true,
  title: true,
  creatorId: true,
  challengeType: true,
  ageGroup: true,
  correctAnswer: true,
  isActive: true,
  isArchived: true,
} as const satisfies Prisma.LogicChallengeSelect;

export type FactoryChallenge = Prisma.LogicChallengeGetPayload<{
  select: typeof challengeFactorySelect;
}>;

export const createLogicChallenge = async (
  db: FactoryDb,
  overrides: Partial<Prisma.LogicChallengeUncheckedCreateInput> = {},
): Promise<FactoryChallenge> => {
  const challengeType: LogicChallengeType = overrides.challengeType ?? 'SEQUENCE';
  const template = CHALLENGE_TEMPLATES[challengeType];
  return db.logicChallenge.create({
    data: {
      title: `Défi ${challengeType.toLowerCase()} ${uniqueSuffix()}`,
      description: template.question,
      ageGroup: 'GROUP_9_11',
      question: template.question,
      correctAnswer: template.correctAnswer,
      solutionExplanation: `La réponse est ${template.correctAnswer}.`,
      visualData: template.visualData,
      hints: ['Observe bien.', 'Cherche la règle.', 'Vérifie ta réponse.'],
      ...overrides,
      challengeType,
    },
    select: challengeFactorySelect,
  });
};

export const challengeAttemptFactorySelect = {
  id: true,
  userId: true,
  challengeId: true,
  userSolution: true,
  isCorrect: true,
  createdAt: true,
} as const satisfies Prisma.LogicChallengeAttemptSelect;

export type FactoryChallengeAttempt = Prisma.LogicChallengeAttemptGetPayload<{
  select: typeof challengeAttemptFactorySelect;
}>;

export const createChallengeAttempt = async (
  db: FactoryDb,
  overrides: Partial<Prisma.LogicChallengeAttemptUncheckedCreateInput> = {},
): Promise<FactoryChallengeAttempt> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  const challengeId = overrides.challengeId ?? (await createLogicChallenge(db)).id;
  return db.logicChallengeAttempt.create({
    data: { userSolution: '10', isCorrect: true, timeSpent: 42, ...overrides, userId, challengeId },
    select: challengeAttemptFactorySelect,
  });
};

// ---------------------------------------------------------------------------------------------
// Badges
// ---------------------------------------------------------------------------------------------

export const achievementFactorySelect = {
  id: true,
  code: true,
  name: true,
  pointsReward: true,
  isActive: true,
} as const satisfies Prisma.AchievementSelect;

export type FactoryAchievement = Prisma.AchievementGetPayload<{
  select: typeof achievementFactorySelect;
}>;

/** A test badge whose code cannot collide with the catalogue (prefix `test_`). */
export const createAchievement = async (
  db: FactoryDb,
  overrides: Partial<Prisma.AchievementUncheckedCreateInput> = {},
): Promise<FactoryAchievement> => {
  const suffix = uniqueSuffix();
  return db.achievement.create({
    data: {
      code: `test_${suffix}`,
      name: `Badge ${suffix}`,
      description: 'Badge de test',
      category: 'PROGRESSION',
      tier: 'BRONZE',
      pointsReward: 10,
      requirements: { attempts_count: 1 },
      ...overrides,
    },
    select: achievementFactorySelect,
  });
};

export const userAchievementFactorySelect = {
  id: true,
  userId: true,
  achievementId: true,
  earnedAt: true,
  pointsAwarded: true,
} as const satisfies Prisma.UserAchievementSelect;

export type FactoryUserAchievement = Prisma.UserAchievementGetPayload<{
  select: typeof userAchievementFactorySelect;
}>;

/** Awards a badge (creating the user and/or a test badge when not given). */
export const awardBadge = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserAchievementUncheckedCreateInput> = {},
): Promise<FactoryUserAchievement> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  const achievementId = overrides.achievementId ?? (await createAchievement(db)).id;
  return db.userAchievement.create({
    data: { pointsAwarded: 10, ...overrides, userId, achievementId },
    select: userAchievementFactorySelect,
  });
};

export interface FactoryPinnedBadge {
  userId: number;
  achievementId: number;
  position: number;
}

/** Pins an earned badge. The badge must have been awarded to the user (composite FK). */
export const pinBadge = async (
  db: FactoryDb,
  input: { userId: number; achievementId: number; position?: number },
): Promise<FactoryPinnedBadge> =>
  db.userPinnedBadge.create({
    data: {
      userId: input.userId,
      achievementId: input.achievementId,
      position: input.position ?? 1,
    },
    select: { userId: true, achievementId: true, position: true },
  });

// ---------------------------------------------------------------------------------------------
// Recommendations, notifications
// ---------------------------------------------------------------------------------------------

export const recommendationFactorySelect = {
  id: true,
  userId: true,
  recommendationType: true,
  exerciseId: true,
  challengeId: true,
  exerciseType: true,
  priority: true,
  isCompleted: true,
} as const satisfies Prisma.RecommendationSelect;

export type FactoryRecommendation = Prisma.RecommendationGetPayload<{
  select: typeof recommendationFactorySelect;
}>;

/**
 * An exercise recommendation by default (exercise created when not given); pass
 * `recommendationType: 'CHALLENGE'` for a challenge one (challenge created when not given).
 */
export const createRecommendation = async (
  db: FactoryDb,
  overrides: Partial<Prisma.RecommendationUncheckedCreateInput> = {},
): Promise<FactoryRecommendation> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  if (overrides.recommendationType === 'CHALLENGE') {
    const challengeId = overrides.challengeId ?? (await createLogicChallenge(db)).id;
    return db.recommendation.create({
      data: {
        reason: 'Un défi pour toi',
        ...overrides,
        userId,
        challengeId,
        recommendationType: 'CHALLENGE',
      },
      select: recommendationFactorySelect,
    });
  }
  const exercise =
    overrides.exerciseId === undefined || overrides.exerciseId === null
      ? await createExercise(db)
      : null;
  return db.recommendation.create({
    data: {
      exerciseType: exercise?.exerciseType ?? 'ADDITION',
      difficulty: 'PADAWAN',
      reason: 'Entraîne-toi encore',
      ...overrides,
      userId,
      exerciseId: overrides.exerciseId ?? exercise?.id ?? null,
      recommendationType: 'EXERCISE',
    },
    select: recommendationFactorySelect,
  });
};

export const notificationFactorySelect = {
  id: true,
  userId: true,
  type: true,
  title: true,
  isRead: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

export type FactoryNotification = Prisma.NotificationGetPayload<{
  select: typeof notificationFactorySelect;
}>;

export const createNotification = async (
  db: FactoryDb,
  overrides: Partial<Prisma.NotificationUncheckedCreateInput> = {},
): Promise<FactoryNotification> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  return db.notification.create({
    data: {
      type: 'info',
      title: `Notification ${uniqueSuffix()}`,
      message: 'Message de test',
      ...overrides,
      userId,
    },
    select: notificationFactorySelect,
  });
};

// ---------------------------------------------------------------------------------------------
// Administration and analytics
// ---------------------------------------------------------------------------------------------

export const settingFactorySelect = {
  id: true,
  key: true,
  value: true,
  category: true,
} as const satisfies Prisma.SettingSelect;

export type FactorySetting = Prisma.SettingGetPayload<{ select: typeof settingFactorySelect }>;

/** A setting with a unique test key (use the reference data for the real keys). */
export const createSetting = async (
  db: FactoryDb,
  overrides: Partial<Prisma.SettingUncheckedCreateInput> = {},
): Promise<FactorySetting> =>
  db.setting.create({
    data: {
      key: `test_setting_${uniqueSuffix()}`,
      value: 'true',
      category: 'features',
      ...overrides,
    },
    select: settingFactorySelect,
  });

export const auditLogFactorySelect = {
  id: true,
  adminUserId: true,
  action: true,
  resourceType: true,
  resourceId: true,
  createdAt: true,
} as const satisfies Prisma.AdminAuditLogSelect;

export type FactoryAuditLog = Prisma.AdminAuditLogGetPayload<{
  select: typeof auditLogFactorySelect;
}>;

export const createAuditLog = async (
  db: FactoryDb,
  overrides: Partial<Prisma.AdminAuditLogUncheckedCreateInput> = {},
): Promise<FactoryAuditLog> => {
  const adminUserId =
    overrides.adminUserId === undefined ? (await createArchiviste(db)).id : overrides.adminUserId;
  return db.adminAuditLog.create({
    data: {
      action: 'config_update',
      resourceType: 'settings',
      details: { updated_keys: ['maintenance_mode'] },
      ...overrides,
      adminUserId,
    },
    select: auditLogFactorySelect,
  });
};

export const feedbackReportFactorySelect = {
  id: true,
  userId: true,
  feedbackType: true,
  status: true,
  exerciseId: true,
  challengeId: true,
} as const satisfies Prisma.FeedbackReportSelect;

export type FactoryFeedbackReport = Prisma.FeedbackReportGetPayload<{
  select: typeof feedbackReportFactorySelect;
}>;

/** Anonymous `OTHER` feedback unless overridden. */
export const createFeedbackReport = async (
  db: FactoryDb,
  overrides: Partial<Prisma.FeedbackReportUncheckedCreateInput> = {},
): Promise<FactoryFeedbackReport> =>
  db.feedbackReport.create({
    data: {
      feedbackType: 'OTHER',
      pageUrl: '/dashboard',
      description: `Retour ${uniqueSuffix()}`,
      ...overrides,
    },
    select: feedbackReportFactorySelect,
  });

export const edtechEventFactorySelect = {
  id: true,
  userId: true,
  event: true,
  createdAt: true,
} as const satisfies Prisma.EdtechEventSelect;

export type FactoryEdtechEvent = Prisma.EdtechEventGetPayload<{
  select: typeof edtechEventFactorySelect;
}>;

export const createEdtechEvent = async (
  db: FactoryDb,
  overrides: Partial<Prisma.EdtechEventUncheckedCreateInput> = {},
): Promise<FactoryEdtechEvent> =>
  db.edtechEvent.create({
    data: {
      event: 'QUICK_START_CLICK',
      payload: { type: 'exercise', guided: true },
      ...overrides,
    },
    select: edtechEventFactorySelect,
  });
