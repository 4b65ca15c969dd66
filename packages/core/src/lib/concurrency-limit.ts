import { bulkhead } from 'cockatiel';

/**
 * Runs at most `max` (≥ 1) tasks at once; the others wait in line, in call order (a cockatiel bulkhead
 * with an unbounded queue: nothing is refused). For CPU-heavy work on libuv's thread pool (bcrypt).
 */
export const createConcurrencyLimit = (max: number) => {
  const slots = Math.max(1, Math.floor(max));
  const policy = bulkhead(slots, Number.POSITIVE_INFINITY);
  return {
    run: <T>(task: () => Promise<T>): Promise<T> => policy.execute(task),
    /** Tasks running now. */
    get active(): number {
      return slots - policy.executionSlots;
    },
  };
};

export interface AdmissionOptions {
  /** Tasks running at once (≥ 1): for database transactions, the connections the pool can serve. */
  slots: number;
  /** Tasks waiting for a slot; one more is refused at once. */
  maxQueued: number;
  /** How long a task may wait for a slot; past it, it is refused and never starts. */
  maxWaitMs: number;
  /** The error a refused caller receives (core: the database-busy 503 with `Retry-After`). */
  refused: () => Error;
}

/**
 * Admission control: at most `slots` tasks at once, a bounded line of waiting tasks, and a bounded wait.
 * A task refused (line full, or no slot within `maxWaitMs`) never starts, so its caller can be told to
 * retry with nothing written; a task that has started always runs to its end and its caller gets its
 * result, however long the wait was (no "timed out but committed" answers). A cockatiel bulkhead.
 */
export const createAdmission = (options: AdmissionOptions) => {
  const slots = Math.max(1, Math.floor(options.slots));
  const maxQueued = Math.max(0, Math.floor(options.maxQueued));
  const policy = bulkhead(slots, maxQueued);
  return {
    run: <T>(task: () => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        let state: 'waiting' | 'started' | 'refused' = 'waiting';
        const timer = setTimeout(() => {
          if (state !== 'waiting') return;
          state = 'refused';
          reject(options.refused());
        }, options.maxWaitMs);
        policy
          .execute(async () => {
            // A task refused on time still holds its place in line: at its turn it ends at once, and the
            // bulkhead moves on to the next one.
            if (state === 'refused') return;
            state = 'started';
            clearTimeout(timer);
            const running = new Promise<T>((settle) => {
              settle(task());
            });
            resolve(running); // its result or its failure reaches the caller as it is
            await running; // the slot is held until the task ends
          })
          .catch(() => {
            clearTimeout(timer);
            // Started: the caller already has the task's outcome. Refused on time: already told. Still
            // waiting: the bulkhead refused it at once (the line was full).
            if (state !== 'waiting') return;
            state = 'refused';
            reject(options.refused());
          });
      }),
    /** Tasks running now. */
    get active(): number {
      return slots - policy.executionSlots;
    },
    /** Places taken in line now (a task refused on time keeps its place until its turn comes). */
    get queued(): number {
      return maxQueued - policy.queueSlots;
    },
  };
};

export type Admission = ReturnType<typeof createAdmission>;
