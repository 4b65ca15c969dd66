import type { StarterChallenge } from './starter-challenge.types.ts';

/** Suites: `visual_data.sequence` (numbers) and, below difficulty 4, a `pattern` clue. */
export const SEQUENCE_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'sequence-6-8-marches-fusee',
    challengeType: 'SEQUENCE',
    ageGroup: 'GROUP_6_8',
    title: 'Les marches de la fusée',
    description:
      "Le petit robot grimpe l'escalier de la fusée. Sur chaque marche, un nombre brille !",
    question: 'Quel nombre brille sur la marche suivante : 2, 4, 6, 8, ... ?',
    correctAnswer: '10',
    choices: ['9', '10', '11', '12'],
    visualData: {
      sequence: [2, 4, 6, 8],
      pattern: 'On avance toujours du même nombre de pas.',
    },
    hints: [
      'Regarde de combien on avance pour aller de 2 à 4.',
      'Pour passer d’une marche à la suivante, on ajoute toujours 2. Que fait 8 + 2 ?',
    ],
    solutionExplanation:
      'Bravo ! On ajoute 2 à chaque marche : 2, 4, 6, 8, puis 8 + 2 = 10. Ce sont les nombres pairs.',
    difficulty: 'INITIE',
    difficultyRating: 1.2,
    estimatedTimeMinutes: 3,
    tags: 'suite,addition,nombres pairs',
    checks: { equivalent: '10.', wrong: '9' },
  },
  {
    key: 'sequence-9-11-signal-balises',
    challengeType: 'SEQUENCE',
    ageGroup: 'GROUP_9_11',
    title: 'Le signal des balises',
    description:
      'Une balise spatiale envoie des impulsions. Les ingénieurs ont noté leur nombre à chaque minute.',
    question:
      'Combien d’impulsions la balise enverra-t-elle à la minute suivante : 3, 6, 12, 24, ... ?',
    correctAnswer: '48',
    choices: null,
    visualData: {
      sequence: [3, 6, 12, 24],
      pattern: 'Chaque nombre dépend du précédent par une même opération.',
    },
    hints: [
      'Compare 3 et 6, puis 6 et 12 : ajoute-t-on la même chose à chaque fois ?',
      'L’écart grandit : ce n’est pas une addition. Essaie plutôt une multiplication.',
      'Chaque nombre est le double du précédent. Calcule le double de 24.',
    ],
    solutionExplanation:
      'Chaque minute, le nombre d’impulsions double : 3 × 2 = 6, 6 × 2 = 12, 12 × 2 = 24, puis 24 × 2 = 48.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.3,
    estimatedTimeMinutes: 5,
    tags: 'suite,multiplication,double',
    checks: { equivalent: '48.0', wrong: '36' },
  },
  {
    key: 'sequence-12-14-anneaux-saturne',
    challengeType: 'SEQUENCE',
    ageGroup: 'GROUP_12_14',
    title: 'Les anneaux de Saturne',
    description:
      'Des astéroïdes se rangent en triangles autour de Saturne : 1, puis 3, puis 6… Chaque triangle a une rangée de plus.',
    question: 'Combien d’astéroïdes faut-il pour le triangle suivant : 1, 3, 6, 10, 15, ... ?',
    correctAnswer: '21',
    choices: null,
    visualData: {
      sequence: [1, 3, 6, 10, 15],
      pattern: 'Observe les écarts entre deux nombres voisins.',
    },
    hints: [
      'Calcule les écarts : de 1 à 3, de 3 à 6, de 6 à 10…',
      'Les écarts sont 2, 3, 4, 5 : ils augmentent de 1 à chaque fois.',
    ],
    solutionExplanation:
      'Les écarts augmentent de 1 : +2, +3, +4, +5, donc ensuite +6. 15 + 6 = 21. Ce sont les nombres triangulaires : une rangée de plus à chaque triangle.',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.2,
    estimatedTimeMinutes: 6,
    tags: 'suite,nombres triangulaires,écarts',
    checks: { equivalent: '21,0', wrong: '20' },
  },
  {
    key: 'sequence-15-17-serre-fibonacci',
    challengeType: 'SEQUENCE',
    ageGroup: 'GROUP_15_17',
    title: 'La colonie de la serre lunaire',
    description:
      'Dans la serre de la base lunaire, une plante produit de nouvelles pousses selon une règle étonnante.',
    question: 'Quel nombre vient ensuite : 2, 3, 5, 8, 13, 21, ... ?',
    correctAnswer: '34',
    choices: null,
    visualData: { sequence: [2, 3, 5, 8, 13, 21] },
    hints: [
      'Les écarts (1, 2, 3, 5, 8) ressemblent étrangement à la suite elle-même.',
      'Chaque nombre s’obtient à partir des deux nombres qui le précèdent.',
    ],
    solutionExplanation:
      'Chaque terme est la somme des deux précédents : 2 + 3 = 5, 3 + 5 = 8, …, 13 + 21 = 34. C’est la suite de Fibonacci, qu’on retrouve dans les pommes de pin et les tournesols.',
    difficulty: 'MAITRE',
    difficultyRating: 3.8,
    estimatedTimeMinutes: 6,
    tags: 'suite,fibonacci,récurrence',
    checks: { equivalent: ' 34 ', wrong: '29' },
  },
  {
    key: 'sequence-adulte-regarde-et-dis',
    challengeType: 'SEQUENCE',
    ageGroup: 'ADULT',
    title: 'Le message de la sonde',
    description:
      'Une sonde transmet une suite de nombres qui ne semble obéir à aucune règle arithmétique. Et si elle décrivait ce qu’elle voit ?',
    question: 'Quel nombre la sonde transmettra-t-elle ensuite : 1, 11, 21, 1211, 111221, ... ?',
    correctAnswer: '312211',
    choices: null,
    visualData: { sequence: [1, 11, 21, 1211, 111221] },
    hints: [
      'Oublie les calculs : lis chaque nombre à voix haute, chiffre par chiffre.',
      '11 se lit « un 1 », 21 se lit « deux 1 », 1211 se lit « un 2, un 1 »…',
      'Décris 111221 de la même façon : combien de 1, puis combien de 2, puis combien de 1 ?',
    ],
    solutionExplanation:
      'Chaque terme décrit le précédent : 111221 contient « trois 1, deux 2, un 1 », ce qui s’écrit 312211. C’est la suite « regarde et dis » de John Conway.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.5,
    estimatedTimeMinutes: 8,
    tags: 'suite,conway,logique',
    checks: { equivalent: '312211.', wrong: '1231' },
  },
  {
    key: 'sequence-tous-ages-escalier-magique',
    challengeType: 'SEQUENCE',
    ageGroup: 'ALL_AGES',
    title: 'L’escalier magique',
    description:
      'Sur l’escalier magique de l’académie, les sauts deviennent de plus en plus grands. Petits et grands, à vous de jouer !',
    question: 'Quel nombre vient ensuite : 1, 2, 4, 7, 11, ... ?',
    correctAnswer: '16',
    choices: null,
    visualData: {
      sequence: [1, 2, 4, 7, 11],
      pattern: 'La taille des sauts change à chaque fois.',
    },
    hints: [
      'Écris les sauts entre deux nombres voisins : de 1 à 2, de 2 à 4, de 4 à 7…',
      'Les sauts valent 1, 2, 3, 4 : le prochain saut est un peu plus grand.',
    ],
    solutionExplanation:
      'Les sauts grandissent de 1 à chaque fois : +1, +2, +3, +4, puis +5. Donc 11 + 5 = 16.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.2,
    estimatedTimeMinutes: 4,
    tags: 'suite,écarts,addition',
    checks: { equivalent: '16.0', wrong: '15' },
  },
];
