/**
 * PostgreSQL `text` and `jsonb` cannot hold NUL, and a lone UTF-16 surrogate cannot be encoded: text
 * carrying either is refused at the boundary, never sent to the database.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export const isStorableText = (text: string): boolean =>
  !text.includes('\0') && !LONE_SURROGATE.test(text);
