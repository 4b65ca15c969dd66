import { describe, expect, it } from 'vitest';

import type { ContentProblemCode } from '../lib/content-check.ts';
import {
  verifyGeneratedExercise,
  ZAiExerciseOutput,
  type AiExerciseOutput,
} from './ai-exercise.rules.ts';
import { findQuestionExpression, parseCalculation } from './arithmetic-expression.rules.ts';
import { DIFFICULTIES, type ExerciseType } from './exercise.rules.ts';
import { createRandom, generateExercise } from './generator/index.ts';

const good: AiExerciseOutput = {
  title: 'Cristaux de la comète',
  question: 'Le vaisseau transporte des cristaux. Combien font 27 + 15 ?',
  calcul: '27 + 15',
  correct_answer: '42',
  choices: ['42', '32', '43', '52'],
  explanation: 'On ajoute les unités : 7 + 5 = 12, on pose 2 et on retient 1. Puis 2 + 1 + 1 = 4.',
  hint: 'Commence par les unités et pense à la retenue.',
};

const codes = (output: Partial<AiExerciseOutput>, exerciseType: ExerciseType = 'ADDITION') =>
  verifyGeneratedExercise({ ...good, ...output }, { exerciseType }).map((p) => p.code);

describe('ZAiExerciseOutput', () => {
  it('turns JSON numbers into strings, trims, and defaults missing fields', () => {
    expect(
      ZAiExerciseOutput.parse({ question: ' Q ', correct_answer: 42, choices: [42, '41', 4.5] }),
    ).toEqual({
      title: '',
      question: 'Q',
      calcul: '',
      correct_answer: '42',
      choices: ['42', '41', '4.5'],
      explanation: '',
      hint: '',
    });
  });

  it('refuses shapes that are not an exercise', () => {
    for (const bad of [
      { correct_answer: { value: 1 } },
      { choices: 'a,b,c,d' },
      { choices: Array.from({ length: 21 }, String) },
      { question: true },
      { question: 'x'.repeat(20_001) },
    ]) {
      expect(ZAiExerciseOutput.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(
        false,
      );
    }
  });
});

describe('verifyGeneratedExercise', () => {
  it('accepts a consistent exercise', () => {
    expect(codes({})).toEqual([]);
  });

  it('recomputes the answer from the calculation in the question', () => {
    expect(codes({ correct_answer: '43', choices: ['43', '42', '32', '52'] })).toEqual([
      'ANSWER_MISMATCH',
    ]);
    const [mismatch] = verifyGeneratedExercise(
      { ...good, correct_answer: '43', choices: ['43', '42', '32', '52'] },
      { exerciseType: 'ADDITION' },
    );
    expect(mismatch?.message).toBe('La réponse 43 ne correspond pas au calcul, qui donne 42.');
    // The `calcul` field must agree too.
    expect(codes({ calcul: '27 + 16' })).toEqual(['ANSWER_MISMATCH']);
  });

  it('checks decimals, fractions, negatives and parentheses exactly', () => {
    const question = (q: string, answer: string, choices: string[], type: ExerciseType) =>
      codes(
        { question: q, calcul: '', correct_answer: answer, choices, hint: 'Réfléchis bien.' },
        type,
      );
    expect(
      question('Combien font 2,5 × 4 ?', '10', ['10', '8', '12', '6,5'], 'MULTIPLICATION'),
    ).toEqual([]);
    expect(question('Calcule 3/4 + 1/4.', '1', ['1', '4/8', '2', '3/4'], 'FRACTIONS')).toEqual([]);
    expect(question('Calcule (−3) × 4 + 20.', '8', ['8', '-8', '32', '-12'], 'MIXTE')).toEqual([]);
    expect(
      question('Combien vaut (30 − 6) × 8 ?', '192', ['192', '44', '193', '191'], 'MIXTE'),
    ).toEqual([]);
    expect(
      question(
        'Combien font 1 250 + 3 400 ?',
        '4650',
        ['4650', '4550', '4660', '5650'],
        'ADDITION',
      ),
    ).toEqual([]);
    expect(question('Combien font 10 ÷ 4 ?', '2,5', ['2,5', '2', '3', '2,25'], 'DIVISION')).toEqual(
      [],
    );
    expect(question('Combien font 10 ÷ 4 ?', '2', ['2,5', '2', '3', '2,25'], 'DIVISION')).toEqual([
      'ANSWER_MISMATCH',
    ]);
  });

  it('requires the calculation for arithmetic types, and the right operation', () => {
    const wordProblem =
      'Un cadet a 12 cristaux. Il en trouve 5 autres sur une lune. Combien en a-t-il maintenant ?';
    expect(
      codes({
        question: wordProblem,
        calcul: '12 + 5',
        correct_answer: '17',
        choices: ['17', '16', '18', '7'],
      }),
    ).toEqual([]);
    expect(
      codes({
        question: wordProblem,
        calcul: '',
        correct_answer: '17',
        choices: ['17', '16', '18', '7'],
      }),
    ).toEqual(['CALCULATION_MISSING']);
    expect(
      codes({
        question: wordProblem,
        calcul: '12 + 6',
        correct_answer: '18',
        choices: ['17', '16', '18', '7'],
      }),
    ).toEqual(['CALCULATION_NOT_IN_QUESTION']);
    expect(
      codes({
        question: wordProblem,
        calcul: 'douze plus cinq',
        correct_answer: '17',
        choices: ['17', '16', '18', '7'],
      }),
    ).toEqual(['CALCULATION_INVALID']);
    expect(
      codes({
        question: 'Combien font 6 × 7 ?',
        calcul: '',
        correct_answer: '42',
        choices: ['42', '48', '36', '13'],
      }),
    ).toEqual(['OPERATION_MISMATCH']);
  });

  it('uses the asked calculation, not a stated fact, and falls back on `calcul` when ambiguous', () => {
    const stated = 'Sachant que 3 + 4 = 7, combien font 3 + 5 ?';
    expect(findQuestionExpression(stated)).toMatchObject({ found: 'one', formula: '3+5' });
    expect(
      codes({ question: stated, calcul: '', correct_answer: '8', choices: ['8', '7', '9', '6'] }),
    ).toEqual([]);
    const two = 'Calcule 3 + 5 puis 4 + 4 : que remarques-tu ?';
    expect(findQuestionExpression(two)).toEqual({ found: 'ambiguous' });
    expect(
      codes({ question: two, calcul: '3 + 5', correct_answer: '8', choices: ['8', '7', '9', '6'] }),
    ).toEqual([]);
  });

  it('relies on `calcul` for geometry, word problems and "divers"', () => {
    const geometry = {
      question: 'Un rectangle mesure 8 cm × 5 cm. Quel est son périmètre, en cm ?',
      calcul: '2 × (8 + 5)',
      correct_answer: '26',
      choices: ['26', '40', '13', '30'],
      hint: 'Le périmètre, c’est le tour de la figure.',
    };
    expect(codes(geometry, 'GEOMETRIE')).toEqual([]);
    expect(codes({ ...geometry, calcul: '8 × 5' }, 'GEOMETRIE')).toEqual(['ANSWER_MISMATCH']);
    expect(codes({ ...geometry, calcul: '' }, 'GEOMETRIE')).toEqual(['CALCULATION_MISSING']);
  });

  it('checks the four choices: count, numbers, distinct values, answer present', () => {
    expect(codes({ choices: ['42', '32', '43'] })).toEqual(['CHOICES_COUNT']);
    expect(codes({ choices: ['42', '32', '43', 'quarante'] })).toEqual(['CHOICES_INVALID']);
    expect(codes({ choices: ['42', '42,0', '43', '52'] })).toEqual(['CHOICES_DUPLICATE']);
    expect(codes({ choices: ['41', '32', '43', '52'] })).toEqual(['CHOICES_MISSING_ANSWER']);
    expect(codes({ correct_answer: '42 cristaux' })).toEqual(['ANSWER_NOT_NUMBER']);
  });

  it('refuses texts that are empty, too long, English, or carry links, markup or code', () => {
    const cases: [Partial<AiExerciseOutput>, ContentProblemCode][] = [
      [{ hint: '' }, 'EMPTY'],
      [{ title: 'T'.repeat(121) }, 'TOO_LONG'],
      [
        { explanation: 'Add the units first, then the tens: what is the total of the numbers?' },
        'NOT_FRENCH',
      ],
      [{ explanation: 'Voir https://exemple.fr pour la méthode.' }, 'HAS_URL'],
      [{ explanation: 'Voir www.maths.com pour la méthode.' }, 'HAS_URL'],
      [{ explanation: 'On ajoute <b>les unités</b>.' }, 'HAS_MARKUP'],
      [{ explanation: 'On ajoute **les unités**.' }, 'HAS_MARKUP'],
      [{ explanation: 'On calcule \\frac{1}{2} de 84.' }, 'HAS_MARKUP'],
      [{ explanation: 'Regarde : ```27 + 15```' }, 'HAS_CODE'],
      [{ explanation: 'On ajoute\u0000 les unités.' }, 'HAS_CONTROL_CHARACTERS'],
    ];
    for (const [output, code] of cases) expect(codes(output), code).toEqual([code]);
    // Maths symbols are not markup.
    expect(codes({ explanation: 'Comme 3 < 5 et 7 > 2, on compare : 27 + 15 = 42.' })).toEqual([]);
  });

  it('refuses a hint that gives the answer away', () => {
    expect(codes({ hint: 'La réponse est 42.' })).toEqual(['HINT_REVEALS_ANSWER']);
    expect(codes({ hint: 'Pense à 420 moins quelque chose.' })).toEqual([]);
  });

  it('parses a `calcul` with its result written after it', () => {
    expect(parseCalculation('(12 + 8) × 3 = 60')?.value).toEqual({ p: 60, q: 1 });
    expect(parseCalculation('12 +')).toBeNull();
    expect(parseCalculation('12')).toBeNull();
    expect(parseCalculation('5 ÷ 0')).toBeNull();
  });
});

describe('property: the algorithmic generator passes, a wrong answer does not', () => {
  const TYPES: ExerciseType[] = ['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION', 'MIXTE'];
  for (const type of TYPES) {
    it(type, () => {
      for (const difficulty of DIFFICULTIES) {
        for (let seed = 1; seed <= 60; seed++) {
          const e = generateExercise(
            { type, difficulty, ageGroup: '9-11', themed: false },
            createRandom(seed),
          );
          const output: AiExerciseOutput = {
            title: e.title,
            question: e.question,
            calcul: '',
            correct_answer: e.correctAnswer,
            choices: e.choices,
            explanation: e.explanation,
            hint: e.hint,
          };
          const where = `${type} ${difficulty} seed ${seed}: ${e.question}`;
          expect(verifyGeneratedExercise(output, { exerciseType: type }), where).toEqual([]);
          const wrong = e.choices.find((c) => c !== e.correctAnswer) ?? '';
          const problems = verifyGeneratedExercise(
            { ...output, correct_answer: wrong },
            { exerciseType: type },
          ).map((p) => p.code);
          expect(problems, where).toContain('ANSWER_MISMATCH');
        }
      }
    });
  }
});
