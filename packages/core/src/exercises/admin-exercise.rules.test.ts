import { describe, expect, it } from 'vitest';

import {
  adminExerciseProblem,
  copyTitle,
  ADMIN_EXERCISE_MESSAGES as M,
} from './admin-exercise.rules.ts';

describe('adminExerciseProblem (the answer key agrees with the question)', () => {
  it('accepts an answer equal in value to the calculation the question asks for', () => {
    for (const [question, correctAnswer] of [
      ['Combien font 27 + 15 ?', '42'],
      ['Calcule 7,5 × 2', '15,0'],
      ['Combien font 1/4 + 1/4 ?', '2/4'],
    ] as const) {
      expect(
        adminExerciseProblem({ exerciseType: 'MIXTE', question, correctAnswer, choices: null }),
        question,
      ).toBeNull();
    }
  });

  it('refuses a key that contradicts the calculation, or is not a number', () => {
    const base = {
      exerciseType: 'ADDITION',
      question: 'Combien font 27 + 15 ?',
      choices: null,
    } as const;
    expect(adminExerciseProblem({ ...base, correctAnswer: '43' })).toBe(
      M.answerMismatch('43', '42'),
    );
    expect(adminExerciseProblem({ ...base, correctAnswer: 'beaucoup' })).toBe(
      M.answerNotNumber('42'),
    );
  });

  it('does not read calculations in word problems, geometry or texts', () => {
    expect(
      adminExerciseProblem({
        exerciseType: 'GEOMETRIE',
        question: 'Un rectangle de 8 × 5 cm : quel est son périmètre ?',
        correctAnswer: '26',
        choices: null,
      }),
    ).toBeNull();
  });

  it('checks the choices: distinct values containing the answer', () => {
    const base = { exerciseType: 'TEXTE', question: 'Capitale ?', correctAnswer: 'Berne' } as const;
    expect(adminExerciseProblem({ ...base, choices: ['berne ', 'Zurich'] })).toBeNull();
    expect(adminExerciseProblem({ ...base, choices: ['Zurich', 'Genève'] })).toBe(
      M.choicesMissingAnswer,
    );
    expect(adminExerciseProblem({ ...base, choices: ['Berne', 'BERNE'] })).toBe(M.choicesDuplicate);
  });

  it('titles a copy « … (copie) » within the column size', () => {
    expect(copyTitle('Original')).toBe('Original (copie)');
    expect(Array.from(copyTitle('é'.repeat(300), 255))).toHaveLength(255);
  });
});
