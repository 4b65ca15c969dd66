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
