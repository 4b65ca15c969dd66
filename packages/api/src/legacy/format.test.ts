import { describe, expect, it } from 'vitest';

import { formatPyFloat, pyDate, pyFloat, pyIsoformat, pyRound, toLegacyJson } from './format.ts';

describe('pyIsoformat', () => {
  it('writes microseconds and the +00:00 offset like Python', () => {
    expect(pyIsoformat(new Date('2026-02-14T10:20:30.123Z'))).toBe(
      '2026-02-14T10:20:30.123000+00:00',
    );
  });

  it('omits the fraction when it is zero', () => {
    expect(pyIsoformat(new Date('2026-02-14T10:20:30.000Z'))).toBe('2026-02-14T10:20:30+00:00');
  });

  it('pads years, months and small milliseconds', () => {
    expect(pyIsoformat(new Date('0999-01-02T03:04:05.007Z'))).toBe(
      '0999-01-02T03:04:05.007000+00:00',
    );
  });

  it('writes UTC calendar dates', () => {
    expect(pyDate(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
  });
});

describe('pyRound (half-to-even on the binary value)', () => {
  it.each([
    [62.5, 0, 62],
    [63.5, 0, 64],
    [0.5, 0, 0],
    [1.5, 0, 2],
    [2.5, 0, 2],
    [-2.5, 0, -2],
    [0.125, 2, 0.12],
    [0.375, 2, 0.38],
    [2.675, 2, 2.67],
    [1.005, 2, 1],
    [66.66666666666667, 1, 66.7],
    [33.35, 1, 33.4],
    [12.345, 2, 12.35],
    [7, 1, 7],
  ])('round(%d, %d) == %d', (value, ndigits, expected) => {
    expect(pyRound(value, ndigits)).toBe(expected);
  });

  it('leaves non-finite values alone', () => {
    expect(pyRound(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(pyRound(Number.NaN))).toBe(true);
  });
});

describe('Python float formatting', () => {
  it.each([
    [10, '10.0'],
    [0, '0.0'],
    [-3, '-3.0'],
    [0.5, '0.5'],
    [66.7, '66.7'],
    [1e-7, '1e-07'],
  ])('formats %d as %s', (value, text) => {
    expect(formatPyFloat(value)).toBe(text);
  });

  it('serialises PyFloat fields with their decimal point in compact JSON, UTF-8 kept raw', () => {
    const json = toLegacyJson({
      rate: pyFloat(10),
      count: 3,
      label: 'réussi',
      nested: [pyFloat(0.25)],
    });
    expect(json).toBe('{"rate":10.0,"count":3,"label":"réussi","nested":[0.25]}');
    expect(JSON.parse(json)).toEqual({ rate: 10, count: 3, label: 'réussi', nested: [0.25] });
  });

  it('writes a PyFloat as a plain number outside the legacy writer, even after a failed write', () => {
    expect(JSON.stringify({ rate: pyFloat(10), nested: [pyFloat(0.25)] })).toBe(
      '{"rate":10,"nested":[0.25]}',
    );
    expect(() => toLegacyJson({ rate: pyFloat(1), big: 10n })).toThrow(TypeError);
    expect(JSON.stringify(pyFloat(2))).toBe('2');
    expect(toLegacyJson([pyFloat(2), pyFloat(Number.NaN)])).toBe('[2.0,NaN]');
  });

  it('never mistakes a client string for a float marker (NUL characters included)', () => {
    const hostile = ['\u0000pyfloat:1-', '\u0000pyfloat:10.0', '\u00001234:5.0', 'a\u0000b'];
    const json = toLegacyJson({ names: hostile, rate: pyFloat(5) });
    expect(JSON.parse(json)).toEqual({ names: hostile, rate: 5 });
    expect(json.endsWith('"rate":5.0}')).toBe(true);
  });
});
