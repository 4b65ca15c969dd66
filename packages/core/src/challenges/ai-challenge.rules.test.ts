import { describe, expect, it } from 'vitest';

import type { AiChallengeType } from '../kernel/ai.ts';
import {
  normalizeChallengeDifficulty,
  predictNextTerm,
  verifyGeneratedChallenge,
  ZAiChallengeOutput,
  type AiChallengeOutput,
} from './ai-challenge.rules.ts';

const sequence: AiChallengeOutput = {
  title: 'Les balises de la station',
  description: 'Des balises lumineuses clignotent le long de la station spatiale, selon une règle.',
  question: 'Quel nombre doit afficher la balise suivante ?',
  correct_answer: '11',
  solution_explanation: 'On ajoute 2 à chaque fois : 3, 5, 7, 9 puis 9 + 2 = 11.',
  hints: [
    'Regarde de combien on avance entre deux balises.',
    "L'écart est toujours le même.",
    'Ajoute cet écart au dernier nombre.',
  ],
  visual_data: { sequence: [3, 5, 7, 9], pattern: 'plus 2' },
  difficulty_rating: 2.5,
};

const codes = (
  output: Partial<AiChallengeOutput>,
  challengeType: AiChallengeType = 'sequence',
  answerAccepted?: (o: AiChallengeOutput) => boolean,
) =>
  verifyGeneratedChallenge({ ...sequence, ...output }, { challengeType, answerAccepted }).map(
    (p) => p.code,
  );

describe('ZAiChallengeOutput', () => {
  it('accepts the legacy shapes leniently', () => {
    const parsed = ZAiChallengeOutput.parse({
      title: 'T',
      correct_answer: 11,
      hints: 'Un seul indice',
      difficulty_rating: '3,5',
    });
    expect(parsed).toMatchObject({
      title: 'T',
      description: '',
      correct_answer: '11',
      hints: ['Un seul indice'],
      visual_data: {},
      difficulty_rating: 3.5,
    });
    expect(ZAiChallengeOutput.parse({ difficulty_rating: 'dur' }).difficulty_rating).toBeNull();
    expect(ZAiChallengeOutput.parse({}).difficulty_rating).toBeNull();
  });

  it('refuses visual_data that is not an object', () => {
    expect(ZAiChallengeOutput.safeParse({ visual_data: [1, 2] }).success).toBe(false);
    expect(ZAiChallengeOutput.safeParse({ visual_data: 'grille' }).success).toBe(false);
  });
});

describe('predictNextTerm', () => {
  it('finds the one simple rule, or gives up', () => {
    expect(predictNextTerm([3, 5, 7, 9])).toBe(11);
    expect(predictNextTerm([1, 2, 4, 7, 11])).toBe(16);
    expect(predictNextTerm([2, 6, 18])).toBe(54);
    expect(predictNextTerm([1, 1, 2, 3, 5])).toBe(8);
    expect(predictNextTerm([1.5, 2, 2.5])).toBe(3);
    expect(predictNextTerm([4, 4, 4])).toBe(4);
    expect(predictNextTerm([1, 4, 9, 16])).toBeNull();
    expect(predictNextTerm([1, 2])).toBeNull();
  });
});

