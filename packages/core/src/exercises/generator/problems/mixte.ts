import { evaluateFormula, renderFormula, renderStep, type Formula } from '../formula.ts';
import { DIFFICULTY_LIMITS, levelOf, type Problem, type ProblemContext } from '../limits.ts';
import { recomputeAnswer } from '../params.ts';
import type { Random } from '../random.ts';

/**
 * MIXTE: several operations (domain-rules §2.3.8 plain, §2.4 themed). Operands are adjusted so
 * every division is exact and every result is a whole number ≥ 1; MAITRE and GRAND_MAITRE add
 * four-operand patterns (the legacy read an "operations" count it never used).
 */

/** The calculation a child who ignores precedence or parentheses would do. */
const MISREAD: Partial<Record<Formula, string>> = {
  'a+b*c': '(a+b)*c',
  'a-b*c': '(a-b)*c',
  'a*b+c': 'a*(b+c)',
  'a*b-c': 'a*(b-c)',
  '(a+b)*c': 'a+b*c',
  '(a-b)*c': 'a-b*c',
  'a*(b+c)': 'a*b+c',
  'a+b-c': 'a+b+c',
  'a-b+c': 'a-b-c',
  'a/b+c': 'a/(b+c)',
  'a*b+c*d': '(a*b+c)*d',
  '(a+b)*c-d': 'a+b*c-d',
};

/** Steps in reading order: "On calcule d'abord 5 × 3 = 15, puis 12 + 15 = 27." */
export const explainSteps = (formula: string, operands: readonly number[]): string => {
  const result = evaluateFormula(formula, operands);
  if (!result) return '';
  const steps = result.steps.map(renderStep);
  if (steps.length === 1) return `On calcule ${steps[0] ?? ''}.`;
  const [first, ...rest] = steps;
  return `On calcule d'abord ${first ?? ''}, puis ${rest.join(', puis ')}.`;
};

export const misreadDistractors = (formula: Formula, operands: readonly number[]): string[] => {
  const misread = MISREAD[formula];
  const value = misread ? evaluateFormula(misread, operands) : null;
  const sum = operands.reduce((acc, v) => acc + v, 0);
  return [...(value && value.value.q === 1 ? [String(value.value.p)] : []), String(sum)];
};

/** Makes divisions exact and results ≥ 1 (the legacy rules of §2.3.8, generalised). */
const fixOperands = (formula: Formula, ops: number[], random: Random): number[] => {
  const [a = 1, b = 2, c = 2, d = 2] = ops;
  let x = a;
  let z = c;
  switch (formula) {
    case 'a+b-c':
      if (x + b <= z) x = z - b + random.int(1, 5);
      break;
    case 'a-b+c':
      if (x <= b) x = b + random.int(1, 5);
      break;
    case 'a-b*c':
      if (x <= b * z) x = b * z + random.int(1, 10);
      break;
    case 'a*b-c':
      if (x * b <= z) x = z + random.int(1, 5);
      break;
    case '(a-b)*c':
      if (x <= b) x = b + random.int(1, 10);
      break;
    case 'a/b+c':
      if (x % b !== 0) x = b * random.int(2, 5);
      break;
    case '(a*b)/c':
      if ((x * b) % z !== 0) {
        const divisors = [2, 3, 4, 5, 6, 7, 8, 9, 10].filter((k) => (x * b) % k === 0);
        z = divisors.length > 0 ? random.pick(divisors) : b;
      }
      break;
    default:
      break;
  }
  return formula.includes('d') ? [x, b, z, d] : [x, b, z];
};

const PLAIN_PATTERNS: readonly (readonly Formula[])[] = [
  ['a+b-c', 'a-b+c', 'a*b+c'],
  ['a+b*c', 'a-b*c', 'a*b-c', 'a/b+c'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)', '(a*b)/c'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)', '(a*b)/c', 'a*b+c*d', '(a+b)*c-d'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)', '(a*b)/c', 'a*b+c*d', '(a+b)*c-d'],
];

