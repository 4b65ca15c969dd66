import { formatRational, reduce, type Rational } from '../../lib/rational.ts';

/**
 * The small expression language of MIXTE exercises and word problems: letters a–d stand for the
 * stored operands, with + - * / and parentheses, usual precedence, evaluated in exact rationals.
 * The same tree renders the French expression and the step-by-step explanation.
 */

export const FORMULAS = [
  'a+b',
  'a-b',
  'a*b',
  'a/b',
  'a+b+c',
  'a+b-c',
  'a-b+c',
  'a-b-c',
  'a*b+c',
  'a+b*c',
  'a-b*c',
  'a*b-c',
  'a/b+c',
  'a/b-c',
  '(a+b)*c',
  '(a-b)*c',
  'a*(b+c)',
  'a*(b-c)',
  '(a*b)/c',
  '(a+b)/c',
  '(a-b)/c',
  'a*b+c*d',
  'a*b-c*d',
  '(a+b)*c-d',
  'a*b/100',
  'a+a*b/100',
] as const;
export type Formula = (typeof FORMULAS)[number];

type Op = '+' | '-' | '*' | '/';
type Node = { type: 'num'; value: Rational } | { type: 'op'; op: Op; left: Node; right: Node };

const LETTERS = ['a', 'b', 'c', 'd'] as const;

/** Parses a formula with its operands; null when an operand is missing or not a safe integer. */
const parse = (formula: string, operands: readonly number[]): Node | null => {
  let pos = 0;
  const peek = (): string | undefined => formula[pos];
  const primary = (): Node | null => {
    const ch = peek();
    if (ch === '(') {
      pos++;
      const inner = sum();
      if (peek() !== ')') return null;
      pos++;
      return inner;
    }
    if (ch !== undefined && /[0-9]/.test(ch)) {
      let digits = '';
      while (/[0-9]/.test(peek() ?? '')) digits += formula[pos++] ?? '';
      return { type: 'num', value: { p: Number(digits), q: 1 } };
    }
    const index = LETTERS.findIndex((letter) => letter === ch);
    const value = operands[index];
    if (index < 0 || value === undefined || !Number.isSafeInteger(value)) return null;
    pos++;
    return { type: 'num', value: { p: value, q: 1 } };
  };
  const product = (): Node | null => {
    let left = primary();
    while (left && (peek() === '*' || peek() === '/')) {
      const op = peek() === '*' ? '*' : '/';
      pos++;
      const right = primary();
      if (!right) return null;
      left = { type: 'op', op, left, right };
    }
    return left;
  };
  const sum = (): Node | null => {
    let left = product();
    while (left && (peek() === '+' || peek() === '-')) {
      const op = peek() === '+' ? '+' : '-';
      pos++;
      const right = product();
      if (!right) return null;
      left = { type: 'op', op, left, right };
    }
    return left;
  };
  const tree = sum();
  return tree && pos === formula.length ? tree : null;
};

const apply = (op: Op, x: Rational, y: Rational): Rational | null => {
  switch (op) {
    case '+':
      return reduce({ p: x.p * y.q + y.p * x.q, q: x.q * y.q });
    case '-':
      return reduce({ p: x.p * y.q - y.p * x.q, q: x.q * y.q });
    case '*':
      return reduce({ p: x.p * y.p, q: x.q * y.q });
    case '/':
      return y.p === 0 ? null : reduce({ p: x.p * y.q, q: x.q * y.p });
  }
};

export interface FormulaStep {
  left: Rational;
  op: Op;
  right: Rational;
  result: Rational;
}

/** Evaluates the tree in reading order, recording each binary operation as a step. */
const evaluate = (node: Node, steps: FormulaStep[]): Rational | null => {
  if (node.type === 'num') return node.value;
  const left = evaluate(node.left, steps);
  const right = evaluate(node.right, steps);
  if (!left || !right) return null;
  const result = apply(node.op, left, right);
  if (!result) return null;
  steps.push({ left, op: node.op, right, result });
  return result;
};

export interface FormulaResult {
  value: Rational;
  steps: FormulaStep[];
}

/** Exact value and steps of a formula; null when it cannot be evaluated. */
export const evaluateFormula = (
  formula: string,
  operands: readonly number[],
): FormulaResult | null => {
  const tree = parse(formula, operands);
  if (!tree) return null;
  const steps: FormulaStep[] = [];
  const value = evaluate(tree, steps);
  return value ? { value, steps } : null;
};

const OP_SYMBOL: Record<Op, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };

/** French rendering of a formula: `(a+b)*c` with [2, 3, 4] → `(2 + 3) × 4`. */
export const renderFormula = (formula: string, operands: readonly number[]): string => {
  let out = '';
  for (const ch of formula) {
    const index = LETTERS.findIndex((letter) => letter === ch);
    if (index >= 0) out += String(operands[index] ?? '?');
    else if (ch === '+' || ch === '-' || ch === '*' || ch === '/') out += ` ${OP_SYMBOL[ch]} `;
    else out += ch;
  }
  return out;
};

/** One step in French: `5 × 3 = 15`. */
export const renderStep = (step: FormulaStep): string =>
  `${formatRational(step.left)} ${OP_SYMBOL[step.op]} ${formatRational(step.right)} = ${formatRational(step.result)}`;
