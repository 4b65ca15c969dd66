/**
 * DIVERS (domain-rules §2.3.9 plain, §2.4 themed): sequences, comparisons, conversions,
 * percentages, averages, money, speed, probability. Floor divisions of the legacy (25 % of 10 = 2,
 * truncated averages and speeds) are replaced by draws that make every answer exact.
 */
import { formatRational, gcd, reduce } from '../../../lib/rational.ts';
import type { Formula } from '../formula.ts';
import {
  DIFFICULTY_LIMITS,
  levelOf,
  type Problem,
  type ProblemContext,
  type Range,
} from '../limits.ts';
import { recomputeAnswer, sequenceTerm, type GenerationParams } from '../params.ts';
import type { Random } from '../random.ts';
import { explainSteps } from './mixte.ts';

const formulaProblem = (
  scenario: string,
  formula: Formula,
  operands: number[],
  question: string,
  method: string,
  hint: string,
  extraDistractors: number[] = [],
): Problem => {
  const params: GenerationParams = { kind: 'word_problem', scenario, formula, operands };
  const answer = Number(recomputeAnswer(params));
  return {
    params,
    question,
    explanation: `${method} ${explainSteps(formula, operands)} La réponse est ${answer}.`,
    hint,
    distractors: [...extraDistractors, answer + 1, answer - 1, answer + 10, answer * 2].map(String),
    tags: ['divers', scenario],
  };
};

const sequence = (
  rule: 'arithmetic' | 'geometric',
  start: number,
  step: number,
  themed: boolean,
): Problem => {
  const shown = 4;
  const params: GenerationParams = { kind: 'sequence', rule, start, step, shown };
  const answer = recomputeAnswer(params);
  const terms = Array.from({ length: shown }, (_, i) => sequenceTerm(rule, start, step, i));
  const last = terms[shown - 1] ?? start;
  const list = terms.join(', ');
  return {
    params,
    question: themed
      ? `Le radar de la station capte des signaux qui suivent une règle : ${list}, … Quel sera le signal suivant ?`
      : `Trouve le nombre suivant : ${list}, … ?`,
    explanation:
      rule === 'arithmetic'
        ? `On ajoute ${step} à chaque fois. Le nombre suivant est donc ${last} + ${step} = ${answer}.`
        : `On multiplie par ${step} à chaque fois. Le nombre suivant est donc ${last} × ${step} = ${answer}.`,
    hint: 'Compare chaque nombre avec celui qui le précède : que se passe-t-il à chaque fois ?',
    distractors: [last + step, last * step, last + 1, last + step + 1, last * step + step].map(
      String,
    ),
    tags: ['divers', 'suite'],
  };
};

const comparison = (random: Random, range: Range): Problem => {
  const a = random.int(range.min, range.max);
  let b = random.int(range.min, range.max);
  if (a === b) b = a === range.min ? a + 1 : a - 1;
  const params: GenerationParams = { kind: 'comparison', operands: [a, b] };
  const answer = recomputeAnswer(params);
  return {
    params,
    question: `Quel est le plus grand nombre : ${a} ou ${b} ?`,
    explanation: `On compare ${a} et ${b} : le plus grand est ${answer}.`,
    hint: 'Compare d’abord le nombre de chiffres, puis les chiffres un par un en partant de la gauche.',
    distractors: [Math.min(a, b), a + b, Math.max(a, b) + 1, Math.abs(a - b)].map(String),
    tags: ['divers', 'comparaison'],
  };
};

const CONVERSIONS = [
  { factor: 60, from: ['heure', 'heures'], to: 'minutes', scenario: 'conversion_hours_minutes' },
  { factor: 100, from: ['mètre', 'mètres'], to: 'centimètres', scenario: 'conversion_m_cm' },
  { factor: 1000, from: ['kilogramme', 'kilogrammes'], to: 'grammes', scenario: 'conversion_kg_g' },
  { factor: 24, from: ['jour', 'jours'], to: 'heures', scenario: 'conversion_days_hours' },
] as const;

const conversion = (random: Random): Problem => {
  const n = random.int(1, 5);
  const c = random.pick(CONVERSIONS);
  const unit = n > 1 ? c.from[1] : c.from[0];
  return formulaProblem(
    c.scenario,
    'a*b',
    [n, c.factor],
    `Combien y a-t-il de ${c.to} dans ${n} ${unit} ?`,
    `Il y a ${c.factor} ${c.to} dans 1 ${c.from[0]}.`,
    `Combien y a-t-il de ${c.to} dans 1 ${c.from[0]} ?`,
    [n * (c.factor === 60 ? 100 : 60), c.factor + n],
  );
};

