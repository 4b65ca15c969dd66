import { describe, expect, it } from 'vitest';

import {
  formatDecimal,
  formatHundredths,
  formatRational,
  reduce,
  toFrench,
} from '../../lib/rational.ts';
import { evaluateFormula, FORMULAS, renderFormula } from './formula.ts';
import {
  answerKindOf,
  parseGenerationParams,
  recomputeAnswer,
  type GenerationParams,
} from './params.ts';

const cases: [GenerationParams, string, string][] = [
  [{ kind: 'addition', operands: [12, 30] }, '42', 'integer'],
  [{ kind: 'subtraction', operands: [50, 8] }, '42', 'integer'],
  [{ kind: 'multiplication', operands: [6, 7] }, '42', 'integer'],
  [{ kind: 'division', operands: [84, 2] }, '42', 'integer'],
  [{ kind: 'expression', formula: '(a+b)*c', operands: [4, 3, 6] }, '42', 'integer'],
  [{ kind: 'expression', formula: 'a+b*c', operands: [4, 3, 6] }, '22', 'integer'],
  [{ kind: 'expression', formula: 'a/b+c', operands: [12, 4, 5] }, '8', 'integer'],
  [{ kind: 'expression', formula: '(a*b)/c', operands: [6, 4, 3] }, '8', 'integer'],
  [{ kind: 'expression', formula: 'a*b+c*d', operands: [2, 3, 4, 5] }, '26', 'integer'],
  [
    { kind: 'word_problem', scenario: 'x', formula: 'a+a*b/100', operands: [40, 25] },
    '50',
    'integer',
  ],
  [
    { kind: 'word_problem', scenario: 'x', formula: '(a-b)/c', operands: [27, 1, 2] },
    '13',
    'integer',
  ],
  [{ kind: 'sequence', rule: 'arithmetic', start: 3, step: 4, shown: 4 }, '19', 'integer'],
  [{ kind: 'sequence', rule: 'geometric', start: 2, step: 3, shown: 4 }, '162', 'integer'],
  [{ kind: 'comparison', operands: [19, 91] }, '91', 'integer'],
  [{ kind: 'average', values: [10, 20, 36] }, '22', 'integer'],
  [
    { kind: 'fraction_identify', numerator: 2, denominator: 4, answerForm: 'value' },
    '2/4',
    'fraction',
  ],
  [
    { kind: 'fraction_op', op: 'add', a: [1, 2], b: [1, 3], answerForm: 'value' },
    '5/6',
    'fraction',
  ],
  [
    { kind: 'fraction_op', op: 'sub', a: [3, 4], b: [1, 4], answerForm: 'simplified' },
    '1/2',
    'fraction',
  ],
  [
    { kind: 'fraction_op', op: 'mul', a: [2, 3], b: [3, 4], answerForm: 'value' },
    '1/2',
    'fraction',
  ],
  [
    { kind: 'fraction_op', op: 'div', a: [3, 4], b: [3, 8], answerForm: 'simplified' },
    '2',
    'fraction',
  ],
  [{ kind: 'probability', favorable: 3, total: 12, answerForm: 'value' }, '1/4', 'fraction'],
  [{ kind: 'square_perimeter', side: 7 }, '28', 'integer'],
  [{ kind: 'square_area', side: 7 }, '49', 'integer'],
  [{ kind: 'cube_volume', side: 3 }, '27', 'integer'],
  [{ kind: 'rectangle_perimeter', length: 5, width: 3 }, '16', 'integer'],
  [{ kind: 'rectangle_area', length: 5, width: 3 }, '15', 'integer'],
  [{ kind: 'cuboid_volume', length: 2, width: 3, height: 4 }, '24', 'integer'],
  [{ kind: 'triangle_area', base: 5, height: 7 }, '17.5', 'decimal'],
  [{ kind: 'triangle_area', base: 4, height: 5 }, '10', 'decimal'],
  [{ kind: 'triangle_perimeter', sides: [3, 5, 7] }, '15', 'integer'],
  [{ kind: 'right_triangle_perimeter', legs: [6, 8] }, '24', 'integer'],
  [{ kind: 'circle_perimeter', radius: 5, pi: 3.14 }, '31.4', 'decimal'],
  [{ kind: 'circle_area', radius: 8, pi: 3.14 }, '200.96', 'decimal'],
  [{ kind: 'circle_perimeter', radius: 8, pi: 3 }, '48', 'decimal'],
];

