/**
 * FRACTIONS. Plain (domain-rules §2.3.5): recognise n/d; the answer is a value (2/4 = 1/2).
 * Themed (§2.4): one operation on two fractions, now shown in the question; INITIE/PADAWAN answers
 * are values, CHEVALIER and above ask for the irreducible form.
 */
import { formatRational, gcd, type Rational } from '../../../lib/rational.ts';
import type { Difficulty } from '../../exercise.rules.ts';
import { levelOf, type Problem, type ProblemContext } from '../limits.ts';
import { fractionOpValue, recomputeAnswer, type AnswerForm, type FractionOp } from '../params.ts';
import type { Random } from '../random.ts';

const fr = (r: Rational): string => formatRational(r);

export const fractionIdentifyProblem = ({
  difficulty,
  themed,
  random,
}: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const denominators = [
    [2, 3, 4],
    [2, 3, 4, 5],
    [4, 5, 6, 8],
    [6, 8, 9, 12],
    [6, 8, 9, 12],
  ][level] ?? [2, 3, 4];
  const d = random.pick(denominators);
  const n = level === 0 ? 1 : random.int(1, d - 1);
  const params = {
    kind: 'fraction_identify' as const,
    numerator: n,
    denominator: d,
    answerForm: 'value' as const,
  };
  const answer = recomputeAnswer(params);
  const g = gcd(n, d);
  const simplified = g > 1 ? ` C'est la même valeur que ${n / g}/${d / g}.` : '';
  const question = themed
    ? `Le réservoir d'un vaisseau est partagé en ${d} compartiments égaux. ${n > 1 ? `${n} compartiments sont remplis` : '1 compartiment est rempli'}. Quelle fraction du réservoir est remplie ?`
    : `Une tarte est coupée en ${d} parts égales. On en mange ${n}. Quelle fraction de la tarte a-t-on mangée ?`;
  return {
    params,
    question,
    explanation: `Le tout est partagé en ${d} parts égales : c'est le dénominateur. On en compte ${n} : c'est le numérateur. La fraction est donc ${answer}.${simplified}`,
    hint: 'Le nombre du bas (dénominateur) dit en combien de parts égales on partage ; le nombre du haut (numérateur) dit combien de parts on compte.',
    distractors: [
      fr({ p: d, q: n }),
      fr({ p: d - n, q: d }),
      fr({ p: n, q: d + 1 }),
      fr({ p: n + 1, q: d }),
    ],
    tags: ['fractions'],
  };
};

interface OpSetup {
  ops: readonly FractionOp[];
  denominator: (random: Random) => number;
  numerator: (random: Random, d: number) => number;
}

const OP_SETUP: Record<Difficulty, OpSetup> = {
  INITIE: {
    ops: ['add'],
    denominator: (rd) => rd.pick([2, 3, 4]),
    numerator: (rd, d) => rd.int(1, d - 1),
  },
  PADAWAN: {
    ops: ['add', 'sub'],
    denominator: (rd) => rd.pick([2, 3, 4, 5, 6]),
    numerator: (rd, d) => rd.int(1, d - 1),
  },
  CHEVALIER: {
    ops: ['add', 'sub', 'mul'],
    denominator: (rd) => rd.int(2, 8),
    numerator: (rd, d) => rd.int(1, d),
  },
  MAITRE: {
    ops: ['add', 'sub', 'mul', 'div'],
    denominator: (rd) => rd.int(2, 12),
    numerator: (rd, d) => rd.int(1, 2 * d),
  },
  GRAND_MAITRE: {
    ops: ['add', 'sub', 'mul', 'div'],
    denominator: (rd) => rd.int(2, 12),
    numerator: (rd, d) => rd.int(1, 2 * d),
  },
};

const OP_SYMBOL: Record<FractionOp, string> = { add: '+', sub: '−', mul: '×', div: '÷' };
const OP_VERB: Record<FractionOp, string> = {
  add: 'additionner',
  sub: 'soustraire',
  mul: 'multiplier',
  div: 'diviser',
};

const drawFraction = (setup: OpSetup, random: Random): Rational => {
  const q = setup.denominator(random);
  return { p: setup.numerator(random, q), q };
};

