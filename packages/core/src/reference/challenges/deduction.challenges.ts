import type { StarterChallenge } from './starter-challenge.types.ts';

/**
 * Grilles logiques: `visual_data.type: "logic_grid"`, `entities` (the first category is the one the
 * learner assigns; the frontend builds `Nom:valeur:valeur,…` from these exact strings), `clues`. Each
 * clue set has exactly one solution (checked by brute force in the content tests).
 */
export const DEDUCTION_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'deduction-6-8-animaux',
    challengeType: 'DEDUCTION',
    ageGroup: 'GROUP_6_8',
    title: 'Qui a quel animal ?',
    description: 'Léo et Nina ont chacun un animal : un chat ou un chien. Mais qui a lequel ?',
    question:
      'Associe chaque enfant à son animal. Écris par exemple « Prénom:animal, Prénom:animal ».',
    correctAnswer: 'Léo:chien,Nina:chat',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: { enfants: ['Léo', 'Nina'], animaux: ['chat', 'chien'] },
      clues: ['Léo n’a pas de chat.'],
      description: 'Chaque enfant a un seul animal, et ils n’ont pas le même.',
    },
    hints: [
      'Si Léo n’a pas de chat, quel animal reste-t-il pour lui ?',
      'Nina prend l’animal que Léo n’a pas.',
    ],
    solutionExplanation:
      'Léo n’a pas de chat, donc il a le chien. Nina a alors le chat. Bravo, petit détective !',
    difficulty: 'INITIE',
    difficultyRating: 1.2,
    estimatedTimeMinutes: 2,
    tags: 'déduction,grille logique,animaux',
    checks: { equivalent: 'nina: chat, léo: chien', wrong: 'Léo:chat,Nina:chien' },
  },
  {
    key: 'deduction-9-11-planetes',
    challengeType: 'DEDUCTION',
    ageGroup: 'GROUP_9_11',
    title: 'Les missions planétaires',
    description:
      'Trois astronautes, Ana, Ben et Céa, partent chacun vers une planète différente : Mars, Vénus ou Jupiter.',
    question: 'Associe chaque astronaute à sa planète (format « Prénom:Planète, … »).',
    correctAnswer: 'Ana:Jupiter,Ben:Vénus,Céa:Mars',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: { astronautes: ['Ana', 'Ben', 'Céa'], planètes: ['Mars', 'Vénus', 'Jupiter'] },
      clues: ['Ben part pour Vénus.', 'Ana ne part pas pour Mars.'],
      description: 'Chaque planète reçoit un seul astronaute.',
    },
    hints: [
      'Commence par l’indice qui donne une certitude.',
      'Une fois Vénus attribuée, il reste deux planètes pour Ana et Céa. L’autre indice tranche.',
    ],
    solutionExplanation:
      'Ben part pour Vénus. Il reste Mars et Jupiter ; Ana ne va pas sur Mars, donc Ana va sur Jupiter et Céa sur Mars.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.0,
    estimatedTimeMinutes: 4,
    tags: 'déduction,grille logique,planètes',
    checks: {
      equivalent: 'ben = venus ; ana = jupiter ; cea = mars',
      wrong: 'Ana:Mars,Ben:Vénus,Céa:Jupiter',
    },
  },
  {
    key: 'deduction-12-14-ateliers',
    challengeType: 'DEDUCTION',
    ageGroup: 'GROUP_12_14',
    title: 'Les ateliers de l’académie',
    description:
      'Emma, Lucas et Zoé suivent chacun un atelier différent (robotique, astronomie, musique), dans une salle différente (101, 102, 103).',
    question:
      'Retrouve l’atelier et la salle de chaque élève (format « Prénom:atelier:salle, … »).',
    correctAnswer: 'Emma:musique:103,Lucas:robotique:102,Zoé:astronomie:101',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: {
        élèves: ['Emma', 'Lucas', 'Zoé'],
        ateliers: ['robotique', 'astronomie', 'musique'],
        salles: ['101', '102', '103'],
      },
      clues: [
        'Lucas est en salle 102.',
        'L’atelier de musique a lieu en salle 103.',
        'Zoé ne fait pas de musique.',
        'Lucas ne fait pas d’astronomie.',
      ],
      description: 'Chaque élève a un atelier et une salle, tous différents.',
    },
    hints: [
      'Lucas est en 102 et la musique en 103 : Lucas ne fait donc pas de musique.',
      'Qui peut faire de la musique, si ce n’est ni Lucas ni Zoé ?',
    ],
    solutionExplanation:
      'Lucas est en 102, donc pas en musique (qui est en 103) ; il ne fait pas d’astronomie : il fait de la robotique. Zoé ne fait pas de musique, c’est donc Emma, en salle 103. Zoé fait de l’astronomie, en salle 101.',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.0,
    estimatedTimeMinutes: 7,
    tags: 'déduction,grille logique,ateliers',
    checks: {
      equivalent: 'Zoé: astronomie: 101; Lucas: 102: robotique; Emma: 103: musique',
      wrong: 'Emma:musique:103,Lucas:astronomie:102,Zoé:robotique:101',
    },
  },
  {
    key: 'deduction-15-17-decollages',
    challengeType: 'DEDUCTION',
    ageGroup: 'GROUP_15_17',
    title: 'L’ordre des décollages',
    description:
      'Quatre pilotes (Alex, Bea, Chris, Dana) décollent l’un après l’autre, chacun à bord d’un vaisseau différent : Aurore, Comète, Nébuleuse ou Quasar.',
    question:
      'Retrouve le vaisseau et le rang de décollage de chaque pilote (format « Prénom:vaisseau:rang, … »).',
    correctAnswer: 'Alex:Quasar:2e,Bea:Aurore:4e,Chris:Comète:1er,Dana:Nébuleuse:3e',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: {
        pilotes: ['Alex', 'Bea', 'Chris', 'Dana'],
        vaisseaux: ['Aurore', 'Comète', 'Nébuleuse', 'Quasar'],
        décollage: ['1er', '2e', '3e', '4e'],
      },
      clues: [
        'La Comète décolle en premier.',
        'Le Quasar décolle juste après la Comète.',
        'Bea ne pilote ni le Quasar ni la Nébuleuse.',
        'Dana décolle juste avant Bea.',
        'Alex ne pilote pas la Comète.',
        'Alex décolle avant Dana.',
      ],
      description: 'Un pilote par vaisseau, un vaisseau par créneau.',
    },
    hints: [
      'Les deux premiers indices fixent les vaisseaux des créneaux 1 et 2.',
      'Dana et Bea décollent l’un juste après l’autre : quelles places restent possibles pour ce duo ?',
      'Bea ne pilote ni le Quasar ni la Nébuleuse : quel vaisseau lui reste-t-il ?',
    ],
    solutionExplanation:
      'La Comète part 1re et le Quasar 2e. Bea ne pilote ni le Quasar ni la Nébuleuse, et elle ne peut pas partir 1re (Dana part juste avant elle) : elle pilote l’Aurore. Si Dana partait 2e, Alex (qui décolle avant elle) partirait 1er, sur la Comète : impossible. Donc Dana part 3e et Bea 4e. Alex part 2e sur le Quasar, Chris 1er sur la Comète, et Dana pilote la Nébuleuse.',
    difficulty: 'MAITRE',
    difficultyRating: 3.9,
    estimatedTimeMinutes: 10,
    tags: 'déduction,grille logique,ordre',
    checks: {
      equivalent:
        'Chris : comète : premier ; Alex : quasar : 2ème ; Dana : nébuleuse : 3ème ; Bea : aurore : quatrième',
      wrong: 'Alex:Nébuleuse:4e,Bea:Aurore:3e,Chris:Comète:1er,Dana:Quasar:2e',
    },
  },
  {
    key: 'deduction-adulte-chercheurs',
    challengeType: 'DEDUCTION',
    ageGroup: 'ADULT',
    title: 'Le laboratoire planétaire',
    description:
      'Cinq chercheurs étudient chacun une planète différente avec un instrument différent. Le carnet du laboratoire a été mélangé ; il reste ces notes.',
    question:
      'Retrouve la planète et l’instrument de chaque chercheur (format « Prénom:planète:instrument, … »).',
    correctAnswer:
      'Ada:Mars:radar,Boris:Saturne:télescope,Chen:Mercure:spectromètre,Djamila:Jupiter:magnétomètre,Eliott:Vénus:sismographe',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: {
        chercheurs: ['Ada', 'Boris', 'Chen', 'Djamila', 'Eliott'],
        planètes: ['Mercure', 'Vénus', 'Mars', 'Jupiter', 'Saturne'],
        instruments: ['télescope', 'sismographe', 'spectromètre', 'radar', 'magnétomètre'],
      },
      clues: [
        'La personne qui étudie Mars utilise le radar.',
        'Boris utilise le télescope.',
        'Boris n’étudie ni Mars ni Jupiter.',
        'Le sismographe est utilisé sur Vénus.',
        'Djamila n’utilise ni le radar ni le spectromètre.',
        'Eliott n’étudie ni Mercure ni Mars.',
        'Le spectromètre n’est utilisé ni sur Jupiter ni sur Saturne.',
        'Chen n’utilise pas le radar.',
        'Eliott n’utilise pas le magnétomètre.',
      ],
      description: 'Cinq chercheurs, cinq planètes, cinq instruments : tous différents.',
    },
    hints: [
      'Commence par relier planètes et instruments : Mars, Vénus et le spectromètre sont très contraints.',
      'Le spectromètre ne peut être ni sur Mars (radar), ni sur Vénus (sismographe), ni sur Jupiter ou Saturne.',
      'Eliott n’étudie ni Mercure ni Mars et n’a pas le magnétomètre : quelles planètes lui restent ?',
    ],
    solutionExplanation:
      'Planètes et instruments : Mars–radar, Vénus–sismographe, et le spectromètre va forcément sur Mercure. Boris a le télescope et n’est ni sur Mars ni sur Jupiter : il est sur Saturne. Reste le magnétomètre pour Jupiter. Eliott n’étudie ni Mercure ni Mars et n’a pas le magnétomètre : il est sur Vénus avec le sismographe. Djamila n’a ni radar ni spectromètre : elle est sur Jupiter. Chen n’a pas le radar : Chen est sur Mercure, et Ada sur Mars avec le radar.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.6,
    estimatedTimeMinutes: 15,
    tags: 'déduction,grille logique,planètes',
    checks: {
      equivalent:
        'eliott:venus:sismographe; djamila:jupiter:magnetometre; chen:mercure:spectrometre; boris:saturne:telescope; ada:mars:radar',
      wrong:
        'Ada:Mercure:spectromètre,Boris:Saturne:télescope,Chen:Jupiter:magnétomètre,Djamila:Vénus:sismographe,Eliott:Mars:radar',
    },
  },
  {
    key: 'deduction-tous-ages-outils-robots',
    challengeType: 'DEDUCTION',
    ageGroup: 'ALL_AGES',
    title: 'Les outils des robots',
    description:
      'Bip, Bop et Bup réparent la navette. Chacun tient un outil différent : une clé, une loupe ou un pinceau.',
    question: 'Quel outil tient chaque robot ? (format « Robot:outil, … »)',
    correctAnswer: 'Bip:pinceau,Bop:loupe,Bup:clé',
    choices: null,
    visualData: {
      type: 'logic_grid',
      entities: { robots: ['Bip', 'Bop', 'Bup'], outils: ['clé', 'loupe', 'pinceau'] },
      clues: ['Bip n’a ni la clé ni la loupe.', 'Bop n’a pas la clé.'],
      description: 'Trois robots, trois outils.',
    },
    hints: [
      'Le premier indice ne laisse qu’un seul outil à Bip.',
      'Bop n’a pas la clé, et l’outil de Bip est déjà pris : que lui reste-t-il ?',
    ],
    solutionExplanation:
      'Bip n’a ni la clé ni la loupe : il a le pinceau. Bop n’a pas la clé : il a la loupe. Bup a donc la clé.',
    difficulty: 'PADAWAN',
    difficultyRating: 1.8,
    estimatedTimeMinutes: 4,
    tags: 'déduction,grille logique,robots',
    checks: {
      equivalent: 'Bup:cle, Bop:loupe, Bip:pinceau',
      wrong: 'Bip:clé,Bop:loupe,Bup:pinceau',
    },
  },
];
