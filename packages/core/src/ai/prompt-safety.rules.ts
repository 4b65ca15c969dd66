/**
 * Child safety of the text that users send to the AI (audit S-2.1; api-rest-core §6.4.6 and §6.7,
 * domain-rules §2.6): the legacy refusal rules and messages, then a sanitiser that removes what could
 * steer the model (control and invisible characters, lone surrogates, injection phrases, our own
 * delimiters) and what should never reach a provider (e-mail addresses, phone numbers).
 * These are defences in depth: the real barrier is prompts.ts, where user text only ever travels in a
 * `user` message, delimited, after a system prompt that never contains it.
 */
import { z } from 'zod';

import type { AgeGroup } from '../exercises/index.ts';
import type { ChatComplexity } from '../kernel/ai.ts';
import { stripUnsafeCharacters } from '../lib/text.ts';

/** A longer raw prompt or chat message is refused (legacy limit). */
export const PROMPT_MAX_LENGTH = 1000;
/** A generation prompt is cut to this after sanitising (legacy). */
export const GENERATION_PROMPT_MAX_LENGTH = 500;
/** A chat message or history entry is cut to this after sanitising. */
export const CHAT_TEXT_MAX_LENGTH = 1000;
/** History entries kept from the request (legacy: the first 20)… */
export const CHAT_HISTORY_MAX_ENTRIES = 20;
/** …of which only the last ones are sent to the model (legacy: 5). */
export const CHAT_HISTORY_SENT = 5;

/** The legacy refusal reasons, shown after `Prompt invalide: ` / `Message invalide: `. */
export const PROMPT_SAFETY_REASONS = {
  tooLong: `Prompt trop long (max ${PROMPT_MAX_LENGTH} caractères)`,
  dangerous: 'Pattern dangereux détecté',
} as const;

const BLOCKED = [
  /ignore\s+(previous|above|all)\s+instructions?/i,
  /forget\s+everything\s*\.?\s*$/i,
  /(?:show|repeat|disclose)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)/i,
];
const BLOCKED_WHEN_SHORT = [/oublie\s+tout/i, /you\s+are\s+now/i, /tu\s+es\s+maintenant/i];
const SHORT = 60;

const lengthOf = (text: string): number => Array.from(text).length;

export type PromptSafety = { ok: true } | { ok: false; reason: string };

/** The legacy `validate_prompt_safety`: refuse an over-long prompt or a blatant injection. */
export const checkPromptSafety = (raw: string): PromptSafety => {
  if (lengthOf(raw) > PROMPT_MAX_LENGTH)
    return { ok: false, reason: PROMPT_SAFETY_REASONS.tooLong };
  const text = raw.trim();
  if (BLOCKED.some((re) => re.test(text))) {
    return { ok: false, reason: PROMPT_SAFETY_REASONS.dangerous };
  }
  if (lengthOf(text) < SHORT && BLOCKED_WHEN_SHORT.some((re) => re.test(text))) {
    return { ok: false, reason: PROMPT_SAFETY_REASONS.dangerous };
  }
  return { ok: true };
};

/** The legacy `sanitize_user_prompt` phrases (domain-rules §2.6), removed wherever they appear. */
const INJECTION_PHRASES = [
  /ignore\s+(previous|above|all|all\s+previous)\s+instructions?/gi,
  /forget\s+(everything|all|previous)/gi,
  /disregard\s+(previous|above|all)/gi,
  /you\s+are\s+now/gi,
  /new\s+instructions?/gi,
  /override\s+(previous|system)/gi,
  /oublie\s+(tout\s+ce\s+qui\s+précède|tout|les\s+instructions)/gi,
  /tu\s+es\s+(maintenant|désormais)\s+(un|une|le|la)/gi,
  /ignore\s+(tout|les\s+instructions)/gi,
  /nouveau\s+(contexte|rôle|personnage|mode)/gi,
  /r[eé]ponds\s+(uniquement|seulement)\s+["']/gi,
  /from\s+now\s+on/gi,
  /act\s+as\s+if\s+you\s+are/gi,
  /pretend\s+to\s+be/gi,
  /you\s+must\s+now/gi,
  /fais\s+comme\s+si\s+tu\s+(étais|es)/gi,
  /do\s+not\s+follow/gi,
  /ignore\s+the\s+system/gi,
  /bypass\s+(safety|security|rules)/gi,
  /show\s+me\s+your\s+(prompt|instructions|system)/gi,
  /repeat\s+your\s+(prompt|instructions)/gi,
  /what\s+are\s+your\s+(instructions|rules)/gi,
  /montre[\s-]+(moi\s+)?(ton|ta|tes)\s+(prompt|instructions)/gi,
  /quel\s+est\s+ton\s+(prompt|système)/gi,
  // Ours, in French as well: new orders, revealing the instructions, a role written as a line prefix.
  /nouvelles?\s+(instructions?|consignes?|règles?)/gi,
  /r[eé]v[eè]le[sz]?[\s-]+(moi\s+)?(ton|ta|tes)\s+(prompt|instructions|consignes|règles)/gi,
  /^[ \t]*(system|assistant|developer)[ \t]*:/gim,
];

/** Our delimiters (prompts.ts) are made of these: user text can never contain them. */
const DELIMITER_RUNS = /<{3,}|>{3,}|«{2,}|»{2,}/g;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu;
// French phone numbers (0X XX XX XX XX, +33 X XX XX XX XX, with spaces, dots or dashes, or none).
const PHONE = /(?<!\d|\d[.,/])(?:\+33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d|[.,/]\d)/g;

export const REDACTED_EMAIL = '[adresse masquée]';
export const REDACTED_PHONE = '[numéro masqué]';

/** Replaces e-mail addresses and phone numbers (personal data never goes to a provider). */
export const redactPersonalData = (text: string): string =>
  text.replace(EMAIL, REDACTED_EMAIL).replace(PHONE, REDACTED_PHONE);

const removeInjectionPhrases = (text: string): string => {
  let current = text;
  // Removing a phrase can join two halves into a new one: repeat until nothing changes.
  for (let pass = 0; pass < 5; pass++) {
    const next = INJECTION_PHRASES.reduce((t, re) => t.replace(re, ' '), current).replace(
      DELIMITER_RUNS,
      ' ',
    );
    if (next === current) break;
    current = next;
  }
  return current;
};

const truncate = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
};

