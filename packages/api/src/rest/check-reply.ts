import { z } from 'zod';

import { toLegacyJson } from '../legacy/format.ts';
import { isJsonResponse, type LegacyReply, type SseSpec } from './reply.ts';
import type { LegacyRoute } from './route.ts';

/** Checks each complete `data: <JSON>` event of `text` against the declared event schema. */
const checkEvents = (text: string, spec: SseSpec, where: string): void => {
  for (const block of text.split('\n\n')) {
    if (block === '') continue;
    if (!block.startsWith('data: ') || block.includes('\n')) {
      throw new Error(`${where}: not a single \`data:\` line: ${JSON.stringify(block)}`);
    }
    const parsed = spec.event.safeParse(JSON.parse(block.slice('data: '.length)));
    if (!parsed.success) {
      throw new Error(
        `${where}: event does not match its schema\n${z.prettifyError(parsed.error)}`,
      );
    }
  }
};

/** The stream, checked event by event as it passes (a mismatch errors the stream). */
const checkedStream = (
  stream: ReadableStream<Uint8Array>,
  spec: SseSpec,
  where: string,
): ReadableStream<Uint8Array> => {
  const decoder = new TextDecoder();
  let pending = '';
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        pending += decoder.decode(chunk, { stream: true });
        const end = pending.lastIndexOf('\n\n');
        if (end >= 0) {
          checkEvents(pending.slice(0, end + 2), spec, where);
          pending = pending.slice(end + 2);
        }
        controller.enqueue(chunk);
      },
      flush: () => {
        if (pending !== '') throw new Error(`${where}: stream ends inside an event`);
      },
    }),
  );
};

/**
 * Test-time check that a reply is one the route declares: a declared status of the right kind, and a JSON
 * body that, as written on the wire, matches the declared schema; an event stream's events are checked
 * against the declared event schema as they pass (the HTTP tests then prove the schemas). Throws on a
 * mismatch (the request ends in a 500 and the error names the route).
 */
export const checkReply = (
  route: LegacyRoute,
  template: string,
  reply: LegacyReply,
): LegacyReply => {
  const spec = route.responses[reply.status as keyof typeof route.responses];
  const where = `${route.method} ${template} → ${reply.status}`;
  if (spec === undefined) throw new Error(`${where}: status not declared`);
  if (reply.kind === 'json') {
    if (!isJsonResponse(spec)) throw new Error(`${where}: declared as ${spec.kind}, not JSON`);
    const wire: unknown = JSON.parse(toLegacyJson(reply.body));
    const parsed = spec.safeParse(wire);
    if (!parsed.success) {
      throw new Error(`${where}: body does not match its schema\n${z.prettifyError(parsed.error)}`);
    }
    return reply;
  }
  if (isJsonResponse(spec) || spec.kind !== reply.kind) {
    throw new Error(`${where}: a ${reply.kind} reply is not what the route declares`);
  }
  if (reply.kind === 'file' && !/^[A-Za-z0-9_.-]+$/.test(reply.filename)) {
    throw new Error(`${where}: unsafe attachment name ${JSON.stringify(reply.filename)}`);
  }
  if (reply.kind !== 'sse' || spec.kind !== 'sse') return reply;
  if (typeof reply.stream === 'string') {
    checkEvents(reply.stream, spec, where);
    return reply;
  }
  return { ...reply, stream: checkedStream(reply.stream, spec, where) };
};
