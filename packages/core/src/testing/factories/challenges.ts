import type { LogicChallengeType, Prisma } from '../../db/generated/client.ts';
import { createUser } from './accounts.ts';
import { uniqueSuffix, type FactoryDb } from './shared.ts';

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
