/**
 * `generationParams`: the JSON-serialisable description of what an exercise asks, from which the
 * correct answer is recomputed (`recomputeAnswer`) and its answer kind derived (`answerKindOf`).
 * The generator computes every answer through `recomputeAnswer`, so stored operands and stored
 * answers cannot disagree.
 */
import { z } from 'zod';

import { formatHundredths, formatRational, reduce, type Rational } from '../../lib/rational.ts';
import type { AnswerKind } from '../exercise.rules.ts';
import { evaluateFormula, FORMULAS } from './formula.ts';

/**
 * `value`: any fraction (or decimal) equal in value is accepted (`2/4` = `1/2` = `0.5`).
 * `simplified`: the question asks for the irreducible form, so only an irreducible `p/q` (or an
 * integer when the value is whole) is accepted.
 */
export const ANSWER_FORMS = ['value', 'simplified'] as const;
export type AnswerForm = (typeof ANSWER_FORMS)[number];

export const FRACTION_OPS = ['add', 'sub', 'mul', 'div'] as const;
export type FractionOp = (typeof FRACTION_OPS)[number];

const int = z.number().int();
const pos = int.min(1);
const pair = z.tuple([pos, pos]);

export const ZGenerationParams = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['addition', 'subtraction', 'multiplication', 'division']),
    operands: z.tuple([int, int]),
  }),
  z.object({ kind: z.literal('expression'), formula: z.enum(FORMULAS), operands: z.array(int) }),
  z.object({
    kind: z.literal('word_problem'),
    scenario: z.string(),
    formula: z.enum(FORMULAS),
    operands: z.array(int),
  }),
  z.object({
    kind: z.literal('sequence'),
    rule: z.enum(['arithmetic', 'geometric']),
    start: int,
    step: int,
    shown: pos,
  }),
  z.object({ kind: z.literal('comparison'), operands: z.tuple([int, int]) }),
  z.object({ kind: z.literal('average'), values: z.array(int).min(1) }),
  z.object({
    kind: z.literal('fraction_identify'),
    numerator: pos,
    denominator: pos,
    answerForm: z.enum(ANSWER_FORMS),
  }),
  z.object({
    kind: z.literal('fraction_op'),
    op: z.enum(FRACTION_OPS),
    a: pair,
    b: pair,
    answerForm: z.enum(ANSWER_FORMS),
  }),
  z.object({
    kind: z.literal('probability'),
    favorable: pos,
    total: pos,
    answerForm: z.enum(ANSWER_FORMS),
  }),
  z.object({ kind: z.enum(['square_perimeter', 'square_area', 'cube_volume']), side: pos }),
  z.object({ kind: z.enum(['rectangle_perimeter', 'rectangle_area']), length: pos, width: pos }),
  z.object({ kind: z.literal('cuboid_volume'), length: pos, width: pos, height: pos }),
  z.object({ kind: z.literal('triangle_area'), base: pos, height: pos }),
  z.object({ kind: z.literal('triangle_perimeter'), sides: z.tuple([pos, pos, pos]) }),
  z.object({ kind: z.literal('right_triangle_perimeter'), legs: pair }),
  z.object({
    kind: z.enum(['circle_perimeter', 'circle_area']),
    radius: pos,
    /** The value of π the question states; only 2-decimal values are supported. */
    pi: z.number().positive(),
  }),
]);
export type GenerationParams = z.infer<typeof ZGenerationParams>;
export type GenerationKind = GenerationParams['kind'];

/** What the generator stores: the params plus the seed and the generator version. */
export type StoredGenerationParams = GenerationParams & { seed: number | string; version: number };

