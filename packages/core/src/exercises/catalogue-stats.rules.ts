/**
 * GET /api/exercises/stats, the public "academy" statistics (spec/domain-rules.md §7.5,
 * api-rest-core.md §6.4.2): fixed French labels and the arithmetic, from aggregated counts.
 */
import { ratio } from '../lib/py-round.ts';
import { AGE_GROUPS, DIFFICULTIES, EXERCISE_TYPES } from './exercise.rules.ts';
import type { CatalogueStatsDto } from './exercise.schemas.ts';

export const DISCIPLINE_NAMES: Record<string, string> = {
  ADDITION: "Art de l'Addition",
  SOUSTRACTION: 'Maîtrise de la Soustraction',
  MULTIPLICATION: 'Puissance Multiplicative',
  DIVISION: 'Science de la Division',
  FRACTIONS: 'Sagesse des Fractions',
  GEOMETRIE: 'Vision Spatiale',
  TEXTE: 'Énigmes Logiques',
  MIXTE: 'Épreuves Combinées',
  DIVERS: 'Défis Variés',
};

export const RANKS: Record<string, { rankName: string; description: string; minAge: number }> = {
  INITIE: { rankName: 'Initié', description: 'Premier pas vers la sagesse', minAge: 6 },
  PADAWAN: { rankName: 'Apprenti', description: 'En cours de formation', minAge: 9 },
  CHEVALIER: { rankName: 'Chevalier', description: 'Maîtrise confirmée', minAge: 12 },
  MAITRE: { rankName: 'Maître', description: 'Sagesse avancée', minAge: 15 },
  GRAND_MAITRE: { rankName: 'Grand Maître', description: "Sommité de l'Académie", minAge: 17 },
};

export const APPRENTICE_GROUPS: Record<string, { groupName: string; description: string }> = {
  '6-8': { groupName: 'Novices', description: "Futurs espoirs de l'Académie" },
  '8-10': { groupName: 'Apprentis Débutants', description: 'En début de formation' },
  '9-11': { groupName: 'Apprentis Juniors', description: 'Formation intermédiaire' },
  '10-12': { groupName: 'Apprentis Confirmés', description: 'Prêts pour les épreuves' },
  '11-13': { groupName: 'Aspirants Chevaliers', description: 'Sur le chemin de la maîtrise' },
  '12-14': { groupName: 'Chevaliers en Devenir', description: 'Défis avancés' },
  '14-16': { groupName: "Élite de l'Académie", description: "Formation d'excellence" },
  '15-17': { groupName: 'Candidats Maîtres', description: 'Ultimes épreuves' },
  '17+': { groupName: 'Conseil des Sages', description: 'Niveau Grand Maître' },
};

export const SAGE_WISDOM = [
  'La connaissance est le premier pas vers la sagesse. — Les Anciens',
  "Fais-le, ou ne le fais pas. L'hésitation est l'ennemi du progrès. — Proverbe des Maîtres",
  "L'erreur est le chemin de l'apprentissage. — Sagesse ancestrale",
  "Celui qui pose des questions ne s'égare jamais. — Dicton des Sages",
  "L'apprentissage est une voie sans fin. — Chroniques de l'Académie",
  "La patience transforme l'apprenti en maître. — Conseil des Sages",
  'Chaque problème résolu ouvre la porte à de nouveaux défis. — Tradition mathématique',
  "La persévérance est l'arme secrète du mathématicien. — Archives de l'Académie",
] as const;

export const ARCHIVE_STATUS = 'Chroniques accessibles';

export const masteryMessage = (masteryRate: number): string => {
  if (masteryRate >= 90)
    return "L'Académie forme d'excellents mathématiciens ! La sagesse règne ici.";
  if (masteryRate >= 75) return 'Belle progression des apprentis. Le Conseil est satisfait.';
  if (masteryRate >= 60) return 'Les apprentis progressent. La patience est une vertu des sages.';
  if (masteryRate >= 40)
    return "L'entraînement doit s'intensifier. La voie de la maîtrise est exigeante.";
  return 'Beaucoup reste à apprendre. Persévérance et courage sont essentiels.';
};

export const disciplineName = (type: string): string => DISCIPLINE_NAMES[type] ?? type;
export const rankOf = (difficulty: string) =>
  RANKS[difficulty] ?? { rankName: difficulty, description: 'Rang spécial', minAge: 10 };
export const apprenticeGroupOf = (ageGroup: string) =>
  APPRENTICE_GROUPS[ageGroup] ?? {
    groupName: `Groupe ${ageGroup}`,
    description: 'Formation spéciale',
  };

