import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Graphes: `visual_data.nodes`, `edges` (`[from, to]`, or `[from, to, weight]` drawn with its weight),
 * `positions` on the frontend's 0–200 scale. Answers are a path (`A-B-D`), a node set (`C, D`) or a
 * number; the content tests recompute each one (BFS, Dijkstra, degrees, colouring, Kruskal, DFS).
 */
export const GRAPH_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'graph-6-8-chemin-court',
    challengeType: 'GRAPH',
    ageGroup: 'GROUP_6_8',
    title: 'Le raccourci du robot',
    description:
      'Le robot Pik doit livrer un colis de la base A à la base D. Les traits sont les routes entre les bases.',
    question:
      'Quel chemin de A à D utilise le moins de routes ? Écris les bases dans l’ordre avec des tirets (comme X-Y-Z).',
    correctAnswer: 'A-B-D',
    choices: null,
    visualData: {
      nodes: ['A', 'B', 'C', 'D', 'E'],
      edges: [
        ['A', 'B'],
        ['B', 'D'],
        ['A', 'C'],
        ['C', 'E'],
        ['E', 'D'],
      ],
      positions: { A: [10, 100], B: [100, 30], C: [60, 170], E: [140, 170], D: [190, 100] },
    },
    hints: [
      'Il y a deux façons d’aller de A à D : par le haut ou par le bas.',
      'Compte les routes de chaque chemin et garde le plus petit nombre.',
    ],
    solutionExplanation:
      'Par le haut, A-B-D utilise 2 routes ; par le bas, A-C-E-D en utilise 3. Le plus court est A-B-D.',
    difficulty: 'INITIE',
    difficultyRating: 1.4,
    estimatedTimeMinutes: 3,
    tags: 'graphe,chemin,plus court',
    checks: { equivalent: 'a → b → d', wrong: 'A-C-E-D' },
  },
  {
    key: 'graph-9-11-trajet-rapide',
    challengeType: 'GRAPH',
    ageGroup: 'GROUP_9_11',
    title: 'Le trajet le plus rapide',
    description:
      'Entre les stations A et E, les navettes mettent plus ou moins de temps. Le nombre sur chaque route indique la durée du trajet, en minutes.',
    question:
      'Quel est le trajet le plus rapide de A à E ? Écris les stations dans l’ordre avec des tirets.',
    correctAnswer: 'A-C-B-D-E',
    choices: null,
    visualData: {
      nodes: ['A', 'B', 'C', 'D', 'E'],
      edges: [
        ['A', 'B', 4],
        ['A', 'C', 2],
        ['C', 'B', 1],
        ['B', 'D', 5],
        ['C', 'D', 8],
        ['D', 'E', 3],
        ['C', 'E', 10],
      ],
      positions: { A: [10, 100], B: [70, 30], C: [70, 170], D: [140, 100], E: [195, 100] },
    },
    hints: [
      'Le chemin avec le moins d’étapes n’est pas forcément le plus rapide : additionne les minutes.',
      'Aller de A à B directement coûte 4 minutes. Existe-t-il un détour plus court pour atteindre B ?',
    ],
    solutionExplanation:
      'A-C-B coûte 2 + 1 = 3 minutes, moins que la route directe A-B (4). Ensuite B-D-E coûte 5 + 3 = 8. Total : 11 minutes, le meilleur trajet (A-B-D-E : 12, A-C-D-E : 13, A-C-E : 12).',
    difficulty: 'PADAWAN',
    difficultyRating: 2.6,
    estimatedTimeMinutes: 6,
    tags: 'graphe,plus court chemin,pondéré',
    checks: { equivalent: 'A, C, B, D, E', wrong: 'A-B-D-E' },
  },
  {
    key: 'graph-12-14-maison-un-trait',
    challengeType: 'GRAPH',
    ageGroup: 'GROUP_12_14',
    title: 'La maison d’un seul trait',
    description:
      'Peut-on dessiner cette maison sans lever le crayon et sans repasser sur un trait ? Oui, mais pas en partant de n’importe où !',
    question:
      'De quels sommets faut-il partir (on finit alors sur l’autre) ? Donne les deux sommets, séparés par une virgule.',
    correctAnswer: 'C, D',
    choices: null,
    visualData: {
      nodes: ['A', 'B', 'C', 'D', 'E'],
      edges: [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'D'],
        ['D', 'A'],
        ['A', 'C'],
        ['B', 'D'],
        ['A', 'E'],
        ['B', 'E'],
      ],
      positions: { E: [100, 15], A: [45, 85], B: [155, 85], D: [45, 190], C: [155, 190] },
    },
    hints: [
      'Compte combien de traits partent de chaque sommet.',
      'Quand on passe par un sommet, on utilise un trait pour arriver et un pour repartir : seuls le départ et l’arrivée peuvent avoir un nombre impair de traits.',
    ],
    solutionExplanation:
      'A et B ont 4 traits, E en a 2, C et D en ont 3. Un tracé d’un seul trait doit commencer et finir sur les sommets impairs : on part de C pour finir en D, ou l’inverse. C’est le théorème d’Euler.',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.4,
    estimatedTimeMinutes: 7,
    tags: 'graphe,euler,degrés',
    checks: { equivalent: 'D C', wrong: 'A, B' },
  },
  {
    key: 'graph-15-17-coloriage-roue',
    challengeType: 'GRAPH',
    ageGroup: 'GROUP_15_17',
    title: 'Les fréquences radio',
    description:
      'Six antennes communiquent : deux antennes reliées ne doivent jamais utiliser la même fréquence, sinon elles se brouillent.',
    question: 'Combien de fréquences différentes faut-il au minimum ?',
    correctAnswer: '4',
    choices: null,
    visualData: {
      nodes: ['O', 'A', 'B', 'C', 'D', 'E'],
      edges: [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'D'],
        ['D', 'E'],
        ['E', 'A'],
        ['O', 'A'],
        ['O', 'B'],
        ['O', 'C'],
        ['O', 'D'],
        ['O', 'E'],
      ],
      positions: {
        O: [100, 105],
        A: [100, 20],
        B: [181, 79],
        C: [150, 174],
        D: [50, 174],
        E: [19, 79],
      },
    },
    hints: [
      'L’antenne O est reliée à toutes les autres : sa fréquence ne peut servir nulle part ailleurs.',
      'Combien de fréquences faut-il pour le tour A-B-C-D-E, qui compte un nombre impair d’antennes ?',
    ],
    solutionExplanation:
      'Le tour A-B-C-D-E a 5 antennes : en alternant deux fréquences, la cinquième touche la première, il en faut donc 3. L’antenne O, reliée à toutes, en demande une quatrième. Avec 4 fréquences, c’est possible : il en faut 4 au minimum.',
    difficulty: 'MAITRE',
    difficultyRating: 4.0,
    estimatedTimeMinutes: 8,
    tags: 'graphe,coloriage,nombre chromatique',
    checks: { equivalent: '4 fréquences', wrong: '3' },
  },
  {
    key: 'graph-adulte-arbre-couvrant',
    challengeType: 'GRAPH',
    ageGroup: 'ADULT',
    title: 'Le réseau d’énergie',
    description:
      'Six stations lunaires doivent toutes être reliées au réseau d’énergie, directement ou par d’autres stations. Le nombre sur chaque liaison possible est son coût de construction.',
    question: 'Quel est le coût minimal pour relier toutes les stations ?',
    correctAnswer: '20',
    choices: null,
    visualData: {
      nodes: ['A', 'B', 'C', 'D', 'E', 'F'],
      edges: [
        ['A', 'B', 4],
        ['A', 'C', 3],
        ['B', 'C', 2],
        ['B', 'D', 5],
        ['C', 'D', 7],
        ['C', 'E', 8],
        ['D', 'E', 6],
        ['D', 'F', 9],
        ['E', 'F', 4],
        ['B', 'F', 11],
      ],
      positions: {
        A: [10, 40],
        B: [80, 20],
        C: [50, 120],
        D: [130, 90],
        E: [120, 185],
        F: [195, 140],
      },
    },
    hints: [
      'Inutile de construire un cycle : relier six stations demande exactement cinq liaisons.',
      'Prends les liaisons de la moins chère à la plus chère, en sautant celles qui fermeraient une boucle.',
    ],
    solutionExplanation:
      'On choisit les liaisons par coût croissant sans fermer de boucle (algorithme de Kruskal) : B-C (2), A-C (3), E-F (4), B-D (5), D-E (6). A-B (4) et C-D (7) fermeraient une boucle. Coût total : 2 + 3 + 4 + 5 + 6 = 20.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.5,
    estimatedTimeMinutes: 12,
    tags: 'graphe,arbre couvrant,kruskal',
    checks: { equivalent: '20 crédits', wrong: '24' },
  },
  {
    key: 'graph-tous-ages-compter-chemins',
    challengeType: 'GRAPH',
    ageGroup: 'ALL_AGES',
    title: 'Les chemins de la comète',
    description:
      'Une comète voyage de l’étoile A à l’étoile D en suivant les traits. Elle ne passe jamais deux fois par la même étoile.',
    question: 'Combien de chemins différents la comète peut-elle prendre pour aller de A à D ?',
    correctAnswer: '4',
    choices: null,
    visualData: {
      nodes: ['A', 'B', 'C', 'D'],
      edges: [
        ['A', 'B'],
        ['A', 'C'],
        ['B', 'C'],
        ['B', 'D'],
        ['C', 'D'],
      ],
      positions: { A: [10, 100], B: [100, 25], C: [100, 175], D: [190, 100] },
    },
    hints: [
      'Depuis A, la comète peut partir vers B ou vers C. Compte les chemins dans chaque cas.',
      'En partant vers B, elle peut aller directement en D… ou faire un détour par C.',
    ],
    solutionExplanation:
      'En partant vers B : A-B-D et A-B-C-D. En partant vers C : A-C-D et A-C-B-D. Cela fait 4 chemins.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.2,
    estimatedTimeMinutes: 4,
    tags: 'graphe,dénombrement,chemins',
    checks: { equivalent: '4 chemins', wrong: '2' },
  },
];
