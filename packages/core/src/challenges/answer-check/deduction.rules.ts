/**
 * Deduction answers (spec/api-rest-challenges-admin.md §4.4): a set of associations such as
 * `Emma:Chimie:700, Lucas:Info:600`, where neither the order of the associations nor the order inside one
 * matters, and French ordinals are numbers (`2ème` = `2`). Kinder than the legacy, on purpose: accents
 * are ignored, `=` works like `:`, `;` and line breaks separate associations like `,`, ordinal words count
 * (`premier` = `1`), a leading article is ignored (`Emma: la chimie`), and a stored answer that parses
 * to nothing is never solved.
 */
import { foldText } from './answer-text.rules.ts';

const ORDINAL_WORDS = new Map<string, string>([
  ['premier', '1'],
  ['premiere', '1'],
  ['deuxieme', '2'],
  ['second', '2'],
  ['seconde', '2'],
  ['troisieme', '3'],
  ['quatrieme', '4'],
  ['cinquieme', '5'],
  ['sixieme', '6'],
  ['septieme', '7'],
  ['huitieme', '8'],
  ['neuvieme', '9'],
  ['dixieme', '10'],
]);

/** `1er`, `1ere`, `2e`, `2eme`, `2nd`, `2nde` (accents already folded) → the number. */
const NUMERIC_ORDINAL = /^(\d{1,3}) ?(?:er|ere|re|e|eme|nd|nde|st|th)$/;
const ARTICLE = /^(?:le|la|les|un|une|des|du) (?=\S)|^[ld]'(?=\S)/;

/** One element of an association: folded, article dropped, ordinal as its number. */
export const normalizeElement = (raw: string): string => {
  const folded = foldText(raw)
    .replace(/^["']+|["']+$/g, '')
    .trim()
    .replace(ARTICLE, '');
  const numeric = NUMERIC_ORDINAL.exec(folded);
  if (numeric?.[1] !== undefined) return String(Number(numeric[1]));
  return ORDINAL_WORDS.get(folded) ?? folded;
};

const tupleKey = (elements: readonly string[]): string | null => {
  const kept = elements.map(normalizeElement).filter((e) => e !== '');
  return kept.length === 0 ? null : JSON.stringify(kept.sort());
};

const primitiveText = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null;

/** The values one key of the JSON form contributes: a nested object's or array's values, or itself. */
const valuesOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(primitiveText).filter((v) => v !== null);
  if (typeof value === 'object' && value !== null) {
    return Object.values(value)
      .map(primitiveText)
      .filter((v) => v !== null);
  }
  const text = primitiveText(value);
  return text === null ? [] : [text];
};

const parseJsonForm = (text: string): Set<string> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/'/g, '"'));
  } catch {
    return new Set();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Set();
  const keys = Object.entries(parsed)
    .map(([key, value]) => tupleKey([key, ...valuesOf(value)]))
    .filter((key) => key !== null);
  return new Set(keys);
};

/**
 * The set of associations of an answer, each a sorted list of normalised elements (as a JSON key).
 * `{…}` (the stored JSON-like form, single quotes allowed) gives one association per key: the key with
 * its values; anything else is split on `,` `;` and line breaks, then each part on `:` / `=`.
 */
export const parseAssociations = (raw: string): Set<string> => {
  const text = raw.trim();
  if (text.startsWith('{')) return parseJsonForm(text);
  const keys = text
    .split(/[,;\n]/)
    .map((part) => tupleKey(part.split(/[:=]/)))
    .filter((key) => key !== null);
  return new Set(keys);
};

/** True when both answers hold exactly the same associations (never when the stored one has none). */
export const deductionAnswerMatches = (userAnswer: string, correctAnswer: string): boolean => {
  const correct = parseAssociations(correctAnswer);
  if (correct.size === 0) return false;
  const user = parseAssociations(userAnswer);
  return user.size === correct.size && [...correct].every((key) => user.has(key));
};
