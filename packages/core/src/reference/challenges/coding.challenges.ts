import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Codage: `visual_data.type` picks the frontend view — `symbols` (with `key`), `caesar` (`shift`),
 * `substitution` (`partial_key` encoded → clear, `rule_type`), `binary`, `algorithm` (`steps`, `input`),
 * `maze` (`maze` rows with `#` walls, `start` / `end` as [row, col]). The content tests decode each one.
 */
export const CODING_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'coding-6-8-symboles',
    challengeType: 'CODING',
    ageGroup: 'GROUP_6_8',
    title: 'Le message des symboles',
    description:
      'Un petit extraterrestre t’a laissé un message avec des symboles. Heureusement, il a aussi laissé sa légende !',
    question: 'Remplace chaque symbole par sa lettre. Quel mot obtiens-tu ?',
    correctAnswer: 'LUNE',
    choices: null,
    visualData: {
      type: 'symbols',
      encoded_message: '▲ ★ ● ■',
      key: { '▲': 'L', '★': 'U', '●': 'N', '■': 'E' },
      hint: 'Lis les symboles de gauche à droite.',
      description: 'Chaque symbole remplace une lettre.',
    },
    hints: [
      'Le premier symbole est le triangle : cherche-le dans la légende.',
      'Fais pareil pour chaque symbole, dans l’ordre, puis lis le mot.',
    ],
    solutionExplanation: '▲ = L, ★ = U, ● = N, ■ = E : le mot est LUNE. Bravo, agent secret !',
    difficulty: 'INITIE',
    difficultyRating: 1.3,
    estimatedTimeMinutes: 3,
    tags: 'codage,symboles,décodage',
    checks: { equivalent: 'lune', wrong: 'NUL' },
  },
  {
    key: 'coding-9-11-cesar',
    challengeType: 'CODING',
    ageGroup: 'GROUP_9_11',
    title: 'Le code de César',
    description:
      'Jules, le chef de la patrouille, code ses messages en décalant chaque lettre dans l’alphabet. Voici son dernier message.',
    question: 'Décode le message. Quel mot Jules a-t-il écrit ?',
    correctAnswer: 'ETOILE',
    choices: null,
    visualData: {
      type: 'caesar',
      encoded_message: 'FUPJMF',
      shift: 1,
      hint: 'Pour décoder, recule chaque lettre d’un cran dans l’alphabet.',
      description: 'Code de César avec un décalage de 1.',
    },
    hints: [
      'Avec un décalage de 1, la lettre B est devenue C. Pour décoder, fais le chemin inverse.',
      'F recule en E, U recule en T… continue avec les autres lettres.',
    ],
    solutionExplanation:
      'Chaque lettre recule d’un cran : F → E, U → T, P → O, J → I, M → L, F → E. Le message est ETOILE.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.2,
    estimatedTimeMinutes: 5,
    tags: 'codage,césar,alphabet',
    checks: { equivalent: 'étoile', wrong: 'GVQKNG' },
  },
  {
    key: 'coding-12-14-algorithme',
    challengeType: 'CODING',
    ageGroup: 'GROUP_12_14',
    title: 'Le programme du robot calculateur',
    description:
      'Le robot calculateur exécute un petit programme. Suis ses instructions pas à pas, comme un ordinateur.',
    question: 'En partant du nombre 10, quel résultat le robot affiche-t-il à la fin ?',
    correctAnswer: '7',
    choices: null,
    visualData: {
      type: 'algorithm',
      input: 10,
      steps: [
        'Prends le nombre de départ.',
        'Multiplie-le par 3.',
        'Ajoute 4.',
        'Divise le résultat par 2.',
        'Retire le nombre de départ.',
        'Affiche le résultat.',
      ],
      description: 'Exécute chaque instruction dans l’ordre.',
    },
    hints: [
      'Note le résultat après chaque étape sur une feuille.',
      'Après les deux premières opérations, tu dois obtenir 34.',
    ],
    solutionExplanation:
      '10 × 3 = 30, 30 + 4 = 34, 34 ÷ 2 = 17, 17 − 10 = 7. Bonus : ce programme donne toujours (n + 4) ÷ 2 pour un départ n.',
    difficulty: 'CHEVALIER',
    difficultyRating: 2.8,
    estimatedTimeMinutes: 4,
    tags: 'codage,algorithme,calcul',
    checks: { equivalent: '7.0', wrong: '17' },
  },
  {
    key: 'coding-15-17-atbash',
    challengeType: 'CODING',
    ageGroup: 'GROUP_15_17',
    title: 'Le miroir de l’alphabet',
    description:
      'Un message intercepté utilise un chiffre très ancien : l’alphabet y est lu à l’envers. Quelques correspondances ont été retrouvées.',
    question: 'Décode le message OLTRJFV.',
    correctAnswer: 'LOGIQUE',
    choices: null,
    visualData: {
      type: 'substitution',
      encoded_message: 'OLTRJFV',
      partial_key: { Z: 'A', Y: 'B', X: 'C', A: 'Z' },
      rule_type: 'atbash',
      hint: 'La première lettre de l’alphabet échange sa place avec la dernière, la deuxième avec l’avant-dernière…',
      description: 'Chiffre atbash : un alphabet renversé.',
    },
    hints: [
      'Écris l’alphabet, puis l’alphabet à l’envers juste en dessous.',
      'La position d’une lettre et celle de sa lettre codée font toujours 27 au total (A = 1 et Z = 26).',
    ],
    solutionExplanation:
      'Avec l’alphabet renversé : O ↔ L, L ↔ O, T ↔ G, R ↔ I, J ↔ Q, F ↔ U, V ↔ E. Le message est LOGIQUE. Le même procédé sert à coder et à décoder.',
    difficulty: 'MAITRE',
    difficultyRating: 3.7,
    estimatedTimeMinutes: 7,
    tags: 'codage,atbash,substitution',
    checks: { equivalent: 'Logique', wrong: 'LOGIQUES' },
  },
  {
    key: 'coding-adulte-binaire',
    challengeType: 'CODING',
    ageGroup: 'ADULT',
    title: 'La transmission binaire',
    description:
      'La sonde envoie cinq octets. Chacun code une lettre majuscule selon le code ASCII.',
    question: 'Quel mot la sonde a-t-elle transmis ?',
    correctAnswer: 'MATHS',
    choices: null,
    visualData: {
      type: 'binary',
      encoded_message: '01001101 01000001 01010100 01001000 01010011',
      hint: 'En ASCII, A = 65 = 01000001, B = 66, et ainsi de suite.',
      description: 'Cinq octets, cinq lettres majuscules.',
    },
    hints: [
      'Convertis chaque octet en nombre décimal : les bits valent 128, 64, 32, 16, 8, 4, 2, 1.',
      'Retire 64 à chaque nombre : tu obtiens le rang de la lettre dans l’alphabet.',
    ],
    solutionExplanation:
      '01001101 = 77 = M, 01000001 = 65 = A, 01010100 = 84 = T, 01001000 = 72 = H, 01010011 = 83 = S : le mot est MATHS.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.0,
    estimatedTimeMinutes: 10,
    tags: 'codage,binaire,ascii',
    checks: { equivalent: 'maths', wrong: 'MATH' },
  },
  {
    key: 'coding-tous-ages-labyrinthe',
    challengeType: 'CODING',
    ageGroup: 'ALL_AGES',
    title: 'Le labyrinthe du rover',
    description:
      'Guide le rover de la case de départ (S) jusqu’à l’arrivée (F). Les cases sombres sont des rochers infranchissables.',
    question:
      'Donne le chemin le plus court, une case à la fois, avec les mots HAUT, BAS, GAUCHE et DROITE séparés par des virgules.',
    correctAnswer: 'DROITE, DROITE, BAS, BAS, DROITE, DROITE, BAS, BAS',
    choices: null,
    visualData: {
      type: 'maze',
      maze: ['#######', '#...#.#', '#.#.#.#', '#.#...#', '#####.#', '#.....#', '#######'],
      start: [1, 1],
      end: [5, 5],
      description: 'Chaque mot déplace le rover d’une case.',
    },
    hints: [
      'Descendre tout droit depuis le départ mène à un cul-de-sac.',
      'Commence par aller vers la droite, puis cherche le passage vers le bas.',
    ],
    solutionExplanation:
      'Depuis S : deux cases à droite, deux vers le bas, encore deux à droite, puis deux vers le bas jusqu’à F. Huit déplacements, c’est le plus court.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.0,
    estimatedTimeMinutes: 5,
    tags: 'codage,labyrinthe,directions',
    checks: {
      equivalent: 'droite droite bas bas droite droite bas bas',
      wrong: 'BAS, BAS, DROITE, DROITE, DROITE, DROITE, BAS, BAS',
    },
  },
];
