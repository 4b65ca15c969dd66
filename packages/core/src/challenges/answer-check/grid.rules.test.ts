import { describe, expect, it } from 'vitest';

import { analyzeCell, answerFromGrid, GRID_MAX_SIDE, readGrid, type Grid } from './grid.rules.ts';

/** A 5×5 grid whose centre escapes the Latin square, checkerboard, mirror, row and column steps. */
const diagonalGrid = (d00: string, d11: string, a04: string, a13: string): Grid => [
  [d00, 'P', 'C', 'Q', a04],
  ['S', d11, 'D', a13, 'U'],
  ['A', 'B', '?', 'V', 'W'],
  ['Y', 'Z', 'E', '1', '2'],
  ['3', '4', 'F', '5', '6'],
];

describe('analyzeCell (§4.9)', () => {
  it('step 1: the one value missing from the row of a Latin square', () => {
    const grid = [
      ['A', 'B', 'C'],
      ['B', 'C', 'A'],
      ['C', 'A', '?'],
    ];
    expect(analyzeCell(grid, 2, 2)).toBe('B');
  });

  it('step 1: keeps the case of the first occurrence and ignores surrounding spaces', () => {
    expect(
      analyzeCell(
        [
          [' rouge ', 'Bleu'],
          ['BLEU', ' ? '],
        ],
        1,
        1,
      ),
    ).toBe('rouge');
  });

  it('step 1: the column when the row misses several values', () => {
    const grid = [
      ['A', 'B', 'C'],
      ['?', '?', 'A'],
      ['C', 'A', 'B'],
    ];
    expect(analyzeCell(grid, 1, 0)).toBe('B');
  });

  it('step 1: the one value missing from both the row and the column', () => {
    const grid = [
      ['?', '?', 'C', 'D'],
      ['A', 'C', 'D', 'B'],
      ['D', 'A', 'B', 'C'],
    ];
    expect(analyzeCell(grid, 0, 0)).toBe('B');
  });

  it('step 2: a checkerboard copies row 0 into row 2', () => {
    const grid = [
      ['X', 'O', 'X', 'O'],
      ['O', 'X', 'O', 'X'],
      ['X', '?', 'X', 'O'],
    ];
    expect(analyzeCell(grid, 2, 1)).toBe('O');
  });

  it('step 2: rows 1 and 3 of a checkerboard', () => {
    const grid = [
      ['X', 'O', 'X'],
      ['?', 'X', 'O'],
      ['X', 'O', 'X'],
      ['O', 'X', 'O'],
    ];
    expect(analyzeCell(grid, 1, 0)).toBe('O');
  });

  it('step 3: the mirrored cell', () => {
    expect(
      analyzeCell(
        [
          ['★', '★'],
          ['★', '?'],
        ],
        1,
        1,
      ),
    ).toBe('★');
  });

  it('step 4: the row heuristic on the third cell (X, O → X)', () => {
    expect(analyzeCell([['X', 'O', '?', '', '']], 0, 2)).toBe('X');
    expect(analyzeCell([['O', 'X', '?', '', '']], 0, 2)).toBe('O');
  });

  it('steps 6 and 7: the main and the anti-diagonal', () => {
    expect(analyzeCell(diagonalGrid('X', 'O', 'R', 'T'), 2, 2)).toBe('X');
    expect(analyzeCell(diagonalGrid('K', 'L', 'O', 'X'), 2, 2)).toBe('O');
    expect(analyzeCell(diagonalGrid('K', 'L', 'M', 'N'), 2, 2)).toBeNull();
  });

  it('never answers a blank cell (a Latin square missing only "")', () => {
    expect(analyzeCell([['X', '']], 0, 0)).toBeNull();
  });

  it('returns nothing outside the grid or for an empty grid', () => {
    expect(analyzeCell([], 0, 0)).toBeNull();
    expect(analyzeCell([['A', '?']], 1, 0)).toBeNull();
    expect(analyzeCell([['A', '?']], 0, 2)).toBeNull();
    expect(analyzeCell([['A', '?']], -1, 0)).toBeNull();
  });
});

describe('answerFromGrid (§4.8 step 1)', () => {
  it('joins the answers of every ? cell in reading order', () => {
    const grid = [
      ['A', 'B', '?'],
      ['B', '?', 'A'],
      ['C', 'A', 'B'],
    ];
    expect(answerFromGrid(grid)).toBe('C, C');
  });

  it('falls back to the first analysable ? when one cannot be analysed', () => {
    const grid = [['X', 'O', '?', '?', '?', 'Z', 'W']];
    expect(analyzeCell(grid, 0, 3)).toBeNull();
    expect(answerFromGrid(grid)).toBe('X');
  });

  it('is null without a ? cell or when nothing can be inferred', () => {
    expect(answerFromGrid([['A', 'B']])).toBeNull();
    expect(answerFromGrid([['?']])).toBeNull();
  });
});

describe('readGrid', () => {
  it('reads visual_data.grid, numbers as text and other cells as ""', () => {
    expect(readGrid({ grid: [['A', 1, null, true, { x: 1 }]], size: 5 })).toEqual([
      ['A', '1', '', '', ''],
    ]);
  });

  it.each([
    null,
    'grid',
    [],
    { grid: [] },
    { grid: 'A,B' },
    { grid: ['AB', 'CD'] },
    { other: [['A']] },
    { grid: Array.from({ length: GRID_MAX_SIDE + 1 }, () => ['A']) },
    { grid: [Array.from({ length: GRID_MAX_SIDE + 1 }, () => 'A')] },
  ])('is null for %j', (visualData) => {
    expect(readGrid(visualData)).toBeNull();
  });
});
