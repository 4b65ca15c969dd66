const SPACES = /[\s\u00a0\u202f]+/g;

/** Lower-case, no accents, single spaces, straight apostrophes. */
export const normalizeText = (raw: string): string =>
  raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();

// Control characters except tab and newline; invisible and bidirectional controls; lone surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when the text holds a control or invisible character, or a lone surrogate. */
export const hasUnsafeCharacters = (text: string): boolean =>
  stripUnsafeCharacters(text) !== text.normalize('NFC');

/** Removes control and invisible characters and lone surrogates; NFC. Never throws. */
export const stripUnsafeCharacters = (text: string): string =>
  text.replace(LONE_SURROGATE, '').normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '');
