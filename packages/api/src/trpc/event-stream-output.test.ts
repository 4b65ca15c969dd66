import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { eventStreamOf } from './event-stream-output.ts';

const ZEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chunk'), content: z.string() }),
  z.object({ type: z.literal('done') }),
]);

type Event = z.input<typeof ZEvent>;
const wrong = JSON.parse('{ "type": "nope" }') as Event;

async function* events<T>(...values: T[]) {
  for (const value of values) {
    await Promise.resolve();
    yield value;
  }
}

const collect = async (iterable: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const value of iterable) out.push(value);
  return out;
};

describe('eventStreamOf (the output schema of a subscription)', () => {
  it('passes every valid event through, parsed (unknown keys stripped)', async () => {
    const parsed = await eventStreamOf(ZEvent).parseAsync(
      events({ type: 'chunk', content: 'a', secret: 'x' }, { type: 'done' }),
    );
    expect(await collect(parsed)).toEqual([{ type: 'chunk', content: 'a' }, { type: 'done' }]);
  });

  it('ends the stream on an event the schema refuses', async () => {
    const parsed = await eventStreamOf(ZEvent).parseAsync(
      events({ type: 'chunk', content: 'a' }, { type: 'chunk', content: 42 }),
    );
    await expect(collect(parsed)).rejects.toThrow(z.ZodError);
  });

  it('refuses a resolver result that is not a stream', async () => {
    await expect(eventStreamOf(ZEvent).parseAsync({ type: 'done' })).rejects.toThrow(z.ZodError);
  });

  it('checks the events of a real subscription procedure', async () => {
    const t = initTRPC.create();
    const fixture = t.router({
      good: t.procedure
        .output(eventStreamOf(ZEvent))
        .subscription(() => events<Event>({ type: 'chunk', content: 'a' }, { type: 'done' })),
      bad: t.procedure
        .output(eventStreamOf(ZEvent))
        // A resolver whose events escaped the type checker (what the output schema is there for).
        .subscription(() => events<Event>({ type: 'chunk', content: 'a' }, wrong)),
    });
    const caller = fixture.createCaller({});
    expect(await collect(await caller.good())).toEqual([
      { type: 'chunk', content: 'a' },
      { type: 'done' },
    ]);
    await expect(collect(await caller.bad())).rejects.toThrow(z.ZodError);
  });
});
