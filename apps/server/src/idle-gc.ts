import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection that gives the freed heap back to the system, as a function. V8's `gc` is
 * made available at run time (`--expose-gc` set, then read from a new context: V8 installs it in
 * contexts created after the flag), so the process needs no command-line flag. Two passes: the second
 * completes the first's concurrent sweeping and releases the pages it emptied (one pass leaves the
 * heap's size nearly as it was: measured 136 MiB against 51 MiB after two, docs/performance.md).
 */
export const loadGarbageCollector = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('V8 did not expose gc() to a new context.');
  return () => {
    Reflect.apply(gc, undefined, []);
    Reflect.apply(gc, undefined, []);
  };
};

export interface IdlePolicy {
  requestStarted: () => void;
  requestFinished: () => void;
  /** Called periodically: collects once when the server has served requests and is now idle. */
  tick: () => void;
}

/**
 * When to collect: once per quiet spell, `idleMs` after the last response of a busy period (no request
 * in flight, at least one served since the last collection). Under load V8 grows its heap and keeps
 * the garbage of the busy period until its next collection, which an idle process never triggers; one
 * collection returns that memory to the system (idle RSS ≈ 140 MiB instead of ≈ 270, docs/performance.md).
 */
export const createIdlePolicy = (options: {
  idleMs: number;
  collect: () => void;
  now: () => number;
}): IdlePolicy => {
  let inFlight = 0;
  let servedSinceCollect = 0;
  let lastActivity = options.now();
  return {
    requestStarted: () => {
      inFlight += 1;
      servedSinceCollect += 1;
      lastActivity = options.now();
    },
    requestFinished: () => {
      inFlight = Math.max(0, inFlight - 1);
      lastActivity = options.now();
    },
    tick: () => {
      if (inFlight > 0 || servedSinceCollect === 0) return;
      if (options.now() - lastActivity < options.idleMs) return;
      servedSinceCollect = 0;
      options.collect();
    },
  };
};

/**
 * Watches a Node HTTP server's requests and runs `collect` once per quiet spell (createIdlePolicy),
 * checked every second on an unref'd timer. Returns the stop function.
 */
export const collectWhenIdle = (
  server: Server,
  options: { idleMs: number; collect: () => void },
): (() => void) => {
  const policy = createIdlePolicy({ ...options, now: () => performance.now() });
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    policy.requestStarted();
    res.once('close', policy.requestFinished);
  };
  server.on('request', onRequest);
  const timer = setInterval(policy.tick, Math.min(1_000, options.idleMs));
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', onRequest);
  };
};
