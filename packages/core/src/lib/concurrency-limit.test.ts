import { describe, expect, it } from 'vitest';

import { createConcurrencyLimit } from './concurrency-limit.ts';

const deferred = () => {
  let resolve: (value: string) => void = () => undefined;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

/** Waits on a condition (microtask / macrotask turns), never a fixed sleep. */
const turnsUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i += 1) {
    await new Promise((r) => setImmediate(r));
  }
};

describe('createConcurrencyLimit', () => {
  it('runs at most `max` tasks at once and starts the next one, in call order, when one ends', async () => {
    const limit = createConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limit.run(() => {
        started.push(i);
        return gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limit.active).toBe(2);

    gates[1]?.resolve('b');
    await expect(results[1]).resolves.toBe('b');
    await turnsUntil(() => started.length === 3);
    expect(started).toEqual([0, 1, 2]);

    gates[0]?.resolve('a');
    gates[2]?.resolve('c');
    gates[3]?.resolve('d');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(limit.active).toBe(0);
  });

  it('never refuses a task and treats a bound below 1 as 1', async () => {
    const limit = createConcurrencyLimit(0);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => limit.run(() => Promise.resolve(i))),
    );
    expect(results).toHaveLength(50);
    expect(results[49]).toBe(49);
  });

  it('frees the slot when a task fails', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
