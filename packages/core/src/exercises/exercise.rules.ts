/**
 * Exercise value sets and input normalisation (spec/domain-rules.md §1.1–1.4, §2.1;
 * spec/api-rest-core.md §4). Pure functions: unknown input never throws, it falls back to the
 * documented default (type ADDITION, difficulty PADAWAN, age group 9-11).
 */

export const EXERCISE_TYPES = [
  'ADDITION',
  'SOUSTRACTION',
  'MULTIPLICATION',
  'DIVISION',
  'FRACTIONS',
  'GEOMETRIE',
  'TEXTE',
  'MIXTE',
  'DIVERS',
] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

export const DIFFICULTIES = ['INITIE', 'PADAWAN', 'CHEVALIER', 'MAITRE', 'GRAND_MAITRE'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const AGE_GROUPS = ['6-8', '9-11', '12-14', '15-17', 'adulte', 'tous-ages'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** How an answer is compared (see generator/check-answer.ts). */
export const ANSWER_KINDS = ['integer', 'decimal', 'fraction', 'text'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const DEFAULT_EXERCISE_TYPE: ExerciseType = 'ADDITION';
export const DEFAULT_DIFFICULTY: Difficulty = 'PADAWAN';
export const DEFAULT_AGE_GROUP: AgeGroup = '9-11';

/** French display names (§1.1 / §1.2). */
export const EXERCISE_TYPE_LABELS: Record<ExerciseType, string> = {
  ADDITION: 'Addition',
  SOUSTRACTION: 'Soustraction',
  MULTIPLICATION: 'Multiplication',
  DIVISION: 'Division',
  FRACTIONS: 'Fractions',
  GEOMETRIE: 'Géométrie',
  TEXTE: 'Question textuelle',
  MIXTE: 'Exercice mixte',
  DIVERS: 'Divers',
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  INITIE: 'Initié',
  PADAWAN: 'Padawan',
  CHEVALIER: 'Chevalier',
  MAITRE: 'Maître',
  GRAND_MAITRE: 'Grand Maître',
};

/**
 * Aliases of api-rest-core §4, compared after trimming and lower-casing. `subtraction` and
 * `géométrie` are additions (the legacy turned them into ADDITION; see docs/exercise-generator.md).
 */
export const EXERCISE_TYPE_ALIASES: Record<ExerciseType, readonly string[]> = {
  ADDITION: ['addition', 'add', '+', 'plus'],
  SOUSTRACTION: ['soustraction', 'subtract', 'sub', '-', 'minus', 'subtraction'],
  MULTIPLICATION: ['multiplication', 'multiply', 'mult', 'times', '*', '×'],
  DIVISION: ['division', 'divide', 'div', '/', '÷'],
  FRACTIONS: ['fractions', 'fraction', 'frac'],
  GEOMETRIE: ['geometrie', 'geometry', 'geo', 'géométrie'],
  TEXTE: ['texte', 'text', 'question'],
  MIXTE: ['mixte', 'mixed', 'combiné', 'combine'],
  DIVERS: ['divers', 'misc', 'other'],
};

/** Aliases of domain-rules §1.2, compared after trimming and lower-casing. */
export const DIFFICULTY_ALIASES: Record<Difficulty, readonly string[]> = {
  INITIE: ['initié', 'initie', 'easy', 'facile', 'debutant', 'débutant'],
  PADAWAN: ['padawan', 'medium', 'moyen', 'intermediaire', 'intermédiaire'],
  CHEVALIER: ['chevalier', 'hard', 'difficile', 'avance', 'avancé'],
  MAITRE: ['maitre', 'maître', 'expert', 'très difficile', 'tres difficile'],
  GRAND_MAITRE: ['grand maitre', 'grand maître', 'grandmaitre', 'master', 'adulte'],
};

/** Aliases of domain-rules §1.3, in the legacy lookup order. */
export const AGE_GROUP_ALIASES: Record<AgeGroup, readonly string[]> = {
  '6-8': ['6-8', '6-8 ans', '6 to 8 ans', '6_8', 'group_6_8', 'GROUP_6_8', 'age_6_8', '6-8ans'],
  '9-11': [
    '9-11',
    '9-11 ans',
    '9 to 11 ans',
    '9_11',
    'group_9_11',
    'GROUP_9_12',
    'GROUP_10_12',
    'age_9_12',
    'age_10_12',
    '9-11ans',
    '10-12',
  ],
  '12-14': [
    '12-14',
    '12-14 ans',
    '12 to 14 ans',
    '12_14',
    'group_12_14',
    'GROUP_13_15',
    'age_13_15',
    '12-14ans',
    '13-15',
  ],
  '15-17': [
    '15-17',
    '15-17 ans',
    '15 to 17 ans',
    '15_17',
    'group_15_17',
    'GROUP_16_18',
    'GROUP_15_17',
    'age_16_18',
    '15-17ans',
  ],
  adulte: ['adulte', 'adultes', 'adult', 'adults', '18+', 'majeur'],
  'tous-ages': ['tous-ages', 'tous ages', 'all ages', 'all', 'tous', 'all_ages', 'tousages'],
};

const AGE_GROUP_DIFFICULTY: Record<AgeGroup, Difficulty> = {
  '6-8': 'INITIE',
  '9-11': 'PADAWAN',
  '12-14': 'CHEVALIER',
  '15-17': 'MAITRE',
  adulte: 'GRAND_MAITRE',
  'tous-ages': 'PADAWAN',
};

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** Shared algorithm of §1.1/§1.2: alias lookup on the lower-cased input, then the upper-cased value. */
const normalizeEnum = <T extends string>(
  values: readonly T[],
  aliases: Record<T, readonly string[]>,
  input: string | null | undefined,
  fallback: T,
): T => {
  const raw = (input ?? '').trim();
  if (raw === '') return fallback;
  const lower = raw.toLowerCase();
  for (const value of values) {
    if (aliases[value].includes(lower)) return value;
  }
  const upper = raw.toUpperCase();
  return isOneOf(values, upper) ? upper : fallback;
};

/** Raw `exercise_type` → one of the 9 types; empty or unknown gives ADDITION (api-rest-core §4). */
export const normalizeExerciseType = (input: string | null | undefined): ExerciseType =>
  normalizeEnum(EXERCISE_TYPES, EXERCISE_TYPE_ALIASES, input, DEFAULT_EXERCISE_TYPE);

/** Raw difficulty → one of the 5 levels; empty or unknown gives PADAWAN (domain-rules §1.2). */
export const normalizeDifficulty = (input: string | null | undefined): Difficulty =>
  normalizeEnum(DIFFICULTIES, DIFFICULTY_ALIASES, input, DEFAULT_DIFFICULTY);

const cleanAgeKey = (value: string): string =>
  value.toLowerCase().replaceAll(' ', '').replaceAll('_', '-');

/**
 * Raw `age_group` → one of the 6 groups (domain-rules §1.3): exact alias (ignoring case and spaces,
 * `_` read as `-`), then the prefix rule (`9` → 9-11, `15` → 15-17), else 9-11.
 */
export const normalizeAgeGroup = (input: string | null | undefined): AgeGroup => {
  const s = (input ?? '').trim().toLowerCase();
  if (s === '') return DEFAULT_AGE_GROUP;
  const clean = cleanAgeKey(s);
  for (const group of AGE_GROUPS) {
    for (const alias of AGE_GROUP_ALIASES[group]) {
      if (clean === cleanAgeKey(alias) || s === alias.toLowerCase()) return group;
    }
  }
  const prefix = `${clean.split('-')[0] ?? ''}-`;
  for (const group of AGE_GROUPS) {
    if (group.startsWith(prefix)) return group;
  }
  return DEFAULT_AGE_GROUP;
};

/** Difficulty derived from the age group (domain-rules §1.4): the generator never takes it from input. */
export const difficultyForAgeGroup = (ageGroup: AgeGroup): Difficulty =>
  AGE_GROUP_DIFFICULTY[ageGroup];

/** Reverse mapping (recommendations, §1.4): INITIE → 6-8 … GRAND_MAITRE → adulte. */
export const ageGroupForDifficulty = (difficulty: Difficulty): AgeGroup => {
  switch (difficulty) {
    case 'INITIE':
      return '6-8';
    case 'PADAWAN':
      return '9-11';
    case 'CHEVALIER':
      return '12-14';
    case 'MAITRE':
      return '15-17';
    case 'GRAND_MAITRE':
      return 'adulte';
  }
};

/**
 * The `ai` flag of POST /api/exercises/generate (§2.1 step 4): Python `str(ai).lower()` in
 * `true, 1, yes, y`. JSON `true` and the number 1 count; everything else is false.
 */
export const isThemedFlagSet = (value: unknown): boolean => {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  return ['true', '1', 'yes', 'y'].includes(value.toLowerCase());
};

/**
 * Python truthiness of a JSON value (the `save` flag of §2.1: "any JSON-truthy value saves", even
 * the string "false"). `undefined` is the caller's default, not decided here.
 */
export const isJsonTruthy = (value: unknown): boolean => {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
};

/** The French messages of the exercise use cases (legacy wording). */
export const EXERCISE_MESSAGES = {
  notFound: 'Exercice non trouvé',
  generationParamsRequired: "Les paramètres 'exercise_type' et 'age_group' sont requis",
  noCorrectAnswer: "L'exercice n'a pas de réponse correcte définie.",
  idempotencyKeyReused: "Cette clé d'idempotence a déjà servi pour un autre exercice.",
  generationLimit: (limit: number, minutes: number) =>
    `Limite de ${limit} exercices générés par heure atteinte. Réessaie dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
} as const;
