/**
 * THE legacy writer: every `/api/*` body (route replies, errors, the global 404) is written here, through
 * `toLegacyJson`, so Python floats keep their decimal point (`10.0`). REST handlers never see the Hono
 * context: they return a `LegacyReply` (rest/reply.ts) and the router calls `writeReply`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode, RedirectStatusCode } from 'hono/utils/http-status';

import type { LegacyReply } from '../rest/reply.ts';
import { toLegacyJson } from './format.ts';
import type { LegacyError } from './legacy-error.ts';

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/** A JSON body in the legacy format. Headers already set on the context (cookies) are kept. */
export const writeLegacyJson = (
  c: Context,
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
): Response =>
  c.body(toLegacyJson(body), status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': 'application/json',
  });

/** An error built by `toLegacyError`. */
export const writeLegacyError = (c: Context, error: LegacyError): Response =>
  writeLegacyJson(c, error.body, error.status, error.headers);

/** A route's reply (`contentType`: a file reply's declared type). */
export const writeReply = (c: Context, reply: LegacyReply, contentType?: string): Response => {
  switch (reply.kind) {
    case 'json':
      return writeLegacyJson(c, reply.body, reply.status);
    case 'redirect':
      return c.redirect(reply.location, reply.status as RedirectStatusCode);
    case 'sse':
      return c.body(reply.stream, 200, SSE_HEADERS);
    case 'file':
      return c.body(reply.stream, 200, {
        'Content-Type': contentType ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${reply.filename}"`,
      });
  }
};
