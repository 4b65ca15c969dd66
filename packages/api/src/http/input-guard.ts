/**
 * THE boundary check of every input, for both transports (issue 14): the request path, every query
 * parameter and the body text are read once, before any route, procedure, body reader or database sees
 * them, and refused with one 400 when they carry what no field of this API accepts:
 * - a NUL character (raw, percent-encoded or a JSON `\u0000` escape): PostgreSQL text cannot store it;
 * - a lone UTF-16 surrogate (a JSON `\ud800` escape without its pair, or one left by decoding): it is
 *   not Unicode, cannot be encoded as UTF-8 and PostgreSQL `jsonb` refuses it;
 * - JSON nested deeper than `MAX_INPUT_DEPTH`: nothing here nests deeper, and recursive code (parsers,
 *   schemas, serialisers) must never meet thousands of levels.
 * The scan is linear in the text and allocates nothing per character.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AppError, isAppError } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';

/** The deepest JSON nesting (objects and arrays) any input may have. */
export const MAX_INPUT_DEPTH = 64;

export const INPUT_REFUSED_MESSAGE =
  'Requête invalide : caractère nul, caractère Unicode isolé ou imbrication trop profonde.';

export type InputFault = 'nul' | 'lone-surrogate' | 'too-deep';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const hexAt = (text: string, at: number): number | null => {
  const hex = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : null;
};

/**
 * The first fault of a text read as JSON (or as plain text: a string that is not JSON only risks a
 * false "too deep" if it holds more than `MAX_INPUT_DEPTH` unquoted brackets), or null.
 */
export const inputFaultOf = (text: string): InputFault | null => {
  let depth = 0;
  let inString = false;
  // A high surrogate written as a JSON escape, waiting for its low half as the next escape.
  let pendingEscapedHigh = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return 'nul';
    if (isHigh(code)) {
      if (!isLow(text.charCodeAt(i + 1))) return 'lone-surrogate';
      i += 1;
      continue;
    }
    if (isLow(code)) return 'lone-surrogate';
    if (pendingEscapedHigh && !(code === 0x5c && text.charCodeAt(i + 1) === 0x75)) {
      return 'lone-surrogate';
    }
    if (inString) {
      if (code === 0x22) inString = false;
      else if (code === 0x5c) {
        // A backslash escape: `\uXXXX` is checked, any other escape skips one character.
        if (text.charCodeAt(i + 1) === 0x75) {
          const escaped = hexAt(text, i + 2);
          if (escaped !== null) {
            if (escaped === 0) return 'nul';
            if (pendingEscapedHigh) {
              if (!isLow(escaped)) return 'lone-surrogate';
              pendingEscapedHigh = false;
            } else if (isHigh(escaped)) pendingEscapedHigh = true;
            else if (isLow(escaped)) return 'lone-surrogate';
            i += 5;
            continue;
          }
        }
        i += 1;
      }
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > MAX_INPUT_DEPTH) return 'too-deep';
    } else if (code === 0x7d || code === 0x5d) depth = Math.max(0, depth - 1);
  }
  return pendingEscapedHigh ? 'lone-surrogate' : null;
};

/** Percent-decoding that never throws (an invalid sequence stays as written, as Hono leaves it). */
const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
};

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const BODY_UNREADABLE_MESSAGE = 'Corps de requête illisible ou incomplet.';
export const BODY_TOO_LARGE_MESSAGE = 'Corps de requête trop volumineux.';

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The Node request when the transport is @hono/node-server (`c.env.incoming`): its body is read as a
 * Node stream, without building the web `Request` and stream the server otherwise creates for it.
 */
const nodeRequestOf = (c: Context<ApiEnv>): AsyncIterable<Uint8Array> | undefined => {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return isAsyncIterable(env.incoming) ? env.incoming : undefined;
};

const utf8 = new TextDecoder();

/** The whole body, at most `maxBytes`, decoded as `Request.text()` does (UTF-8, a leading BOM dropped). */
const readBodyText = async (
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<string> => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', BODY_TOO_LARGE_MESSAGE);
      chunks.push(chunk);
    }
  } catch (err) {
    if (isAppError(err)) throw err;
    // The client went away or stopped sending (request timeout): its fault, a 400 — never a server
    // error, nor a socket error mistaken for a database outage.
    throw new AppError('INVALID_INPUT', BODY_UNREADABLE_MESSAGE, { cause: err });
  }
  return utf8.decode(Buffer.concat(chunks, size));
};

/**
 * Hono's request body cache holds the promise of each form of the body (its declared type names the
 * value): `c.req.text()` and `c.req.json()` answer from it and never read the stream again.
 */
const cacheBodyText = (c: Context<ApiEnv>, text: string): void => {
  const cache: Record<string, unknown> = c.req.bodyCache;
  cache.text = Promise.resolve(text);
};

/**
 * Reads the body of every request that may carry one, once, bounded by `maxBytes` (a declared
 * `Content-Length` over it is refused before reading), into Hono's body cache: the input guard, the
 * routes' body readers and the tRPC adapter all read that text (`c.req.text()` / `json()`), never the
 * stream. A body over the limit is a 413; one that cannot be read is a 400 (BODY_UNREADABLE_MESSAGE).
 */
export const requestBody = (maxBytes: number) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!BODYLESS.has(c.req.method)) {
      if (Number(c.req.header('Content-Length')) > maxBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', BODY_TOO_LARGE_MESSAGE);
      }
      const source = nodeRequestOf(c) ?? c.req.raw.body;
      const text = source === null ? '' : await readBodyText(source, maxBytes);
      cacheBodyText(c, text);
    }
    await next();
  });

/** The request's inputs as text: the decoded path, each decoded query name and value, the body. */
const inputsOf = async (c: Context<ApiEnv>) => {
  const url = new URL(c.req.url);
  const texts = [decoded(url.pathname)];
  for (const pair of url.search.slice(1).split('&')) {
    if (pair !== '') texts.push(decoded(pair));
  }
  if (!BODYLESS.has(c.req.method)) texts.push(await c.req.text());
  return texts;
};

/**
 * The middleware: runs after `requestBody` (so the body is read, bounded, into Hono's request cache)
 * and before everything that reads an input; route body readers and the tRPC adapter read the same
 * text again.
 */
export const inputGuard = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    for (const text of await inputsOf(c)) {
      const fault = inputFaultOf(text);
      if (fault !== null) {
        throw new AppError('INVALID_INPUT', INPUT_REFUSED_MESSAGE, { details: { fault } });
      }
    }
    await next();
  });

/**
 * The same limits on a value already built (superjson can build shared, even cyclic, structures out of
 * a shallow text through its `referentialEqualities`): null when the value is a tree no deeper than
 * `MAX_INPUT_DEPTH`.
 */
export const valueFaultOf = (value: unknown): 'too-deep' | 'cycle' | null => {
  const ancestors = new Set<object>();
  const visit = (node: unknown, depth: number): 'too-deep' | 'cycle' | null => {
    if (typeof node !== 'object' || node === null) return null;
    if (depth > MAX_INPUT_DEPTH) return 'too-deep';
    if (ancestors.has(node)) return 'cycle';
    ancestors.add(node);
    const children: unknown[] =
      node instanceof Map
        ? [...node.keys(), ...node.values()]
        : node instanceof Set || Array.isArray(node)
          ? [...(node as Iterable<unknown>)]
          : Object.values(node);
    for (const child of children) {
      const fault = visit(child, depth + 1);
      if (fault !== null) return fault;
    }
    ancestors.delete(node);
    return null;
  };
  return visit(value, 0);
};
