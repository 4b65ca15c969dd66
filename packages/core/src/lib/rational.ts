/**
 * Exact rational numbers and the canonical number formats shared by the exercise generator, its answer
 * checker and the challenge answer checker.
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

const SPACES = /[\s\u00a0\u202f]+/g;

/** A leading Unicode minus or dash read as `-`. */
export const normalizeSign = (text: string): string => text.replace(/^[−–]/, '-');

/** Exact rational of a plain decimal number (`12`, `-3,5`, `.25`, `1 000`); null otherwise. */
export const parseDecimal = (raw: string): Rational | null => {
  let text = normalizeSign(raw.trim());
  if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text)) text = text.replace(SPACES, '');
  const match = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', frac = ''] = match;
  if (whole === '' && frac === '') return null;
  if (whole.length + frac.length > 15) return null;
  const q = 10 ** frac.length;
  const p = Number(`${whole}${frac}` || '0');
  return { p: sign === '-' ? -p : p, q };
};

/** Fraction `p/q` (spaces around `/` allowed, q ≠ 0) as written, not reduced; null otherwise. */
export const parseFraction = (raw: string): Rational | null => {
  const match = /^([+-]?\d{1,15})\s*\/\s*([+-]?\d{1,15})$/.exec(normalizeSign(raw.trim()));
  if (!match) return null;
  const p = Number(match[1]);
  const q = Number(match[2]);
  if (q === 0) return null;
  return q < 0 ? { p: -p, q: -q } : { p, q };
};