describe('recomputeAnswer', () => {
  it.each(cases)('%j → %s (%s)', (params, answer, kind) => {
    expect(recomputeAnswer(params)).toBe(answer);
    expect(answerKindOf(params)).toBe(kind);
    expect(parseGenerationParams(JSON.parse(JSON.stringify(params)))).toEqual(params);
  });

  it('uses the stated π, not Math.PI (legacy gave 50.27 for r = 8)', () => {
    expect(recomputeAnswer({ kind: 'circle_perimeter', radius: 8, pi: 3.14 })).toBe('50.24');
  });

  it('throws on params no generator produces', () => {
    expect(() => recomputeAnswer({ kind: 'division', operands: [7, 2] })).toThrow(RangeError);
    expect(() => recomputeAnswer({ kind: 'division', operands: [7, 0] })).toThrow(RangeError);
    expect(() => recomputeAnswer({ kind: 'expression', formula: 'a/b', operands: [7, 2] })).toThrow(
      RangeError,
    );
    expect(() =>
      recomputeAnswer({ kind: 'expression', formula: 'a+b+c', operands: [1, 2] }),
    ).toThrow(RangeError);
    expect(() => recomputeAnswer({ kind: 'right_triangle_perimeter', legs: [2, 3] })).toThrow(
      RangeError,
    );
    expect(() => recomputeAnswer({ kind: 'average', values: [1, 2] })).toThrow(RangeError);
    expect(() => recomputeAnswer({ kind: 'circle_area', radius: 2, pi: Math.PI })).toThrow(
      RangeError,
    );
  });
});

describe('parseGenerationParams', () => {
  it('ignores the stored seed and version', () => {
    expect(
      parseGenerationParams({ kind: 'addition', operands: [1, 2], seed: 'x', version: 1 }),
    ).toEqual({
      kind: 'addition',
      operands: [1, 2],
    });
  });

  it.each([
    null,
    42,
    'addition',
    {},
    { kind: 'nope' },
    { kind: 'addition', operands: [1] },
    { kind: 'addition', operands: [1.5, 2] },
    { kind: 'expression', formula: 'a^b', operands: [1, 2] },
    { kind: 'fraction_op', op: 'add', a: [1, 0], b: [1, 2], answerForm: 'value' },
    { kind: 'fraction_op', op: 'add', a: [1, 2], b: [1, 2], answerForm: 'exact' },
    { kind: 'square_area', side: -1 },
  ])('rejects %j', (value) => {
    expect(parseGenerationParams(value)).toBeNull();
  });
});

describe('formula', () => {
  it('every formula parses and renders with its letters replaced', () => {
    for (const formula of FORMULAS) {
      const operands = [40, 5, 4, 2];
      const rendered = renderFormula(formula, operands);
      expect(rendered).not.toMatch(/[abcd]/);
      expect(evaluateFormula(formula, operands)).not.toBeNull();
    }
  });

  it('respects precedence and parentheses, and records the steps in order', () => {
    const r = evaluateFormula('a+b*c', [2, 3, 4]);
    expect(r?.value).toEqual({ p: 14, q: 1 });
    expect(r?.steps.map((s) => formatRational(s.result))).toEqual(['12', '14']);
    expect(evaluateFormula('(a+b)*c', [2, 3, 4])?.value).toEqual({ p: 20, q: 1 });
    expect(evaluateFormula('a-b-c', [10, 3, 2])?.value).toEqual({ p: 5, q: 1 });
    expect(evaluateFormula('a/b', [1, 3])?.value).toEqual({ p: 1, q: 3 });
    expect(renderFormula('(a-b)*c', [9, 4, 2])).toBe('(9 − 4) × 2');
  });

  it('returns null on bad input', () => {
    expect(evaluateFormula('a+', [1])).toBeNull();
    expect(evaluateFormula('(a+b', [1, 2])).toBeNull();
    expect(evaluateFormula('a/b', [1, 0])).toBeNull();
    expect(evaluateFormula('a+e', [1, 2])).toBeNull();
    expect(evaluateFormula('a+b', [1, Number.NaN])).toBeNull();
  });
});

describe('number formats', () => {
  it('formats hundredths canonically', () => {
    expect(formatHundredths(1750)).toBe('17.5');
    expect(formatHundredths(5024)).toBe('50.24');
    expect(formatHundredths(1200)).toBe('12');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(-250)).toBe('-2.5');
    expect(formatDecimal(0.1 + 0.2)).toBe('0.3');
    expect(toFrench('17.5')).toBe('17,5');
  });

  it('reduces fractions with a positive denominator', () => {
    expect(reduce({ p: 6, q: -8 })).toEqual({ p: -3, q: 4 });
    expect(formatRational({ p: 4, q: 1 })).toBe('4');
  });
});