/** One aggregated row of active exercises. */
export interface CatalogueCountRow {
  exerciseType: string;
  difficulty: string;
  /** The legacy age-group string (`9-11`, `adulte`…). */
  ageGroup: string;
  aiGenerated: boolean;
  count: number;
}

export interface CatalogueCounts {
  /** Active exercises, grouped. */
  activeRows: CatalogueCountRow[];
  archivedExercises: number;
  /** Non-archived logic challenges. */
  totalChallenges: number;
  exerciseAttempts: number;
  correctExerciseAttempts: number;
  challengeAttempts: number;
  correctChallengeAttempts: number;
  legendary: {
    id: number;
    title: string;
    exerciseType: string;
    difficulty: string;
    attempts: number;
  }[];
}

const sumBy = (
  rows: readonly CatalogueCountRow[],
  key: (r: CatalogueCountRow) => string,
  order: readonly string[],
) => {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  const known = order.filter((k) => totals.has(k));
  const others = [...totals.keys()].filter((k) => !order.includes(k)).sort();
  return [...known, ...others].map((k) => [k, totals.get(k) ?? 0] as const);
};

/** §7.5 from the counts; `pickQuote` chooses the index of the quote (random in production). */
export const buildCatalogueStats = (
  counts: CatalogueCounts,
  pickQuote: (n: number) => number,
): CatalogueStatsDto => {
  const totalExercises = counts.activeRows.reduce((acc, r) => acc + r.count, 0);
  const aiGeneratedExercises = counts.activeRows
    .filter((r) => r.aiGenerated)
    .reduce((acc, r) => acc + r.count, 0);
  const totalContent = totalExercises + counts.totalChallenges;
  const aiGenerated = aiGeneratedExercises + counts.totalChallenges;
  const pct = (n: number) => ratio(n, totalExercises, 100, 1);

  const byDiscipline: CatalogueStatsDto['byDiscipline'] = {};
  for (const [type, count] of sumBy(counts.activeRows, (r) => r.exerciseType, EXERCISE_TYPES)) {
    byDiscipline[type] = { count, disciplineName: disciplineName(type), percentage: pct(count) };
  }
  const byRank: CatalogueStatsDto['byRank'] = {};
  for (const [difficulty, count] of sumBy(counts.activeRows, (r) => r.difficulty, DIFFICULTIES)) {
    byRank[difficulty] = { count, ...rankOf(difficulty), percentage: pct(count) };
  }
  const byApprenticeGroup: CatalogueStatsDto['byApprenticeGroup'] = {};
  for (const [group, count] of sumBy(counts.activeRows, (r) => r.ageGroup, AGE_GROUPS)) {
    byApprenticeGroup[group] = { count, ...apprenticeGroupOf(group), percentage: pct(count) };
  }
  const masteryRate = ratio(counts.correctExerciseAttempts, counts.exerciseAttempts, 100, 1);
  const quote = SAGE_WISDOM[pickQuote(SAGE_WISDOM.length)] ?? SAGE_WISDOM[0];
  return {
    archiveStatus: ARCHIVE_STATUS,
    academyStatistics: {
      totalExercises,
      totalChallenges: counts.totalChallenges,
      totalContent,
      archivedExercises: counts.archivedExercises,
      aiGenerated,
      aiGeneratedExercises,
      aiGeneratedChallenges: counts.totalChallenges,
      aiGeneratedPercentage: ratio(aiGenerated, totalContent, 100, 1),
    },
    byDiscipline,
    byRank,
    byApprenticeGroup,
    globalPerformance: {
      totalAttempts: counts.exerciseAttempts + counts.challengeAttempts,
      exerciseAttempts: counts.exerciseAttempts,
      challengeAttempts: counts.challengeAttempts,
      successfulAttempts: counts.correctExerciseAttempts + counts.correctChallengeAttempts,
      masteryRate,
      challengeMasteryRate: ratio(
        counts.correctChallengeAttempts,
        counts.challengeAttempts,
        100,
        1,
      ),
      message: masteryMessage(masteryRate),
    },
    legendaryChallenges: counts.legendary.map((e) => ({
      id: e.id,
      title: e.title,
      discipline: disciplineName(e.exerciseType),
      rank: RANKS[e.difficulty]?.rankName ?? e.difficulty,
      apprenticesTrained: e.attempts,
    })),
    sageWisdom: quote,
  };
};
