/**
 * The legacy SSE wire (api-rest-core §7.1): each event is one `data: <JSON>` line and a blank line, no
 * `event:`/`id:`/`retry:` fields, no comments or heartbeats; the JSON is Python's `json.dumps` default
 * (`", "` / `": "` separators, non-ASCII escaped as `\uXXXX`, floats as `10.0`).
 */
import { formatPyFloat, PyFloat } from './format.ts';

const escapeNonAscii = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

const dumps = (value: unknown): string => {
  if (value instanceof PyFloat) return formatPyFloat(value.value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(dumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${escapeNonAscii(JSON.stringify(k))}: ${dumps(v)}`).join(', ')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string' || typeof value === 'boolean') {
    return escapeNonAscii(JSON.stringify(value));
  }
  return 'null';
};

/** Python `json.dumps(value)` with its defaults; `PyFloat`s keep their decimal point. */
export const pyJsonDumps = (value: unknown): string => dumps(value);

/** One SSE event as the legacy server wrote it. */
export const sseEvent = (data: Record<string, unknown>): string => `data: ${pyJsonDumps(data)}\n\n`;

/**
 * The response body of a stream of events: each event mapped to its legacy wire object and written as
 * it comes; the body closes after the last one. When the client goes away the request signal aborts
 * the AI call (core's Ctx.signal) and the events' iterator is closed.
 */
export const sseBody = <E>(
  events: AsyncIterable<E>,
  toWire: (event: E) => Record<string, unknown>,
): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(sseEvent(toWire(next.value))));
    },
    cancel: () => {
      // The request signal has already aborted the AI call (the client is gone); closing the iterator
      // runs the events' `finally` blocks once the pending step settles. Not awaited: that step may be
      // the aborted call itself.
      void iterator.return?.().catch(() => undefined);
    },
  });
};
