import { describe, expect, it } from 'vitest';

import { pyRound, pyRoundExact } from './py-round.ts';

/** A deterministic generator (mulberry32): the same values on every run. */
const random = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('pyRound: Python round() on the exact binary value', () => {
  it('rounds ties to even, and values that only look like ties by their true side', () => {
    expect(pyRound(0.5)).toBe(0);
    expect(pyRound(1.5)).toBe(2);
    expect(pyRound(2.5)).toBe(2);
    expect(pyRound(-2.5)).toBe(-2);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.375, 2)).toBe(0.38);
    // 2.675 is 2.67499999999999982236431605997495353221893310546875 in binary.
    expect(pyRound(2.675, 2)).toBe(2.67);
    // 1.005 is 1.00499999999999989341858963598497211933135986328125 in binary.
    expect(pyRound(1.005, 2)).toBe(1);
    expect(pyRound(66.66666666666667, 1)).toBe(66.7);
    expect(pyRound(-0.4)).toBe(0);
    expect(Object.is(pyRound(-0.4), 0)).toBe(true);
    expect(pyRound(Number.NaN)).toBeNaN();
    expect(pyRound(1e22, 2)).toBe(1e22);
  });

  it('equals the decimal-expansion reference on random values, ratios and near-ties', () => {
    const next = random(17);
    const values: number[] = [];
    for (let i = 0; i < 8_000; i += 1) {
      values.push((next() - 0.5) * 10 ** Math.floor(next() * 12));
      values.push(Math.floor(next() * 1000) / Math.max(1, Math.floor(next() * 1000)));
      values.push((Math.floor(next() * 100_000) + 0.5) / 10 ** Math.floor(next() * 6));
    }
    for (const value of values) {
      for (const ndigits of [0, 1, 2, 3]) {
        expect(pyRound(value, ndigits), `${value} ${ndigits}`).toBe(pyRoundExact(value, ndigits));
      }
    }
  });
});
