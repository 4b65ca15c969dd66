import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Grilles à compléter: `visual_data.grid` (cells `"?"` to fill) and `size`. Several `?` are answered in
 * reading order, separated by commas. Each answer also agrees with the legacy grid analysis (§4.9).
 */
export const PATTERN_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'pattern-6-8-damier-couleurs',
    challengeType: 'PATTERN',
    ageGroup: 'GROUP_6_8',
    title: 'Le damier du vaisseau',
    description:
      'Le sol du vaisseau est un damier de dalles rouges et bleues. Une dalle a disparu !',
    question: 'De quelle couleur est la dalle qui manque (le « ? ») ?',
    correctAnswer: 'rouge',
    choices: ['rouge', 'bleu'],
    visualData: {
      grid: [
        ['rouge', 'bleu', 'rouge'],
        ['bleu', 'rouge', 'bleu'],
        ['rouge', 'bleu', '?'],
      ],
      size: 3,
    },
    hints: [
      'Regarde les dalles autour du « ? » : deux dalles voisines ont-elles la même couleur ?',
      'Les couleurs alternent comme sur un damier. Compare la dernière ligne avec la première.',
    ],
    solutionExplanation:
      'Sur un damier, les couleurs alternent. La dernière ligne est identique à la première : rouge, bleu, rouge. La dalle manquante est rouge.',
    difficulty: 'INITIE',
    difficultyRating: 1.3,
    estimatedTimeMinutes: 3,
    tags: 'motif,damier,couleurs',
    checks: { equivalent: 'Rouge !', wrong: 'bleu' },
  },
  {
    key: 'pattern-9-11-carre-astres',
    challengeType: 'PATTERN',
    ageGroup: 'GROUP_9_11',
    title: 'Le carré des astres',
    description:
      'Sur le tableau de bord, chaque ligne et chaque colonne affiche une seule fois le soleil, la lune et l’étoile.',
    question: 'Quel astre faut-il placer à la place du « ? » ?',
    correctAnswer: 'soleil',
    choices: null,
    visualData: {
      grid: [
        ['soleil', 'lune', 'étoile'],
        ['étoile', 'soleil', 'lune'],
        ['lune', 'étoile', '?'],
      ],
      size: 3,
    },
    hints: [
      'Chaque ligne contient une seule fois chaque astre.',
      'Dans la dernière ligne, quels astres sont déjà présents ? Lequel manque ?',
    ],
    solutionExplanation:
      'La dernière ligne contient déjà la lune et l’étoile : il manque le soleil. La colonne de droite le confirme (étoile, lune, soleil).',
    difficulty: 'PADAWAN',
    difficultyRating: 2.2,
    estimatedTimeMinutes: 4,
    tags: 'motif,carré latin,logique',
    checks: { equivalent: 'Soleil', wrong: 'lune' },
  },
  {
    key: 'pattern-12-14-codes-station',
    challengeType: 'PATTERN',
    ageGroup: 'GROUP_12_14',
    title: 'Les codes de la station',
    description:
      'Le panneau de la station affiche les lettres A, B, C et D : chacune apparaît une seule fois par ligne et par colonne.',
    question:
      'Deux cases sont effacées. Donne les lettres manquantes dans l’ordre de lecture (de gauche à droite, puis de haut en bas), séparées par une virgule.',
    correctAnswer: 'A, B',
    choices: null,
    visualData: {
      grid: [
        ['A', 'B', 'C', 'D'],
        ['C', 'D', 'A', 'B'],
        ['B', '?', 'D', 'C'],
        ['D', 'C', '?', 'A'],
      ],
      size: 4,
    },
    hints: [
      'Chaque ligne doit contenir les quatre lettres, chacune exactement une fois.',
      'Traite les deux cases séparément : quelle lettre manque dans la troisième ligne ? Et dans la quatrième ?',
    ],
    solutionExplanation:
      'La troisième ligne (B, ?, D, C) n’a pas de A ; la quatrième (D, C, ?, A) n’a pas de B. Les colonnes le confirment. Réponse : A, puis B.',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.0,
    estimatedTimeMinutes: 5,
    tags: 'motif,carré latin,lettres',
    checks: { equivalent: 'a b', wrong: 'B, A' },
  },
  {
    key: 'pattern-15-17-grille-chiffres',
    challengeType: 'PATTERN',
    ageGroup: 'GROUP_15_17',
    title: 'La grille des réacteurs',
    description:
      'Quatre réacteurs numérotés de 1 à 4 : dans chaque ligne et chaque colonne, chaque numéro apparaît une seule fois.',
    question:
      'Trois cases sont vides. Donne les chiffres manquants dans l’ordre de lecture, séparés par des virgules.',
    correctAnswer: '2, 4, 2',
    choices: null,
    visualData: {
      grid: [
        ['1', '?', '3', '?'],
        ['3', '4', '1', '2'],
        ['4', '3', '?', '1'],
        ['2', '1', '4', '3'],
      ],
      size: 4,
    },
    hints: [
      'La première ligne a deux trous : la ligne seule ne suffit pas à décider.',
      'Pour chaque trou de la première ligne, regarde sa colonne : quels chiffres y sont déjà ?',
      'La troisième ligne n’a qu’un trou : commence par celui-là si tu veux.',
    ],
    solutionExplanation:
      'Première ligne : il manque 2 et 4. La deuxième colonne contient déjà 4, 3 et 1, donc son trou vaut 2 ; le trou de la quatrième colonne vaut alors 4. Troisième ligne : il manque 2. Réponse : 2, 4, 2.',
    difficulty: 'MAITRE',
    difficultyRating: 3.6,
    estimatedTimeMinutes: 7,
    tags: 'motif,carré latin,déduction',
    checks: { equivalent: '2 4 2', wrong: '4, 2, 2' },
  },
  {
    key: 'pattern-adulte-grille-cyclique',
    challengeType: 'PATTERN',
    ageGroup: 'ADULT',
    title: 'La matrice du navigateur',
    description:
      'La matrice de navigation utilise les lettres A à E : chacune apparaît une seule fois par ligne et par colonne. Cinq cases ont été corrompues.',
    question:
      'Donne les cinq lettres manquantes dans l’ordre de lecture (ligne par ligne, de gauche à droite), séparées par des virgules.',
    correctAnswer: 'C, E, D, B, D',
    choices: null,
    visualData: {
      grid: [
        ['A', 'B', 'C', 'D', 'E'],
        ['B', '?', 'D', '?', 'A'],
        ['C', 'D', 'E', 'A', 'B'],
        ['?', 'E', 'A', '?', 'C'],
        ['E', 'A', 'B', 'C', '?'],
      ],
      size: 5,
    },
    hints: [
      'Les lignes qui ont deux trous ne se résolvent pas seules : croise chaque trou avec sa colonne.',
      'Remarque aussi que chaque ligne est la précédente décalée d’un cran vers la gauche.',
    ],
    solutionExplanation:
      'Chaque ligne est la précédente décalée d’un cran. Ligne 2 : B, C, D, E, A, donc C puis E. Ligne 4 : D, E, A, B, C, donc D puis B. Ligne 5 : E, A, B, C, D, donc D. Réponse : C, E, D, B, D.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.0,
    estimatedTimeMinutes: 8,
    tags: 'motif,carré latin,permutation',
    checks: { equivalent: 'c e d b d', wrong: 'E, C, D, B, D' },
  },
  {
    key: 'pattern-tous-ages-tapis-navette',
    challengeType: 'PATTERN',
    ageGroup: 'ALL_AGES',
    title: 'Le tapis de la navette',
    description: 'Le tapis de la navette est tissé de X et de O. Il reste un trou à réparer.',
    question: 'Quel symbole faut-il tisser à la place du « ? » : X ou O ?',
    correctAnswer: 'O',
    choices: ['X', 'O'],
    visualData: {
      grid: [
        ['X', 'O', 'X', 'O'],
        ['O', 'X', 'O', 'X'],
        ['X', 'O', 'X', '?'],
      ],
      size: 4,
    },
    hints: [
      'Lis la dernière ligne de gauche à droite : X, O, X, …',
      'Dans chaque ligne, les symboles alternent.',
    ],
    solutionExplanation:
      'Chaque ligne alterne X et O. La dernière ligne commence par X, O, X : le symbole suivant est O.',
    difficulty: 'PADAWAN',
    difficultyRating: 1.8,
    estimatedTimeMinutes: 3,
    tags: 'motif,alternance,symboles',
    checks: { equivalent: 'o', wrong: 'X' },
  },
];
