import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Casse-têtes de rangement: `visual_data.pieces` (shown in a shuffled order the learner drags, never
 * the solution order), `rules` and `description`; the answer lists every piece once, in order.
 */
export const PUZZLE_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'puzzle-6-8-ranger-nombres',
    challengeType: 'PUZZLE',
    ageGroup: 'GROUP_6_8',
    title: 'Les caisses du cargo',
    description:
      'Le cargo spatial transporte quatre caisses numérotées. Le robot doit les ranger dans le bon ordre.',
    question:
      'Range les caisses du plus petit numéro au plus grand. Écris les numéros dans l’ordre, séparés par des virgules.',
    correctAnswer: '2, 4, 7, 9',
    choices: null,
    visualData: {
      pieces: ['7', '2', '9', '4'],
      rules: ['Du plus petit au plus grand.', 'Chaque caisse est rangée une seule fois.'],
      description: 'Fais glisser les caisses pour les mettre dans l’ordre.',
    },
    hints: [
      'Cherche d’abord la caisse avec le plus petit numéro.',
      'Ensuite, parmi les caisses qui restent, prends encore la plus petite.',
    ],
    solutionExplanation:
      'Du plus petit au plus grand : 2, puis 4, puis 7, puis 9. Bien rangé, petit Padawan !',
    difficulty: 'INITIE',
    difficultyRating: 1.2,
    estimatedTimeMinutes: 3,
    tags: 'casse-tête,ordre,nombres',
    checks: { equivalent: '2 4 7 9', wrong: '9, 7, 4, 2' },
  },
  {
    key: 'puzzle-9-11-file-astronautes',
    challengeType: 'PUZZLE',
    ageGroup: 'GROUP_9_11',
    title: 'La file d’embarquement',
    description:
      'Ana, Bilal, Chloé et Dario font la queue pour embarquer dans la navette. Retrouve leur ordre grâce aux indices.',
    question:
      'Dans quel ordre sont-ils, du premier au dernier ? Écris les prénoms séparés par des virgules.',
    correctAnswer: 'Dario, Chloé, Ana, Bilal',
    choices: null,
    visualData: {
      pieces: ['Ana', 'Bilal', 'Chloé', 'Dario'],
      rules: [
        'Dario est le premier de la file.',
        'Bilal est le dernier.',
        'Chloé est juste devant Ana.',
      ],
      description: 'Quatre astronautes, quatre places.',
    },
    hints: [
      'Place d’abord ceux dont la place est donnée directement.',
      'Il reste deux places au milieu pour Chloé et Ana : qui est devant l’autre ?',
    ],
    solutionExplanation:
      'Dario est premier et Bilal dernier. Chloé est juste devant Ana, donc Chloé est deuxième et Ana troisième : Dario, Chloé, Ana, Bilal.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.0,
    estimatedTimeMinutes: 4,
    tags: 'casse-tête,ordre,indices',
    checks: { equivalent: 'dario chloe ana bilal', wrong: 'Chloé, Ana, Dario, Bilal' },
  },
  {
    key: 'puzzle-12-14-modules-station',
    challengeType: 'PUZZLE',
    ageGroup: 'GROUP_12_14',
    title: 'L’assemblage de la station',
    description:
      'Cinq modules (A, B, C, D et E) doivent être alignés pour former la nouvelle station orbitale.',
    question:
      'Dans quel ordre faut-il aligner les modules, de gauche à droite ? Écris les lettres séparées par des virgules.',
    correctAnswer: 'D, B, E, C, A',
    choices: null,
    visualData: {
      pieces: ['A', 'B', 'C', 'D', 'E'],
      rules: [
        'Le module A est tout à droite.',
        'Le module E est exactement au milieu.',
        'Le module C est juste à gauche de A.',
        'Le module D n’est pas à côté de E.',
      ],
      description: 'Cinq places, de gauche à droite.',
    },
    hints: [
      'Trois modules ont une place que les règles donnent presque directement.',
      'Une fois A, E et C placés, il reste deux places pour B et D. Laquelle touche E ?',
    ],
    solutionExplanation:
      'A est en 5, E en 3 et C juste à gauche de A, donc en 4. Il reste les places 1 et 2 pour B et D. La place 2 touche E, or D ne doit pas être à côté de E : D est en 1 et B en 2. Ordre : D, B, E, C, A.',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.0,
    estimatedTimeMinutes: 6,
    tags: 'casse-tête,ordre,logique',
    checks: { equivalent: 'd b e c a', wrong: 'B, D, E, C, A' },
  },
  {
    key: 'puzzle-15-17-atterrissages',
    challengeType: 'PUZZLE',
    ageGroup: 'GROUP_15_17',
    title: 'La tour de contrôle',
    description:
      'Six vaisseaux (Aigle, Bison, Comète, Dauphin, Éclair et Faucon) doivent atterrir l’un après l’autre. La tour de contrôle a noté quelques contraintes.',
    question:
      'Dans quel ordre les vaisseaux atterrissent-ils ? Écris les six noms séparés par des virgules, du premier au dernier.',
    correctAnswer: 'Faucon, Éclair, Aigle, Comète, Bison, Dauphin',
    choices: null,
    visualData: {
      pieces: ['Aigle', 'Bison', 'Comète', 'Dauphin', 'Éclair', 'Faucon'],
      rules: [
        'Dauphin atterrit en dernier.',
        'Comète atterrit juste après Aigle.',
        'Éclair atterrit juste avant Aigle.',
        'Bison atterrit après Comète.',
        'Faucon atterrit avant Bison, mais pas juste avant.',
      ],
      description: 'Six vaisseaux, six créneaux d’atterrissage.',
    },
    hints: [
      'Trois vaisseaux forment un bloc qui atterrit d’affilée : lesquels ?',
      'Teste chaque place possible pour le bloc Éclair, Aigle, Comète avec les règles sur Bison et Faucon.',
    ],
    solutionExplanation:
      'Éclair, Aigle et Comète atterrissent d’affilée, Dauphin en 6. Le bloc ne peut pas finir en 5 : Bison doit atterrir après Comète. S’il commençait en 1, Faucon et Bison prendraient les créneaux 4 et 5, Faucon juste avant Bison : c’est interdit. Le bloc occupe donc les créneaux 2 à 4, Faucon le 1 et Bison le 5 : Faucon, Éclair, Aigle, Comète, Bison, Dauphin.',
    difficulty: 'MAITRE',
    difficultyRating: 3.8,
    estimatedTimeMinutes: 8,
    tags: 'casse-tête,ordre,contraintes',
    checks: {
      equivalent: 'faucon eclair aigle comete bison dauphin',
      wrong: 'Éclair, Aigle, Comète, Faucon, Bison, Dauphin',
    },
  },
  {
    key: 'puzzle-adulte-carre-magique',
    challengeType: 'PUZZLE',
    ageGroup: 'ADULT',
    title: 'Le carré magique du temple',
    description:
      'Sur la porte du temple, un carré de 3 × 3 cases doit contenir les nombres de 1 à 9, une fois chacun, de sorte que chaque ligne, chaque colonne et chaque diagonale ait la même somme. La première ligne commence par 2 puis 7.',
    question:
      'Place les sept nombres restants. Écris-les dans l’ordre de lecture des cases vides (fin de la première ligne, puis deuxième ligne, puis troisième ligne), séparés par des virgules.',
    correctAnswer: '6, 9, 5, 1, 4, 3, 8',
    choices: null,
    visualData: {
      pieces: ['1', '3', '4', '5', '6', '8', '9'],
      rules: [
        'Chaque nombre de 1 à 9 est utilisé une seule fois ; 2 et 7 sont déjà placés en haut à gauche.',
        'Les trois lignes, les trois colonnes et les deux diagonales ont la même somme.',
      ],
      description:
        'Première ligne : 2, 7, ? — deuxième ligne : ?, ?, ? — troisième ligne : ?, ?, ?',
    },
    hints: [
      'La somme de 1 à 9 vaut 45, répartie sur trois lignes : chaque ligne vaut donc 15.',
      'La case du centre appartient à quatre alignements : c’est toujours 5 dans un carré magique 3 × 3.',
      'Complète la première ligne, puis utilise les diagonales qui passent par le centre.',
    ],
    solutionExplanation:
      'Chaque ligne vaut 45 ÷ 3 = 15 et le centre vaut 5. Première ligne : 2 + 7 + 6. Les diagonales donnent 8 en bas à droite (2 + 5 + 8) et 4 en bas à gauche (6 + 5 + 4). Les colonnes donnent ensuite 9, 3 et 1. Le carré : 2 7 6 / 9 5 1 / 4 3 8.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.2,
    estimatedTimeMinutes: 10,
    tags: 'casse-tête,carré magique,sommes',
    checks: { equivalent: '[6, 9, 5, 1, 4, 3, 8]', wrong: '6, 1, 5, 9, 4, 3, 8' },
  },
  {
    key: 'puzzle-tous-ages-robots-taille',
    challengeType: 'PUZZLE',
    ageGroup: 'ALL_AGES',
    title: 'La photo des robots',
    description:
      'Trois robots, Bip, Bop et Bup, posent pour la photo de classe. Le photographe les range du plus petit au plus grand.',
    question:
      'Dans quel ordre se placent-ils, du plus petit au plus grand ? Écris leurs noms séparés par des virgules.',
    correctAnswer: 'Bup, Bop, Bip',
    choices: null,
    visualData: {
      pieces: ['Bip', 'Bop', 'Bup'],
      rules: ['Bip est plus grand que Bop.', 'Bup est plus petit que Bop.'],
      description: 'Trois robots à ranger par taille.',
    },
    hints: [
      'Bop est comparé aux deux autres : commence par lui.',
      'Bop est plus petit que Bip mais plus grand que Bup : il est donc au milieu.',
    ],
    solutionExplanation:
      'Bup est plus petit que Bop, qui est plus petit que Bip. Du plus petit au plus grand : Bup, Bop, Bip.',
    difficulty: 'PADAWAN',
    difficultyRating: 1.8,
    estimatedTimeMinutes: 3,
    tags: 'casse-tête,ordre,comparaison',
    checks: { equivalent: 'bup bop bip', wrong: 'Bip, Bop, Bup' },
  },
];