export interface SanitizeOptions {
  maxLength: number;
  /** Keep line breaks (at most one empty line in a row); otherwise every run of spaces becomes one. */
  keepNewlines?: boolean;
}

/**
 * Makes user text safe to place in a `user` message: unsafe characters, injection phrases and our
 * delimiters removed, personal data redacted, whitespace collapsed, trimmed, cut to `maxLength`.
 */
export const sanitizeUserText = (raw: string, options: SanitizeOptions): string => {
  // Bound the work first (the regexes run on at most twice the kept length).
  const bounded = truncate(stripUnsafeCharacters(raw), options.maxLength * 2);
  const cleaned = redactPersonalData(removeInjectionPhrases(bounded));
  const spaced = options.keepNewlines
    ? cleaned
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .replace(/\n{3,}/g, '\n\n')
    : cleaned.replace(/\s+/g, ' ');
  return truncate(spaced.trim(), options.maxLength).trim();
};

/** A generation prompt (`prompt` query parameter) ready for buildExerciseMessages / buildChallengeMessages. */
export const sanitizeGenerationPrompt = (raw: string): string =>
  sanitizeUserText(raw, { maxLength: GENERATION_PROMPT_MAX_LENGTH });

/** A chat message or a history entry. */
export const sanitizeChatText = (raw: string): string =>
  sanitizeUserText(raw, { maxLength: CHAT_TEXT_MAX_LENGTH, keepNewlines: true });

/**
 * One history entry as the legacy frontend sends it. Only `user` and `assistant` are accepted: a
 * `system` (or any other) role is invalid input, never forwarded.
 */
export const ZChatTurn = z.object({
  role: z.enum(['user', 'assistant']).default('user'),
  content: z.string().default(''),
});
export type ChatTurn = z.output<typeof ZChatTurn>;

/** `conversation_history`: any length is accepted and cut to the first 20 entries (legacy). */
export const ZChatHistory = z
  .array(ZChatTurn)
  .default([])
  .transform((turns) => turns.slice(0, CHAT_HISTORY_MAX_ENTRIES));

/** The turns sent to the model: sanitised, empty ones dropped, the last CHAT_HISTORY_SENT. */
export const prepareChatHistory = (history: readonly ChatTurn[]): ChatTurn[] =>
  history
    .slice(0, CHAT_HISTORY_MAX_ENTRIES)
    .map((turn) => ({ role: turn.role, content: sanitizeChatText(turn.content) }))
    .filter((turn) => turn.content !== '')
    .slice(-CHAT_HISTORY_SENT);

const COMPLEX_KEYWORDS = [
  'démontrer',
  'démontre',
  'démonstration',
  'prouver',
  'prouve',
  'preuve',
  'théorème',
  'formule',
  'raisonnement',
  'probabilité',
  'explique en détail',
  'expliquer en détail',
  'comment fonctionne',
  'pourquoi est-ce que',
  'justifie',
  'équation',
];

/** Legacy routing (§6.7): ≤ 5 words → simple; else complex when it asks for a proof or details. */
export const chatComplexityOf = (message: string): ChatComplexity => {
  const text = message.trim().toLowerCase();
  if (text.split(/\s+/).filter((w) => w !== '').length <= 5) return 'simple';
  return COMPLEX_KEYWORDS.some((k) => text.includes(k)) ? 'complex' : 'simple';
};

const word = (alternatives: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');

const SCHOOL_LEVELS: readonly [RegExp, AgeGroup][] = [
  [word('cp|ce1|ce2'), '6-8'],
  [word('cm1|cm2|6e|6ème|sixième'), '9-11'],
  [word('5e|5ème|cinquième|4e|4ème|quatrième|3e|3ème|troisième|collège'), '12-14'],
  [word('en seconde|en première|2nde|1ère|terminale|lycée'), '15-17'],
];

/** The age group a message's school-level words suggest (`je suis en CM2` → 9-11), if any. */
export const ageHintOf = (message: string): AgeGroup | null =>
  SCHOOL_LEVELS.find(([re]) => re.test(message))?.[1] ?? null;
