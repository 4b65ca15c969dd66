import { describe, expect, it, vi } from 'vitest';

import { createAdmission, createConcurrencyLimit } from './concurrency-limit.ts';

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

describe('createAdmission', () => {
  const refusedError = () => new Error('busy');
  const admission = (slots: number, maxQueued: number, maxWaitMs = 60_000) =>
    createAdmission({ slots, maxQueued, maxWaitMs, refused: refusedError });

  it('runs `slots` tasks at once, queues up to `maxQueued`, refuses the next one at once (never started)', async () => {
    const limit = admission(1, 1);
    const gates = [deferred(), deferred()];
    const started: number[] = [];
    const first = limit.run(() => {
      started.push(0);
      return gates[0]?.promise ?? Promise.resolve('');
    });
    const second = limit.run(() => {
      started.push(1);
      return gates[1]?.promise ?? Promise.resolve('');
    });
    let thirdRan = false;
    const third = limit.run(() => {
      thirdRan = true;
      return Promise.resolve('c');
    });
    await expect(third).rejects.toThrow('busy');
    expect(thirdRan).toBe(false);
    expect(started).toEqual([0]);
    expect(limit.active).toBe(1);
    expect(limit.queued).toBe(1);

    gates[0]?.resolve('a');
    await expect(first).resolves.toBe('a');
    await turnsUntil(() => started.length === 2);
    gates[1]?.resolve('b');
    await expect(second).resolves.toBe('b');
    expect(limit.active).toBe(0);
    expect(limit.queued).toBe(0);
  });

  it('refuses a task that waited longer than maxWaitMs; it never starts and the line moves on', async () => {
    vi.useFakeTimers();
    try {
      const limit = admission(1, 5, 1_000);
      const gate = deferred();
      const running = limit.run(() => gate.promise);
      let lateRan = false;
      const late = limit.run(() => {
        lateRan = true;
        return Promise.resolve('late');
      });
      const lateOutcome = late.then(
        () => 'resolved',
        (err: unknown) => (err instanceof Error ? err.message : 'other'),
      );
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(lateOutcome).resolves.toBe('busy');

      const next = limit.run(() => Promise.resolve('next'));
      gate.resolve('first');
      await expect(running).resolves.toBe('first');
      await expect(next).resolves.toBe('next');
      expect(lateRan).toBe(false);
      expect(limit.active).toBe(0);
      expect(limit.queued).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a started task is never refused, however long it runs, and its failure reaches its caller', async () => {
    vi.useFakeTimers();
    try {
      const limit = admission(1, 0, 1_000);
      const gate = deferred();
      const running = limit.run(() => gate.promise);
      await vi.advanceTimersByTimeAsync(5_000);
      gate.resolve('done');
      await expect(running).resolves.toBe('done');
      await expect(limit.run(() => Promise.reject(new Error('task failed')))).rejects.toThrow(
        'task failed',
      );
      await expect(
        limit.run(() => {
          throw new Error('thrown at once');
        }),
      ).rejects.toThrow('thrown at once');
      expect(limit.active).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
