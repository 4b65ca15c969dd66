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
