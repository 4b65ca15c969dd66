/**
 * Python's `round(x, ndigits)` (spec conventions: half-to-even on the exact binary value; never
 * `Math.round`). The statistics rules round as the legacy did, so the clean DTOs and the legacy bodies
 * carry the same numbers. Same algorithm as the api package's legacy formatter.
 */
export const pyRound = (value: number, ndigits = 0): number => {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21 || ndigits < 0 || ndigits > 15)
    return value;
  const [intPart = '0', frac = ''] = Math.abs(value).toFixed(100).split('.');
  const rest = frac.slice(ndigits);
  let scaled = BigInt(intPart + frac.slice(0, ndigits));
  const half = '5'.padEnd(rest.length, '0');
  if (rest > half || (rest === half && scaled % 2n === 1n)) scaled += 1n;
  const result = Number(scaled) / 10 ** ndigits;
  return value < 0 && result !== 0 ? -result : result;
};

/** `pyRound(part / whole · scale, ndigits)`, 0 when `whole` is 0. */
export const ratio = (
  part: number,
  whole: number,
  scale: number,
  ndigits: number | null,
): number => {
  if (whole === 0) return 0;
  const value = (part / whole) * scale;
  return ndigits === null ? value : pyRound(value, ndigits);
};
