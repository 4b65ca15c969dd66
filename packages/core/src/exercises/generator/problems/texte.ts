/**
 * TEXTE: word problems (domain-rules §2.3.7 plain with the `default` ranges, §2.4 themed with the
 * base/modifier/large table). Every story asks exactly what its formula computes; the legacy
 * crashes (empty ranges at INITIE), the ambiguous "guess the number" clues and the wrong
 * "consecutive numbers" answer are fixed.
 */
import type { Formula } from '../formula.ts';
import { DIFFICULTY_LIMITS, levelOf, type Problem, type ProblemContext } from '../limits.ts';
import { recomputeAnswer, sequenceTerm, type GenerationParams } from '../params.ts';
import type { Random } from '../random.ts';
import { explainSteps, misreadDistractors } from './mixte.ts';

const PEOPLE: readonly (readonly [string, 'il' | 'elle'])[] = [
  ['Léa', 'elle'],
  ['Hugo', 'il'],
  ['Inès', 'elle'],
  ['Noah', 'il'],
  ['Chloé', 'elle'],
  ['Adam', 'il'],
];

const cap = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

interface Word {
  scenario: string;
  formula: Formula;
  operands: number[];
  question: string;
  method: string;
  hint: string;
}

const word = (w: Word): Problem => {
  const params: GenerationParams = {
    kind: 'word_problem',
    scenario: w.scenario,
    formula: w.formula,
    operands: w.operands,
  };
  const answer = recomputeAnswer(params);
  return {
    params,
    question: w.question,
    explanation: `${w.method} ${explainSteps(w.formula, w.operands)} La réponse est ${answer}.`,
    hint: w.hint,
    distractors: [
      ...misreadDistractors(w.formula, w.operands),
      String(Number(answer) + 1),
      String(Number(answer) - 1),
      String(Number(answer) + 2),
    ],
    tags: ['texte', w.scenario],
  };
};

const sequenceProblem = (start: number, step: number, shown: number, themed: boolean): Problem => {
  const params: GenerationParams = { kind: 'sequence', rule: 'arithmetic', start, step, shown };
  const answer = recomputeAnswer(params);
  const terms = Array.from({ length: shown }, (_, i) => sequenceTerm('arithmetic', start, step, i));
  const last = terms[terms.length - 1] ?? start;
  return {
    params,
    question: themed
      ? `Un robot allume les balises d'une piste d'atterrissage en suivant une règle : ${terms.join(', ')}, … Quel numéro aura la balise suivante ?`
      : `Quel est le nombre suivant dans cette suite : ${terms.join(', ')}, … ?`,
    explanation: `On ajoute ${step} à chaque fois. Le nombre suivant est donc ${last} + ${step} = ${answer}.`,
    hint: 'Regarde de combien on avance entre deux nombres qui se suivent.',
    distractors: [String(last + step + 1), String(last + 1), String(last + 2 * step), String(last)],
    tags: ['texte', 'suite'],
  };
};

