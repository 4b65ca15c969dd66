import { describe, expect, it } from 'vitest';

import type { LogicChallengeType } from '../../db/generated/enums.ts';
import {
  CHALLENGE_ANSWER_MAX_ITEMS,
  CHALLENGE_ANSWER_MAX_LENGTH,
  ZChallengeAnswer,
} from './answer-check.schemas.ts';
import {
  checkChallengeAnswer,
  isChallengeAnswerCorrect,
  selectAnswerBranch,
  type CheckableChallenge,
} from './check-answer.ts';

const challenge = (
  challengeType: LogicChallengeType,
  correctAnswer: string | null,
  visualData: unknown = null,
): CheckableChallenge => ({ challengeType, correctAnswer, visualData });

const ALL_TYPES: LogicChallengeType[] = [
  'SEQUENCE',
  'PATTERN',
  'VISUAL',
  'PUZZLE',
  'RIDDLE',
  'DEDUCTION',
  'PROBABILITY',
  'GRAPH',
  'CODING',
  'CHESS',
  'CUSTOM',
];

describe('selectAnswerBranch (§4.1)', () => {
  it.each([
    ['DEDUCTION', 'Emma:Chimie', 'deduction'],
    ['DEDUCTION', 'Emma = Chimie', 'deduction'],
    ['DEDUCTION', 'Emma', 'generic'],
    ['PROBABILITY', '1/2', 'probability'],
    ['CHESS', 'Dd8#', 'chess'],
    ['GRAPH', 'A-B', 'graph'],
    ['VISUAL', 'cercle rouge', 'visual'],
    ['PATTERN', 'X', 'visual'],
    ['SEQUENCE', 'a:b', 'generic'],
    ['PUZZLE', '1, 2', 'generic'],
    ['RIDDLE', 'un trou', 'generic'],
    ['CODING', 'JEDI', 'generic'],
    ['CUSTOM', '6', 'generic'],
  ] as const)('%s with %j → %s', (type, answer, branch) => {
    expect(selectAnswerBranch(type, answer)).toBe(branch);
  });
});

describe('checkChallengeAnswer', () => {
  it('judges a text answer and returns the text it checked', () => {
    expect(checkChallengeAnswer(challenge('SEQUENCE', '10'), ' 10 ')).toEqual({
      kind: 'judged',
      correct: true,
      answer: ' 10 ',
      branch: 'generic',
    });
    expect(checkChallengeAnswer(challenge('SEQUENCE', '10'), '12')).toMatchObject({
      kind: 'judged',
      correct: false,
    });
  });

  it('accepts a number or a flat list and judges their text', () => {
    expect(checkChallengeAnswer(challenge('SEQUENCE', '10'), 10)).toMatchObject({
      correct: true,
      answer: '10',
    });
    expect(checkChallengeAnswer(challenge('PROBABILITY', '1/2'), 0.5)).toMatchObject({
      correct: true,
      answer: '0.5',
    });
    expect(checkChallengeAnswer(challenge('GRAPH', 'A-B-C'), ['A', 'B', 'C'])).toMatchObject({
      correct: true,
      answer: 'A, B, C',
    });
    expect(checkChallengeAnswer(challenge('SEQUENCE', '0'), 0)).toMatchObject({ correct: true });
  });

  it.each([
    ['', 'EMPTY', 'Réponse requise'],
    [[], 'EMPTY', 'Réponse requise'],
    [[''], 'EMPTY', 'Réponse requise'],
    ['x'.repeat(CHALLENGE_ANSWER_MAX_LENGTH + 1), 'TOO_LONG', null],
    [Array.from({ length: CHALLENGE_ANSWER_MAX_ITEMS + 1 }, () => 'a'), 'TOO_LONG', null],
    [['x'.repeat(101)], 'TOO_LONG', null],
    [Array.from({ length: 30 }, () => 'x'.repeat(40)), 'TOO_LONG', null],
    ['a\u0000b', 'INVALID_CHARACTERS', null],
    ['\ud83d', 'INVALID_CHARACTERS', null],
    ['a\udc00', 'INVALID_CHARACTERS', null],
    [['ok', '\u0000'], 'INVALID_CHARACTERS', null],
    [null, 'NOT_TEXT', 'La réponse doit être un texte.'],
    [undefined, 'NOT_TEXT', null],
    [true, 'NOT_TEXT', null],
    [{ answer: '10' }, 'NOT_TEXT', null],
    [[['A']], 'NOT_TEXT', null],
    [[{ a: 1 }], 'NOT_TEXT', null],
    [[true], 'NOT_TEXT', null],
    [Number.NaN, 'NOT_TEXT', null],
    [Number.POSITIVE_INFINITY, 'NOT_TEXT', null],
  ])('refuses %j (%s), never throws', (answer, refusal, message) => {
    for (const type of ALL_TYPES) {
      const verdict = checkChallengeAnswer(challenge(type, '10'), answer);
      expect(verdict).toMatchObject({ kind: 'refused', refusal });
      if (message !== null) expect(verdict).toMatchObject({ message });
    }
  });

  it('refuses a deeply nested list without recursing into it', () => {
    let deep: unknown = 'a';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(checkChallengeAnswer(challenge('PUZZLE', 'a'), deep)).toMatchObject({
      kind: 'refused',
      refusal: 'NOT_TEXT',
    });
  });

  it('keeps a whitespace-only answer and judges it wrong (the legacy compared it too)', () => {
    for (const type of ALL_TYPES) {
      expect(checkChallengeAnswer(challenge(type, '10'), '   ')).toMatchObject({
        kind: 'judged',
        correct: false,
      });
    }
  });
});

