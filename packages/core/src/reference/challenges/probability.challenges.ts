import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Probabilités: `visual_data` holds the counts of the situation (`rouge_billes: 3`… as the frontend
 * draws coloured counters, a `total_*`), never the favourable cases; answers are fractions, and any
 * equal fraction, decimal or percent is accepted.
 */
export const PROBABILITY_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'probability-6-8-sac-billes',
    challengeType: 'PROBABILITY',
    ageGroup: 'GROUP_6_8',
    title: 'Le sac de billes de Mila',
    description:
      'Mila a un sac avec 3 billes rouges et 1 bille bleue. Elle plonge la main sans regarder…',
    question:
      'Quelle chance Mila a-t-elle de tirer une bille rouge ? Écris ta réponse avec « sur » (par exemple « 1 sur 2 ») ou avec une fraction (« 1/2 »).',
    correctAnswer: '3/4',
    choices: null,
    visualData: {
      rouge_billes: 3,
      bleu_billes: 1,
      total_billes: 4,
      question: 'Quelle est la chance de tirer une bille rouge ?',
    },
    hints: [
      'Il y a 4 billes en tout : chacune a la même chance d’être tirée.',
      'Compte les billes rouges, puis toutes les billes : la réponse est « rouges sur total ».',
    ],
    solutionExplanation:
      'Il y a 4 billes, dont 3 rouges : Mila a 3 chances sur 4 de tirer une rouge. Bien vu !',
    difficulty: 'INITIE',
    difficultyRating: 1.5,
    estimatedTimeMinutes: 3,
    tags: 'probabilité,billes,chances',
    checks: { equivalent: '3 sur 4', wrong: '1/4' },
  },
  {
    key: 'probability-9-11-de-pair',
    challengeType: 'PROBABILITY',
    ageGroup: 'GROUP_9_11',
    title: 'Le dé du pilote',
    description: 'Avant chaque mission, le pilote lance un dé à 6 faces numérotées de 1 à 6.',
    question:
      'Quelle est la probabilité d’obtenir un nombre pair ? Donne une fraction, un nombre décimal ou un pourcentage.',
    correctAnswer: '3/6',
    choices: null,
    visualData: {
      faces_de: 6,
      total_faces: 6,
      question: 'Probabilité d’un nombre pair avec un dé à 6 faces.',
    },
    hints: [
      'Écris les 6 résultats possibles, puis entoure ceux qui sont pairs.',
      'Probabilité = nombre de cas favorables ÷ nombre de cas possibles.',
    ],
    solutionExplanation:
      'Les faces paires sont 2, 4 et 6 : 3 cas favorables sur 6 possibles. La probabilité est 3/6, soit 1/2 ou 50 %.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.2,
    estimatedTimeMinutes: 4,
    tags: 'probabilité,dé,fraction',
    checks: { equivalent: '50 %', wrong: '1/6' },
  },
  {
    key: 'probability-12-14-deux-des-somme-7',
    challengeType: 'PROBABILITY',
    ageGroup: 'GROUP_12_14',
    title: 'Le code à deux dés',
    description: 'Pour ouvrir le sas, il faut lancer deux dés à 6 faces et obtenir une somme de 7.',
    question:
      'Quelle est la probabilité que la somme des deux dés soit égale à 7 ? (fraction, décimal ou pourcentage)',
    correctAnswer: '6/36',
    choices: null,
    visualData: {
      nombre_des: 2,
      faces_par_de: 6,
      total_combinaisons: 36,
      question: 'Probabilité d’obtenir une somme de 7 avec deux dés.',
    },
    hints: [
      'Avec deux dés, il y a 6 × 6 = 36 résultats possibles, tous aussi probables.',
      'Liste les couples (dé 1, dé 2) dont la somme vaut 7 : (1, 6), (2, 5)…',
      'N’oublie pas que (1, 6) et (6, 1) sont deux résultats différents.',
    ],
    solutionExplanation:
      'Les couples (1,6), (2,5), (3,4), (4,3), (5,2), (6,1) donnent 7 : 6 cas sur 36, soit 1/6 (environ 0,17). Le 7 est la somme la plus fréquente !',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.2,
    estimatedTimeMinutes: 6,
    tags: 'probabilité,dés,dénombrement',
    checks: { equivalent: '0,17', wrong: '1/11' },
  },
  {
    key: 'probability-15-17-tirage-sans-remise',
    challengeType: 'PROBABILITY',
    ageGroup: 'GROUP_15_17',
    title: 'Deux cristaux sans remise',
    description:
      'Une boîte contient 5 cristaux rouges et 3 cristaux bleus. On en tire deux, l’un après l’autre, sans remettre le premier.',
    question:
      'Quelle est la probabilité que les deux cristaux tirés soient rouges ? (fraction, décimal ou pourcentage)',
    correctAnswer: '5/14',
    choices: null,
    visualData: {
      rouge_cristaux: 5,
      bleu_cristaux: 3,
      total_cristaux: 8,
      tirages: 2,
      question: 'Deux tirages sans remise : probabilité de deux rouges.',
    },
    hints: [
      'Calcule d’abord la probabilité que le premier cristal soit rouge.',
      'Pour le second tirage, la boîte ne contient plus que 7 cristaux, dont un rouge de moins.',
      'Multiplie les deux probabilités.',
    ],
    solutionExplanation:
      'Premier tirage : 5/8. Second tirage, sachant que le premier était rouge : 4/7. Probabilité : 5/8 × 4/7 = 20/56 = 5/14 (environ 0,357). Avec remise, on aurait trouvé 25/64 : le « sans remise » change tout.',
    difficulty: 'MAITRE',
    difficultyRating: 3.9,
    estimatedTimeMinutes: 7,
    tags: 'probabilité,sans remise,produit',
    checks: { equivalent: '20/56', wrong: '25/64' },
  },
  {
    key: 'probability-adulte-trois-portes',
    challengeType: 'PROBABILITY',
    ageGroup: 'ADULT',
    title: 'Les trois sas',
    description:
      'Un vaisseau de ravitaillement se cache derrière l’un de trois sas fermés ; les deux autres sont vides. Vous choisissez un sas. L’officier, qui sait où est le vaisseau, ouvre alors un autre sas, vide, et vous propose de changer.',
    question:
      'Si vous changez systématiquement de sas, quelle est votre probabilité de trouver le vaisseau ?',
    correctAnswer: '2/3',
    choices: null,
    visualData: {
      sas: 3,
      vaisseaux: 1,
      sas_vides: 2,
      question: 'Probabilité de gagner en changeant de sas.',
    },
    hints: [
      'Quelle est la probabilité que votre premier choix soit le bon ?',
      'Si votre premier choix était mauvais, où se trouve forcément le vaisseau après l’ouverture par l’officier ?',
    ],
    solutionExplanation:
      'Votre premier choix est bon avec une probabilité 1/3 : changer fait alors perdre. Il est mauvais avec une probabilité 2/3 : l’officier ouvre l’autre sas vide et changer fait gagner à coup sûr. Changer gagne donc avec une probabilité 2/3. C’est le problème de Monty Hall.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.4,
    estimatedTimeMinutes: 8,
    tags: 'probabilité,monty hall,conditionnelle',
    checks: { equivalent: '66,7 %', wrong: '1/2' },
  },
  {
    key: 'probability-tous-ages-roue',
    challengeType: 'PROBABILITY',
    ageGroup: 'ALL_AGES',
    title: 'La roue de la fête',
    description:
      'À la fête de l’académie, une roue compte 8 cases de même taille : 2 jaunes, 2 vertes et 4 bleues.',
    question:
      'Quelle est la probabilité que la flèche s’arrête sur une case bleue ? (fraction, décimal ou pourcentage)',
    correctAnswer: '4/8',
    choices: null,
    visualData: {
      jaune_cases: 2,
      vert_cases: 2,
      bleu_cases: 4,
      total_cases: 8,
      question: 'Probabilité de tomber sur une case bleue.',
    },
    hints: [
      'Toutes les cases ont la même taille : chacune a la même chance.',
      'Compare le nombre de cases bleues au nombre total de cases.',
    ],
    solutionExplanation:
      '4 cases bleues sur 8 cases : la probabilité est 4/8, c’est-à-dire 1/2 ou 50 %. Une chance sur deux !',
    difficulty: 'PADAWAN',
    difficultyRating: 1.9,
    estimatedTimeMinutes: 3,
    tags: 'probabilité,roue,fraction',
    checks: { equivalent: '0,5', wrong: '1/4' },
  },
];
