import { describe, expect, it } from 'vitest';

import { clampPyInt, pyInt } from './py-int.ts';

describe('pyInt (Python int() of a query value)', () => {
  it('reads what Python reads', () => {
    expect(pyInt('12')).toBe(12n);
    expect(pyInt(' +7 ')).toBe(7n);
    expect(pyInt('-3')).toBe(-3n);
    expect(pyInt('007')).toBe(7n);
    expect(pyInt('1_000')).toBe(1000n);
    expect(pyInt('123456789012345678901234567890')).toBe(123456789012345678901234567890n);
  });

  it('refuses what Python refuses', () => {
    for (const text of [
      undefined,
      '',
      ' ',
      '1.5',
      '1e3',
      'abc',
      '1__0',
      '_1',
      '1_',
      '--1',
      '0x10',
      '1 2',
    ]) {
      expect(pyInt(text), String(text)).toBeNull();
    }
    expect(pyInt('9'.repeat(4301))).toBeNull();
    expect(pyInt('9'.repeat(4300))).not.toBeNull();
  });

  it('clamps into safe bounds', () => {
    expect(clampPyInt(10n ** 40n, 0, 100)).toBe(100);
    expect(clampPyInt(-(10n ** 40n), 1, 100)).toBe(1);
    expect(clampPyInt(42n, 1, 100)).toBe(42);
  });
});