describe('a challenge without a correct answer (the legacy compared with "None")', () => {
  it.each(ALL_TYPES)('%s: never solved by "None", "none" or a blank answer', (type) => {
    for (const stored of [null, '', '   ']) {
      for (const answer of ['None', 'none', ' ', '[]', 'null']) {
        expect(isChallengeAnswerCorrect(challenge(type, stored), answer)).toBe(false);
      }
    }
  });

  it('a pattern without an answer is still solvable from its grid', () => {
    const grid = {
      grid: [
        ['A', 'B', 'C'],
        ['B', 'C', 'A'],
        ['C', 'A', '?'],
      ],
    };
    expect(isChallengeAnswerCorrect(challenge('PATTERN', null, grid), 'B')).toBe(true);
    expect(isChallengeAnswerCorrect(challenge('PATTERN', null, grid), 'None')).toBe(false);
  });
});

describe('per-type checking through the entry', () => {
  it.each([
    ['SEQUENCE', '16', '16.0', '15'],
    ['PATTERN', 'O, O, X, O', 'o o x o', 'O, X, O, O'],
    ['VISUAL', 'cercle rouge', 'Rouge cercle', 'cercle bleu'],
    ['PUZZLE', '3, 1, 2', '3 1 2', '1, 2, 3'],
    ['RIDDLE', 'un trou', 'Le trou', 'un pont'],
    ['DEDUCTION', 'Emma:Chimie,Lucas:Info', 'lucas: info; emma: chimie', 'Emma:Info,Lucas:Chimie'],
    ['DEDUCTION', 'Lucas', 'lucas', 'Emma'],
    ['PROBABILITY', '3/4', '75 %', '1/4'],
    ['GRAPH', 'A-C-D', 'A → C → D', 'A-B-D'],
    ['CODING', 'ETOILE', 'étoile', 'ETOILES'],
    ['CHESS', 'Dh7#', 'Qh7#', 'Dg7'],
    ['CUSTOM', '6', 'six', '7'],
  ] as const)('%s: %j accepts %j, refuses %j', (type, stored, equivalent, wrong) => {
    expect(isChallengeAnswerCorrect(challenge(type, stored), stored)).toBe(true);
    expect(isChallengeAnswerCorrect(challenge(type, stored), equivalent)).toBe(type !== 'CUSTOM');
    expect(isChallengeAnswerCorrect(challenge(type, stored), wrong)).toBe(false);
  });
});

describe('ZChallengeAnswer', () => {
  it('turns every accepted shape into text', () => {
    expect(ZChallengeAnswer.parse('  Dd8# ')).toBe('  Dd8# ');
    expect(ZChallengeAnswer.parse(12)).toBe('12');
    expect(ZChallengeAnswer.parse(-0)).toBe('0');
    expect(ZChallengeAnswer.parse(['A', 2, 'C'])).toBe('A, 2, C');
  });
});
