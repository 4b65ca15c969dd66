/**
 * What the legacy (Python) wire format needs and JavaScript does not do by itself:
 * `isoformat()` timestamps, `round()` half-to-even, and floats that serialise as `10.0`.
 */

import { randomUUID } from 'node:crypto';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Python `datetime.isoformat()` of an aware UTC datetime: `2026-02-14T10:20:30.123456+00:00`, with the
 * fraction omitted when it is zero. JS dates carry milliseconds, so microseconds are `ms * 1000`.
 */
export const pyIsoformat = (date: Date): string => {
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return `${base}${ms === 0 ? '' : `.${pad(ms * 1000, 6)}`}+00:00`;
};

/** `pyIsoformat` that passes `null` through, for nullable timestamp fields. */
export const pyIsoformatOrNull = (date: Date | null | undefined): string | null =>
  date ? pyIsoformat(date) : null;

/** Calendar date as Python's `date.isoformat()`: `YYYY-MM-DD` (UTC day). */
export const pyDate = (date: Date): string =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** Python's `round()` (half-to-even on the exact binary value): one implementation, in core. */
export { pyRound } from '@mathakine/core';

/** The nonce of the `toLegacyJson` call under way (JSON.stringify is synchronous), null outside one. */
let writingNonce: string | null = null;

/**
 * A number that must be written as a Python float (`10.0`, not `10`). Mappers wrap float-typed fields
 * with `pyFloat`; only `toLegacyJson` (the legacy writer's serialiser) knows how to write them.
 */
export class PyFloat {
  constructor(readonly value: number) {}

  /** Inside `toLegacyJson`: its marker; anywhere else: the plain number. */
  toJSON(): number | string {
    return writingNonce === null
      ? this.value
      : `\u0000${writingNonce}:${formatPyFloat(this.value)}`;
  }
}

export const pyFloat = (value: number): PyFloat => new PyFloat(value);

/** Python `repr(float)`: integral values keep `.0`; others use the shortest round-trip form. */
export const formatPyFloat = (value: number): string => {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const text = String(value);
  // JS writes 1e+21, Python 1e+21 too; JS writes 1e-7, Python 1e-07.
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
};

/**
 * JSON text as Python's `json.dumps(..., ensure_ascii=False, separators=(',', ':'))` would write it for
 * the same data: compact, raw UTF-8, and `PyFloat` values with their decimal point. Floats travel through
 * `JSON.stringify` as marker strings carrying a per-call random nonce, so no string a client stored (NUL
 * characters included) can be mistaken for one.
 */
export const toLegacyJson = (value: unknown): string => {
  const nonce = randomUUID().replaceAll('-', '');
  writingNonce = nonce;
  let text: string;
  try {
    // `PyFloat.toJSON` writes the markers: no replacer call for every other value.
    text = JSON.stringify(value);
  } finally {
    writingNonce = null;
  }
  if (!text.includes(nonce)) return text;
  const marker = new RegExp(`"\\\\u0000${nonce}:(-?[0-9][0-9.e+-]*|NaN|-?Infinity)"`, 'g');
  return text.replace(marker, '$1');
};

/** A record with every value mapped (the legacy `by_*` dictionaries). */
export const mapValues = <T, U>(
  record: Record<string, T>,
  fn: (value: T) => U,
): Record<string, U> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