/** A multiple of the unit that makes p % of it whole, inside the range when possible. */
const percentBase = (random: Random, range: Range, percent: number): number => {
  const unit = 100 / gcd(percent, 100);
  const lo = Math.max(1, Math.ceil(range.min / unit));
  const hi = Math.max(lo, Math.floor(range.max / unit));
  return unit * random.int(lo, hi);
};

const percentOf = (random: Random, range: Range, themed: boolean): Problem => {
  const percent = random.pick([10, 20, 25, 50]);
  const base = themed ? percentBase(random, range, percent) : random.pick([20, 40, 60, 100, 200]);
  return formulaProblem(
    'percentage',
    'a*b/100',
    [base, percent],
    themed
      ? `L'équipage a ${base} rations. ${percent} % des rations sont des desserts. Combien y a-t-il de desserts ?`
      : `Combien font ${percent} % de ${base} ?`,
    `Prendre ${percent} %, c'est multiplier par ${percent} puis diviser par 100.`,
    'Un pourcentage est une part sur 100.',
    [base - (base * percent) / 100, percent, base + percent],
  );
};

const percentIncrease = (random: Random, range: Range): Problem => {
  const percent = random.pick([10, 20, 25, 50]);
  const base = percentBase(random, range, percent);
  return formulaProblem(
    'percentage_increase',
    'a+a*b/100',
    [base, percent],
    `Un billet pour la lune coûte ${base} crédits. Son prix augmente de ${percent} %. Quel est le nouveau prix, en crédits ?`,
    `On calcule l'augmentation (${percent} % de ${base}), puis on l'ajoute au prix de départ.`,
    'Calcule d’abord de combien le prix augmente, puis ajoute-le au prix de départ.',
    [(base * percent) / 100, base + percent],
  );
};

const average = (random: Random, range: Range): Problem => {
  const count = random.int(3, 5);
  const values = Array.from({ length: count }, () => random.int(range.min, range.max));
  const sum = values.reduce((acc, v) => acc + v, 0);
  const rest = sum % count;
  if (rest !== 0) {
    const lastIndex = count - 1;
    const last = values[lastIndex] ?? range.min;
    values[lastIndex] = last - rest >= range.min ? last - rest : last + (count - rest);
  }
  const params: GenerationParams = { kind: 'average', values };
  const answer = Number(recomputeAnswer(params));
  const total = values.reduce((acc, v) => acc + v, 0);
  return {
    params,
    question: `Quelle est la moyenne de ces nombres : ${values.join(', ')} ?`,
    explanation: `La moyenne est la somme des valeurs divisée par le nombre de valeurs : (${values.join(' + ')}) ÷ ${count} = ${total} ÷ ${count} = ${answer}.`,
    hint: 'Additionne toutes les valeurs, puis partage le total en autant de parts qu’il y a de valeurs.',
    distractors: [answer + 1, answer - 1, Math.floor(total / (count + 1)), Math.max(...values)].map(
      String,
    ),
    tags: ['divers', 'moyenne'],
  };
};

const probability = (random: Random): Problem => {
  const total = random.int(10, 30);
  const favorable = random.int(1, Math.floor(total / 3));
  const params: GenerationParams = { kind: 'probability', favorable, total, answerForm: 'value' };
  const answer = recomputeAnswer(params);
  const written = `${favorable}/${total}`;
  const simplified = written === answer ? '' : `, c'est-à-dire ${answer} une fois simplifié`;
  const f = (p: number, q: number): string => formatRational(reduce({ p, q }));
  return {
    params,
    question: `Un sac contient ${total} cristaux, dont ${favorable} ${favorable > 1 ? 'sont bleus' : 'est bleu'}. On tire un cristal au hasard. Quelle est la probabilité qu'il soit bleu ? Donne ta réponse sous forme de fraction.`,
    explanation: `La probabilité est le nombre de cas favorables divisé par le nombre total de cas : ${written}${simplified}. La réponse est ${answer}.`,
    hint: 'Combien de cristaux bleus y a-t-il, et combien de cristaux en tout ?',
    distractors: [
      f(total - favorable, total),
      f(favorable, total - favorable),
      f(favorable + 1, total),
      f(favorable, total + 1),
    ],
    tags: ['divers', 'probabilite'],
  };
};

