import { describe, expect, it } from 'vitest';

import { isAppError, ZSubmitAnswerInput } from '@mathakine/core';

import { INVALID_ATTEMPT_JSON_MESSAGE, ZLegacyAttemptBody } from '../rest/exercises.legacy.ts';
import { pydanticBody } from './body.ts';
import { toLegacyError } from './legacy-error.ts';

const body = pydanticBody(ZLegacyAttemptBody, {
  model: 'SubmitAnswerRequest',
  invalidJsonMessage: INVALID_ATTEMPT_JSON_MESSAGE,
  aliases: { answer: 'selected_answer' },
  headerFallbacks: { idempotency_key: 'Idempotency-Key' },
});

const read = (text: string, headers: Record<string, string> = {}) =>
  body.read({ text: () => Promise.resolve(text), header: (name) => headers[name] });

/** The legacy answer to a refused body, as the writer would send it. */
const refusal = async (text: string, headers: Record<string, string> = {}) => {
  const err: unknown = await read(text, headers).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(err)).toBe(true);
  return toLegacyError(err, { path: '/api/exercises/1/attempt', requestId: 'r' });
};

const detail = async (text: string, headers: Record<string, string> = {}) => {
  const refused = await refusal(text, headers);
  expect(refused.status).toBe(422);
  return (refused.body as { detail: unknown[] }).detail;
};

describe('the legacy attempt body (pydantic v2 rules over core bounds)', () => {
  it('reads answer, lax time_spent and the idempotency key from the body or the header', async () => {
    expect(await read('{"answer":"4","time_spent":" 12.5 "}')).toEqual({
      answer: '4',
      timeSpent: 12.5,
    });
    expect(await read('{"selected_answer":"4","time_spent":true}')).toEqual({
      answer: '4',
      timeSpent: 1,
    });
    expect(
      await read('{"answer":"4","idempotency_key":null}', { 'Idempotency-Key': ' k1 ' }),
    ).toEqual({ answer: '4', timeSpent: 0, idempotencyKey: 'k1' });
    expect(await read('{"answer":"4","idempotency_key":"b"}', { 'Idempotency-Key': 'h' })).toEqual({
      answer: '4',
      timeSpent: 0,
      idempotencyKey: 'b',
    });
    expect(await read('{"answer":"4"}', { 'Idempotency-Key': '   ' })).toEqual({
      answer: '4',
      timeSpent: 0,
    });
  });

  it('takes its limits from the core submit schema', async () => {
    const max = ZSubmitAnswerInput.shape.answer.maxLength ?? 0;
    expect(max).toBeGreaterThan(0);
    expect(await detail(JSON.stringify({ answer: 'x'.repeat(max + 1) }))).toMatchObject([
      {
        type: 'string_too_long',
        loc: ['answer'],
        msg: `String should have at most ${max} characters`,
        ctx: { max_length: max },
      },
    ]);
    const le = ZSubmitAnswerInput.shape.timeSpent.unwrap().maxValue ?? 0;
    expect(await detail(`{"answer":"4","time_spent":"${le * 10}"}`)).toEqual([
      {
        type: 'less_than_equal',
        loc: ['time_spent'],
        msg: `Input should be less than or equal to ${le}`,
        input: `${le * 10}`,
        ctx: { le },
        url: 'https://errors.pydantic.dev/2.12/v/less_than_equal',
      },
    ]);
  });

  it('answers NaN and -inf with the lower bound, +inf as not finite, a header key too long in place', async () => {
    expect(await detail('{"answer":"4","time_spent":"nan"}')).toMatchObject([
      { type: 'greater_than_equal', input: 'nan', ctx: { ge: 0 } },
    ]);
    expect(await detail('{"answer":"4","time_spent":"-inf"}')).toMatchObject([
      { type: 'greater_than_equal', input: '-inf' },
    ]);
    expect(await detail('{"answer":"4","time_spent":"+Infinity"}')).toMatchObject([
      { type: 'finite_number', input: '+Infinity' },
    ]);
    expect(await detail('{"answer":"4","time_spent":[]}')).toMatchObject([
      { type: 'float_type', input: [] },
    ]);
    const long = 'k'.repeat(101);
    expect(await detail('{"answer":"4"}', { 'Idempotency-Key': long })).toMatchObject([
      { type: 'string_too_long', loc: ['idempotency_key'], input: long },
    ]);
  });

  it('answers a body that is not JSON with the 400 legacy body', async () => {
    const refused = await refusal('{nope');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      code: 'BAD_REQUEST',
      message: INVALID_ATTEMPT_JSON_MESSAGE,
      error: INVALID_ATTEMPT_JSON_MESSAGE,
    });
  });
});