const plainTexte = ({ difficulty, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const { min, max } = DIFFICULTY_LIMITS[difficulty].default;
  const [name, pronoun] = random.pick(PEOPLE);
  const kinds =
    level === 0
      ? ['give_away', 'guess_add', 'purchase', 'loss', 'share']
      : level === 1
        ? ['give_away', 'guess_add', 'guess_mul', 'purchase', 'loss', 'share', 'sequence']
        : ['collect', 'multi_step', 'guess_add', 'guess_mul', 'change'];
  const kind = random.pick(kinds);
  switch (kind) {
    case 'give_away': {
      const initial = random.int(Math.max(2, min), max);
      const given = random.int(1, initial - 1);
      return word({
        scenario: 'give_away',
        formula: 'a-b',
        operands: [initial, given],
        question: `${name} a ${initial} billes. ${cap(pronoun)} en donne ${given} à ses amis. Combien de billes lui reste-t-il ?`,
        method: 'On enlève les billes données du nombre de départ.',
        hint: 'Il lui en reste moins qu’au départ : quelle opération faut-il faire ?',
      });
    }
    case 'guess_add': {
      const n = level === 0 ? random.int(1, 10) : random.int(10, 50);
      const added = level === 0 ? random.int(1, 5) : random.int(5, 15);
      return word({
        scenario: 'guess_add',
        formula: 'a-b',
        operands: [n + added, added],
        question: `${name} pense à un nombre. Si on lui ajoute ${added}, on obtient ${n + added}. Quel est ce nombre ?`,
        method:
          'Pour retrouver le nombre, on fait l’opération inverse : on enlève ce qui a été ajouté.',
        hint: 'Fais le chemin à l’envers : l’inverse d’une addition est une soustraction.',
      });
    }
    case 'guess_mul': {
      const n = random.int(10, 50);
      const factor = random.int(2, 5);
      return word({
        scenario: 'guess_mul',
        formula: 'a/b',
        operands: [n * factor, factor],
        question: `${name} pense à un nombre. Si on le multiplie par ${factor}, on obtient ${n * factor}. Quel est ce nombre ?`,
        method: 'Pour retrouver le nombre, on fait l’opération inverse : on divise.',
        hint: 'Fais le chemin à l’envers : l’inverse d’une multiplication est une division.',
      });
    }
    case 'purchase': {
      const count = random.int(min, max);
      const price = random.int(2, 5);
      return word({
        scenario: 'purchase',
        formula: 'a*b',
        operands: [count, price],
        question: `${name} achète ${count} ${count > 1 ? 'cahiers' : 'cahier'} à ${price} euros pièce. Combien paie-t-${pronoun} en tout ?`,
        method:
          'Chaque cahier coûte le même prix : on multiplie le nombre de cahiers par le prix d’un cahier.',
        hint: 'Le même prix revient plusieurs fois : pense à la multiplication.',
      });
    }
    case 'loss': {
      const found = random.int(Math.max(2, min), max);
      const lost = random.int(1, found - 1);
      return word({
        scenario: 'loss',
        formula: 'a-b',
        operands: [found, lost],
        question: `${name} ramasse ${found} coquillages sur la plage. ${cap(pronoun)} en perd ${lost} sur le chemin du retour. Combien lui en reste-t-il ?`,
        method: 'On enlève les coquillages perdus du nombre ramassé.',
        hint: 'Il en reste moins qu’au départ : quelle opération faut-il faire ?',
      });
    }
    case 'share': {
      const groups = random.int(2, 5);
      const each = random.int(
        Math.max(1, Math.ceil(min / groups)),
        Math.max(1, Math.floor(max / groups)),
      );
      return word({
        scenario: 'share',
        formula: 'a/b',
        operands: [groups * each, groups],
        question: `${name} partage ${groups * each} bonbons en parts égales entre ${groups} amis. Combien de bonbons reçoit chaque ami ?`,
        method: 'Partager en parts égales, c’est diviser.',
        hint: 'Chaque ami reçoit autant : pense à la division.',
      });
    }
    case 'sequence':
      return sequenceProblem(random.int(1, 5), random.int(1, 3), 4, false);
    case 'collect': {
      const a = random.int(min, max);
      const b = random.int(min, max);
      return word({
        scenario: 'collect',
        formula: 'a+b',
        operands: [a, b],
        question: `${name} a ${a} timbres dans sa collection. Sa grand-mère lui en offre ${b}. Combien de timbres a-t-${pronoun} maintenant ?`,
        method: 'On ajoute les timbres offerts à ceux de la collection.',
        hint: 'La collection grandit : quelle opération faut-il faire ?',
      });
    }
    case 'multi_step': {
      const a = random.int(min, max);
      const b = random.int(min, max);
      const c = random.int(1, a + b - 1);
      return word({
        scenario: 'multi_step',
        formula: 'a+b-c',
        operands: [a, b, c],
        question: `Une bibliothèque a ${a} livres. Elle en reçoit ${b} nouveaux, puis elle en prête ${c}. Combien de livres reste-t-il dans la bibliothèque ?`,
        method: 'On ajoute d’abord les livres reçus, puis on enlève les livres prêtés.',
        hint: 'Procède en deux étapes, dans l’ordre de l’histoire.',
      });
    }
    default: {
      const items = random.int(2, 9);
      const price = random.int(
        Math.max(2, Math.floor(min / 10)),
        Math.max(3, Math.floor(max / 10)),
      );
      const paid = items * price + random.int(1, Math.max(5, Math.floor(min / 2)));
      return word({
        scenario: 'change',
        formula: 'a-b*c',
        operands: [paid, items, price],
        question: `${name} achète ${items} places de cinéma à ${price} euros chacune. ${cap(pronoun)} paie avec ${paid} euros. Combien d'euros doit-on lui rendre ?`,
        method: 'On calcule d’abord le prix total des places, puis on l’enlève de la somme payée.',
        hint: 'Calcule d’abord combien coûtent toutes les places.',
      });
    }
  }
};

const THEMED_TABLE = [
  { base: [3, 8], mod: [2, 5], large: [10, 20] },
  { base: [5, 12], mod: [3, 7], large: [15, 30] },
  { base: [8, 15], mod: [4, 9], large: [20, 50] },
  { base: [10, 25], mod: [5, 12], large: [30, 100] },
  { base: [10, 25], mod: [5, 12], large: [30, 100] },
] as const;

const between = (random: Random, [lo, hi]: readonly [number, number]): number => random.int(lo, hi);

const themedTexte = ({ difficulty, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const row = THEMED_TABLE[level] ?? THEMED_TABLE[1];
  const base = between(random, row.base);
  const mod = between(random, row.mod);
  const large = between(random, row.large);
  const [name, pronoun] = random.pick(PEOPLE);
  if (level === 0) {
    const kind = random.pick(['add', 'sub', 'mul']);
    if (kind === 'add') {
      return word({
        scenario: 'themed_add',
        formula: 'a+b',
        operands: [base, mod],
        question: `${name} a ${base} badges de mission. ${cap(pronoun)} en gagne ${mod} de plus aujourd'hui. Combien de badges a-t-${pronoun} maintenant ?`,
        method: 'On ajoute les badges gagnés à ceux du départ.',
        hint: 'Il y en a plus qu’avant : quelle opération faut-il faire ?',
      });
    }
    if (kind === 'sub') {
      return word({
        scenario: 'themed_sub',
        formula: 'a-b',
        operands: [large, base],
        question: `Il y a ${large} étoiles de mer sur la lune Aqua. Un robot en ramène ${base} au laboratoire. Combien en reste-t-il sur la lune ?`,
        method: 'On enlève les étoiles de mer ramenées au laboratoire.',
        hint: 'Il en reste moins qu’au départ : quelle opération faut-il faire ?',
      });
    }
    return word({
      scenario: 'themed_mul',
      formula: 'a*b',
      operands: [base, mod],
      question: `Une navette a ${base} rangées de ${mod} sièges. Combien de sièges y a-t-il dans la navette ?`,
      method: 'Chaque rangée a le même nombre de sièges : on multiplie.',
      hint: 'Le même nombre revient plusieurs fois : pense à la multiplication.',
    });
  }
  if (level === 1) {
    const kind = random.pick(['two_step', 'sequence', 'comparison']);
    if (kind === 'sequence') return sequenceProblem(base, mod, 3, true);
    if (kind === 'two_step') {
      const used = random.int(1, base);
      return word({
        scenario: 'themed_two_step',
        formula: 'a*b-c',
        operands: [base, mod, used],
        question: `Le laboratoire reçoit ${base} caisses de ${mod} cristaux. Les chercheurs en utilisent ${used}. Combien de cristaux reste-t-il ?`,
        method:
          'On calcule d’abord le nombre total de cristaux, puis on enlève ceux qui ont été utilisés.',
        hint: 'Procède en deux étapes : combien de cristaux y avait-il en tout au départ ?',
      });
    }
    const times = random.int(2, 4);
    return word({
      scenario: 'themed_comparison',
      formula: 'a*b',
      operands: [base, times],
      question: `${name} a réussi ${base} missions. Son instructeur en a réussi ${times} fois plus. Combien de missions l'instructeur a-t-il réussies ?`,
      method: `« ${times} fois plus » veut dire qu'on multiplie par ${times}.`,
      hint: '« Fois plus » : pense à la multiplication.',
    });
  }
  const kind = random.pick(['multi_step', 'ratio', 'consecutive']);
  if (kind === 'multi_step') {
    const crates = random.int(2, 5);
    return word({
      scenario: 'themed_multi_step',
      formula: 'a*b+c*d',
      operands: [base, mod, crates, large],
      question: `La cantine de la base commande ${base} cartons de ${mod} rations et ${crates} cartons de ${large} boissons. Combien d'articles reçoit-elle en tout ?`,
      method:
        'On calcule séparément le nombre de rations et le nombre de boissons, puis on les additionne.',
      hint: 'Fais deux multiplications, puis une addition.',
    });
  }
  if (kind === 'ratio') {
    const days = random.int(2, 5);
    return word({
      scenario: 'themed_ratio',
      formula: '(a+b)*c',
      operands: [base, mod, days],
      question: `Chaque jour, ${name} répare ${base} panneaux solaires le matin et ${mod} l'après-midi. Combien de panneaux répare-t-${pronoun} en ${days} jours ?`,
      method:
        'On calcule d’abord combien de panneaux sont réparés en un jour, puis on multiplie par le nombre de jours.',
      hint: 'Combien de panneaux sont réparés en une seule journée ?',
    });
  }
  const n = base + mod;
  return word({
    scenario: 'themed_consecutive',
    formula: '(a-b)/c',
    operands: [2 * n + 1, 1, 2],
    question: `Deux modules de la station portent des numéros qui se suivent. La somme de leurs numéros est ${2 * n + 1}. Quel est le plus petit des deux numéros ?`,
    method: `Si le plus petit numéro est n, l'autre est n + 1, donc n + n + 1 = ${2 * n + 1}. On enlève 1, puis on divise par 2.`,
    hint: 'Si on appelle n le plus petit numéro, quel est l’autre ?',
  });
};

export const texteProblem = (context: ProblemContext): Problem =>
  context.themed ? themedTexte(context) : plainTexte(context);