/** Parses stored JSON (extra keys such as `seed` are ignored); null when it is not valid params. */
export const parseGenerationParams = (value: unknown): GenerationParams | null => {
  const parsed = ZGenerationParams.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export const answerKindOf = (params: GenerationParams): AnswerKind => {
  switch (params.kind) {
    case 'fraction_identify':
    case 'fraction_op':
    case 'probability':
      return 'fraction';
    case 'triangle_area':
    case 'circle_perimeter':
    case 'circle_area':
      return 'decimal';
    default:
      return 'integer';
  }
};

/** Exact value of a fraction operation (the second fraction is never zero: numerators are ≥ 1). */
export const fractionOpValue = (op: FractionOp, a: Rational, b: Rational): Rational => {
  switch (op) {
    case 'add':
      return reduce({ p: a.p * b.q + b.p * a.q, q: a.q * b.q });
    case 'sub':
      return reduce({ p: a.p * b.q - b.p * a.q, q: a.q * b.q });
    case 'mul':
      return reduce({ p: a.p * b.p, q: a.q * b.q });
    case 'div':
      return reduce({ p: a.p * b.q, q: a.q * b.p });
  }
};

export const sequenceTerm = (
  rule: 'arithmetic' | 'geometric',
  start: number,
  step: number,
  i: number,
): number => (rule === 'arithmetic' ? start + step * i : start * step ** i);

/** Integer hypotenuse of a right triangle, or null when it is not an integer. */
export const hypotenuse = (a: number, b: number): number | null => {
  const h = Math.round(Math.sqrt(a * a + b * b));
  return h * h === a * a + b * b ? h : null;
};

/** π as an integer number of hundredths (3.14 → 314); null for values with more decimals. */
export const piHundredths = (pi: number): number | null => {
  const h = Math.round(pi * 100);
  return Math.abs(h - pi * 100) < 1e-9 ? h : null;
};

const invalid = (reason: string): never => {
  throw new RangeError(`recomputeAnswer: ${reason}`);
};

const integerOf = (value: Rational, reason: string): string =>
  value.q === 1 ? String(value.p) : invalid(reason);

/**
 * The canonical correct answer (see numbers.ts for the formats) recomputed from the params alone.
 * Throws a RangeError on params no generator produces (inexact division, non-integer hypotenuse…).
 */
export const recomputeAnswer = (params: GenerationParams): string => {
  switch (params.kind) {
    case 'addition':
      return String(params.operands[0] + params.operands[1]);
    case 'subtraction':
      return String(params.operands[0] - params.operands[1]);
    case 'multiplication':
      return String(params.operands[0] * params.operands[1]);
    case 'division': {
      const [a, b] = params.operands;
      return b !== 0 && a % b === 0 ? String(a / b) : invalid('inexact division');
    }
    case 'expression':
    case 'word_problem': {
      const result = evaluateFormula(params.formula, params.operands);
      return result ? integerOf(result.value, 'non-integer result') : invalid('bad formula');
    }
    case 'sequence':
      return String(sequenceTerm(params.rule, params.start, params.step, params.shown));
    case 'comparison':
      return String(Math.max(...params.operands));
    case 'average': {
      const sum = params.values.reduce((acc, v) => acc + v, 0);
      return integerOf(reduce({ p: sum, q: params.values.length }), 'non-integer mean');
    }
    case 'fraction_identify':
      return formatRational({ p: params.numerator, q: params.denominator });
    case 'fraction_op':
      return formatRational(
        fractionOpValue(
          params.op,
          { p: params.a[0], q: params.a[1] },
          { p: params.b[0], q: params.b[1] },
        ),
      );
    case 'probability':
      return formatRational(reduce({ p: params.favorable, q: params.total }));
    case 'square_perimeter':
      return String(4 * params.side);
    case 'square_area':
      return String(params.side * params.side);
    case 'cube_volume':
      return String(params.side ** 3);
    case 'rectangle_perimeter':
      return String(2 * (params.length + params.width));
    case 'rectangle_area':
      return String(params.length * params.width);
    case 'cuboid_volume':
      return String(params.length * params.width * params.height);
    case 'triangle_area':
      return formatHundredths(params.base * params.height * 50);
    case 'triangle_perimeter':
      return String(params.sides[0] + params.sides[1] + params.sides[2]);
    case 'right_triangle_perimeter': {
      const [a, b] = params.legs;
      const h = hypotenuse(a, b);
      return h === null ? invalid('non-integer hypotenuse') : String(a + b + h);
    }
    case 'circle_perimeter':
    case 'circle_area': {
      const pi = piHundredths(params.pi);
      if (pi === null) return invalid('π must have at most 2 decimals');
      const r = params.radius;
      return formatHundredths(params.kind === 'circle_perimeter' ? 2 * pi * r : pi * r * r);
    }
  }
};
