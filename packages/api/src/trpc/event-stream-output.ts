/**
 * `.output()` of a subscription: tRPC 11 hands the output parser the resolver's async iterable, so the
 * parser wraps it and parses every yielded event with the zod schema (the "output validation" pattern of
 * tRPC's subscriptions guide; tRPC ships no helper). A bad event ends the stream with a tRPC error, like
 * a bad query result; the client infers the event type from the schema.
 */
import { z } from 'zod';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export const eventStreamOf = <T extends z.ZodType>(event: T) =>
  z.custom<AsyncIterable<z.input<T>>>(isAsyncIterable).transform(async function* (events) {
    for await (const value of events) yield await event.parseAsync(value);
  });
