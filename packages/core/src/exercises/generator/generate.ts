import { toFrench } from '../../lib/rational.ts';
import {
  DIFFICULTY_LABELS,
  type AgeGroup,
  type AnswerKind,
  type Difficulty,
  type ExerciseType,
} from '../exercise.rules.ts';
import { buildChoices } from './choices.ts';
import type { Problem, ProblemContext } from './limits.ts';
import { answerKindOf, recomputeAnswer, type StoredGenerationParams } from './params.ts';
import {
  additionProblem,
  divisionProblem,
  multiplicationProblem,
  subtractionProblem,
} from './problems/arithmetic.ts';
import { diversProblem } from './problems/divers.ts';
import { fractionIdentifyProblem, fractionOperationProblem } from './problems/fractions.ts';
import { geometryProblem } from './problems/geometry.ts';
import { mixteProblem } from './problems/mixte.ts';
import { texteProblem } from './problems/texte.ts';
import type { Random } from './random.ts';

/**
 * `generateExercise`: one pure, seeded generator for every type × difficulty, plain or themed
 * (the legacy `ai=true` flag: space-academy stories, no AI call). See docs/exercise-generator.md.
 */

/** Bumped whenever a change would make an old seed produce a different exercise. */
export const GENERATOR_VERSION = 1;

export interface GenerateExerciseInput {
  type: ExerciseType;
  difficulty: Difficulty;
  ageGroup: AgeGroup;
  /** The legacy `ai=true` flag: space-academy stories and titles (no AI is called). */
  themed: boolean;
}

export interface GeneratedExercise {
  title: string;
  question: string;
  /** Canonical form (see numbers.ts). */
  correctAnswer: string;
  /** Exactly 4 strings, pairwise different in value, including correctAnswer, shuffled. */
  choices: string[];
  /** Shown only after an attempt; always states the answer. */
  explanation: string;
  /** Never contains the answer. */
  hint: string;
  exerciseType: ExerciseType;
  difficulty: Difficulty;
  ageGroup: AgeGroup;
  answerKind: AnswerKind;
  themed: boolean;
  seed: number | string;
  generationParams: StoredGenerationParams;
  tags: string[];
}

const PLAIN_TITLES: Record<ExerciseType, string> = {
  ADDITION: 'Addition galactique',
  SOUSTRACTION: 'Soustraction stellaire',
  MULTIPLICATION: 'Multiplication cosmique',
  DIVISION: 'Division spatiale',
  FRACTIONS: 'Exercice sur les fractions',
  GEOMETRIE: 'Exercice de géométrie',
  TEXTE: 'Problème textuel',
  MIXTE: 'Exercice mixte',
  DIVERS: 'Exercice divers',
};

const THEMED_MISSIONS: Record<ExerciseType, string> = {
  ADDITION: 'Mission Renforts',
  SOUSTRACTION: 'Mission Ravitaillement',
  MULTIPLICATION: 'Mission Flotte',
  DIVISION: 'Mission Partage',
  FRACTIONS: 'Mission Fractions',
  GEOMETRIE: 'Mission Chantier spatial',
  TEXTE: 'Énigme de l’Académie',
  MIXTE: 'Mission Calcul combiné',
  DIVERS: 'Défi de l’Académie',
};

/** Calm, literal wording (many learners are autistic): no praise that assumes a right answer. */
const THEMED_OPENINGS: Record<Difficulty, readonly string[]> = {
  INITIE: ['Voici comment faire, jeune cadet.', 'Regardons ensemble, étape par étape.'],
  PADAWAN: ['Voici la méthode, Padawan.', 'Reprenons le calcul étape par étape.'],
  CHEVALIER: ['Voici le raisonnement, Chevalier.', 'Décomposons le problème.'],
  MAITRE: ['Voici la démarche, Maître.', 'Analysons le problème avec méthode.'],
  GRAND_MAITRE: ['Voici la démarche complète.', 'Analysons le problème avec rigueur.'],
};

const THEMED_CLOSINGS: readonly string[] = [
  'Chaque exercice fait progresser ta formation à l’Académie.',
  'Tu peux refaire ce type de mission pour t’entraîner.',
  'Garde cette méthode dans ton carnet de bord.',
];

const problemFor = (type: ExerciseType, context: ProblemContext): Problem => {
  switch (type) {
    case 'ADDITION':
      return additionProblem(context);
    case 'SOUSTRACTION':
      return subtractionProblem(context);
    case 'MULTIPLICATION':
      return multiplicationProblem(context);
    case 'DIVISION':
      return divisionProblem(context);
    case 'FRACTIONS':
      return context.themed ? fractionOperationProblem(context) : fractionIdentifyProblem(context);
    case 'GEOMETRIE':
      return geometryProblem(context);
    case 'TEXTE':
      return texteProblem(context);
    case 'MIXTE':
      return mixteProblem(context);
    case 'DIVERS':
      return diversProblem(context);
  }
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * True when `text` contains `answer` as a standalone number (not inside a longer number, a decimal
 * or a fraction), in canonical or French form: `12` is found in "vaut 12 cm" but not in "120".
 */
export const containsStandaloneNumber = (text: string, answer: string): boolean =>
  [answer, toFrench(answer)].some((form) =>
    new RegExp(`(?<![\\d.,/])${escapeRegExp(form)}(?![\\d]|[.,/]\\d)`).test(text),
  );

const GENERIC_HINT = 'Relis bien la question, repère les nombres utiles et l’opération à faire.';

export const generateExercise = (
  input: GenerateExerciseInput,
  random: Random,
): GeneratedExercise => {
  const { type, difficulty, ageGroup, themed } = input;
  const problem = problemFor(type, { difficulty, themed, random });
  const correctAnswer = recomputeAnswer(problem.params);
  const answerKind = answerKindOf(problem.params);
  const choices = buildChoices(answerKind, correctAnswer, problem.distractors, random);
  const explanation = themed
    ? `${random.pick(THEMED_OPENINGS[difficulty])} ${problem.explanation} ${random.pick(THEMED_CLOSINGS)}`
    : problem.explanation;
  const hint = containsStandaloneNumber(problem.hint, correctAnswer) ? GENERIC_HINT : problem.hint;
  const title = themed
    ? `${THEMED_MISSIONS[type]} (niveau ${DIFFICULTY_LABELS[difficulty]})`
    : PLAIN_TITLES[type];
  const tags = themed
    ? ['generatif', 'theme-spatial', ...problem.tags]
    : ['algorithmique', ...problem.tags];
  return {
    title,
    question: problem.question,
    correctAnswer,
    choices,
    explanation,
    hint,
    exerciseType: type,
    difficulty,
    ageGroup,
    answerKind,
    themed,
    seed: random.seed,
    generationParams: { ...problem.params, seed: random.seed, version: GENERATOR_VERSION },
    tags: [...new Set(tags)],
  };
};
