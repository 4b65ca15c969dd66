import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { isAppError } from '@mathakine/core';

import type { ApiEnv } from '../hono-env.ts';
import {
  BODY_TOO_LARGE_MESSAGE,
  BODY_UNREADABLE_MESSAGE,
  inputFaultOf,
  MAX_INPUT_DEPTH,
  requestBody,
  valueFaultOf,
} from './input-guard.ts';

describe('inputFaultOf: the one scan of every input text', () => {
  it('accepts ordinary text and JSON, emoji and escaped pairs included', () => {
    for (const text of [
      '',
      'a b',
      '/api/exercises/12',
      '{"answer":"5","x":[1,{"y":null}]}',
      '{"a":"x\\ud83d\\ude00y 😀 \\n \\\\u0000 \\"q\\""}',
      'search=é',
      `${'['.repeat(MAX_INPUT_DEPTH)}${']'.repeat(MAX_INPUT_DEPTH)}`,
      '{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}',
    ]) {
      expect(inputFaultOf(text), text.slice(0, 40)).toBeNull();
    }
  });

  it('finds a NUL, raw or escaped', () => {
    expect(inputFaultOf('a\u0000b')).toBe('nul');
    expect(inputFaultOf('{"answer":"a\\u0000b"}')).toBe('nul');
  });

  it('finds lone surrogates, raw or escaped, high or low, at the end too', () => {
    for (const text of [
      'a\ud800b',
      'a\udc00',
      'x\ud83d',
      '{"a":"x\\ud800y"}',
      '{"a":"x\\udc00"}',
      '{"a":"\\ud83d"}',
      '{"a":"\\ud83d\\u0041"}',
    ]) {
      expect(inputFaultOf(text), JSON.stringify(text)).toBe('lone-surrogate');
    }
  });

  it('finds nesting deeper than the limit, outside strings only', () => {
    const deep = `${'['.repeat(MAX_INPUT_DEPTH + 1)}${']'.repeat(MAX_INPUT_DEPTH + 1)}`;
    expect(inputFaultOf(deep)).toBe('too-deep');
    expect(inputFaultOf(`{"a":${'{"b":'.repeat(5_000)}1${'}'.repeat(5_000)}}`)).toBe('too-deep');
    // Siblings do not add up: depth, not count.
    expect(inputFaultOf(`[${'[],'.repeat(10_000)}[]]`)).toBeNull();
  });
});

describe('valueFaultOf: limits on a built value', () => {
  it('accepts a tree, shared leaves included', () => {
    const shared = { a: 1 };
    expect(valueFaultOf({ x: shared, y: [shared, new Map([['k', shared]])] })).toBeNull();
  });

  it('refuses a cycle and a value deeper than the limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueFaultOf({ a: cyclic })).toBe('cycle');
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_INPUT_DEPTH + 1; i += 1) deep = [deep];
    expect(valueFaultOf(deep)).toBe('too-deep');
  });
});

describe('requestBody: the body read once, bounded, for every reader', () => {
  const app = (maxBytes: number) => {
    const hono = new Hono<ApiEnv>();
    hono.onError((err, c) =>
      isAppError(err)
        ? c.json(
            { code: err.code, message: err.message },
            err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400,
          )
        : c.json({ code: 'INTERNAL' }, 500),
    );
    hono.use('*', requestBody(maxBytes));
    hono.post('/echo', async (c) => {
      const text = await c.req.text();
      const json: unknown = await c.req.json();
      return c.json({ text, json });
    });
    hono.get('/get', (c) => c.text('ok'));
    return hono;
  };
  const post = (
    body: string | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
    duplex: 'half' as const,
  });
  const failing = () =>
    new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new Error('aborted'));
      },
    });

  it('gives the same text to text() and json(), a leading BOM dropped (web request body)', async () => {
    const res = await app(100).request('/echo', post('\uFEFF{"a":"é"}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: '{"a":"é"}', json: { a: 'é' } });
  });

  it('reads the Node request the Node server passes (c.env.incoming) instead of the web body', async () => {
    const incoming = Readable.from([Buffer.from('{"a":'), Buffer.from('"é"}')]);
    const res = await app(100).request('/echo', post('{"ignored":true}'), { incoming });
    expect(await res.json()).toEqual({ text: '{"a":"é"}', json: { a: 'é' } });
  });

  it('refuses a body over the limit with 413: declared, streamed, or from the Node request', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(200) });
    const declared = await app(100).request('/echo', post('{}', { 'Content-Length': '101' }));
    const streamed = await app(100).request('/echo', post(big));
    const node = await app(100).request('/echo', post('{}'), {
      incoming: Readable.from([Buffer.from(big)]),
    });
    for (const res of [declared, streamed, node]) {
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        message: BODY_TOO_LARGE_MESSAGE,
      });
    }
  });

  it('answers 400 when the body cannot be read (web stream or Node request that fails)', async () => {
    const nodeFailing = new Readable({
      read() {
        this.destroy(new Error('aborted'));
      },
    });
    const web = await app(100).request('/echo', post(failing()));
    const node = await app(100).request('/echo', post('{}'), { incoming: nodeFailing });
    for (const res of [web, node]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 'INVALID_INPUT', message: BODY_UNREADABLE_MESSAGE });
    }
  });

  it('leaves requests without a body untouched', async () => {
    const res = await app(1).request('/get', { headers: { 'Content-Length': '5' } });
    expect(await res.text()).toBe('ok');
  });
});
