import { boardFromFen, type StarterChallenge } from './starter-challenge.types.ts';

/**
 * Échecs: `visual_data.board` (8 × 8, row 0 = rank 8, written here as the placement field of a FEN),
 * `turn`, `objective`, `highlight_positions`. Answers use French
 * notation (R roi, D dame, T tour, F fou, C cavalier); every mating move is listed, separated by `|`,
 * and English notation is accepted too. The content tests replay each answer with chess.js.
 */
export const CHESS_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'chess-6-8-tour-mat',
    challengeType: 'CHESS',
    ageGroup: 'GROUP_6_8',
    title: 'La tour qui garde le couloir',
    description:
      'Le roi noir est caché derrière ses pions. Ta tour blanche peut-elle le coincer en un seul coup ?',
    question:
      'Les blancs jouent et font échec et mat en un coup. Écris le coup : la lettre de la pièce (T pour la tour) puis la case d’arrivée, par exemple Tb5.',
    correctAnswer: 'Ta8#',
    choices: null,
    visualData: {
      board: boardFromFen('6k1/5ppp/8/8/8/8/8/R5K1'),
      turn: 'white',
      objective: 'mat_en_1',
      highlight_positions: ['a1'],
    },
    hints: [
      'La tour avance en ligne droite, aussi loin qu’elle veut.',
      'Le roi noir ne peut pas avancer : ses propres pions lui bloquent le passage. Attaque-le sur sa rangée, la dernière.',
    ],
    solutionExplanation:
      'La tour monte tout en haut en a8 et attaque le roi sur la dernière rangée. Les pions f7, g7 et h7 l’empêchent de fuir : échec et mat ! On appelle cela le « mat du couloir ».',
    difficulty: 'INITIE',
    difficultyRating: 1.8,
    estimatedTimeMinutes: 4,
    tags: 'échecs,mat en 1,tour',
    checks: { equivalent: 'Ra8', wrong: 'Ta7' },
  },
  {
    key: 'chess-9-11-dame-mat',
    challengeType: 'CHESS',
    ageGroup: 'GROUP_9_11',
    title: 'Le baiser de la dame',
    description:
      'Le roi noir est dans son coin. Ta dame et ton roi travaillent en équipe pour le piéger.',
    question:
      'Les blancs jouent et font mat en un coup. Trouve un coup qui fait mat (D pour la dame, par exemple De4).',
    correctAnswer: 'Dg7# | Dh7# | Da8# | Db8#',
    choices: null,
    visualData: {
      board: boardFromFen('7k/Q7/6K1/8/8/8/8/8'),
      turn: 'white',
      objective: 'mat_en_1',
      highlight_positions: ['a7', 'g6'],
    },
    hints: [
      'Ton roi en g6 protège les cases g7 et h7 : le roi noir ne peut pas y aller.',
      'Cherche une case où ta dame donne échec sans pouvoir être capturée, en couvrant toutes les cases de fuite du roi.',
    ],
    solutionExplanation:
      'Plusieurs coups gagnent ! Dg7 ou Dh7, protégées par le roi blanc, font mat : le roi noir ne peut pas prendre la dame. Da8 et Db8 font aussi mat sur la dernière rangée, car le roi blanc garde g7 et h7.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.4,
    estimatedTimeMinutes: 5,
    tags: 'échecs,mat en 1,dame',
    checks: { equivalent: 'Qg7#', wrong: 'Dg8' },
  },
  {
    key: 'chess-12-14-mat-etouffe',
    challengeType: 'CHESS',
    ageGroup: 'GROUP_12_14',
    title: 'Le mat étouffé',
    description:
      'Le roi noir est entouré de ses propres pièces… un peu trop bien protégé ! Une seule pièce blanche peut en profiter.',
    question: 'Les blancs jouent et font mat en un coup. Quel est ce coup ? (C pour le cavalier)',
    correctAnswer: 'Cf7#',
    choices: null,
    visualData: {
      board: boardFromFen('6rk/6pp/8/6N1/8/8/8/6K1'),
      turn: 'white',
      objective: 'mat_en_1',
      highlight_positions: ['h8'],
    },
    hints: [
      'Le roi noir ne peut aller nulle part : g8, g7 et h7 sont occupées par ses pièces.',
      'Quelle pièce peut attaquer un roi en sautant par-dessus les autres ?',
    ],
    solutionExplanation:
      'Le cavalier saute en f7 et attaque le roi en h8. Le roi est entouré de sa tour et de ses pions : il ne peut ni fuir ni prendre le cavalier. C’est le célèbre « mat étouffé ».',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.0,
    estimatedTimeMinutes: 5,
    tags: 'échecs,mat en 1,cavalier',
    checks: { equivalent: 'Nf7', wrong: 'Cxh7' },
  },
  {
    key: 'chess-15-17-deux-tours',
    challengeType: 'CHESS',
    ageGroup: 'GROUP_15_17',
    title: 'Les tours jumelles',
    description:
      'Tes deux tours sont alignées sur la colonne e. La tour noire c8 défend seule la dernière rangée.',
    question:
      'Les blancs jouent et font mat en deux coups. Écris la combinaison : ton premier coup, la réponse noire, puis ton coup de mat (par exemple « Tb5, Rf8, Tb8# »).',
    correctAnswer: 'Te8+, Txe8, Txe8# | Te8+',
    choices: null,
    visualData: {
      board: boardFromFen('2r3k1/5ppp/8/8/8/8/4R3/4R1K1'),
      turn: 'white',
      objective: 'mat_en_2',
      highlight_positions: ['c8'],
    },
    hints: [
      'Le roi noir est enfermé derrière ses pions : la dernière rangée est son point faible.',
      'Un seul défenseur protège cette rangée. Oblige-le à quitter son poste.',
    ],
    solutionExplanation:
      '1. Te8+ ! La tour noire doit prendre : Txe8 (le roi ne peut pas fuir). 2. Txe8# : la seconde tour reprend en e8 et le roi, bloqué par ses pions, est mat. La première tour s’est sacrifiée pour dévier le défenseur.',
    difficulty: 'MAITRE',
    difficultyRating: 4.0,
    estimatedTimeMinutes: 8,
    tags: 'échecs,mat en 2,déviation',
    checks: { equivalent: 'Re8+ Rxe8 Rxe8#', wrong: 'Te7' },
  },
  {
    key: 'chess-adulte-mat-philidor',
    challengeType: 'CHESS',
    ageGroup: 'ADULT',
    title: 'Le legs de Philidor',
    description:
      'Une combinaison célèbre depuis le XVIIIe siècle : un sacrifice spectaculaire, puis un mat d’une seule pièce.',
    question:
      'Les blancs jouent et font mat en deux coups. Écris la combinaison complète : coup blanc, réponse noire, coup de mat.',
    correctAnswer: 'Dg8+, Txg8, Cf7#',
    choices: null,
    visualData: {
      board: boardFromFen('4r2k/6pp/7N/8/2Q5/8/8/6K1'),
      turn: 'white',
      objective: 'mat_en_2',
    },
    hints: [
      'Le cavalier h6 contrôle g8 et f7 : le roi noir ne peut jamais aller en g8.',
      'Et si tu offrais ta dame sur une case que seule la tour peut prendre ?',
    ],
    solutionExplanation:
      '1. Dg8+ ! Le roi ne peut pas prendre (g8 est gardée par le cavalier) : la tour doit capturer, Txg8. 2. Cf7# : le roi est enfermé par sa tour et ses pions, c’est un mat étouffé. Sacrifier sa dame pour mater : la signature de Philidor.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.5,
    estimatedTimeMinutes: 10,
    tags: 'échecs,mat en 2,sacrifice',
    checks: { equivalent: '1. Qg8+ Rxg8 2. Nf7#', wrong: 'Cf7+, Rg8, Dg8#' },
  },
  {
    key: 'chess-tous-ages-fourchette',
    challengeType: 'CHESS',
    ageGroup: 'ALL_AGES',
    title: 'La fourchette du cavalier',
    description:
      'La dame noire attaque ton cavalier. Mais ton cavalier a un tour dans son sac : il peut attaquer deux pièces à la fois !',
    question:
      'Quel coup de cavalier attaque en même temps le roi et la dame noirs ? (C pour le cavalier, puis la case)',
    correctAnswer: 'Cc7+',
    choices: null,
    visualData: {
      board: boardFromFen('4k3/8/q7/1N6/8/8/8/6K1'),
      turn: 'white',
      objective: 'meilleur_coup',
      highlight_positions: ['b5'],
    },
    hints: [
      'Le cavalier se déplace en « L » : deux cases dans une direction, puis une sur le côté.',
      'Cherche une case d’où le cavalier touche à la fois e8 et a6.',
    ],
    solutionExplanation:
      'Cc7+ fait échec au roi e8 et attaque la dame a6 : c’est une fourchette. Le roi doit bouger, puis le cavalier capture la dame.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.6,
    estimatedTimeMinutes: 5,
    tags: 'échecs,tactique,fourchette',
    checks: { equivalent: 'Nc7', wrong: 'Cd6+' },
  },
];
