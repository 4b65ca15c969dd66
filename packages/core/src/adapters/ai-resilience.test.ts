import { describe, expect, it } from 'vitest';

import {
  AiError,
  AiMalformedOutputError,
  AiTimeoutError,
  AiUnavailableError,
} from '../kernel/ai.ts';
import { childController, Deadline, retryDelayMs, withRetry } from './ai-resilience.ts';

const unavailable = (retryAfterMs: number | null = null) =>
  new AiUnavailableError('unavailable', 'down', { retryable: true, status: 503, retryAfterMs });

const failure = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
};

describe('withRetry', () => {
  it('retries retryable failures up to maxRetries, with doubling delays', async () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100))).toEqual([100, 200, 400]);
    let calls = 0;
    const value = await withRetry(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(unavailable()) : Promise.resolve('ok');
      },
      { maxRetries: 2, baseDelayMs: 0 },
    );
    expect([value, calls]).toEqual(['ok', 3]);

    calls = 0;
    const last = unavailable();
    expect(
      await failure(
        withRetry(
          () => {
            calls++;
            return Promise.reject(calls === 2 ? last : unavailable());
          },
          { maxRetries: 1, baseDelayMs: 0 },
        ),
      ),
    ).toBe(last);
    expect(calls).toBe(2);
  });

  it('never retries a non-retryable failure or a foreign error', async () => {
    for (const err of [new AiMalformedOutputError('schema'), new TypeError('bug')]) {
      let calls = 0;
      expect(
        await failure(
          withRetry(
            () => {
              calls++;
              return Promise.reject(err);
            },
            { maxRetries: 3, baseDelayMs: 0 },
          ),
        ),
      ).toBe(err);
      expect(calls).toBe(1);
    }
  });

  it('does not wait for a Retry-After longer than 8 × the base delay', async () => {
    let calls = 0;
    const err = unavailable(81);
    expect(
      await failure(
        withRetry(
          () => {
            calls++;
            return Promise.reject(err);
          },
          { maxRetries: 3, baseDelayMs: 10 },
        ),
      ),
    ).toBe(err);
    expect(calls).toBe(1);
  });

  it('reports the provider failure, not the breaker, when the breaker opens between attempts', async () => {
    const first = unavailable();
    let calls = 0;
    expect(
      await failure(
        withRetry(
          () => {
            calls++;
            return Promise.reject(
              calls === 1 ? first : new AiUnavailableError('circuit_open', 'open'),
            );
          },
          { maxRetries: 3, baseDelayMs: 0 },
        ),
      ),
    ).toBe(first);
  });

  it('ends the wait at once on abort (aborted) or on a deadline (timeout)', async () => {
    const caller = new AbortController();
    const pending = failure(
      withRetry(() => Promise.reject(unavailable()), {
        maxRetries: 1,
        baseDelayMs: 3_600_000,
        signal: caller.signal,
      }),
    );
    caller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });

    const deadline = new AbortController();
    const timed = failure(
      withRetry(() => Promise.reject(unavailable()), {
        maxRetries: 1,
        baseDelayMs: 3_600_000,
        signal: deadline.signal,
      }),
    );
    deadline.abort(new Deadline('request'));
    const err = await timed;
    expect(err).toBeInstanceOf(AiTimeoutError);
    expect(err).toMatchObject({ phase: 'request' });
    expect(err).toBeInstanceOf(AiError);
  });
});

describe('childController', () => {
  it('follows its parent with the same reason, and detaches', () => {
    const parent = new AbortController();
    const child = childController(parent.signal);
    const reason = new Deadline('idle');
    parent.abort(reason);
    expect(child.controller.signal.reason).toBe(reason);

    const other = new AbortController();
    const detached = childController(other.signal);
    detached.dispose();
    other.abort();
    expect(detached.controller.signal.aborted).toBe(false);

    const gone = new AbortController();
    gone.abort('bye');
    expect(childController(gone.signal).controller.signal.reason).toBe('bye');
  });
});
