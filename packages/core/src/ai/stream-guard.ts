import type { Ctx } from '../kernel/deps.ts';
import { AI_STREAM_MESSAGES } from './ai.rules.ts';

/**
 * Runs a stream's events; an unexpected failure (database down, a bug) ends it with one generic error
 * event and an error log, never with the exception's text nor a thrown error mid-stream. Closing the
 * returned stream early closes `events` (its `finally` blocks abort the AI call).
 */
export async function* guardStream<E>(
  ctx: Ctx,
  what: string,
  events: AsyncGenerator<E, void, undefined>,
  errorEvent: (message: string) => E,
): AsyncGenerator<E, void, undefined> {
  try {
    yield* events;
  } catch (err) {
    ctx.log.error({ err }, `${what} failed`);
    yield errorEvent(AI_STREAM_MESSAGES.unexpected);
  }
}

/** A stream of one event (the single-event error streams of api-rest-core §7.1). */
export async function* singleEvent<E>(event: E): AsyncGenerator<E, void, undefined> {
  await Promise.resolve();
  yield event;
}
