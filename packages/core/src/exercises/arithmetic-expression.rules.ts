/**
 * Finding and evaluating the calculation written in a generated exercise (`7 + 5`, `(12 − 4) × 3`,
 * `2,5 × 4`, `3/4 + 1/4`), exactly, with the generator's formula evaluator (exercises/generator/
 * formula.ts: rationals, usual precedence, parentheses). Decimals become `(25/10)` literals so the
 * evaluation stays exact. Pure; never throws.
 */
import { parseDecimal, type Rational } from '../lib/rational.ts';
import { evaluateFormula } from './generator/formula.ts';

export type ArithmeticOperator = '+' | '-' | '*' | '/';

export interface ParsedExpression {
  /** The formula given to evaluateFormula (`(25/10)*4`). */
  formula: string;
  value: Rational;
  operators: ReadonlySet<ArithmeticOperator>;
  /** The numbers written in it (exact values), in order. */
  numbers: readonly Rational[];
}

// A number: digit groups (`1 000`) or plain digits, with an optional decimal part.
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const OPERATOR = String.raw`[+\-−–×xX*·÷:/]`;
const OPERAND = String.raw`(?:\(\s*)*[-−–]?\s*(?:${NUMBER})(?:\s*\))*`;
/** At least two operands joined by operators; `x` and `:` count only between numbers. */
const RUN = new RegExp(String.raw`${OPERAND}(?:\s*${OPERATOR}\s*${OPERAND})+`, 'g');
const STATED_RESULT = /^\s*=\s*-?\d/;

const OPERATOR_OF: Readonly<Record<string, ArithmeticOperator>> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '–': '-',
  '×': '*',
  x: '*',
  X: '*',
  '*': '*',
  '·': '*',
  '÷': '/',
  ':': '/',
  '/': '/',
};

const TOKEN = new RegExp(String.raw`(${NUMBER})|(${OPERATOR})|([()])|(\s+)|(.)`, 'g');

/** Parses one expression; null when it is not a well-formed calculation or overflows. */
export const parseExpression = (text: string): ParsedExpression | null => {
  let formula = '';
  const operators = new Set<ArithmeticOperator>();
  const numbers: Rational[] = [];
  let expectOperand = true;
  let pendingMinus = false;
  for (const match of text.matchAll(TOKEN)) {
    const [, number, operator, paren, space, other] = match;
    if (space !== undefined) continue;
    if (other !== undefined) return null;
    if (number !== undefined) {
      if (!expectOperand) return null;
      const value = parseDecimal(number.replace(/[ \u00a0\u202f]/g, ''));
      if (!value || !Number.isSafeInteger(value.p)) return null;
      numbers.push(pendingMinus ? { p: -value.p, q: value.q } : value);
      const literal = value.q === 1 ? String(value.p) : `(${value.p}/${value.q})`;
      formula += pendingMinus ? `(0-${literal})` : literal;
      pendingMinus = false;
      expectOperand = false;
    } else if (operator !== undefined) {
      const op = OPERATOR_OF[operator];
      if (op === undefined) return null;
      if (expectOperand) {
        // A unary minus (`-3`, `(−2)`); any other operator in operand position is malformed.
        if (op !== '-' || pendingMinus) return null;
        pendingMinus = true;
        continue;
      }
      operators.add(op);
      formula += op;
      expectOperand = true;
    } else if (paren === '(') {
      if (!expectOperand || pendingMinus) return null;
      formula += '(';
    } else if (paren === ')') {
      if (expectOperand) return null;
      formula += ')';
    }
  }
  if (expectOperand || operators.size === 0) return null;
  const result = evaluateFormula(formula, []);
  if (!result) return null;
  const { value } = result;
  if (!Number.isSafeInteger(value.p) || !Number.isSafeInteger(value.q)) return null;
  return { formula, value, operators, numbers };
};

/** Drops parentheses that a regex run caught without their partner (`(3 + 4` → `3 + 4`). */
const balance = (run: string): string => {
  let text = run.trim();
  for (;;) {
    const open = (text.match(/\(/g) ?? []).length;
    const close = (text.match(/\)/g) ?? []).length;
    if (open > close && text.startsWith('(')) text = text.slice(1).trim();
    else if (close > open && text.endsWith(')')) text = text.slice(0, -1).trim();
    else return text;
  }
};

export type QuestionExpression =
  | { found: 'none' }
  /** Several calculations to do: the question alone does not say which one is asked. */
  | { found: 'ambiguous' }
  | ({ found: 'one' } & ParsedExpression);

/**
 * The calculation a question asks for: the only well-formed calculation written in it that is not
 * already followed by its result (`si 3 + 4 = 7, …` states a fact, it does not ask).
 */
export const findQuestionExpression = (question: string): QuestionExpression => {
  const found: ParsedExpression[] = [];
  for (const match of question.matchAll(RUN)) {
    const after = question.slice(match.index + match[0].length);
    if (STATED_RESULT.test(after)) continue;
    const parsed = parseExpression(balance(match[0]));
    if (parsed) found.push(parsed);
  }
  const [only] = found;
  if (only === undefined) return { found: 'none' };
  return found.length === 1 ? { found: 'one', ...only } : { found: 'ambiguous' };
};

/** The model's `calcul` field: an expression, optionally followed by `= result` (ignored). */
export const parseCalculation = (calculation: string): ParsedExpression | null => {
  const [left = ''] = calculation.split('=');
  return parseExpression(balance(left));
};
