/**
 * Pure rules of the logic challenges (spec/api-rest-challenges-admin.md §2–3): the API values of the
 * types, how the stored JSON columns read, what a learner may see of a challenge before and after an
 * attempt, the success rate, the hint arithmetic and the French messages.
 */
import type { LogicChallengeType as DbChallengeType } from '../db/generated/enums.ts';
import { pyRound } from '../lib/py-round.ts';

/** The API values (§2.2): the stored enum names in lower case. */
export const CHALLENGE_TYPES = [
  'sequence',
  'pattern',
  'visual',
  'puzzle',
  'riddle',
  'deduction',
  'probability',
  'graph',
  'coding',
  'chess',
  'custom',
] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

export const CHALLENGE_LIST_ORDERS = ['random', 'recent'] as const;
export type ChallengeListOrder = (typeof CHALLENGE_LIST_ORDERS)[number];

export const CHALLENGE_LIST_DEFAULT_LIMIT = 20;
export const CHALLENGE_LIST_MAX_LIMIT = 100;
/** The largest offset a list accepts (an `integer` offset). */
export const CHALLENGE_LIST_MAX_OFFSET = 2_147_483_647;

export const challengeTypeFromDb = (value: DbChallengeType): ChallengeType =>
  value.toLowerCase() as ChallengeType;

export const challengeTypeToDb = (value: ChallengeType): DbChallengeType =>
  value.toUpperCase() as DbChallengeType;

/** The legacy French messages (§3.2–3.4); the frontend shows `message`. */
export const CHALLENGE_MESSAGES = {
  notFound: 'Défi logique non trouvé',
  hintLevelInvalid: 'ID de défi ou niveau invalide',
  hintUnavailable: (level: number) => `Indice de niveau ${level} non disponible`,
  answerRequired: 'Réponse requise',
  idempotencyKeyInvalid: "La clé d'idempotence est invalide.",
  idempotencyKeyReused: "Cette clé d'idempotence a déjà servi pour un autre défi.",
} as const;

// -------------------------------------------------------------------------------------------------
// Stored JSON columns
// -------------------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A legacy row may hold a JSON document as a JSON string: it is read as the document it spells. */
const unwrapJsonText = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const textItems = (list: readonly unknown[]): string[] =>
  list.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : typeof item === 'number' || typeof item === 'boolean'
        ? [String(item)]
        : [],
  );

/**
 * `hints`: the ordered list of texts (§2.6). A plain text (legacy rows) is one hint, a JSON text is read
 * as its list, anything else is no hint; blank entries are dropped.
 */
export const hintsFromJson = (value: unknown): string[] => {
  const unwrapped = unwrapJsonText(value);
  if (typeof unwrapped === 'string') return unwrapped.trim() === '' ? [] : [unwrapped];
  if (!Array.isArray(unwrapped)) return [];
  return textItems(unwrapped).filter((hint) => hint.trim() !== '');
};

/** `choices`: a list of texts, `[]` when absent, empty, unreadable or not a list (§3.2). */
export const choicesFromJson = (value: unknown): string[] => {
  const unwrapped = unwrapJsonText(value);
  return Array.isArray(unwrapped) ? textItems(unwrapped) : [];
};

/** `visual_data`: an object, `{}` when absent, unreadable or not an object (§3.2). */
export const visualDataFromJson = (value: unknown): Record<string, unknown> => {
  const unwrapped = unwrapJsonText(value);
  return isRecord(unwrapped) ? unwrapped : {};
};

/** A search text PostgreSQL can compare (no NUL); any other matches nothing, never an error. */
export const isSearchableText = (text: string): boolean => !text.includes('\0');

/** `tags`: the stored comma-separated text → a list. */
export const tagsFromText = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');

// -------------------------------------------------------------------------------------------------
// What a learner sees
// -------------------------------------------------------------------------------------------------

/**
 * The cells a multi-position answer fills (`Position 7: …, Position 10: …`), as the legacy frontend
 * reads them from `correct_answer` (§8.1 note 1): the numbers only, sorted, without the values.
 */
export const answerPositionsOf = (correctAnswer: string | null): number[] => {
  if (correctAnswer === null) return [];
  const positions = new Set<number>();
  for (const match of correctAnswer.matchAll(/position\s*(\d{1,6})/gi)) {
    positions.add(Number(match[1]));
  }
  return [...positions].sort((a, b) => a - b);
};

/** What the learner's own attempts unlock on the detail. */
export interface ChallengeDisclosure {
  /** Every hint: once the learner has attempted the challenge (before, one level at a time by request). */
  hints: boolean;
  /** The stored answer and its explanation: once the learner has solved it. */
  solution: boolean;
}

export const disclosureFor = (state: {
  attempted: boolean;
  solved: boolean;
}): ChallengeDisclosure => ({
  hints: state.attempted || state.solved,
  solution: state.solved,
});

/** Hints left after an incorrect attempt: never negative (the legacy could go below zero). */
export const hintsRemaining = (hintCount: number, hintsUsed: number): number =>
  Math.max(0, hintCount - hintsUsed);

/** The hints an attempt declares, within what the challenge has. */
export const clampHintsUsed = (declared: number, hintCount: number): number =>
  Math.min(Math.max(0, declared), hintCount);

/** Correct attempts over all attempts, in percent with 1 decimal; 0 without attempts. */
export const successRatePercent = (attempts: number, correct: number): number =>
  attempts <= 0 ? 0 : pyRound((correct / attempts) * 100, 1);

/** Fisher–Yates with the given source of [0, 1) numbers. */
export const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
};