const THEMED_PATTERNS: readonly (readonly Formula[])[] = [
  ['a+b-c', 'a*b+c'],
  ['a+b*c', 'a*b-c'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)', 'a*b+c*d'],
  ['(a+b)*c', '(a-b)*c', 'a*(b+c)', 'a*b+c*d'],
];

const story = (formula: Formula, [a, b, c, d]: readonly number[]): string => {
  switch (formula) {
    case 'a+b-c':
      return `Un cadet a ${a} cristaux. Il en trouve ${b} de plus, puis il en donne ${c} à un ami. Combien de cristaux a-t-il maintenant ?`;
    case 'a*b+c':
      return `Un convoi compte ${a} navettes de ${b} passagers, plus ${c} pilotes. Combien de personnes voyagent dans le convoi ?`;
    case 'a+b*c':
      return `La station a ${a} réserves d'eau. Un cargo livre ${b} caisses de ${c} réserves. Combien de réserves la station a-t-elle maintenant ?`;
    case 'a*b-c':
      return `La base a ${a} modules de ${b} panneaux solaires. ${c} panneaux sont en panne. Combien de panneaux fonctionnent ?`;
    case '(a+b)*c':
      return `Chaque jour, l'équipage répare ${a} panneaux le matin et ${b} l'après-midi. Combien de panneaux répare-t-il en ${c} jours ?`;
    case '(a-b)*c':
      return `Chaque jour, l'usine de la base fabrique ${a} batteries et en utilise ${b}. Combien de batteries met-elle de côté en ${c} jours ?`;
    case 'a*(b+c)':
      return `L'Académie forme ${a} équipages. Chaque équipage compte ${b} pilotes et ${c} mécaniciens. Combien de personnes cela fait-il ?`;
    default:
      return `Le hangar contient ${a} rangées de ${b} vaisseaux et ${c} rangées de ${d ?? 0} navettes. Combien d'appareils y a-t-il dans le hangar ?`;
  }
};

export const mixteProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const { min, max } = DIFFICULTY_LIMITS[difficulty].mixte;
  const small = Math.min(max, 10);
  const formula = random.pick<Formula>(
    (themed ? THEMED_PATTERNS : PLAIN_PATTERNS)[level] ?? ['a+b*c'],
  );
  const raw = themed
    ? level === 0
      ? [random.int(min, max), random.int(2, 6), random.int(1, 4)]
      : [random.int(min, max), random.int(2, 8), random.int(2, 6), random.int(2, 6)]
    : [random.int(min, max), random.int(2, small), random.int(2, small), random.int(2, small)];
  const operands = fixOperands(formula, raw, random);
  const params = { kind: 'expression' as const, formula, operands };
  const answer = recomputeAnswer(params);
  const expression = renderFormula(formula, operands);
  const hasParens = formula.includes('(');
  const mixesPriorities = /[*/]/.test(formula) && /[+-]/.test(formula);
  const rule = hasParens
    ? "On calcule d'abord ce qui est entre parenthèses."
    : mixesPriorities
      ? 'La multiplication et la division passent avant l’addition et la soustraction.'
      : 'On calcule de gauche à droite.';
  return {
    params,
    question: themed
      ? `${story(formula, operands)} (Calcul : ${expression})`
      : `Combien vaut ${expression} ?`,
    explanation: `${rule} ${explainSteps(formula, operands)} Le résultat est ${answer}.`,
    hint: hasParens
      ? 'Commence par le calcul entre parenthèses.'
      : mixesPriorities
        ? 'Fais d’abord les multiplications et les divisions, puis les additions et les soustractions.'
        : 'Fais les calculs dans l’ordre, de gauche à droite.',
    distractors: [
      ...misreadDistractors(formula, operands),
      String(Number(answer) + 1),
      String(Number(answer) - 1),
      String(Number(answer) + 10),
    ],
    tags: ['mixte'],
  };
};