describe('verifyGeneratedChallenge', () => {
  it('accepts a consistent sequence challenge', () => {
    expect(codes({})).toEqual([]);
  });

  it('recomputes the next term of a sequence', () => {
    expect(codes({ correct_answer: '12' })).toEqual(['ANSWER_MISMATCH']);
    // An unexplained rule is not second-guessed.
    expect(codes({ visual_data: { sequence: [1, 4, 9, 16] }, correct_answer: '25' })).toEqual([]);
    expect(codes({ visual_data: { sequence: [1, 'deux'] } })).toEqual(['VISUAL_DATA_INVALID']);
  });

  it('checks the data each type needs', () => {
    const cases: [AiChallengeType, Record<string, unknown>, boolean][] = [
      [
        'pattern',
        {
          grid: [
            ['A', 'B'],
            ['B', '?'],
          ],
        },
        true,
      ],
      [
        'pattern',
        {
          grid: [
            ['A', 'B'],
            ['B', 'A'],
          ],
        },
        false,
      ],
      [
        'graph',
        {
          nodes: ['A', 'B', 'C'],
          edges: [
            ['A', 'B'],
            ['B', 'C'],
          ],
        },
        true,
      ],
      ['graph', { nodes: ['A', 'B'], edges: [['A', 'Z']] }, false],
      ['graph', { nodes: [1, 2], edges: [[1, 2]] }, true],
      [
        'deduction',
        { entities: { enfant: ['Léa', 'Tom'], fruit: ['pomme', 'kiwi'] }, clues: ['…'] },
        true,
      ],
      ['deduction', { entities: { enfant: ['Léa'] }, clues: [] }, false],
      ['probability', { rouge_bonbons: 3, bleu_bonbons: '5', total: 8 }, true],
      ['probability', { total: 8, description: 'sac' }, false],
      ['coding', { type: 'caesar', encoded_message: 'DQH', shift: 3 }, true],
      ['coding', { numbers: [1, 2] }, false],
      ['puzzle', { pieces: ['a', 'b'] }, true],
      ['puzzle', { description: 'ranger' }, false],
      ['riddle', { clues: ['Je suis pair'] }, true],
      ['riddle', {}, false],
      ['visual', { shapes: ['cercle rouge'] }, true],
      ['visual', {}, false],
    ];
    for (const [type, visualData, ok] of cases) {
      // The data alone: the answer checker is the next test's subject.
      const problems = codes({ visual_data: visualData, correct_answer: 'A' }, type, () => true);
      expect(problems, `${type} ${JSON.stringify(visualData)}`).toEqual(
        ok ? [] : ['VISUAL_DATA_INVALID'],
      );
    }
  });

  it('runs the challenge answer checker on the challenge’s own answer by default', () => {
    const grid = [
      ['carré', 'cercle', 'carré'],
      ['cercle', 'carré', 'cercle'],
      ['carré', 'cercle', '?'],
    ];
    const pattern = (answer: string) =>
      codes({ visual_data: { grid }, correct_answer: answer }, 'pattern');
    expect(pattern('carré')).toEqual([]);
    // The grid implies « carré »: any other answer contradicts the data the learner sees.
    expect(pattern('cercle')).toEqual(['ANSWER_REJECTED']);
    const probability = (answer: string) =>
      codes({ visual_data: { rouge: 3, bleu: 5 }, correct_answer: answer }, 'probability');
    expect(probability('3/8')).toEqual([]);
    expect(probability('37,5 %')).toEqual([]);
    expect(probability('rouge')).toEqual(['ANSWER_REJECTED']);
    expect(probability('9/8')).toEqual(['ANSWER_REJECTED']);
    const graph = (answer: string) =>
      codes(
        {
          visual_data: {
            nodes: ['A', 'B', 'C'],
            edges: [
              ['A', 'B'],
              ['B', 'C'],
            ],
          },
          correct_answer: answer,
        },
        'graph',
      );
    expect(graph('A-B-C')).toEqual([]);
    expect(graph('2')).toEqual([]);
    expect(graph('A-Z-C')).toEqual(['ANSWER_REJECTED']);
    const deduction = (answer: string) =>
      codes(
        {
          visual_data: {
            entities: { enfant: ['Léa', 'Tom'], fruit: ['pomme', 'kiwi'] },
            clues: ['…'],
          },
          correct_answer: answer,
        },
        'deduction',
      );
    expect(deduction('Léa:pomme, Tom:kiwi')).toEqual([]);
    expect(deduction(':')).toEqual(['ANSWER_REJECTED']);
  });

  it('checks a chess board strictly', () => {
    const empty = (): string[][] => Array.from({ length: 8 }, () => Array<string>(8).fill(''));
    const board = empty();
    (board[0] ?? [])[4] = 'k';
    (board[7] ?? [])[4] = 'K';
    const chess = { board, turn: 'white', objective: 'mat_en_1' };
    expect(codes({ visual_data: chess, correct_answer: 'Dd8' }, 'chess')).toEqual([]);
    expect(
      codes({ visual_data: { ...chess, turn: 'blanc' }, correct_answer: 'Dd8' }, 'chess'),
    ).toEqual(['VISUAL_DATA_INVALID']);
    expect(
      codes({ visual_data: { ...chess, board: board.slice(1) }, correct_answer: 'Dd8' }, 'chess'),
    ).toEqual(['VISUAL_DATA_INVALID']);
    const bad = empty();
    (bad[3] ?? [])[3] = 'X';
    expect(
      codes({ visual_data: { ...chess, board: bad }, correct_answer: 'Dd8' }, 'chess'),
    ).toEqual(['VISUAL_DATA_INVALID']);
  });

  it('checks texts, hints and the size of visual_data', () => {
    expect(codes({ solution_explanation: '' })).toEqual(['EMPTY']);
    expect(codes({ correct_answer: '' })).toEqual(['EMPTY']);
    expect(codes({ hints: [] })).toEqual(['HINTS_COUNT']);
    expect(codes({ hints: ['Indice un.', 'La réponse est 11.'] })).toEqual(['HINT_REVEALS_ANSWER']);
    expect(codes({ description: '<script>alert(1)</script> une station' })).toEqual(['HAS_MARKUP']);
    expect(
      codes({
        question: 'What is the next number in this sequence of beacons, and how do you find it?',
      }),
    ).toEqual(['NOT_FRENCH']);
    expect(codes({ visual_data: { sequence: [3, 5, 7, 9], filler: 'x'.repeat(20_001) } })).toEqual([
      'VISUAL_DATA_INVALID',
    ]);
  });

  it('checks optional choices and asks the answer checker', () => {
    expect(codes({ choices: ['11', '12', '13'] })).toEqual([]);
    expect(codes({ choices: ['10', '12', '13'] })).toEqual(['CHOICES_MISSING_ANSWER']);
    expect(codes({ choices: ['11', ' 11 ', '13'] })).toEqual(['CHOICES_DUPLICATE']);
    expect(codes({}, 'sequence', () => false)).toEqual(['ANSWER_REJECTED']);
    expect(codes({}, 'sequence', (o) => o.correct_answer === '11')).toEqual([]);
  });
});

describe('normalizeChallengeDifficulty (§5.6)', () => {
  const rate = (
    rating: number | null,
    age: Parameters<typeof normalizeChallengeDifficulty>[2],
    type: AiChallengeType = 'sequence',
    grid?: unknown[][],
  ) =>
    normalizeChallengeDifficulty(
      { difficulty_rating: rating, visual_data: grid ? { grid } : {} },
      type,
      age,
    );

  it('keeps a plausible rating, else uses the age group’s', () => {
    expect(rate(2.8, '9-11')).toBe(2.8);
    expect(rate(4.5, '6-8')).toBe(1.5);
    expect(rate(7, '12-14')).toBe(3.5);
    expect(rate(null, '15-17')).toBe(4);
    expect(rate(3.2, 'adulte')).toBe(4);
    expect(rate(4.2, 'tous-ages')).toBe(2.5);
  });

  it('caps an easy pattern grid at 3', () => {
    expect(rate(3.8, '12-14', 'pattern', [['A', '?']])).toBe(3);
    expect(rate(3.8, '12-14', 'pattern', [['?', '?']])).toBe(3.8);
  });
});