const plainDivers = ({ difficulty, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const range = DIFFICULTY_LIMITS[difficulty].default;
  const kinds =
    level === 0
      ? ['sequence', 'comparison']
      : level === 1
        ? ['sequence', 'conversion', 'comparison']
        : ['sequence', 'conversion', 'comparison', 'percentage', 'average'];
  switch (random.pick(kinds)) {
    case 'sequence':
      return level <= 1
        ? sequence('arithmetic', random.int(1, 10), random.int(1, 5), false)
        : sequence('geometric', random.int(2, 4), random.int(2, 3), false);
    case 'conversion':
      return conversion(random);
    case 'percentage':
      return percentOf(random, range, false);
    case 'average':
      return average(random, range);
    default:
      return comparison(random, range);
  }
};

const themedDivers = ({ difficulty, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const range = DIFFICULTY_LIMITS[difficulty].default;
  const kinds =
    level === 0
      ? ['age', 'money', 'time']
      : level === 1
        ? ['age', 'money', 'speed', 'percentage']
        : level === 2
          ? ['speed', 'percentage_increase', 'probability']
          : ['probability', 'sequence', 'logic'];
  switch (random.pick(kinds)) {
    case 'age': {
      const age = random.int(range.min, range.max);
      const years = random.int(1, 10);
      return formulaProblem(
        'age',
        'a+b',
        [age, years],
        `Le robot de maintenance de la station a ${age} ${age > 1 ? 'ans' : 'an'}. Quel âge aura-t-il dans ${years} ${years > 1 ? 'ans' : 'an'} ?`,
        'Chaque année qui passe ajoute un an à son âge.',
        'Il sera plus vieux : quelle opération faut-il faire ?',
      );
    }
    case 'money': {
      const price = random.int(range.min, range.max);
      const paid = random.int(price + 1, price + 20);
      return formulaProblem(
        'money',
        'a-b',
        [paid, price],
        `Au marché de la station, un casque coûte ${price} crédits. Un cadet paie avec ${paid} crédits. Combien de crédits le marchand doit-il lui rendre ?`,
        'La monnaie rendue est la somme payée moins le prix.',
        'Cherche l’écart entre la somme payée et le prix.',
        [paid + price],
      );
    }
    case 'time': {
      const start = random.int(6, 12);
      const duration = random.int(1, 8);
      return formulaProblem(
        'mission_time',
        'a+b',
        [start, duration],
        `Une mission d'entraînement commence à ${start} heures et dure ${duration} ${duration > 1 ? 'heures' : 'heure'}. À quelle heure se termine-t-elle ? Réponds par le nombre d'heures.`,
        'On ajoute la durée de la mission à l’heure de départ.',
        'Avance sur l’horloge à partir de l’heure de départ.',
      );
    }
    case 'speed': {
      const hours = random.int(2, 10);
      const lo = Math.max(1, Math.ceil(range.min / hours));
      const speed = random.int(lo, Math.max(lo, Math.floor(range.max / hours)));
      return formulaProblem(
        'speed',
        'a/b',
        [speed * hours, hours],
        `Une navette parcourt ${speed * hours} kilomètres en ${hours} heures, toujours à la même vitesse. Combien de kilomètres parcourt-elle en une heure ?`,
        'La distance parcourue en une heure est la distance totale divisée par le nombre d’heures.',
        'Partage la distance totale en autant de parts qu’il y a d’heures.',
        [speed * hours - hours],
      );
    }
    case 'percentage':
      return percentOf(random, range, true);
    case 'percentage_increase':
      return percentIncrease(random, range);
    case 'probability':
      return probability(random);
    case 'sequence':
      return sequence('arithmetic', random.int(2, 8), random.int(2, 5), true);
    default: {
      const ships = random.int(5, 15);
      const robots = random.int(2, 8);
      return formulaProblem(
        'logic',
        'a*b',
        [ships, robots],
        `Une flotte compte ${ships} vaisseaux. Chaque vaisseau transporte ${robots} robots. Combien de robots la flotte transporte-t-elle en tout ?`,
        'Chaque vaisseau transporte le même nombre de robots : on multiplie.',
        'Le même nombre revient plusieurs fois : pense à la multiplication.',
        [ships + robots],
      );
    }
  }
};

export const diversProblem = (context: ProblemContext): Problem =>
  context.themed ? themedDivers(context) : plainDivers(context);
