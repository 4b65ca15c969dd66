import type { StarterChallenge } from './starter-challenge.types.ts';

/** Énigmes: `visual_data.riddle`, `context`, `clues` and `key_elements` (never the answer itself). */
export const RIDDLE_CHALLENGES: readonly StarterChallenge[] = [
  {
    key: 'riddle-6-8-nombre-cache',
    challengeType: 'RIDDLE',
    ageGroup: 'GROUP_6_8',
    title: 'Le nombre caché de Zib',
    description: 'Le robot Zib adore les devinettes. Aujourd’hui, il cache un nombre !',
    question: 'Je suis plus grand que 5 et plus petit que 7. Quel nombre suis-je ?',
    correctAnswer: '6',
    choices: ['5', '6', '7'],
    visualData: {
      riddle: 'Je suis plus grand que 5 et plus petit que 7. Quel nombre suis-je ?',
      context: 'Zib cache un nombre entier derrière son dos.',
      clues: ['Je suis plus grand que 5.', 'Je suis plus petit que 7.'],
      key_elements: ['plus grand que', 'plus petit que', 'nombre entier'],
    },
    hints: ['Compte à voix haute : 5, …, 7. Quel nombre se trouve entre les deux ?'],
    solutionExplanation: 'Entre 5 et 7, il n’y a qu’un seul nombre entier : 6. Bien joué !',
    difficulty: 'INITIE',
    difficultyRating: 1.0,
    estimatedTimeMinutes: 2,
    tags: 'énigme,nombres,comparaison',
    checks: { equivalent: 'le 6', wrong: '7' },
  },
  {
    key: 'riddle-9-11-jumeaux-chiffres',
    challengeType: 'RIDDLE',
    ageGroup: 'GROUP_9_11',
    title: 'Les chiffres jumeaux',
    description: 'Une devinette trouvée gravée sur la coque d’un vieux satellite.',
    question:
      'Je suis un nombre à deux chiffres. Mes deux chiffres sont identiques et, quand on les additionne, on trouve 8. Qui suis-je ?',
    correctAnswer: '44',
    choices: null,
    visualData: {
      riddle: 'Deux chiffres jumeaux dont la somme vaut 8.',
      context: 'Gravé sur la coque du satellite Sputnik-Junior.',
      clues: ['J’ai deux chiffres.', 'Mes deux chiffres sont identiques.', 'Leur somme vaut 8.'],
      key_elements: ['deux chiffres', 'identiques', 'somme'],
    },
    hints: [
      'Deux chiffres identiques : c’est un chiffre ajouté à lui-même.',
      'Quel chiffre, ajouté à lui-même, donne 8 ? Écris-le deux fois.',
    ],
    solutionExplanation:
      'Les deux chiffres sont identiques et leur somme vaut 8, donc chaque chiffre vaut 4. Le nombre est 44.',
    difficulty: 'PADAWAN',
    difficultyRating: 2.0,
    estimatedTimeMinutes: 3,
    tags: 'énigme,chiffres,addition',
    checks: { equivalent: '44.', wrong: '26' },
  },
  {
    key: 'riddle-12-14-escargot-puits',
    challengeType: 'RIDDLE',
    ageGroup: 'GROUP_12_14',
    title: 'L’escargot du cratère',
    description:
      'Un escargot martien est tombé au fond d’un cratère de 10 mètres. Il est courageux, mais la nuit, il glisse…',
    question:
      'Chaque jour, l’escargot monte de 3 mètres. Chaque nuit, il glisse de 2 mètres. Au bout de combien de jours sortira-t-il du cratère de 10 mètres ?',
    correctAnswer: '8',
    choices: null,
    visualData: {
      riddle: 'Monter de 3 m le jour, glisser de 2 m la nuit, sortir d’un cratère de 10 m.',
      context: 'Le cratère mesure 10 mètres de profondeur.',
      clues: [
        'Le jour : +3 mètres.',
        'La nuit : −2 mètres.',
        'Dès qu’il atteint le bord, il est sorti.',
      ],
      key_elements: ['progression par jour', 'le dernier jour'],
    },
    hints: [
      'Sur une journée complète (jour + nuit), l’escargot ne gagne qu’un mètre.',
      'Attention au dernier jour : dès qu’il atteint le bord, il ne glisse plus.',
      'Cherche le matin où il lui reste 3 mètres ou moins à grimper.',
    ],
    solutionExplanation:
      'Chaque journée complète lui fait gagner 1 m. Après 7 jours et 7 nuits, il est à 7 m. Le 8e jour, il monte de 3 m et atteint 10 m : il sort sans glisser. Réponse : 8 jours (et non 10 !).',
    difficulty: 'CHEVALIER',
    difficultyRating: 3.2,
    estimatedTimeMinutes: 5,
    tags: 'énigme,raisonnement,piège',
    checks: { equivalent: '8 jours', wrong: '10' },
  },
  {
    key: 'riddle-15-17-raquette-balle',
    challengeType: 'RIDDLE',
    ageGroup: 'GROUP_15_17',
    title: 'La boutique de la station',
    description:
      'À la boutique de la station, une raquette de ping-pong en apesanteur et sa balle sont vendues ensemble. Méfie-toi de ta première idée !',
    question:
      'La raquette et la balle coûtent 1,10 € au total. La raquette coûte 1 € de plus que la balle. Combien coûte la balle, en euros ?',
    correctAnswer: '0.05',
    choices: null,
    visualData: {
      riddle: 'Raquette + balle = 1,10 € ; raquette = balle + 1 €.',
      context: 'Une énigme célèbre : la plupart des gens se trompent du premier coup.',
      clues: ['Le total vaut 1,10 €.', 'La différence de prix vaut 1 €.'],
      key_elements: ['total', 'différence', 'équation'],
    },
    hints: [
      'Vérifie ta première idée : avec ce prix de balle, la raquette coûterait-elle vraiment 1 € de plus ?',
      'Appelle b le prix de la balle : la raquette coûte b + 1, et le total b + (b + 1).',
    ],
    solutionExplanation:
      'Si la balle coûte b, la raquette coûte b + 1 et b + b + 1 = 1,10, donc 2b = 0,10 et b = 0,05. La balle coûte 0,05 € (5 centimes) et la raquette 1,05 €.',
    difficulty: 'MAITRE',
    difficultyRating: 3.6,
    estimatedTimeMinutes: 4,
    tags: 'énigme,équation,piège',
    checks: { equivalent: '0,05 €', wrong: '0,10' },
  },
  {
    key: 'riddle-adulte-restes-301',
    challengeType: 'RIDDLE',
    ageGroup: 'ADULT',
    title: 'Les œufs de la fermière galactique',
    description:
      'Une fermière galactique compte ses œufs par paquets, et il en reste toujours un. Une vieille énigme, remise en orbite.',
    question:
      'Quand je compte mes œufs par 2, par 3, par 4, par 5 ou par 6, il en reste toujours 1. Par paquets de 7, il n’en reste aucun. Quel est le plus petit nombre d’œufs possible ?',
    correctAnswer: '301',
    choices: null,
    visualData: {
      riddle: 'Reste 1 en divisant par 2, 3, 4, 5 et 6 ; reste 0 en divisant par 7.',
      context: 'On cherche le plus petit nombre qui convient.',
      clues: [
        'Le nombre moins 1 est divisible par 2, 3, 4, 5 et 6.',
        'Le nombre est divisible par 7.',
      ],
      key_elements: ['ppcm', 'restes', 'divisibilité'],
    },
    hints: [
      'Retire 1 au nombre cherché : le résultat est divisible par 2, 3, 4, 5 et 6 à la fois.',
      'Le plus petit multiple commun de 2, 3, 4, 5 et 6 est 60 : le nombre s’écrit 60k + 1.',
      'Essaie k = 1, 2, 3… jusqu’à tomber sur un multiple de 7.',
    ],
    solutionExplanation:
      'Le nombre s’écrit 60k + 1 car 60 est le plus petit multiple commun de 2, 3, 4, 5 et 6. On teste : 61, 121, 181, 241 ne sont pas divisibles par 7, mais 301 = 7 × 43. Réponse : 301 œufs.',
    difficulty: 'GRAND_MAITRE',
    difficultyRating: 4.3,
    estimatedTimeMinutes: 8,
    tags: 'énigme,divisibilité,ppcm',
    checks: { equivalent: '301 œufs', wrong: '61' },
  },
  {
    key: 'riddle-tous-ages-escalier',
    challengeType: 'RIDDLE',
    ageGroup: 'ALL_AGES',
    title: 'Ça monte, ça descend',
    description: 'Une devinette que l’on se transmet de génération en génération à l’académie.',
    question: 'Je monte et je descends, pourtant je ne bouge jamais. Qui suis-je ?',
    correctAnswer: 'un escalier',
    choices: null,
    visualData: {
      riddle: 'Je monte et je descends, pourtant je ne bouge jamais.',
      context: 'On me trouve dans les maisons à étages… et dans les fusées !',
      clues: ['On me parcourt avec les pieds.', 'J’ai des marches.'],
      key_elements: ['monter', 'descendre', 'immobile'],
    },
    hints: [
      'Ce n’est pas un objet qui se déplace : ce sont les gens qui montent et descendent grâce à lui.',
      'Pense à ce que tu prends pour aller à l’étage quand il n’y a pas d’ascenseur.',
    ],
    solutionExplanation:
      'L’escalier ne bouge pas, mais il « monte » vers l’étage et « descend » vers le rez-de-chaussée : c’est nous qui bougeons dessus.',
    difficulty: 'PADAWAN',
    difficultyRating: 1.5,
    estimatedTimeMinutes: 2,
    tags: 'énigme,devinette,mots',
    checks: { equivalent: "L'escalier", wrong: 'un ascenseur' },
  },
];
