/**
 * Legacy value → clean enum/JSON value (spec/data-model.md §2, §4, §7.6), pure. Each mapper returns the
 * target value and whether the legacy value was already in the form the legacy column normally held
 * (`canonical`); a non-canonical value is reported as normalised by the row mappers. `null` target with
 * `canonical: false` means "not mappable": the row mapper decides (drop to NULL, default, or reject).
 */
import type {
  AgeGroup,
  BadgeCategory,
  BadgeTier,
  DifficultyLevel,
  EdtechEventType,
  ExerciseType,
  FeedbackStatus,
  FeedbackType,
  GradeSystem,
  LogicChallengeType,
  UserRole,
} from '../db/generated/enums.ts';
import { AGE_GROUP_LABELS } from '../lib/age-group.ts';

export interface Mapped<T> {
  value: T;
  /** The legacy value was already the column's usual spelling: nothing to report. */
  canonical: boolean;
}

const lower = (raw: string): string => raw.trim().toLowerCase();

const fromTable = <T extends string>(
  raw: string | null | undefined,
  aliases: Readonly<Record<string, T>>,
  canonicalForms: ReadonlySet<string>,
): Mapped<T | null> => {
  if (raw === null || raw === undefined) return { value: null, canonical: true };
  const value = aliases[lower(raw)] ?? null;
  return { value, canonical: value !== null && canonicalForms.has(raw) };
};

const USER_ROLES: readonly UserRole[] = ['PADAWAN', 'MAITRE', 'GARDIEN', 'ARCHIVISTE'];

/**
 * `users.role` (§2.1, §7.6): the four labels are copied, lowercase labels are upper-cased, NULL is
 * PADAWAN (the legacy code's reading). Any other label (`ADMIN`, a removed role) becomes PADAWAN, the
 * least privilege, and is reported: an operator re-grants it deliberately.
 */
export const mapUserRole = (raw: string | null | undefined): Mapped<UserRole> => {
  if (raw === null || raw === undefined) return { value: 'PADAWAN', canonical: false };
  const upper = raw.trim().toUpperCase();
  const known = USER_ROLES.find((r) => r === upper);
  if (known !== undefined) return { value: known, canonical: raw === known };
  return { value: 'PADAWAN', canonical: false };
};

const AGE_GROUP_ALIASES: Readonly<Record<string, AgeGroup>> = {
  group_6_8: 'GROUP_6_8',
  '6-8': 'GROUP_6_8',
  '6_8': 'GROUP_6_8',
  age_6_8: 'GROUP_6_8',
  enfant: 'GROUP_6_8',
  group_10_12: 'GROUP_9_11',
  group_9_11: 'GROUP_9_11',
  '9-11': 'GROUP_9_11',
  '10-12': 'GROUP_9_11',
  '9-12': 'GROUP_9_11',
  group_9_12: 'GROUP_9_11',
  age_9_12: 'GROUP_9_11',
  age_10_12: 'GROUP_9_11',
  group_13_15: 'GROUP_12_14',
  group_12_14: 'GROUP_12_14',
  '12-14': 'GROUP_12_14',
  '13-15': 'GROUP_12_14',
  '12-13': 'GROUP_12_14',
  adolescent: 'GROUP_12_14',
  age_13_15: 'GROUP_12_14',
  group_15_17: 'GROUP_15_17',
  '15-17': 'GROUP_15_17',
  group_16_18: 'GROUP_15_17',
  age_16_18: 'GROUP_15_17',
  '13+': 'GROUP_15_17',
  adult: 'ADULT',
  adulte: 'ADULT',
  adults: 'ADULT',
  '18+': 'ADULT',
  majeur: 'ADULT',
  all_ages: 'ALL_AGES',
  'tous-ages': 'ALL_AGES',
  all: 'ALL_AGES',
  tous: 'ALL_AGES',
};

/** The spellings each legacy column normally held. */
export const AGE_GROUP_FORMS = {
  /** `exercises.age_group`, `users.preferred_difficulty`: the API strings. */
  api: new Set<string>(Object.values(AGE_GROUP_LABELS)),
  /** `logic_challenges.age_group`: the PostgreSQL `agegroup` labels. */
  label: new Set(['GROUP_6_8', 'GROUP_10_12', 'GROUP_13_15', 'GROUP_15_17', 'ADULT', 'ALL_AGES']),
} as const;

/** Age group, both legacy encodings (§7.6 table). Unknown → null (the caller decides). */
export const mapAgeGroup = (
  raw: string | null | undefined,
  forms: ReadonlySet<string>,
): Mapped<AgeGroup | null> => fromTable(raw, AGE_GROUP_ALIASES, forms);

