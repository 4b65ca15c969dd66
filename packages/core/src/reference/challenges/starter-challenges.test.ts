import { describe, expect, it } from 'vitest';

import {
  answerFromGrid,
  checkChallengeAnswer,
  foldText,
  isChallengeAnswerCorrect,
  normalizeShape,
  parsePositions,
  readGrid,
} from '../../challenges/index.ts';
import type { AgeGroup } from '../../db/generated/enums.ts';
import { starterRevision } from './apply-starter-challenges.ts';
import type { JsonValue, StarterChallenge } from './starter-challenge.types.ts';
import { STARTER_CHALLENGES } from './starter-challenges.ts';

const TYPES = [
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
] as const;
const AGE_GROUPS: AgeGroup[] = [
  'GROUP_6_8',
  'GROUP_9_11',
  'GROUP_12_14',
  'GROUP_15_17',
  'ADULT',
  'ALL_AGES',
];
const AGE_SLUGS: Record<AgeGroup, string> = {
  GROUP_6_8: '6-8',
  GROUP_9_11: '9-11',
  GROUP_12_14: '12-14',
  GROUP_15_17: '15-17',
  ADULT: 'adulte',
  ALL_AGES: 'tous-ages',
};

const judge = (def: StarterChallenge, answer: unknown) =>
  checkChallengeAnswer(
    {
      challengeType: def.challengeType,
      correctAnswer: def.correctAnswer,
      visualData: def.visualData,
    },
    answer,
  );

const isRecord = (value: JsonValue | undefined): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: JsonValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The folded answer appears as a whole word / phrase in the folded text. */
const mentions = (text: string, answer: string): boolean => {
  const needle = foldText(answer);
  const haystack = foldText(text);
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    const before = haystack.charAt(from - 1);
    const after = haystack.charAt(from + needle.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = haystack.indexOf(needle, from + 1);
  }
  return false;
};

