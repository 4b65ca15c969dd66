import { describe, expect, it } from 'vitest';

import { createRandom, createSeed } from './random.ts';

const take = (seed: number | string, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('is deterministic per seed and records it', () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take('abc', 20)).toEqual(take('abc', 20));
    expect(createRandom(42).seed).toBe(42);
    expect(createRandom('x').seed).toBe('x');
  });

  it('numeric and string forms of a seed give the same stream', () => {
    expect(take(42, 5)).toEqual(take('42', 5));
  });

  it('different (even adjacent) seeds give different streams', () => {
    expect(take(1, 5)).not.toEqual(take(2, 5));
    expect(take('a', 5)).not.toEqual(take('b', 5));
    expect(take(0, 5)).not.toEqual(take(-0.5, 5));
  });

  it('next() stays in [0, 1)', () => {
    for (const v of take('range', 10_000)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('int(min, max) covers the closed interval uniformly enough', () => {
    const random = createRandom(7);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const v = random.int(1, 6);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(600);
    expect(random.int(5, 5)).toBe(5);
    expect(random.int(-3, -3)).toBe(-3);
  });

  it('int rejects an empty or non-integer interval', () => {
    const random = createRandom(1);
    expect(() => random.int(2, 1)).toThrow(RangeError);
    expect(() => random.int(0.5, 2)).toThrow(RangeError);
    expect(() => random.int(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('pick returns elements of the array and rejects an empty one', () => {
    const random = createRandom(3);
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(random.pick(items));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('shuffle returns a permutation without touching the input', () => {
    const random = createRandom(4);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = random.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++) orders.add(random.shuffle([1, 2, 3]).join());
    expect(orders.size).toBe(6);
    expect(random.shuffle([])).toEqual([]);
  });

  it('chance(p) respects the bounds and the rate', () => {
    const random = createRandom(5);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (random.chance(0.3)) hits++;
    expect(Math.abs(hits - 3000)).toBeLessThan(300);
    for (let i = 0; i < 100; i++) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
    }
  });
});

describe('createSeed', () => {
  it('returns 32-bit unsigned integers that vary', () => {
    const seeds = new Set(Array.from({ length: 50 }, () => createSeed()));
    expect(seeds.size).toBeGreaterThan(45);
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 32);
    }
  });
});
