/**
 * Number helpers shared by the generator and the answer checker.
 *
 * Canonical answer formats (what `correctAnswer` and `choices` hold):
 * - integer: plain digits, optional leading `-`, no separators (`1250`);
 * - decimal: at most 2 decimals, `.` separator, trailing zeros removed (`17.5`, `50.24`, `12`);
 * - fraction: `p/q` with no spaces, `q > 1`, or the integer `p` when q = 1 (`3/4`, `2`).
 * French texts show decimals with a comma (`17,5`): see `toFrench`.
 */

export const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
};

/** An exact rational p/q with q > 0 (not necessarily reduced). */
export interface Rational {
  readonly p: number;
  readonly q: number;
}

export const reduce = ({ p, q }: Rational): Rational => {
  const g = gcd(p, q) || 1;
  const sign = q < 0 ? -1 : 1;
  return { p: (sign * p) / g, q: (sign * q) / g };
};

export const isReduced = ({ p, q }: Rational): boolean => q > 0 && gcd(p, q) === 1;

/** `p/q` as written (q = 1 prints the integer). */
export const formatRational = ({ p, q }: Rational): string => (q === 1 ? String(p) : `${p}/${q}`);

export const rationalEquals = (a: Rational, b: Rational): boolean => a.p * b.q === b.p * a.q;

/** A count of hundredths (an integer) in canonical decimal form: 1750 → `17.5`, 5024 → `50.24`. */
export const formatHundredths = (hundredths: number): string => {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(Math.round(hundredths));
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  const frac = String(cents).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}.${frac}`;
};

/** Canonical decimal form of a number, rounded to 2 decimals. */
export const formatDecimal = (value: number): string => formatHundredths(Math.round(value * 100));

/** The French way to show a canonical number in a text: decimal comma. */
export const toFrench = (canonical: string): string => canonical.replace('.', ',');
