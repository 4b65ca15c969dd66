/**
 * Pure rules of the recommendations feature besides the ranking (ranking.rules.ts): the messages, the
 * French reason sentences (derived from the structured reason, one source), the learner's age group, and
 * what a read shows (spec/domain-rules.md §6.5–6.6).
 */
import type { AgeGroup as ContentAgeGroup, LogicChallengeType } from '../db/generated/enums.ts';
import { DIFFICULTY_LABELS, type Difficulty, type ExerciseType } from '../exercises/index.ts';
import type { ReasonCode, ReasonParams } from './recommendation.schemas.ts';

/** The legacy messages (api-rest-core §6.6). */
export const RECOMMENDATION_MESSAGES = {
  notFound: 'Recommandation non trouvée',
  idMissing: 'recommendation_id manquant',
  idInvalid: 'recommendation_id invalide',
  generated: 'Recommandations générées avec succès',
  completed: 'Recommandation marquée comme complétée',
} as const;

/** GET shows at most 7 recommendations, chosen among the 7 + 10 best pending ones (§6.5). */
export const READ_LIMIT = 7;
export const READ_WINDOW = 17;

/** Largest PostgreSQL `integer`: ids beyond it cannot exist. */
const MAX_DB_ID = 2_147_483_647;

export const isDbId = (value: number): boolean =>
  Number.isInteger(value) && value >= 1 && value <= MAX_DB_ID;

// ---- the learner's age group ------------------------------------------------------------------------

const GRADE_AGE_GROUPS: readonly [number, ContentAgeGroup][] = [
  [3, 'GROUP_6_8'],
  [6, 'GROUP_9_11'],
  [9, 'GROUP_12_14'],
  [12, 'GROUP_15_17'],
];

/**
 * §6.3: the learner's chosen age group, else the one of their school grade (1–3 → 6-8, 4–6 → 9-11,
 * 7–9 → 12-14, 10–12 → 15-17, whatever the grade system), else all ages (no age filter).
 */
export const learnerAgeGroup = (user: {
  preferredAgeGroup: ContentAgeGroup | null;
  gradeLevel: number | null;
}): ContentAgeGroup => {
  if (user.preferredAgeGroup !== null) return user.preferredAgeGroup;
  const grade = user.gradeLevel;
  if (grade !== null && grade >= 1) {
    for (const [upTo, group] of GRADE_AGE_GROUPS) if (grade <= upTo) return group;
  }
  return 'ALL_AGES';
};

// ---- reason sentences -------------------------------------------------------------------------------

/** The exercise type as a French topic in a sentence (`en géométrie`). */
export const EXERCISE_TOPICS: Record<ExerciseType, string> = {
  ADDITION: 'addition',
  SOUSTRACTION: 'soustraction',
  MULTIPLICATION: 'multiplication',
  DIVISION: 'division',
  FRACTIONS: 'fractions',
  GEOMETRIE: 'géométrie',
  TEXTE: 'problèmes',
  MIXTE: 'calcul mixte',
  DIVERS: 'exercices variés',
};

/** The challenge type as a French name (`un défi « suite logique »`). */
export const CHALLENGE_TYPE_NAMES: Record<LogicChallengeType, string> = {
  SEQUENCE: 'suite logique',
  PATTERN: 'motif',
  VISUAL: 'visuel',
  PUZZLE: 'puzzle',
  RIDDLE: 'devinette',
  DEDUCTION: 'déduction',
  PROBABILITY: 'probabilités',
  GRAPH: 'graphe',
  CODING: 'code secret',
  CHESS: 'échecs',
  CUSTOM: 'logique',
};

const topic = (type: ExerciseType | undefined) => (type ? EXERCISE_TOPICS[type] : 'calcul');
const level = (d: Difficulty | undefined) => (d ? DIFFICULTY_LABELS[d] : DIFFICULTY_LABELS.PADAWAN);
const challengeName = (t: LogicChallengeType | undefined) =>
  `« ${t ? CHALLENGE_TYPE_NAMES[t] : CHALLENGE_TYPE_NAMES.CUSTOM} »`;

/**
 * The French sentence of a structured reason (the legacy wording of §6.4, with French topic names
 * instead of the raw enum values and the `logicchallengetype.xxx` quirk).
 */
export const reasonText = (code: ReasonCode, params: ReasonParams): string => {
  const rate = params.successRate ?? 0;
  switch (code) {
    case 'reco.exercise.improvement':
      return rate < 50
        ? `Votre taux de réussite en ${topic(params.exerciseType)} est de ${rate}%. Continuons à progresser !`
        : `Pour améliorer votre taux de réussite en ${topic(params.exerciseType)} (${rate}%)`;
    case 'reco.exercise.progression':
      return `Excellent ! Vous avez ${rate}% de réussite en ${topic(params.exerciseType)}. Essayons le niveau ${level(params.nextDifficulty)} !`;
    case 'reco.exercise.maintenance':
      return `Pour maintenir vos compétences en ${topic(params.exerciseType)}`;
    case 'reco.exercise.discovery':
      return `Découvrez un nouveau type d'exercice : ${topic(params.exerciseType)}`;
    case 'reco.exercise.fallback':
      return 'Pour continuer votre apprentissage';
    case 'reco.challenge.onboarding':
      return 'Découvrez les défis logiques pour aiguiser votre raisonnement !';
    case 'reco.challenge.gentle_progress':
      return `Un défi ${challengeName(params.challengeType)} à votre portée pour reprendre confiance !`;
    case 'reco.challenge.variety':
      return `Variez votre entraînement avec un défi ${challengeName(params.challengeType)} !`;
    case 'reco.challenge.skill_stretch':
      return `Testez vos compétences logiques avec un défi ${challengeName(params.challengeType)} !`;
  }
};

// ---- what a read shows ------------------------------------------------------------------------------

/** A pending recommendation as the read sees it: its target's state decides whether it is shown. */
export interface PendingRecommendation {
  id: number;
  kind: 'exercise' | 'challenge';
  /** False when the target was deleted, archived or deactivated, or the learner solved it. */
  showable: boolean;
}

/**
 * §6.5–6.6 over the pending recommendations (best first, at most 17): the target-less, archived,
 * inactive and solved ones are left out first, then the first 7 are shown, except that when they hold no
 * challenge, at least 6 of them are exercises and a challenge follows, that challenge takes the 7th slot.
 */
export const selectShown = <T extends PendingRecommendation>(pending: readonly T[]): T[] => {
  const showable = pending.filter((r) => r.showable);
  const first = showable.slice(0, READ_LIMIT);
  if (first.some((r) => r.kind === 'challenge')) return first;
  const challenge = showable.slice(READ_LIMIT).find((r) => r.kind === 'challenge');
  if (challenge === undefined) return first;
  return [...first.slice(0, READ_LIMIT - 1), challenge];
};