describe('starter catalogue', () => {
  it('has at least 40 challenges with unique, well-formed, stable keys', () => {
    expect(STARTER_CHALLENGES.length).toBeGreaterThanOrEqual(40);
    const keys = STARTER_CHALLENGES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const def of STARTER_CHALLENGES) {
      expect(def.key, def.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(
        def.key.startsWith(`${def.challengeType.toLowerCase()}-${AGE_SLUGS[def.ageGroup]}-`),
        def.key,
      ).toBe(true);
    }
  });

  it('covers every type × every age group', () => {
    for (const type of TYPES) {
      for (const age of AGE_GROUPS) {
        const found = STARTER_CHALLENGES.filter(
          (c) => c.challengeType === type && c.ageGroup === age,
        );
        expect(found.length, `${type} × ${age}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('gives every challenge texts, 1–3 graded hints, an explanation and sane difficulty fields', () => {
    for (const def of STARTER_CHALLENGES) {
      for (const text of [
        def.title,
        def.description,
        def.question,
        def.solutionExplanation,
        def.tags,
      ]) {
        expect(text.trim(), def.key).not.toBe('');
      }
      expect(def.title.length, def.key).toBeLessThanOrEqual(255);
      expect(def.correctAnswer.length, def.key).toBeLessThanOrEqual(255);
      expect(def.hints.length, def.key).toBeGreaterThanOrEqual(1);
      expect(def.hints.length, def.key).toBeLessThanOrEqual(3);
      expect(new Set(def.hints).size, def.key).toBe(def.hints.length);
      for (const hint of def.hints) expect(hint.trim().length, def.key).toBeGreaterThan(10);
      expect(def.difficultyRating, def.key).toBeGreaterThanOrEqual(1);
      expect(def.difficultyRating, def.key).toBeLessThanOrEqual(5);
      expect(
        Number.isInteger(def.estimatedTimeMinutes) && def.estimatedTimeMinutes > 0,
        def.key,
      ).toBe(true);
      expect(JSON.parse(JSON.stringify(def.visualData)), def.key).toEqual(def.visualData);
    }
  });

  it('rates adult challenges at least 4.0 and the youngest below 2.0 (spec §2.3, §5.6)', () => {
    for (const def of STARTER_CHALLENGES) {
      if (def.ageGroup === 'ADULT') expect(def.difficultyRating, def.key).toBeGreaterThanOrEqual(4);
      if (def.ageGroup === 'GROUP_6_8') expect(def.difficultyRating, def.key).toBeLessThan(2);
    }
  });

  describe.each(STARTER_CHALLENGES.map((def) => [def.key, def] as const))('%s', (_, def) => {
    it('is solved by its stored answer and a typical other spelling, not by a plausible mistake', () => {
      // A chess answer may list several accepted lines (`|`): each one is an answer.
      const stored =
        def.challengeType === 'CHESS' ? def.correctAnswer.split('|') : [def.correctAnswer];
      for (const answer of stored) {
        expect(judge(def, answer.trim()), answer).toMatchObject({ kind: 'judged', correct: true });
      }
      expect(def.checks.equivalent).not.toBe(def.correctAnswer);
      expect(judge(def, def.checks.equivalent)).toMatchObject({ kind: 'judged', correct: true });
      expect(judge(def, def.checks.wrong)).toMatchObject({ kind: 'judged', correct: false });
    });

    it('does not give the answer away in its question or hints', () => {
      const answers =
        def.challengeType === 'CHESS' ? def.correctAnswer.split('|') : [def.correctAnswer];
      for (const answer of answers.map((a) => a.trim())) {
        if (foldText(answer).length < 2) continue;
        for (const text of [def.question, ...def.hints]) {
          expect(mentions(text, answer), `${def.key}: « ${text} » contains « ${answer} »`).toBe(
            false,
          );
        }
      }
    });

    it('offers choices only with exactly one right option', () => {
      if (def.choices === null) return;
      expect(def.choices.length).toBeGreaterThanOrEqual(2);
      expect(new Set(def.choices.map(foldText)).size).toBe(def.choices.length);
      expect(def.choices).toContain(def.correctAnswer);
      const right = def.choices.filter((choice) =>
        isChallengeAnswerCorrect(
          {
            challengeType: def.challengeType,
            correctAnswer: def.correctAnswer,
            visualData: def.visualData,
          },
          choice,
        ),
      );
      expect(right).toEqual([def.correctAnswer]);
    });

    it('has a revision that depends on its content', () => {
      expect(starterRevision(def)).toMatch(/^[0-9a-f]{16}$/);
      expect(starterRevision({ ...def, title: `${def.title}!` })).not.toBe(starterRevision(def));
    });
  });
});

describe('starter catalogue visual_data (spec §2.5 shapes)', () => {
  const ofType = (type: (typeof TYPES)[number]) =>
    STARTER_CHALLENGES.filter((c) => c.challengeType === type);

  it('sequence: numbers, and a rule text only below difficulty 4', () => {
    for (const def of ofType('SEQUENCE')) {
      const sequence = def.visualData.sequence;
      expect(Array.isArray(sequence) && sequence.length >= 3, def.key).toBe(true);
      expect(
        (sequence as JsonValue[]).every((n) => typeof n === 'number'),
        def.key,
      ).toBe(true);
      if (def.difficultyRating >= 4) expect(def.visualData.pattern, def.key).toBeUndefined();
    }
  });

  it('pattern: a grid of strings with ? cells, whose analysis agrees with the stored answer', () => {
    for (const def of ofType('PATTERN')) {
      const grid = readGrid(def.visualData);
      expect(grid, def.key).not.toBeNull();
      expect(
        grid?.flat().some((cell) => cell === '?'),
        def.key,
      ).toBe(true);
      expect(def.visualData.size, def.key).toBe(grid?.[0]?.length);
      const inferred = grid === null ? null : answerFromGrid(grid);
      expect(inferred?.toLowerCase(), def.key).toBe(def.correctAnswer.toLowerCase());
    }
  });

  it('visual: symmetry layout, shapes or ascii; every shape of the answer is visible elsewhere', () => {
    for (const def of ofType('VISUAL')) {
      const { layout, shapes, ascii } = def.visualData;
      expect(
        Array.isArray(layout) || Array.isArray(shapes) || typeof ascii === 'string',
        def.key,
      ).toBe(true);
      if (def.visualData.type === 'symmetry') {
        const cells = (layout as JsonValue[]).filter(isRecord);
        expect(
          cells.some((c) => c.side === 'left') && cells.some((c) => c.side === 'right'),
          def.key,
        ).toBe(true);
        expect(
          cells.some((c) => c.question === true),
          def.key,
        ).toBe(true);
        const left = cells.filter((c) => c.side === 'left');
        const right = cells.filter((c) => c.side === 'right');
        expect(right.length, def.key).toBe(left.length);
        // The right side mirrors the left: right[i] = left[n - 1 - i], `?` cells excepted.
        right.forEach((cell, i) => {
          const mirror = left[left.length - 1 - i];
          if (cell.question !== true)
            expect([cell.shape, cell.color], def.key).toEqual([mirror?.shape, mirror?.color]);
        });
      }
      if (typeof ascii === 'string') continue;
      const visible = new Set(
        strings(shapes)
          .filter((s) => s !== '?')
          .map(normalizeShape),
      );
      for (const { answer } of parsePositions(def.correctAnswer)) {
        expect(visible.has(answer), `${def.key}: ${answer}`).toBe(true);
      }
    }
  });

  it('puzzle: pieces shown out of order, each used once by the answer', () => {
    for (const def of ofType('PUZZLE')) {
      const pieces = strings(def.visualData.pieces);
      expect(pieces.length, def.key).toBeGreaterThanOrEqual(3);
      expect(strings(def.visualData.rules).length, def.key).toBeGreaterThanOrEqual(1);
      const answer = def.correctAnswer.split(',').map((p) => p.trim());
      expect([...answer].sort(), def.key).toEqual([...pieces].sort());
      expect(answer, def.key).not.toEqual(pieces);
      expect(
        isChallengeAnswerCorrect(
          { challengeType: 'PUZZLE', correctAnswer: def.correctAnswer },
          pieces.join(','),
        ),
        def.key,
      ).toBe(false);
    }
  });

  it('riddle: the riddle, a context and clues', () => {
    for (const def of ofType('RIDDLE')) {
      expect(typeof def.visualData.riddle, def.key).toBe('string');
      expect(typeof def.visualData.context, def.key).toBe('string');
      expect(strings(def.visualData.clues).length, def.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('deduction: a logic grid whose answer gives each entity one value of every other category', () => {
    for (const def of ofType('DEDUCTION')) {
      expect(def.visualData.type, def.key).toBe('logic_grid');
      const entities = def.visualData.entities;
      expect(isRecord(entities), def.key).toBe(true);
      const categories = Object.values(entities as Record<string, JsonValue>).map(strings);
      const [primary = [], ...others] = categories;
      const rows = def.correctAnswer.split(',').map((row) => row.split(':'));
      expect(rows.map((r) => r[0]).sort(), def.key).toEqual([...primary].sort());
      others.forEach((values, i) => {
        expect(rows.map((r) => r[i + 1]).sort(), def.key).toEqual([...values].sort());
      });
      expect(strings(def.visualData.clues).length, def.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('probability: at least one positive count', () => {
    for (const def of ofType('PROBABILITY')) {
      const counts = Object.entries(def.visualData).filter(
        ([key, value]) => typeof value === 'number' && value > 0 && !key.includes('total'),
      );
      expect(counts.length, def.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('graph: nodes, edges between known nodes, a position for every node on the 0–200 scale', () => {
    for (const def of ofType('GRAPH')) {
      const nodes = strings(def.visualData.nodes);
      const edges = def.visualData.edges;
      expect(Array.isArray(edges), def.key).toBe(true);
      for (const edge of edges as JsonValue[]) {
        expect(Array.isArray(edge), def.key).toBe(true);
        const [from, to] = edge as JsonValue[];
        expect(nodes, def.key).toContain(from);
        expect(nodes, def.key).toContain(to);
      }
      const positions = def.visualData.positions as Record<string, JsonValue>;
      for (const node of nodes) {
        const pos = positions[node] as number[];
        expect(pos, `${def.key} ${node}`).toHaveLength(2);
        for (const coordinate of pos)
          expect(coordinate >= 0 && coordinate <= 200, def.key).toBe(true);
      }
    }
  });

  it('coding: one of the rendered types', () => {
    for (const def of ofType('CODING')) {
      expect(
        ['caesar', 'substitution', 'binary', 'symbols', 'algorithm', 'maze'],
        def.key,
      ).toContain(def.visualData.type);
    }
  });

  it('chess: an 8 × 8 board of valid pieces, a side to move and an objective', () => {
    for (const def of ofType('CHESS')) {
      const board = def.visualData.board as JsonValue[][];
      expect(board, def.key).toHaveLength(8);
      for (const row of board) {
        expect(row, def.key).toHaveLength(8);
        for (const cell of row)
          expect(['', ...Array.from('KQRBNPkqrbnp')], def.key).toContain(cell);
      }
      expect(['white', 'black'], def.key).toContain(def.visualData.turn);
      expect(['mat_en_1', 'mat_en_2', 'mat_en_3', 'meilleur_coup'], def.key).toContain(
        def.visualData.objective,
      );
    }
  });
});
