/**
 * Getting the JSON object out of a model's text (api-rest-challenges-admin §5.6 "JSON extraction"):
 * 1. the whole text; 2. inside a Markdown code fence; 3. from the first `{` to the last `}`;
 * 4. the same without `//` and `/* *\/` comments (outside strings).
 * Unlike the legacy, a truncated object is NOT completed by closing strings and brackets: what was cut
 * is lost, so the output counts as malformed (repair or reject), never as a half-invented exercise.
 */

const tryParseObject = (text: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

const FENCE = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/;

/** Removes `//` line comments and `/* *\/` block comments that are not inside a JSON string. */
export const stripJsonComments = (text: string): string => {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += next;
        i++;
      } else if (ch === '"') {
        inString = false;
      }
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += ch;
    }
  }
  return out;
};

/** The JSON object in `text`, or null when there is none (not JSON, an array, a cut object…). */
export const extractJsonObject = (text: string): Record<string, unknown> | null => {
  const whole = tryParseObject(text.trim());
  if (whole) return whole;
  const fenced = FENCE.exec(text)?.[1];
  if (fenced !== undefined) {
    const inFence = tryParseObject(fenced.trim());
    if (inFence) return inFence;
  }
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first < 0 || last <= first) return null;
  const slice = text.slice(first, last + 1);
  return tryParseObject(slice) ?? tryParseObject(stripJsonComments(slice));
};
