import { describe, expect, it } from 'vitest';

import { createIdlePolicy, loadGarbageCollector } from './idle-gc.ts';

describe('idle garbage collection', () => {
  const setup = () => {
    let now = 0;
    let collections = 0;
    const policy = createIdlePolicy({
      idleMs: 5_000,
      collect: () => {
        collections += 1;
      },
      now: () => now,
    });
    return {
      policy,
      advance: (ms: number) => {
        now += ms;
        policy.tick();
      },
      collections: () => collections,
    };
  };

  it('collects once, idleMs after the last response of a busy period', () => {
    const { policy, advance, collections } = setup();
    advance(60_000);
    expect(collections()).toBe(0); // nothing served yet: nothing to collect
    policy.requestStarted();
    policy.requestStarted();
    policy.requestFinished();
    advance(10_000);
    expect(collections()).toBe(0); // one request still in flight
    policy.requestFinished();
    advance(4_999);
    expect(collections()).toBe(0);
    advance(1);
    expect(collections()).toBe(1);
    advance(60_000);
    expect(collections()).toBe(1); // once per quiet spell
    policy.requestStarted();
    policy.requestFinished();
    advance(5_000);
    expect(collections()).toBe(2);
  });

  it('the collector loads in a process started without flags and runs', () => {
    const gc = loadGarbageCollector();
    expect(() => {
      gc();
    }).not.toThrow();
  });
});
