import { DIFFICULTY_LIMITS, draw, levelOf, type Problem, type ProblemContext } from '../limits.ts';
import { recomputeAnswer } from '../params.ts';

/** ADDITION, SOUSTRACTION, MULTIPLICATION, DIVISION (domain-rules §2.3.1–2.3.4 and §2.4). */

const s = (n: number, word: string, plural = `${word}s`): string => `${n} ${n > 1 ? plural : word}`;

export const additionProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const range = DIFFICULTY_LIMITS[difficulty].addition;
  const a = draw(random, range);
  const b = draw(random, range);
  const params = { kind: 'addition' as const, operands: [a, b] as [number, number] };
  const r = Number(recomputeAnswer(params));
  const stories = [
    `L'escadrille compte ${s(a, 'vaisseau', 'vaisseaux')}. ${s(b, 'vaisseau', 'vaisseaux')} la ${b > 1 ? 'rejoignent' : 'rejoint'}. Combien de vaisseaux y a-t-il maintenant dans l'escadrille ?`,
    `Un cadet a récolté ${s(a, 'cristal', 'cristaux')} sur une lune, puis ${s(b, 'cristal', 'cristaux')} sur une autre. Combien de cristaux a-t-il récoltés en tout ?`,
    `La station spatiale accueille ${s(a, 'pilote')}. Une navette en amène ${b} de plus. Combien de pilotes y a-t-il maintenant sur la station ?`,
  ];
  return {
    params,
    question: themed ? random.pick(stories) : `Combien font ${a} + ${b} ?`,
    explanation: `Pour trouver le total, on additionne les deux nombres : ${a} + ${b} = ${r}.`,
    hint:
      levelOf(difficulty) === 0
        ? 'Pars du plus grand des deux nombres et compte en avançant autant de fois que le plus petit.'
        : "Additionne d'abord les unités, puis les dizaines, puis les centaines, sans oublier les retenues.",
    distractors: [r + 1, r - 1, r + 10, r - 10, a * b, Math.abs(a - b)].map(String),
    tags: ['addition'],
  };
};

export const subtractionProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const { first, second } = DIFFICULTY_LIMITS[difficulty].subtraction;
  const a = draw(random, first);
  const b = random.int(second.min, Math.min(a - 1, second.max));
  const params = { kind: 'subtraction' as const, operands: [a, b] as [number, number] };
  const r = Number(recomputeAnswer(params));
  const stories = [
    `Le cargo transporte ${s(a, 'caisse')} de provisions. Il en livre ${b} à la station. Combien de caisses reste-t-il à bord ?`,
    `Le réservoir contient ${a} litres de carburant. Le voyage en consomme ${b} litres. Combien de litres reste-t-il dans le réservoir ?`,
    `L'Académie a ${s(a, 'combinaison')} spatiales. ${s(b, 'cadet')} en ${b > 1 ? 'empruntent' : 'emprunte'} une chacun. Combien de combinaisons restent au vestiaire ?`,
  ];
  return {
    params,
    question: themed ? random.pick(stories) : `Combien font ${a} − ${b} ?`,
    explanation: `Pour trouver ce qui reste, on soustrait : ${a} − ${b} = ${r}.`,
    hint:
      levelOf(difficulty) === 0
        ? 'Pars du premier nombre et compte en reculant.'
        : "Soustrais d'abord les unités, puis les dizaines ; si le chiffre du haut est trop petit, emprunte une dizaine.",
    distractors: [r + 1, r - 1, r + 10, r - 10, a + b, r + 2].map(String),
    tags: ['soustraction'],
  };
};

export const multiplicationProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const range = DIFFICULTY_LIMITS[difficulty].multiplication;
  const a = draw(random, range);
  const b = draw(random, range);
  const params = { kind: 'multiplication' as const, operands: [a, b] as [number, number] };
  const r = Number(recomputeAnswer(params));
  const stories = [
    `La flotte compte ${s(a, 'escadrille')} de ${s(b, 'vaisseau', 'vaisseaux')}. Combien de vaisseaux y a-t-il en tout ?`,
    `Chaque module de la station a ${s(b, 'hublot')}. La station a ${s(a, 'module')}. Combien de hublots y a-t-il en tout ?`,
    `Un robot range ${s(b, 'boulon')} dans chacune de ses ${s(a, 'boîte')}. Combien de boulons range-t-il en tout ?`,
  ];
  return {
    params,
    question: themed ? random.pick(stories) : `Combien font ${a} × ${b} ?`,
    explanation: `Pour trouver le produit, on multiplie : ${a} × ${b} = ${r}.`,
    hint:
      levelOf(difficulty) <= 1
        ? 'Utilise ta table de multiplication, ou additionne le même nombre plusieurs fois.'
        : 'Décompose un des deux nombres en dizaines et unités, multiplie chaque partie, puis additionne.',
    distractors: [r + a, r - b, a + b, r + 1, r - 1, r + 10].map(String),
    tags: ['multiplication'],
  };
};

export const divisionProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const { divisor, quotient } = DIFFICULTY_LIMITS[difficulty].division;
  const b = draw(random, divisor);
  const q = draw(random, quotient);
  const a = b * q;
  const params = { kind: 'division' as const, operands: [a, b] as [number, number] };
  const r = Number(recomputeAnswer(params));
  const stories = [
    `${a} pilotes sont répartis en ${b} escouades de même taille. Combien de pilotes y a-t-il dans chaque escouade ?`,
    `Un cargo doit livrer ${a} caisses en les partageant également entre ${b} planètes. Combien de caisses reçoit chaque planète ?`,
    `On range ${a} cristaux dans des boîtes de ${b}. Combien de boîtes remplit-on ?`,
  ];
  return {
    params,
    question: themed ? random.pick(stories) : `Combien font ${a} ÷ ${b} ?`,
    explanation: `Pour partager en parts égales, on divise : ${a} ÷ ${b} = ${r}, car ${b} × ${r} = ${a}.`,
    hint: 'Cherche dans la table de multiplication du diviseur le nombre qui donne le dividende.',
    distractors: [r + 1, r - 1, r + 2, a - b, r * 2, r + 10].map(String),
    tags: ['division'],
  };
};