const EXERCISE_TYPE_ALIASES: Readonly<Record<string, ExerciseType>> = {
  addition: 'ADDITION',
  add: 'ADDITION',
  '+': 'ADDITION',
  plus: 'ADDITION',
  soustraction: 'SOUSTRACTION',
  subtract: 'SOUSTRACTION',
  sub: 'SOUSTRACTION',
  '-': 'SOUSTRACTION',
  minus: 'SOUSTRACTION',
  multiplication: 'MULTIPLICATION',
  multiply: 'MULTIPLICATION',
  mult: 'MULTIPLICATION',
  times: 'MULTIPLICATION',
  '*': 'MULTIPLICATION',
  '×': 'MULTIPLICATION',
  division: 'DIVISION',
  divide: 'DIVISION',
  div: 'DIVISION',
  '/': 'DIVISION',
  '÷': 'DIVISION',
  fractions: 'FRACTIONS',
  fraction: 'FRACTIONS',
  frac: 'FRACTIONS',
  geometrie: 'GEOMETRIE',
  géométrie: 'GEOMETRIE',
  geometry: 'GEOMETRIE',
  geo: 'GEOMETRIE',
  texte: 'TEXTE',
  text: 'TEXTE',
  question: 'TEXTE',
  mixte: 'MIXTE',
  mixed: 'MIXTE',
  combiné: 'MIXTE',
  combine: 'MIXTE',
  divers: 'DIVERS',
  misc: 'DIVERS',
  other: 'DIVERS',
};
const EXERCISE_TYPES = new Set<string>(Object.values(EXERCISE_TYPE_ALIASES));

/** Exercise type (§2.2): uppercase label, or an alias. Unknown → null. */
export const mapExerciseType = (raw: string | null | undefined): Mapped<ExerciseType | null> =>
  fromTable(raw, EXERCISE_TYPE_ALIASES, EXERCISE_TYPES);

const DIFFICULTY_ALIASES: Readonly<Record<string, DifficultyLevel>> = {
  initie: 'INITIE',
  initié: 'INITIE',
  easy: 'INITIE',
  facile: 'INITIE',
  debutant: 'INITIE',
  débutant: 'INITIE',
  padawan: 'PADAWAN',
  medium: 'PADAWAN',
  moyen: 'PADAWAN',
  intermediaire: 'PADAWAN',
  intermédiaire: 'PADAWAN',
  chevalier: 'CHEVALIER',
  hard: 'CHEVALIER',
  difficile: 'CHEVALIER',
  avance: 'CHEVALIER',
  avancé: 'CHEVALIER',
  maitre: 'MAITRE',
  maître: 'MAITRE',
  expert: 'MAITRE',
  'très difficile': 'MAITRE',
  'tres difficile': 'MAITRE',
  grand_maitre: 'GRAND_MAITRE',
  'grand maitre': 'GRAND_MAITRE',
  'grand maître': 'GRAND_MAITRE',
  grandmaitre: 'GRAND_MAITRE',
  master: 'GRAND_MAITRE',
  adulte: 'GRAND_MAITRE',
};
const DIFFICULTIES = new Set<string>(Object.values(DIFFICULTY_ALIASES));

/** Difficulty level (§2.2): uppercase label or an alias (lowercase `initie` included). Unknown → null. */
export const mapDifficulty = (raw: string | null | undefined): Mapped<DifficultyLevel | null> =>
  fromTable(raw, DIFFICULTY_ALIASES, DIFFICULTIES);

const CHALLENGE_TYPES: readonly LogicChallengeType[] = [
  'SEQUENCE',
  'PATTERN',
  'VISUAL',
  'PUZZLE',
  'RIDDLE',
  'DEDUCTION',
  'PROBABILITY',
  'GRAPH',
  'CODING',
  'CHESS',
  'CUSTOM',
];

/** `logicchallengetype` (§7.6): labels copied, `SPATIAL` → VISUAL, lowercase upper-cased. Unknown → null. */
export const mapChallengeType = (raw: string): Mapped<LogicChallengeType | null> => {
  const upper = raw.trim().toUpperCase();
  if (upper === 'SPATIAL') return { value: 'VISUAL', canonical: false };
  const known = CHALLENGE_TYPES.find((t) => t === upper) ?? null;
  return { value: known, canonical: known !== null && raw === known };
};

const lowerEnum =
  <T extends string>(labels: readonly T[]) =>
  (raw: string | null | undefined): Mapped<T | null> => {
    if (raw === null || raw === undefined) return { value: null, canonical: true };
    const upper = raw.trim().toUpperCase();
    const value = labels.find((l) => l === upper) ?? null;
    return { value, canonical: value !== null && raw === value.toLowerCase() };
  };

