/**
 * Checks shared by every generated text (exercise and challenge verifiers): present, bounded, French,
 * and plain text (no link, no HTML/Markdown/LaTeX, no code). A verifier returns ContentProblems; a
 * service sends their messages back once for a repair (buildRepairMessages), then rejects.
 */
import { z } from 'zod';

import { hasUnsafeCharacters } from './text.ts';

export const CONTENT_PROBLEM_CODES = [
  'EMPTY',
  'TOO_LONG',
  'NOT_FRENCH',
  'HAS_URL',
  'HAS_MARKUP',
  'HAS_CODE',
  'HAS_CONTROL_CHARACTERS',
  'ANSWER_NOT_NUMBER',
  'ANSWER_MISMATCH',
  'OPERATION_MISMATCH',
  'CALCULATION_MISSING',
  'CALCULATION_INVALID',
  'CALCULATION_NOT_IN_QUESTION',
  'CHOICES_COUNT',
  'CHOICES_INVALID',
  'CHOICES_DUPLICATE',
  'CHOICES_MISSING_ANSWER',
  'HINTS_COUNT',
  'HINT_REVEALS_ANSWER',
  'VISUAL_DATA_INVALID',
  'ANSWER_REJECTED',
  // The model's output was not a usable JSON object (even after the repair round).
  'OUTPUT_MALFORMED',
] as const;
export type ContentProblemCode = (typeof CONTENT_PROBLEM_CODES)[number];

export interface ContentProblem {
  code: ContentProblemCode;
  /** The output field (`question`, `choices`, `hints.1`…). */
  field: string;
  /** French, for the repair prompt and logs; never user text. */
  message: string;
}

export const problem = (
  code: ContentProblemCode,
  field: string,
  message: string,
): ContentProblem => ({ code, field, message });

/** Length in characters (code points), as the limits are stated. */
export const charLength = (text: string): number => Array.from(text).length;

const URL_PATTERN =
  /\b(?:https?|ftp|file|mailto|javascript|data):|\bwww\.|\b[a-z0-9-]{2,}\.(?:com|fr|org|net|io|be|ch|ca|info|edu|gov|ly|gl|co|me|app|dev|xyz)\b/i;
const HTML_TAG =
  /<\/?(?:a|b|i|u|s|em|strong|p|div|span|br|hr|img|script|style|iframe|svg|math|table|tr|td|th|ul|ol|li|h[1-6]|html|body|head|link|meta|object|embed|form|input|button|sub|sup|code|pre|font|center|video|audio|source|mark|small|big)\b[^<>]*\/?>/i;
const HTML_ENTITY = /&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});/i;
const MARKDOWN = /!\[|\[[^\]\n]+\]\([^)\n]*\)|^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|__[^_\n]+__/m;
const LATEX =
  /\\(?:frac|dfrac|times|div|sqrt|cdot|left|right|begin|end|text|mathrm|pi|le|ge|neq)\b|\$\$|\\\(|\\\[/;
const CODE = /```|~~~|`[^`\n]+`/;

const FRENCH_WORDS = new Set([
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'un',
  'une',
  'et',
  'est',
  'sont',
  'que',
  'qui',
  'combien',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'pour',
  'dans',
  'avec',
  'sur',
  'par',
  'au',
  'aux',
  'il',
  'elle',
  'ils',
  'elles',
  'ce',
  'cette',
  'ces',
  'ne',
  'pas',
  'plus',
  'tu',
  'ton',
  'ta',
  'tes',
  'calcule',
  'trouve',
  'chaque',
  'alors',
  'donc',
  'fait',
  'font',
  'nombre',
  'nombres',
  'réponse',
  'y',
]);
const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'is',
  'are',
  'of',
  'to',
  'what',
  'how',
  'many',
  'much',
  'which',
  'you',
  'your',
  'with',
  'this',
  'that',
  'find',
  'calculate',
  'there',
  'has',
  'have',
  'each',
  'then',
  'will',
  'does',
  'can',
  'for',
  'from',
  'by',
  'it',
  'its',
  'in',
  'answer',
  'number',
  'numbers',
  'if',
  'was',
  'were',
  'be',
  'we',
  'they',
]);

/**
 * A text reads as French unless it clearly reads as another language: among its common words, more
 * English than French ones (at least 3). Short texts and formulas pass.
 */
export const looksFrench = (text: string): boolean => {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let french = 0;
  let english = 0;
  for (const w of words) {
    if (FRENCH_WORDS.has(w)) french++;
    if (ENGLISH_WORDS.has(w)) english++;
  }
  if (/[àâçéèêëîïôûùüÿœæ]/i.test(text)) french++;
  return !(english >= 3 && english > french);
};

export interface TextRule {
  max: number;
  /** Default true: an empty value is a problem. */
  required?: boolean;
  /** Check that it reads as French (sentences, not formulas). Default true. */
  prose?: boolean;
}

/** The problems of one generated text field. */
export const checkText = (field: string, value: string, rule: TextRule): ContentProblem[] => {
  const problems: ContentProblem[] = [];
  if (value.trim() === '') {
    if (rule.required ?? true) problems.push(problem('EMPTY', field, `« ${field} » est vide.`));
    return problems;
  }
  if (charLength(value) > rule.max) {
    problems.push(
      problem('TOO_LONG', field, `« ${field} » dépasse ${rule.max} caractères : raccourcis-le.`),
    );
  }
  if (URL_PATTERN.test(value)) {
    problems.push(problem('HAS_URL', field, `« ${field} » contient un lien : retire-le.`));
  }
  if (
    HTML_TAG.test(value) ||
    HTML_ENTITY.test(value) ||
    MARKDOWN.test(value) ||
    LATEX.test(value)
  ) {
    problems.push(
      problem(
        'HAS_MARKUP',
        field,
        `« ${field} » contient du HTML, du Markdown ou du LaTeX : écris du texte simple.`,
      ),
    );
  }
  if (CODE.test(value)) {
    problems.push(problem('HAS_CODE', field, `« ${field} » contient du code : retire-le.`));
  }
  if (hasUnsafeCharacters(value.replace(/\r\n/g, '\n'))) {
    problems.push(
      problem(
        'HAS_CONTROL_CHARACTERS',
        field,
        `« ${field} » contient des caractères invisibles ou de contrôle.`,
      ),
    );
  }
  if ((rule.prose ?? true) && !looksFrench(value)) {
    problems.push(problem('NOT_FRENCH', field, `« ${field} » doit être écrit en français.`));
  }
  return problems;
};

/** Model text: a string, or a number written as JSON (`12` → "12"); trimmed; absent → "". */
export const ZModelText = z
  .union([z.string().max(20_000), z.number()])
  .transform((v) => String(v).trim());
