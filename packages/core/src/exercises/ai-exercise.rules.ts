/**
 * A generated exercise, checked before anything is saved (issue 11; domain-rules Appendix B): the
 * model's JSON is parsed with ZAiExerciseOutput, then verifyGeneratedExercise recomputes the answer
 * from the calculation written in the question (or the `calcul` field), checks the 4 choices (numbers,
 * distinct in value, containing the answer) and the texts. An empty list means it can be saved.
 */
import { z } from 'zod';

import {
  charLength,
  checkText,
  problem,
  ZModelText,
  type ContentProblem,
} from '../lib/content-check.ts';
import {
  formatRational,
  parseDecimal,
  parseFraction,
  rationalEquals,
  reduce,
  type Rational,
} from '../lib/rational.ts';
import {
  findQuestionExpression,
  parseCalculation,
  type ArithmeticOperator,
  type ParsedExpression,
} from './arithmetic-expression.rules.ts';
import type { ExerciseType } from './exercise.rules.ts';
import { CHOICE_COUNT, containsStandaloneNumber } from './generator/index.ts';

export const ZAiExerciseOutput = z.object({
  title: ZModelText.default(''),
  question: ZModelText.default(''),
  calcul: ZModelText.default(''),
  correct_answer: ZModelText.default(''),
  choices: z.array(ZModelText).max(20).default([]),
  explanation: ZModelText.default(''),
  hint: ZModelText.default(''),
});
export type AiExerciseOutput = z.output<typeof ZAiExerciseOutput>;

export const EXERCISE_TEXT_LIMITS = {
  title: 120,
  question: 1000,
  explanation: 1500,
  hint: 300,
  answer: 40,
} as const;

/** The operator each single-operation type must use. */
const TYPE_OPERATOR: Partial<Record<ExerciseType, ArithmeticOperator>> = {
  ADDITION: '+',
  SOUSTRACTION: '-',
  MULTIPLICATION: '*',
  DIVISION: '/',
};
/** Types whose question must show its calculation (the prompt asks for it). */
const WRITTEN_CALCULATION_TYPES: ReadonlySet<ExerciseType> = new Set<ExerciseType>([
  'ADDITION',
  'SOUSTRACTION',
  'MULTIPLICATION',
  'DIVISION',
  'MIXTE',
]);
/**
 * Types whose question, when it shows one calculation, asks for exactly that one. Not geometry, word
 * problems or "divers", where a written product (`8 × 5 cm`) may be a step, not what is asked.
 */
const QUESTION_CALCULATION_TYPES: ReadonlySet<ExerciseType> = new Set<ExerciseType>([
  ...WRITTEN_CALCULATION_TYPES,
  'FRACTIONS',
]);

/** A numeric answer or choice (`12`, `-3`, `12,5`, `3/4`); null for anything else. */
export const numericValue = (text: string): Rational | null =>
  parseFraction(text) ?? parseDecimal(text);

/** The form containsStandaloneNumber understands (`12.5`, `3/4`). */
const canonical = (value: Rational, written: string): string =>
  parseFraction(written) ? formatRational(reduce(value)) : String(value.p / value.q);

const shown = (value: Rational): string => formatRational(reduce(value)).replace('.', ',');

const checkChoices = (choices: readonly string[], answer: Rational | null): ContentProblem[] => {
  if (choices.length !== CHOICE_COUNT) {
    return [
      problem(
        'CHOICES_COUNT',
        'choices',
        `Il faut exactement ${CHOICE_COUNT} propositions (il y en a ${choices.length}).`,
      ),
    ];
  }
  const values = choices.map(numericValue);
  if (
    values.some((v, i) => v === null || charLength(choices[i] ?? '') > EXERCISE_TEXT_LIMITS.answer)
  ) {
    return [
      problem(
        'CHOICES_INVALID',
        'choices',
        'Chaque proposition doit être un nombre seul, sans texte.',
      ),
    ];
  }
  const problems: ContentProblem[] = [];
  const distinct = values.filter(
    (v, i) => v !== null && values.findIndex((w) => w !== null && rationalEquals(v, w)) === i,
  );
  if (distinct.length !== values.length) {
    problems.push(
      problem(
        'CHOICES_DUPLICATE',
        'choices',
        'Les 4 propositions doivent avoir des valeurs différentes.',
      ),
    );
  }
  if (answer && !values.some((v) => v !== null && rationalEquals(v, answer))) {
    problems.push(
      problem(
        'CHOICES_MISSING_ANSWER',
        'choices',
        'La bonne réponse doit figurer parmi les propositions.',
      ),
    );
  }
  return problems;
};

