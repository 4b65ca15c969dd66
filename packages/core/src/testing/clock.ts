import type { Clock } from '../kernel/clock.ts';

export interface MovableClock extends Clock {
  advance(ms: number): void;
  set(date: Date | string): void;
}

/** The injected clock for tests: starts at `start` and only moves when told to. */
export const movableClock = (
  start: Date | string = new Date('2026-02-14T10:00:00.000Z'),
): MovableClock => {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = new Date(date).getTime();
    },
  };
};
