/** The injected source of business time (STYLE.md §4): tests move it, production reads the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
