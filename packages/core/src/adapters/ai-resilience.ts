/**
 * Deadlines and the bounded retry of AI calls. The circuit breaker itself is cockatiel's (see
 * openai-provider.ts); these helpers only wire abort signals and the retry loop, whose sleep ends at
 * once when the caller aborts.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import {
  AiAbortedError,
  AiTimeoutError,
  AiUnavailableError,
  isAiError,
  type AiError,
} from '../kernel/ai.ts';

/** The abort reason of our own deadlines (anything else aborting a call is the caller). */
export class Deadline {
  constructor(readonly phase: 'request' | 'first_token' | 'idle') {}
}

/** A controller aborted (with the same reason) when `parent` aborts; `dispose` detaches it. */
export const childController = (parent?: AbortSignal) => {
  const controller = new AbortController();
  if (parent === undefined) return { controller, dispose: () => undefined };
  const onAbort = () => {
    controller.abort(parent.reason);
  };
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    controller,
    dispose: () => {
      parent.removeEventListener('abort', onAbort);
    },
  };
};

/** Aborts `controller` with `Deadline(phase)` after `ms`; returns the function that cancels it. */
export const startDeadline = (
  controller: AbortController,
  ms: number,
  phase: Deadline['phase'],
): (() => void) => {
  const timer = setTimeout(() => {
    controller.abort(new Deadline(phase));
  }, ms);
  return () => {
    clearTimeout(timer);
  };
};

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First delay; doubled at each retry. A Retry-After above 8 × this delay is not waited for. */
  baseDelayMs: number;
  signal?: AbortSignal;
}

/** Delay before retry number `retry` (1-based). */
export const retryDelayMs = (retry: number, baseDelayMs: number): number =>
  baseDelayMs * 2 ** (retry - 1);

/**
 * Runs `attempt(n)` until it succeeds, fails with a non-retryable error, or the retries are spent.
 * Only AiErrors marked `retryable` are retried. When the breaker opens between two attempts, the
 * provider's last failure is reported rather than "circuit open".
 */
export const withRetry = async <T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> => {
  let previous: AiError | null = null;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (isAiError(err) && err.kind === 'circuit_open' && previous !== null) throw previous;
      if (!(isAiError(err) && err.retryable) || n > options.maxRetries) throw err;
      const asked = err instanceof AiUnavailableError ? err.retryAfterMs : null;
      if (asked !== null && asked > options.baseDelayMs * 8) throw err;
      previous = err;
      try {
        await sleep(Math.max(retryDelayMs(n, options.baseDelayMs), asked ?? 0), undefined, {
          signal: options.signal,
        });
      } catch (sleepError) {
        const reason: unknown = options.signal?.reason;
        if (reason instanceof Deadline) throw new AiTimeoutError(reason.phase, { cause: err });
        throw new AiAbortedError({ cause: sleepError });
      }
    }
  }
};
