/**
 * Property tests over the answer normalisers and checkers: idempotence, equivalent spellings, and no
 * throw on any input (NUL, lone surrogates, astral characters, separators, deep JSON).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { LogicChallengeType } from '../../db/generated/enums.ts';
import { canonicalNumber, canonicalToken, foldText, toAnswerList } from './answer-text.rules.ts';
import { checkChallengeAnswer, isChallengeAnswerCorrect } from './check-answer.ts';
import { chessAnswerMatches } from './chess.rules.ts';
import { deductionAnswerMatches, parseAssociations } from './deduction.rules.ts';
import { genericAnswerMatches } from './generic.rules.ts';
import { graphAnswerMatches } from './graph.rules.ts';
import { analyzeCell, answerFromGrid, readGrid } from './grid.rules.ts';
import { probabilityAnswerMatches } from './probability.rules.ts';
import { normalizeShape } from './shape.rules.ts';

const TYPES: LogicChallengeType[] = [
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

/** Any UTF-16 code units, lone surrogates and NUL included. */
const codeUnits = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0, 0xd800, 0xdbff, 0xdc00, 0xdfff),
    ),
    { maxLength: 40 },
  )
  .map((codes) => String.fromCharCode(...codes));

/** Characters every checker gives a meaning to, so the parsers' branches are all explored. */
const SYNTAX = Array.from(' ,;:=/%-–→>[]{}\'"().!?#+x0123456789aBcdeDTFCRQKNOo?éÉœ\t\n\u00a0');
const syntaxString = fc
  .array(fc.constantFrom(...SYNTAX), { maxLength: 40 })
  .map((chars) => chars.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), codeUnits, syntaxString);

