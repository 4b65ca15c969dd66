import { describe, expect, it } from 'vitest';

import { inputFaultOf, MAX_INPUT_DEPTH, valueFaultOf } from './input-guard.ts';

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
