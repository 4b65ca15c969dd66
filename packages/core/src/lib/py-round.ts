/**
 * Python's `round(x, ndigits)` on the exact binary value, by its decimal expansion: half-to-even when the
 * value is exactly halfway, else to the nearer. The reference for `pyRound` (and its slow path).
 */
export const pyRoundExact = (value: number, ndigits = 0): number => {
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

/** Below it, `|value| · 10^ndigits` is computed within 2⁻²² of the exact product (ulp ≤ 2⁻²²). */
const FAST_SCALED_MAX = 2 ** 31;
/** How far from a tie the computed fraction must be for its side to be certain (≫ 2⁻²²). */
const TIE_MARGIN = 1e-6;

/**
 * Python's `round(x, ndigits)` (spec conventions: half-to-even on the exact binary value; never
 * `Math.round`). The statistics rules round as the legacy did, so the clean DTOs and the legacy bodies
 * carry the same numbers. Values clearly away from a tie are rounded from the floating-point product
 * (the badge engine rounds every badge's progress on every submit); near a tie, or when the product is
 * too large to be exact enough, the decimal expansion decides (`pyRoundExact`).
 */
export const pyRound = (value: number, ndigits = 0): number => {
  if (!Number.isFinite(value) || ndigits < 0 || ndigits > 15) return value;
  const factor = 10 ** ndigits;
  const scaled = Math.abs(value) * factor;
  if (scaled >= FAST_SCALED_MAX) return pyRoundExact(value, ndigits);
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  if (Math.abs(fraction - 0.5) <= TIE_MARGIN) return pyRoundExact(value, ndigits);
  const result = (fraction < 0.5 ? floor : floor + 1) / factor;
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