/** Words made of letters a French keyboard types, with their accented forms. */
const word = fc
  .array(fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyzéèêàçùôî')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((chars) => chars.join(''));

const randomCase = (text: string, flips: boolean[]): string =>
  Array.from(text)
    .map((ch, i) => (flips[i % flips.length] === true ? ch.toUpperCase() : ch))
    .join('');

const spaces = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');

describe('normalisers are idempotent and total', () => {
  it('foldText', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = foldText(raw);
        expect(foldText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('canonicalToken and canonicalNumber', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const token = canonicalToken(raw);
        expect(canonicalToken(token)).toBe(token);
        const number = canonicalNumber(raw);
        if (number !== null) expect(canonicalNumber(number)).toBe(number);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeShape', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizeShape(raw);
        expect(normalizeShape(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('toAnswerList gives tokens that are their own canonical form', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        for (const token of toAnswerList(raw)) {
          expect(token).not.toBe('');
          expect(canonicalToken(token)).toBe(token);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a parsed association set parses to itself through its JSON form', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const set = parseAssociations(raw);
        for (const key of set) expect(() => JSON.parse(key) as unknown).not.toThrow();
      }),
    );
  });
});

describe('no input makes a checker throw', () => {
  it('isChallengeAnswerCorrect on any answer, stored answer and visual_data, for every type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        anyText,
        fc.option(anyText, { nil: null }),
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ grid: fc.jsonValue({ maxDepth: 3 }) })),
        (type, answer, stored, visualData) => {
          const result = isChallengeAnswerCorrect(
            { challengeType: type, correctAnswer: stored, visualData },
            answer,
          );
          expect(typeof result).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('checkChallengeAnswer on any JSON-like value, deep nesting included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.anything({ maxDepth: 6 }), (type, raw) => {
        const verdict = checkChallengeAnswer({ challengeType: type, correctAnswer: '1' }, raw);
        expect(['judged', 'refused']).toContain(verdict.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('the grid analysis on any grid of strings', () => {
    const cell = fc.oneof(fc.constantFrom('X', 'O', '?', '', ' ', 'A', 'B', 'C', '??'), anyText);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }),
        fc.integer({ min: -1, max: 7 }),
        fc.integer({ min: -1, max: 7 }),
        (rows, r, c) => {
          const grid = readGrid({ grid: rows });
          if (grid === null) return;
          const value = analyzeCell(grid, r, c);
          if (value !== null) {
            expect(value.trim()).not.toBe('');
            expect(value).not.toContain('?');
          }
          const answer = answerFromGrid(grid);
          if (answer !== null) expect(answer).not.toContain('?');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('equivalent spellings are accepted', () => {
  it('generic: case, accents, surrounding spaces, separators and trailing punctuation', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        spaces,
        spaces,
        fc.constantFrom(', ', ',', ' ; ', ' , '),
        fc.constantFrom('', '.', ' !'),
        (words, flips, before, after, separator, ending) => {
          const stored = words.join(', ');
          const typed = `${before}${randomCase(words.join(separator), flips)}${after}${ending}`;
          expect(genericAnswerMatches(typed, stored)).toBe(true);
          expect(genericAnswerMatches(typed, `[${words.map((w) => `'${w}'`).join(',')}]`)).toBe(
            true,
          );
          expect(genericAnswerMatches(typed, foldText(stored))).toBe(true);
        },
      ),
    );
  });

  it('generic: a stored answer always matches itself once it has a token', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...TYPES), (stored, type) => {
        if (toAnswerList(stored).length === 0) return;
        if (['DEDUCTION', 'PROBABILITY', 'CHESS', 'GRAPH', 'VISUAL', 'PATTERN'].includes(type)) {
          return;
        }
        expect(
          isChallengeAnswerCorrect({ challengeType: type, correctAnswer: stored }, stored),
        ).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('generic: numbers compare by value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('.', ','),
        fc.nat({ max: 3 }),
        (whole, cents, separator, zeros) => {
          const stored = cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
          const sign = whole < 0 ? '-' : '';
          const typed = `${sign}${Math.abs(whole)}${separator}${String(cents).padStart(2, '0')}${'0'.repeat(zeros)}`;
          expect(genericAnswerMatches(typed, stored)).toBe(true);
          expect(genericAnswerMatches(String(whole + 1), stored)).toBe(false);
        },
      ),
    );
  });

  it('probability: equal fractions, decimals and percents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 2, max: 9 }),
        (q, pRaw, k) => {
          const p = pRaw % (q + 1);
          const stored = `${p}/${q}`;
          expect(probabilityAnswerMatches(`${p * k} / ${q * k}`, stored)).toBe(true);
          expect(probabilityAnswerMatches(`${p} sur ${q}`, stored)).toBe(true);
          const percent = (100 * p) / q;
          if (Number.isInteger(percent)) {
            expect(probabilityAnswerMatches(`${percent} %`, stored)).toBe(true);
            expect(probabilityAnswerMatches(String(percent / 100).replace('.', ','), stored)).toBe(
              true,
            );
          }
          expect(probabilityAnswerMatches(`${p + 1}/${q}`, stored)).toBe(false);
        },
      ),
    );
  });

  it('deduction: associations and their elements in any order and case', () => {
    const people = ['Emma', 'Lucas', 'Léa', 'Tom', 'Zoé'];
    const subjects = ['Chimie', 'Info', 'Maths', 'Musique', 'Sport'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(people, { minLength: 1 }),
        fc.shuffledSubarray(subjects, { minLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.boolean(),
        (who, what, flips, swap) => {
          const pairs = who.map((person, i) => [person, what[i] ?? ''] as const);
          const stored = pairs.map(([a, b]) => `${a}:${b}`).join(',');
          const typed = [...pairs]
            .reverse()
            .map(([a, b]) => (swap ? `${b} : ${a}` : `${a} = ${b}`))
            .join(' ; ');
          expect(deductionAnswerMatches(randomCase(typed, flips), stored)).toBe(true);
          if (pairs.length >= 2) {
            const wrong = pairs.map(([a], i) => `${a}:${pairs[(i + 1) % pairs.length]?.[1]}`);
            expect(deductionAnswerMatches(wrong.join(','), stored)).toBe(false);
          }
        },
      ),
    );
  });

  it('graph: a path with any separator, never reversed', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Array.from('ABCDEFGH'), { minLength: 2 }),
        fc.constantFrom(' - ', '-', ' → ', '->', ', ', ' '),
        (nodes, separator) => {
          const stored = nodes.join('-');
          expect(graphAnswerMatches(nodes.join(separator).toLowerCase(), stored)).toBe(true);
          expect(graphAnswerMatches([...nodes].reverse().join(separator), stored)).toBe(false);
          expect(graphAnswerMatches([...nodes].reverse().join(', '), nodes.join(', '))).toBe(true);
        },
      ),
    );
  });

  it('chess: a piece move in French, English or with figurines, with or without marks', () => {
    const pieces: [string, string, string][] = [
      ['D', 'Q', '♕'],
      ['T', 'R', '♖'],
      ['F', 'B', '♗'],
      ['C', 'N', '♘'],
      ['R', 'K', '♔'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...pieces),
        fc.constantFrom(...Array.from('abcdefgh')),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('', '+', '#', '!', 'x'),
        ([fr, en, fig], file, rank, mark) => {
          const square = `${file}${rank}`;
          const stored = `${fr}${square}#`;
          const typed = mark === 'x' ? `${en}x${square}` : `${en}${square}${mark}`;
          expect(chessAnswerMatches(typed, stored)).toBe(true);
          expect(chessAnswerMatches(`${fig}${square}`, stored)).toBe(true);
          expect(chessAnswerMatches(`${fr}${square}`, stored)).toBe(true);
          const otherRank = (rank % 8) + 1;
          expect(chessAnswerMatches(`${en}${file}${otherRank}`, stored)).toBe(false);
        },
      ),
    );
  });

  it('visual: a shape and a colour in either order, any case, plural', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('carré', 'cercle', 'triangle', 'losange', 'étoile', 'hexagone'),
        fc.constantFrom('rouge', 'bleu', 'vert', 'jaune', 'violet', 'noir'),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1 }),
        (shape, colour, reversed, flips) => {
          const stored = `${shape} ${colour}`;
          const typed = reversed ? `${colour} ${shape}s` : `${shape}s ${colour}s`;
          expect(
            isChallengeAnswerCorrect(
              { challengeType: 'VISUAL', correctAnswer: stored },
              randomCase(typed, flips),
            ),
          ).toBe(true);
        },
      ),
    );
  });
});
