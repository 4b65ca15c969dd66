/**
 * The learner's answer to a logic challenge, as it crosses the boundary (spec/api-rest-challenges-admin.md
 * §3.3 `user_solution`). The legacy took any JSON value and crashed (500) on non-strings in some
 * branches; here a text, a finite number or a flat list of texts / numbers is accepted and turned into
 * the text that is checked and stored, and anything else is a typed refusal (a 400 for the transports).
 */
import { z } from 'zod';

/** Longest answer accepted (the longest stored answer is 255 characters). */
export const CHALLENGE_ANSWER_MAX_LENGTH = 1000;
/** A list answer (`["A", "B", "C"]`) holds at most this many items, each a short text or a number. */
export const CHALLENGE_ANSWER_MAX_ITEMS = 50;
export const CHALLENGE_ANSWER_ITEM_MAX_LENGTH = 100;

export const CHALLENGE_ANSWER_REFUSALS = [
  'EMPTY',
  'TOO_LONG',
  'INVALID_CHARACTERS',
  'NOT_TEXT',
] as const;
export type ChallengeAnswerRefusal = (typeof CHALLENGE_ANSWER_REFUSALS)[number];

/** French messages of the refusals (`EMPTY` is the legacy's own message). */
export const CHALLENGE_ANSWER_MESSAGES: Record<ChallengeAnswerRefusal, string> = {
  EMPTY: 'Réponse requise',
  TOO_LONG: `La réponse ne peut pas dépasser ${CHALLENGE_ANSWER_MAX_LENGTH} caractères.`,
  INVALID_CHARACTERS: 'La réponse contient des caractères invalides.',
  NOT_TEXT: 'La réponse doit être un texte.',
};

/** PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded: refused, never stored. */
const LONE_SURROGATE = /\p{Cs}/u;
const isStorable = (text: string): boolean => !text.includes('\0') && !LONE_SURROGATE.test(text);

const invalidCharacters = {
  error: CHALLENGE_ANSWER_MESSAGES.INVALID_CHARACTERS,
  params: { refusal: 'INVALID_CHARACTERS' },
} as const;

/** A typed answer: 1–1000 characters, no NUL, no lone surrogate. A blank answer is kept (the legacy compares it). */
export const ZChallengeAnswerText = z
  .string({ error: CHALLENGE_ANSWER_MESSAGES.NOT_TEXT })
  .min(1, { error: CHALLENGE_ANSWER_MESSAGES.EMPTY })
  .max(CHALLENGE_ANSWER_MAX_LENGTH, { error: CHALLENGE_ANSWER_MESSAGES.TOO_LONG })
  .refine(isStorable, invalidCharacters);

/** JSON numbers only: zod 4 refuses NaN and the infinities. */
const ZAnswerNumber = z.number();

const ZAnswerItem = z.union([
  z
    .string()
    .max(CHALLENGE_ANSWER_ITEM_MAX_LENGTH, { error: CHALLENGE_ANSWER_MESSAGES.TOO_LONG })
    .refine(isStorable, invalidCharacters),
  ZAnswerNumber,
]);

/** A list answer is one level deep: nested lists and objects are refused. */
const ZAnswerList = z
  .array(ZAnswerItem)
  .min(1, { error: CHALLENGE_ANSWER_MESSAGES.EMPTY })
  .max(CHALLENGE_ANSWER_MAX_ITEMS, { error: CHALLENGE_ANSWER_MESSAGES.TOO_LONG });

/**
 * An attempt's answer, as the text that is checked and stored: a string as typed; a number as JSON
 * writes it (`12` → `"12"`, `0.5` → `"0.5"`); a list as its items joined with `", "`
 * (`["A", "B"]` → `"A, B"`). Booleans, null, objects and nested lists are refused.
 */
export const ZChallengeAnswer = z
  .union([ZChallengeAnswerText, ZAnswerNumber, ZAnswerList], {
    error: CHALLENGE_ANSWER_MESSAGES.NOT_TEXT,
  })
  .transform((value) =>
    Array.isArray(value)
      ? value.map(String).join(', ')
      : typeof value === 'number'
        ? String(value)
        : value,
  )
  .pipe(ZChallengeAnswerText);
export type ChallengeAnswerInput = z.input<typeof ZChallengeAnswer>;

/**
 * The refusal a failed {@link ZChallengeAnswer} parse stands for. In a union failure, the option whose
 * type matched (its issues are not `invalid_type`) tells why: `[]` is EMPTY, 51 items TOO_LONG.
 */
export const refusalOf = (issues: readonly z.core.$ZodIssue[]): ChallengeAnswerRefusal => {
  const [issue] = issues;
  if (issue === undefined) return 'NOT_TEXT';
  switch (issue.code) {
    case 'too_small':
      return 'EMPTY';
    case 'too_big':
      return 'TOO_LONG';
    case 'custom':
      return 'INVALID_CHARACTERS';
    case 'invalid_union': {
      const matched = issue.errors.find((option) => option[0]?.code !== 'invalid_type');
      return matched === undefined ? 'NOT_TEXT' : refusalOf(matched);
    }
    default:
      return 'NOT_TEXT';
  }
};
