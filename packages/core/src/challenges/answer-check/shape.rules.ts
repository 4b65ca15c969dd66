/**
 * Shape normalisation (NormShape, spec/api-rest-challenges-admin.md §4.3), used by visual and pattern
 * answers. Like the legacy: case and accents ignored, `rectangle` / `square` count as `carre`,
 * `circle` as `cercle`, and a shape with a colour becomes `"<shape> <colour>"` whatever the word order
 * (the last shape word and the last colour word win). Kinder than the legacy, on purpose: plural and
 * feminine forms (`étoiles vertes`), `rond` and the English names (`red` = `rouge`, `star` = `étoile`)
 * are understood, and words are matched whole (the legacy replaced substrings).
 */
import { foldText } from './answer-text.rules.ts';

/** Canonical shape words, and the words that mean them. */
const SHAPE_WORDS = new Map<string, string>(
  Object.entries({
    carre: 'carre',
    rectangle: 'carre',
    square: 'carre',
    cercle: 'cercle',
    rond: 'cercle',
    circle: 'cercle',
    triangle: 'triangle',
    losange: 'losange',
    diamond: 'losange',
    etoile: 'etoile',
    star: 'etoile',
    hexagone: 'hexagone',
    hexagon: 'hexagone',
    pentagone: 'pentagone',
    pentagon: 'pentagone',
  }),
);

/** Canonical colour words (the legacy list), and the forms that mean them. */
const COLOUR_WORDS = new Map<string, string>(
  Object.entries({
    rouge: 'rouge',
    red: 'rouge',
    bleu: 'bleu',
    bleue: 'bleu',
    blue: 'bleu',
    vert: 'vert',
    verte: 'vert',
    green: 'vert',
    jaune: 'jaune',
    yellow: 'jaune',
    orange: 'orange',
    violet: 'violet',
    violette: 'violet',
    purple: 'violet',
    rose: 'rose',
    pink: 'rose',
    gris: 'gris',
    grise: 'gris',
    grey: 'gris',
    gray: 'gris',
    noir: 'noir',
    noire: 'noir',
    black: 'noir',
    blanc: 'blanc',
    blanche: 'blanc',
    white: 'blanc',
  }),
);

const SHAPES = new Set(SHAPE_WORDS.values());
const COLOURS = new Set(COLOUR_WORDS.values());
const isKnown = (word: string): boolean => SHAPE_WORDS.has(word) || COLOUR_WORDS.has(word);

/** The singular of a word when that singular is a known shape or colour (`carres` → `carre`). */
const singular = (word: string): string => {
  if (isKnown(word)) return word;
  if (word.endsWith('s') || word.endsWith('x')) {
    const stem = word.slice(0, -1);
    if (isKnown(stem)) return stem;
  }
  return word;
};

const canonicalWord = (word: string): string => {
  const base = singular(word);
  return SHAPE_WORDS.get(base) ?? COLOUR_WORDS.get(base) ?? word;
};

/** Punctuation around a word (`(rouge)`, `bleu.`) is not part of it. */
const bareWord = (word: string): string => word.replace(/^[^\p{L}\p{N}?]+|[^\p{L}\p{N}?]+$/gu, '');

/**
 * `Carré Bleu` → `carre bleu`; `bleu carré` → `carre bleu`; `étoiles vertes` → `etoile vert`;
 * a text without both a shape and a colour → its folded words, shape and colour words canonical
 * (`X` → `x`, `rond` → `cercle`). Idempotent.
 */
export const normalizeShape = (raw: string): string => {
  const words = foldText(raw)
    .split(' ')
    .map((word) => {
      const bare = bareWord(word);
      return bare === '' ? word : canonicalWord(bare);
    });
  let shape: string | null = null;
  let colour: string | null = null;
  for (const word of words) {
    if (SHAPES.has(word)) shape = word;
    else if (COLOURS.has(word)) colour = word;
  }
  if (shape !== null && colour !== null) return `${shape} ${colour}`;
  return words.join(' ');
};
