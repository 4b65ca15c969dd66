/**
 * Python's `int(text)` for query-string values the legacy parsed with it: surrounding whitespace, an
 * optional sign, ASCII digits with single underscores between groups (`1_000`). Null where Python raised
 * `ValueError`, including past its 4300-digit limit (Unicode digits, which Python also reads, are refused).
 */
const PY_INT = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/;
const PY_INT_MAX_DIGITS = 4300;

export const pyInt = (text: string | undefined): bigint | null => {
  if (text === undefined) return null;
  const match = PY_INT.exec(text);
  if (!match) return null;
  const digits = (match[2] ?? '').replaceAll('_', '');
  if (digits.length > PY_INT_MAX_DIGITS) return null;
  const value = BigInt(digits);
  return match[1] === '-' ? -value : value;
};

/** A Python int brought into [min, max] (bounds are safe integers). */
export const clampPyInt = (value: bigint, min: number, max: number): number =>
  value < BigInt(min) ? min : value > BigInt(max) ? max : Number(value);