const hasAll = (question: string, expression: ParsedExpression): boolean => {
  const inQuestion = findNumbers(question);
  return expression.numbers.every((n) =>
    inQuestion.some((m) => rationalEquals(m, { p: Math.abs(n.p), q: n.q })),
  );
};

const findNumbers = (text: string): Rational[] =>
  (text.match(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g) ?? [])
    .map((n) => parseDecimal(n.replace(/[ \u00a0\u202f]/g, '')))
    .filter((n): n is Rational => n !== null);

/** Recomputes the answer; the expressions found must agree with it and with the type. */
const checkCalculation = (
  output: AiExerciseOutput,
  exerciseType: ExerciseType,
  answer: Rational,
): ContentProblem[] => {
  const problems: ContentProblem[] = [];
  const inQuestion = QUESTION_CALCULATION_TYPES.has(exerciseType)
    ? findQuestionExpression(output.question)
    : ({ found: 'none' } as const);
  const calculation = output.calcul === '' ? null : parseCalculation(output.calcul);
  if (output.calcul !== '' && !calculation) {
    problems.push(
      problem(
        'CALCULATION_INVALID',
        'calcul',
        '« calcul » doit être un calcul avec des nombres et + − × ÷ ( ) seulement.',
      ),
    );
  }
  const needsWritten = WRITTEN_CALCULATION_TYPES.has(exerciseType);
  let used: ParsedExpression | null = inQuestion.found === 'one' ? inQuestion : null;
  if (!used && calculation && (!needsWritten || hasAll(output.question, calculation))) {
    used = calculation;
  }
  if (!used) {
    if (output.calcul === '' || calculation) {
      problems.push(
        problem(
          needsWritten && calculation ? 'CALCULATION_NOT_IN_QUESTION' : 'CALCULATION_MISSING',
          needsWritten ? 'question' : 'calcul',
          needsWritten
            ? "L'énoncé doit contenir le calcul à faire, écrit en chiffres (par exemple « 27 + 15 »)."
            : '« calcul » doit donner le calcul qui mène à la réponse.',
        ),
      );
    }
    return problems;
  }
  for (const expression of [used, calculation]) {
    if (expression && !rationalEquals(expression.value, answer)) {
      problems.push(
        problem(
          'ANSWER_MISMATCH',
          'correct_answer',
          `La réponse ${shown(answer)} ne correspond pas au calcul, qui donne ${shown(expression.value)}.`,
        ),
      );
      break;
    }
  }
  const operator = TYPE_OPERATOR[exerciseType];
  if (operator && !used.operators.has(operator)) {
    problems.push(
      problem(
        'OPERATION_MISMATCH',
        'question',
        `Un exercice ${exerciseType} doit porter sur l'opération ${operator === '*' ? '×' : operator === '/' ? '÷' : operator}.`,
      ),
    );
  }
  return problems;
};

export interface VerifyExerciseContext {
  exerciseType: ExerciseType;
}

/** Every problem of a generated exercise; [] means it is consistent and can be saved. */
export const verifyGeneratedExercise = (
  output: AiExerciseOutput,
  context: VerifyExerciseContext,
): ContentProblem[] => {
  const problems = [
    ...checkText('title', output.title, { max: EXERCISE_TEXT_LIMITS.title, prose: false }),
    ...checkText('question', output.question, { max: EXERCISE_TEXT_LIMITS.question }),
    ...checkText('explanation', output.explanation, { max: EXERCISE_TEXT_LIMITS.explanation }),
    ...checkText('hint', output.hint, { max: EXERCISE_TEXT_LIMITS.hint }),
  ];
  const answer = numericValue(output.correct_answer);
  if (!answer || charLength(output.correct_answer) > EXERCISE_TEXT_LIMITS.answer) {
    problems.push(
      problem(
        'ANSWER_NOT_NUMBER',
        'correct_answer',
        '« correct_answer » doit être un nombre seul écrit en chiffres, sans unité ni texte.',
      ),
    );
  }
  problems.push(...checkChoices(output.choices, answer));
  if (answer) {
    if (output.question !== '')
      problems.push(...checkCalculation(output, context.exerciseType, answer));
    if (containsStandaloneNumber(output.hint, canonical(answer, output.correct_answer))) {
      problems.push(
        problem('HINT_REVEALS_ANSWER', 'hint', "L'indice ne doit pas donner la réponse."),
      );
    }
  }
  return problems;
};
