/**
 * The rules of logic challenges written by an administrator (api-rest-challenges-admin §6.8): the legacy
 * messages, and the check shared with generated challenges: the challenge's own answer must pass the
 * answer checker a learner's answer goes through (ai-challenge.rules.ts `ownAnswerAccepted`, answer-check/),
 * and be among its choices when it has some.
 */
import { AI_CHALLENGE_TYPES, type AiChallengeType } from '../kernel/ai.ts';
import { ratio } from '../lib/py-round.ts';
import { normalizeText } from '../lib/text.ts';
import { ownAnswerAccepted } from './ai-challenge.rules.ts';
import { isChallengeAnswerCorrect } from './answer-check/index.ts';
import { challengeTypeToDb, type ChallengeType } from './challenge.rules.ts';

export const ADMIN_CHALLENGE_MESSAGES = {
  notFound: 'Défi non trouvé.',
  titleRequired: 'Le titre est obligatoire.',
  descriptionRequired: 'La description est obligatoire.',
  archivedNotBoolean: 'Le champ is_archived doit être un booléen.',
  invalidDifficulty: 'Difficulté invalide.',
  invalidRating: 'difficulty_rating doit être un nombre entre 0 et 10.',
  invalidMinutes: 'estimated_time_minutes doit être un nombre entier entre 1 et 1000.',
  invalidJson: (field: string) => `${field} doit être une valeur JSON (8 niveaux au plus).`,
  answerRejected:
    "La réponse correcte n'est pas acceptée par la correction de ce type de défi (format attendu, ou données incohérentes).",
  choicesMissingAnswer: 'La bonne réponse doit figurer parmi les choix.',
  notText: 'Ce champ doit être un texte.',
} as const;

export interface AdminChallengeContent {
  challengeType: ChallengeType;
  correctAnswer: string | null;
  visualData: unknown;
  choices: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isAiType = (type: ChallengeType): type is AiChallengeType =>
  (AI_CHALLENGE_TYPES as readonly string[]).includes(type);

/** The first problem of the content, as a French message; null when it can be saved. */
export const adminChallengeProblem = (content: AdminChallengeContent): string | null => {
  const answer = content.correctAnswer ?? '';
  if (answer === '') return null;
  const visualData = isObject(content.visualData) ? content.visualData : {};
  const accepted = isAiType(content.challengeType)
    ? ownAnswerAccepted(content.challengeType)({
        title: '',
        description: '',
        question: '',
        correct_answer: answer,
        solution_explanation: '',
        hints: [],
        visual_data: visualData,
        difficulty_rating: null,
      })
    : isChallengeAnswerCorrect(
        {
          challengeType: challengeTypeToDb(content.challengeType),
          correctAnswer: answer,
          visualData,
        },
        answer,
      );
  if (!accepted) return ADMIN_CHALLENGE_MESSAGES.answerRejected;
  if (Array.isArray(content.choices) && content.choices.length > 0) {
    const keys = content.choices.map((c) => normalizeText(String(c)));
    if (!keys.includes(normalizeText(answer))) return ADMIN_CHALLENGE_MESSAGES.choicesMissingAnswer;
  }
  return null;
};

/** Percent of correct attempts, 1 decimal; 0 without attempts. */
export const challengeSuccessRate = (attempts: number, correct: number): number =>
  ratio(correct, attempts, 100, 1);

/** Input field → legacy body key, for the `fields` of the `challenge_update` audit entry. */
export const ADMIN_CHALLENGE_FIELD_KEYS = {
  title: 'title',
  description: 'description',
  challengeType: 'challenge_type',
  ageGroup: 'age_group',
  difficulty: 'difficulty',
  question: 'question',
  correctAnswer: 'correct_answer',
  choices: 'choices',
  solutionExplanation: 'solution_explanation',
  visualData: 'visual_data',
  hints: 'hints',
  imageUrl: 'image_url',
  tags: 'tags',
  isActive: 'is_active',
  isArchived: 'is_archived',
  difficultyRating: 'difficulty_rating',
  estimatedTimeMinutes: 'estimated_time_minutes',
} as const;
