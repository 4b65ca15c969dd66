/**
 * The rules of exercises written by an administrator (api-rest-challenges-admin §6.7): the legacy
 * messages, and the consistency checks shared with generated exercises (ai-exercise.rules.ts), so an
 * administrator cannot save an exercise whose answer key contradicts the calculation its question asks
 * for, nor choices that do not contain the answer.
 */
import { ratio } from '../lib/py-round.ts';
import { formatRational, rationalEquals, reduce } from '../lib/rational.ts';
import { normalizeText } from '../lib/text.ts';
import { numericValue } from './ai-exercise.rules.ts';
import { findQuestionExpression } from './arithmetic-expression.rules.ts';
import type { ExerciseType } from './exercise.rules.ts';

export const ADMIN_EXERCISE_MESSAGES = {
  notFound: 'Exercice non trouvé.',
  titleRequired: 'Le titre est obligatoire.',
  questionRequired: 'La question est obligatoire.',
  answerRequired: 'La réponse correcte est obligatoire.',
  archivedNotBoolean: 'Le champ is_archived doit être un booléen.',
  invalidType: "Type d'exercice invalide.",
  invalidDifficulty: 'Difficulté invalide.',
  invalidAgeGroup: "Groupe d'âge invalide.",
  invalidChoices: 'Les choix doivent être une liste de réponses (20 au plus).',
  invalidComplexity: 'La complexité doit être un nombre entier entre 0 et 100.',
  answerNotNumber: (calculation: string) =>
    `La réponse correcte doit être le résultat du calcul de la question (${calculation}).`,
  answerMismatch: (answer: string, result: string) =>
    `La réponse ${answer} ne correspond pas au calcul de la question, qui donne ${result}.`,
  choicesDuplicate: 'Les choix doivent avoir des valeurs différentes.',
  choicesMissingAnswer: 'La bonne réponse doit figurer parmi les choix.',
} as const;
const M = ADMIN_EXERCISE_MESSAGES;

/** Types whose question, when it shows one calculation, asks for exactly that one (as for generation). */
const CALCULATION_TYPES: ReadonlySet<ExerciseType> = new Set<ExerciseType>([
  'ADDITION',
  'SOUSTRACTION',
  'MULTIPLICATION',
  'DIVISION',
  'MIXTE',
  'FRACTIONS',
]);

export interface AdminExerciseContent {
  exerciseType: ExerciseType;
  question: string;
  correctAnswer: string;
  /** Stored choices (any JSON from older rows; only a list of texts is checked). */
  choices: unknown;
}

const shown = (text: string) => text.replace('.', ',');

/** Two answers are the same: equal in value when both are numbers, else equal as folded text. */
const sameAnswer = (a: string, b: string): boolean => {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x && y) return rationalEquals(x, y);
  return normalizeText(a) === normalizeText(b);
};

/** The first contradiction of the content, as a French message; null when it can be saved. */
export const adminExerciseProblem = (content: AdminExerciseContent): string | null => {
  if (CALCULATION_TYPES.has(content.exerciseType)) {
    const asked = findQuestionExpression(content.question);
    if (asked.found === 'one') {
      const result = shown(formatRational(reduce(asked.value)));
      const answer = numericValue(content.correctAnswer);
      if (!answer) return M.answerNotNumber(result);
      if (!rationalEquals(answer, asked.value)) {
        return M.answerMismatch(shown(content.correctAnswer), result);
      }
    }
  }
  if (Array.isArray(content.choices) && content.choices.length > 0) {
    const choices = content.choices.map(String);
    const distinct = choices.filter((c, i) => choices.findIndex((d) => sameAnswer(c, d)) === i);
    if (distinct.length !== choices.length) return M.choicesDuplicate;
    if (!choices.some((c) => sameAnswer(c, content.correctAnswer))) return M.choicesMissingAnswer;
  }
  return null;
};

/** Input field → legacy body key, for the `fields` of the `exercise_update` audit entry. */
export const ADMIN_EXERCISE_FIELD_KEYS = {
  title: 'title',
  question: 'question',
  correctAnswer: 'correct_answer',
  exerciseType: 'exercise_type',
  difficulty: 'difficulty',
  ageGroup: 'age_group',
  tags: 'tags',
  contextTheme: 'context_theme',
  complexity: 'complexity',
  explanation: 'explanation',
  hint: 'hint',
  imageUrl: 'image_url',
  audioUrl: 'audio_url',
  isActive: 'is_active',
  isArchived: 'is_archived',
  choices: 'choices',
} as const;

/** Percent of correct attempts, 1 decimal; 0 without attempts. */
export const successRateOf = (attempts: number, correct: number): number =>
  ratio(correct, attempts, 100, 1);

const COPY_SUFFIX = ' (copie)';

/** The title of a copy: the original's + « (copie) », shortened to fit the column when needed. */
export const copyTitle = (title: string, max = 255): string =>
  Array.from(title)
    .slice(0, max - COPY_SUFFIX.length)
    .join('') + COPY_SUFFIX;
