/**
 * What a legacy REST handler returns: data, never a `Response`. The router writes it through the one
 * legacy writer (legacy/writer.ts). A handler's reply type is computed from its route's declared
 * responses, so an undeclared status, a body that does not match the declared schema, or any Hono
 * `Response` (what the context's JSON helper returns) fail type-checking (proven in reply.test-d.ts).
 */
import { z } from 'zod';

import type { PyFloat } from '../legacy/format.ts';

/** A 3xx answer with `Location` and no body (the HTML-era generator's 303). */
export interface RedirectSpec {
  readonly kind: 'redirect';
  readonly description: string;
}

/** A `text/event-stream` answer; `event` describes one event's JSON `data`. */
export interface SseSpec {
  readonly kind: 'sse';
  readonly event: z.ZodType;
}

/** A downloaded file (the admin CSV export): its content type; the body is streamed as produced. */
export interface FileSpec {
  readonly kind: 'file';
  readonly contentType: string;
}

/** A success response: a zod schema of the JSON body on the wire, or a redirect / event stream / file. */
export type ResponseSpec = z.ZodType | RedirectSpec | SseSpec | FileSpec;

export type SuccessStatus = 200 | 201 | 303 | 307;
export type Responses = Partial<Record<SuccessStatus, ResponseSpec>>;

export const redirectResponse = (description: string): RedirectSpec => ({
  kind: 'redirect',
  description,
});
export const sseResponse = (event: z.ZodType): SseSpec => ({ kind: 'sse', event });
export const fileResponse = (contentType: string): FileSpec => ({ kind: 'file', contentType });

export const isJsonResponse = (spec: ResponseSpec | undefined): spec is z.ZodType =>
  spec instanceof z.ZodType;

/**
 * A JSON body as the writer takes it, for a declared wire shape `T`: any number may be a `PyFloat`
 * (written `10.0`); everything else is as on the wire.
 */
export type LegacyBody<T> = T extends number
  ? number | PyFloat
  : T extends string | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? readonly LegacyBody<U>[]
      : T extends object
        ? { readonly [K in keyof T]: LegacyBody<T[K]> }
        : T;

export interface JsonReply<S extends number = number, B = unknown> {
  readonly kind: 'json';
  readonly status: S;
  readonly body: B;
}

export interface RedirectReply<S extends number = number> {
  readonly kind: 'redirect';
  readonly status: S;
  readonly location: string;
}

export interface SseReply {
  readonly kind: 'sse';
  readonly status: 200;
  readonly stream: string | ReadableStream<Uint8Array>;
}

export interface FileReply {
  readonly kind: 'file';
  readonly status: 200;
  /** The attachment's name (`Content-Disposition`); the caller keeps it to safe characters. */
  readonly filename: string;
  readonly stream: ReadableStream<Uint8Array>;
}

export type LegacyReply = JsonReply | RedirectReply | SseReply | FileReply;

/** The replies a handler may return for the responses it declares. */
export type ReplyFor<R extends Responses> = {
  [S in keyof R & SuccessStatus]: R[S] extends z.ZodType
    ? JsonReply<S, LegacyBody<z.output<R[S]>>>
    : R[S] extends RedirectSpec
      ? RedirectReply<S>
      : R[S] extends SseSpec
        ? SseReply
        : R[S] extends FileSpec
          ? FileReply
          : never;
}[keyof R & SuccessStatus];

/** 200 with a JSON body (a `const` type parameter: literals such as `success: true` keep their type). */
export const ok = <const B>(body: B): JsonReply<200, B> => ({ kind: 'json', status: 200, body });

/** 201 with a JSON body. */
export const created = <const B>(body: B): JsonReply<201, B> => ({
  kind: 'json',
  status: 201,
  body,
});

export const redirect = <S extends 303 | 307>(location: string, status: S): RedirectReply<S> => ({
  kind: 'redirect',
  status,
  location,
});

/** 200 `text/event-stream` (the legacy SSE headers are the writer's). */
export const sse = (stream: string | ReadableStream<Uint8Array>): SseReply => ({
  kind: 'sse',
  status: 200,
  stream,
});

/** 200 with a file attachment, streamed (the route declares its content type with `fileResponse`). */
export const file = (filename: string, stream: ReadableStream<Uint8Array>): FileReply => ({
  kind: 'file',
  status: 200,
  filename,
  stream,
});