/** `achievements.category` (lower-cased words → enum). */
export const mapBadgeCategory = lowerEnum<BadgeCategory>([
  'PROGRESSION',
  'MASTERY',
  'REGULARITY',
  'PERFORMANCE',
  'DISCOVERY',
  'SPECIAL',
]);
/** `achievements.difficulty` → `tier` (C15). */
export const mapBadgeTier = lowerEnum<BadgeTier>(['BRONZE', 'SILVER', 'GOLD', 'LEGENDARY']);
export const mapFeedbackType = lowerEnum<FeedbackType>(['EXERCISE', 'CHALLENGE', 'UI', 'OTHER']);
export const mapFeedbackStatus = lowerEnum<FeedbackStatus>(['NEW', 'READ', 'RESOLVED']);
export const mapEdtechEvent = lowerEnum<EdtechEventType>(['QUICK_START_CLICK', 'FIRST_ATTEMPT']);
export const mapGradeSystem = lowerEnum<GradeSystem>(['SUISSE', 'UNIFIE']);
export const mapRecommendationType = lowerEnum<'EXERCISE' | 'CHALLENGE'>(['EXERCISE', 'CHALLENGE']);

// ---------------------------------------------------------------------------------------------------
// JSON columns (§4)
// ---------------------------------------------------------------------------------------------------

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: JsonValue };

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON text (a TEXT column, or a json column holding a JSON-encoded string); undefined when unparseable. */
export const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * `users.accessibility_settings` (TEXT, §4.1, C6) → `preferences`: a JSON object; NULL → `{}`. Text that
 * is not a JSON object yields `{}` and `canonical: false` (the original is reported).
 */
export const mapPreferences = (raw: unknown): Mapped<JsonObject> => {
  if (raw === null || raw === undefined || raw === '') return { value: {}, canonical: true };
  const parsed = typeof raw === 'string' ? parseJsonText(raw) : raw;
  return isJsonObject(parsed)
    ? { value: parsed, canonical: true }
    : { value: {}, canonical: false };
};

const asStringList = (value: unknown): string[] | null =>
  Array.isArray(value)
    ? value
        .filter((v) => v !== null && v !== undefined)
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : null;

/**
 * `exercises.choices` / `logic_challenges.choices` (§4.3): an array of strings or NULL. A JSON-encoded
 * string is parsed (§7.6); numbers become their text; anything else is dropped (null, not canonical).
 */
export const mapChoices = (raw: unknown): Mapped<string[] | null> => {
  if (raw === null || raw === undefined) return { value: null, canonical: true };
  if (typeof raw === 'string') {
    const list = asStringList(parseJsonText(raw));
    return { value: list, canonical: false };
  }
  const list = asStringList(raw);
  const canonical = Array.isArray(raw) && raw.every((v) => typeof v === 'string');
  return { value: list, canonical: list !== null && canonical };
};

/** `logic_challenges.hints` (§4.5): a list of strings; a plain string becomes `[string]`, a non-list `[]`. */
export const mapHints = (raw: unknown): Mapped<string[] | null> => {
  if (raw === null || raw === undefined) return { value: null, canonical: true };
  if (typeof raw === 'string') {
    const parsed = asStringList(parseJsonText(raw));
    return { value: parsed ?? (raw.trim() === '' ? [] : [raw]), canonical: false };
  }
  const list = asStringList(raw);
  if (list === null) return { value: [], canonical: false };
  return { value: list, canonical: (raw as unknown[]).every((v) => typeof v === 'string') };
};

/** A json column that must hold an object (or NULL): a JSON-encoded string is parsed; else dropped. */
export const mapJsonObject = (raw: unknown): Mapped<JsonObject | null> => {
  if (raw === null || raw === undefined) return { value: null, canonical: true };
  const parsed = typeof raw === 'string' ? parseJsonText(raw) : raw;
  if (isJsonObject(parsed)) return { value: parsed, canonical: typeof raw !== 'string' };
  return { value: null, canonical: false };
};

/**
 * `admin_audit_logs.details` (TEXT holding JSON, C12) → jsonb. Unparseable text is kept as a JSON
 * string (nothing is lost) and reported.
 */
export const mapAuditDetails = (raw: string | null | undefined): Mapped<JsonValue> => {
  if (raw === null || raw === undefined) return { value: null, canonical: true };
  const parsed = parseJsonText(raw);
  return parsed === undefined
    ? { value: raw, canonical: false }
    : { value: parsed as JsonValue, canonical: true };
};

/**
 * `users.pinned_badge_ids` (jsonb, §4.2, C5): integer ids, de-duplicated in order, at most 3. Returns
 * the kept ids and the ones dropped (not integers, duplicates, beyond 3).
 */
export const mapPinnedBadgeIds = (raw: unknown): { ids: number[]; dropped: unknown[] } => {
  if (raw === null || raw === undefined) return { ids: [], dropped: [] };
  const parsed = typeof raw === 'string' ? parseJsonText(raw) : raw;
  if (!Array.isArray(parsed)) return { ids: [], dropped: [raw] };
  const ids: number[] = [];
  const dropped: unknown[] = [];
  for (const item of parsed as unknown[]) {
    const id = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || ids.includes(id)) {
      dropped.push(item);
    } else if (ids.length >= 3) dropped.push(item);
    else ids.push(id);
  }
  return { ids, dropped };
};