const explainOp = (op: FractionOp, a: Rational, b: Rational, answer: string): string => {
  const head = `${fr(a)} ${OP_SYMBOL[op]} ${fr(b)}`;
  switch (op) {
    case 'add':
    case 'sub': {
      const q = (a.q * b.q) / gcd(a.q, b.q);
      const pa = a.p * (q / a.q);
      const pb = b.p * (q / b.q);
      const raw = `${op === 'add' ? pa + pb : pa - pb}/${q}`;
      return `on les met au même dénominateur ${q} : ${pa}/${q} ${OP_SYMBOL[op]} ${pb}/${q} = ${raw}. Donc ${head} = ${answer}.`;
    }
    case 'mul':
      return `on multiplie les numérateurs entre eux et les dénominateurs entre eux : ${a.p * b.p}/${a.q * b.q}. Donc ${head} = ${answer}.`;
    case 'div':
      return `diviser par ${fr(b)}, c'est multiplier par son inverse ${b.q}/${b.p} : ${a.p * b.q}/${a.q * b.p}. Donc ${head} = ${answer}.`;
  }
};

const opQuestion = (op: FractionOp, a: string, b: string, random: Random): string => {
  switch (op) {
    case 'add':
      return random.pick([
        `Un pilote boit ${a} de litre de jus de comète, puis encore ${b} de litre. Combien de litres a-t-il bus en tout (${a} + ${b}) ?`,
        `Une navette parcourt ${a} d'année-lumière, puis ${b} d'année-lumière. Quelle distance a-t-elle parcourue en tout, en années-lumière (${a} + ${b}) ?`,
      ]);
    case 'sub':
      return random.pick([
        `Une barre d'énergie mesure ${a} de mètre. Un cadet en mange ${b} de mètre. Combien de mètres de barre reste-t-il (${a} − ${b}) ?`,
        `Le réservoir contient ${a} de litre de carburant. Le décollage en consomme ${b} de litre. Combien de litres reste-t-il (${a} − ${b}) ?`,
      ]);
    case 'mul':
      return `Un robot doit verser ${a} d'un bidon qui contient ${b} de litre. Combien de litres doit-il verser (${a} × ${b}) ?`;
    case 'div':
      return `L'ordinateur de navigation doit calculer ${a} ÷ ${b}. Quel résultat doit-il afficher ?`;
  }
};

const opDistractors = (op: FractionOp, a: Rational, b: Rational): string[] => {
  const base = [fr({ p: a.p + b.p, q: a.q + b.q }), fr({ p: a.p, q: b.q }), fr({ p: b.p, q: a.q })];
  switch (op) {
    case 'add':
      return [fr({ p: a.p + b.p, q: a.q * b.q }), ...base];
    case 'sub':
      return [
        fr({ p: Math.abs(a.p - b.p), q: Math.max(1, Math.abs(a.q - b.q)) }),
        fr(fractionOpValue('add', a, b)),
        ...base,
      ];
    case 'mul':
      return [fr(fractionOpValue('add', a, b)), fr({ p: a.p * b.q, q: a.q * b.p }), ...base];
    case 'div':
      return [fr(fractionOpValue('mul', a, b)), fr({ p: a.q * b.p, q: a.p * b.q }), ...base];
  }
};

export const fractionOperationProblem = ({ difficulty, random }: ProblemContext): Problem => {
  const setup = OP_SETUP[difficulty];
  const op = random.pick(setup.ops);
  let a = drawFraction(setup, random);
  let b = drawFraction(setup, random);
  if (op === 'sub') {
    // The texts take b away from a: keep a > b (strictly, so the answer is never 0).
    while (a.p * b.q === b.p * a.q) b = drawFraction(setup, random);
    if (a.p * b.q < b.p * a.q) [a, b] = [b, a];
  }
  const answerForm: AnswerForm = levelOf(difficulty) >= 2 ? 'simplified' : 'value';
  const params = {
    kind: 'fraction_op' as const,
    op,
    a: [a.p, a.q] as [number, number],
    b: [b.p, b.q] as [number, number],
    answerForm,
  };
  const answer = recomputeAnswer(params);
  const instruction =
    answerForm === 'simplified'
      ? ' Donne le résultat sous forme de fraction irréductible (ou de nombre entier).'
      : '';
  return {
    params,
    question: `${opQuestion(op, fr(a), fr(b), random)}${instruction}`,
    explanation: `Pour ${OP_VERB[op]} ces fractions, ${explainOp(op, a, b, answer)}`,
    hint:
      op === 'add' || op === 'sub'
        ? 'Mets d’abord les deux fractions au même dénominateur.'
        : op === 'mul'
          ? 'Multiplie les numérateurs ensemble, puis les dénominateurs ensemble, et simplifie.'
          : 'Diviser par une fraction revient à multiplier par son inverse.',
    distractors: opDistractors(op, a, b),
    tags: ['fractions', op],
  };
};
