// The real provider (openai SDK + cockatiel) against the local fake OpenAI-compatible server: the wire
// protocol, deadlines, retries, the circuit breaker, abort, error mapping and the metrics hook.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { loadConfig } from '@mathakine/config';

import {
  AI_MESSAGES,
  AiError,
  aiErrorMessage,
  AiMalformedOutputError,
  type AiCallEvent,
  type AiProvider,
  type AiTextStream,
} from '../kernel/ai.ts';
import { fakeReply, startFakeOpenAi, type FakeOpenAi } from '../testing/fake-openai.ts';
import { createDisabledAiProvider } from './disabled-ai-provider.ts';
import { createOpenAiProvider, type OpenAiProviderOptions } from './openai-ai-provider.ts';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  // Every test leaves no connection open: aborted and timed-out calls close theirs.
  await fake.waitForIdle();
  fake.reset();
  fake.setDefault(fakeReply.error(500, { message: 'no scripted reply' }));
});
afterAll(async () => {
  await fake.close();
});

/** Generous deadlines (a saturated machine never trips them) unless a test lowers one. */
const provider = (
  overrides: Partial<Omit<OpenAiProviderOptions, 'models'>> = {},
  events: AiCallEvent[] = [],
): AiProvider => {
  const ai = loadConfig({}).ai;
  return createOpenAiProvider({
    ...ai,
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    timeouts: { requestMs: 20_000, firstTokenMs: 20_000, idleMs: 20_000 },
    retry: { maxRetries: 2, baseDelayMs: 1 },
    breaker: { failureThreshold: 100, openMs: 60_000 },
    observer: { onCall: (e) => events.push(e) },
    ...overrides,
  });
};

const ZAnswer = z.object({ answer: z.string(), choices: z.array(z.string()) });
const exercise = { kind: 'exercise', exerciseType: 'ADDITION' } as const;
const chat = { kind: 'chat', complexity: 'simple' } as const;
const messages = [
  { role: 'system', content: 'Tu es un générateur.' },
  { role: 'user', content: 'Une addition, 6-8 ans.' },
] as const;

const failure = async (promise: Promise<unknown>): Promise<AiError> => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AiError) return err;
    throw err;
  }
  throw new Error('expected the AI call to fail');
};

const collect = async (stream: AiTextStream): Promise<string[]> => {
  const parts: string[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
};

/** The deltas received before the stream failed, and its error. */
const collectUntilFailure = async (stream: AiTextStream) => {
  const parts: string[] = [];
  try {
    for await (const part of stream) parts.push(part);
  } catch (err) {
    if (err instanceof AiError) return { parts, error: err };
    throw err;
  }
  throw new Error('expected the stream to fail');
};

describe('completeJson', () => {
  it('sends the workload model, JSON mode and the messages, and parses the reply', async () => {
    const events: AiCallEvent[] = [];
    fake.enqueue(
      fakeReply.json(
        { answer: '12', choices: ['12', '11', '13', '21'] },
        { usage: { prompt_tokens: 30, completion_tokens: 12 } },
      ),
    );
    const result = await provider({}, events).completeJson({
      workload: exercise,
      messages,
      schema: ZAnswer,
    });
    expect(result.value).toEqual({ answer: '12', choices: ['12', '11', '13', '21'] });
    expect(result.model).toBe('gpt-4o-mini');
    expect(result.usage).toEqual({ promptTokens: 30, completionTokens: 12 });
    const [request] = fake.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      response_format: { type: 'json_object' },
      temperature: 0.7,
      max_tokens: 1500,
    });
    expect(request?.stream).toBe(false);
    expect(request?.messages).toEqual(messages);
    expect(events).toEqual([
      expect.objectContaining({
        workload: 'exercise',
        model: 'gpt-4o-mini',
        outcome: 'success',
        promptTokens: 30,
        completionTokens: 12,
        attempts: 1,
        stream: false,
      }),
    ]);
  });

  it('uses the reasoning parameters for a reasoning model (challenge pattern → gpt-5.1)', async () => {
    fake.enqueue(fakeReply.json({ answer: 'A', choices: [] }));
    const result = await provider().completeJson({
      workload: { kind: 'challenge', challengeType: 'pattern' },
      messages,
      schema: ZAnswer,
    });
    expect(result.model).toBe('gpt-5.1');
    const body = fake.requests[0]?.body;
    expect(body).toMatchObject({
      model: 'gpt-5.1',
      max_completion_tokens: 6000,
      reasoning_effort: 'high',
      response_format: { type: 'json_object' },
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('extracts the object from a fenced or chatty reply', async () => {
    fake.enqueue(
      fakeReply.text('Voici :\n```json\n{"answer": "7", "choices": []}\n```\nBonne chance !'),
    );
    const result = await provider().completeJson({ workload: exercise, messages, schema: ZAnswer });
    expect(result.value.answer).toBe('7');
  });

  it('reports malformed output with its reason, raw text and schema issues', async () => {
    const p = provider({ retry: { maxRetries: 2, baseDelayMs: 1 } });
    fake.enqueue(fakeReply.text('pas du JSON du tout'));
    const notJson = await failure(
      p.completeJson({ workload: exercise, messages, schema: ZAnswer }),
    );
    expect(notJson).toBeInstanceOf(AiMalformedOutputError);
    expect(notJson).toMatchObject({
      kind: 'malformed',
      reason: 'not_json',
      raw: 'pas du JSON du tout',
    });

    fake.enqueue(fakeReply.json({ answer: 12 }));
    const wrongShape = await failure(
      p.completeJson({ workload: exercise, messages, schema: ZAnswer }),
    );
    expect(wrongShape).toMatchObject({ kind: 'malformed', reason: 'schema' });
    const issues = wrongShape instanceof AiMalformedOutputError ? wrongShape.issues : [];
    expect(issues.join('\n')).toMatch(/answer/);
    expect(issues.join('\n')).toMatch(/choices/);

    fake.enqueue(fakeReply.text('{"answer": "1', { finishReason: 'length' }));
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'malformed', reason: 'truncated' });

    fake.enqueue(fakeReply.text('   '));
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'malformed', reason: 'empty' });
    // Malformed output is the service's to repair: never retried by the provider.
    expect(fake.requests).toHaveLength(4);
  });

  it('maps a refusal and a content filter to `refused`', async () => {
    const p = provider();
    fake.enqueue(fakeReply.text('', { refusal: "Je ne peux pas t'aider." }));
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'refused' });
    fake.enqueue(fakeReply.text('{}', { finishReason: 'content_filter' }));
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'refused' });
    fake.enqueue(
      fakeReply.error(400, { code: 'content_policy_violation', message: 'flagged by policy' }),
    );
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'refused' });
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a 500 and a dropped connection, then succeeds', async () => {
    const events: AiCallEvent[] = [];
    fake.enqueue(
      fakeReply.error(500),
      fakeReply.drop(),
      fakeReply.json({ answer: '3', choices: [] }),
    );
    const result = await provider({}, events).completeJson({
      workload: exercise,
      messages,
      schema: ZAnswer,
    });
    expect(result.value.answer).toBe('3');
    expect(fake.requests).toHaveLength(3);
    expect(events).toEqual([expect.objectContaining({ outcome: 'success', attempts: 3 })]);
  });

  it('gives up after the configured retries with `unavailable`', async () => {
    const events: AiCallEvent[] = [];
    fake.setDefault(fakeReply.error(503));
    const err = await failure(
      provider({ retry: { maxRetries: 1, baseDelayMs: 1 } }, events).completeJson({
        workload: exercise,
        messages,
        schema: ZAnswer,
      }),
    );
    expect(err).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(fake.requests).toHaveLength(2);
    expect(events).toEqual([expect.objectContaining({ outcome: 'unavailable', attempts: 2 })]);
  });

  it('does not retry a bad key, an unknown model or an HTML error page twice', async () => {
    const wrongKey = createOpenAiProvider({
      ...loadConfig({}).ai,
      apiKey: 'sk-wrong',
      baseUrl: fake.baseUrl,
    });
    expect(
      await failure(wrongKey.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'unavailable', status: 401, retryable: false });
    expect(fake.requests).toHaveLength(1);

    fake.enqueue(fakeReply.error(404, { code: 'model_not_found' }));
    expect(
      await failure(provider().completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'unavailable', status: 404 });
    expect(fake.requests).toHaveLength(2);

    fake.enqueue(fakeReply.raw(502, '<html>Bad gateway</html>'), fakeReply.raw(502, '<html/>'));
    expect(
      await failure(
        provider({ retry: { maxRetries: 1, baseDelayMs: 1 } }).completeJson({
          workload: exercise,
          messages,
          schema: ZAnswer,
        }),
      ),
    ).toMatchObject({ kind: 'unavailable', status: 502 });
    expect(fake.requests).toHaveLength(4);
  });

  it('honours a short Retry-After and fails at once on a long one', async () => {
    fake.enqueue(
      fakeReply.error(429, { headers: { 'retry-after-ms': '5' } }),
      fakeReply.json({ answer: '1', choices: [] }),
    );
    const p = provider({ retry: { maxRetries: 2, baseDelayMs: 10 } });
    expect(
      (await p.completeJson({ workload: exercise, messages, schema: ZAnswer })).value.answer,
    ).toBe('1');
    expect(fake.requests).toHaveLength(2);

    fake.enqueue(fakeReply.error(429, { headers: { 'retry-after': '3600' } }));
    expect(
      await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer })),
    ).toMatchObject({ kind: 'unavailable', status: 429, retryAfterMs: 3_600_000 });
    expect(fake.requests).toHaveLength(3);
  });

  it('bounds a provider that never answers with `timeout`, retries included', async () => {
    const events: AiCallEvent[] = [];
    fake.setDefault(fakeReply.stall());
    const err = await failure(
      provider(
        {
          timeouts: { requestMs: 150, firstTokenMs: 150, idleMs: 150 },
          retry: { maxRetries: 1, baseDelayMs: 1 },
        },
        events,
      ).completeJson({ workload: exercise, messages, schema: ZAnswer }),
    );
    expect(err).toMatchObject({ kind: 'timeout', phase: 'request' });
    expect(fake.requests).toHaveLength(2);
    expect(events).toEqual([expect.objectContaining({ outcome: 'timeout', attempts: 2 })]);
    expect(aiErrorMessage(err)).toBe(AI_MESSAGES.timeout);
  });

  it('stops at once when the caller aborts, and closes the connection', async () => {
    fake.setDefault(fakeReply.stall());
    const controller = new AbortController();
    const pending = failure(
      provider().completeJson({
        workload: exercise,
        messages,
        schema: ZAnswer,
        signal: controller.signal,
      }),
    );
    await fake.waitForRequests(1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    await fake.waitForIdle();
    expect(fake.requests).toHaveLength(1);
    const aborted = new AbortController();
    aborted.abort();
    expect(
      await failure(
        provider().completeJson({
          workload: exercise,
          messages,
          schema: ZAnswer,
          signal: aborted.signal,
        }),
      ),
    ).toMatchObject({ kind: 'aborted' });
    expect(fake.requests).toHaveLength(1);
  });

  it('survives an observer that throws', async () => {
    fake.enqueue(fakeReply.json({ answer: '1', choices: [] }));
    const p = createOpenAiProvider({
      ...loadConfig({}).ai,
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      observer: {
        onCall: () => {
          throw new Error('metrics down');
        },
      },
    });
    expect((await p.completeJson({ workload: exercise, messages, schema: ZAnswer })).value).toEqual(
      { answer: '1', choices: [] },
    );
  });
});

describe('streamText', () => {
  it('yields the deltas in order with the chat model, and reports usage', async () => {
    const events: AiCallEvent[] = [];
    fake.enqueue(
      fakeReply.text('7 + 5 = 12. Bravo !', { chunks: ['7 + 5', ' = 12.', ' Bravo !'] }),
    );
    const stream = provider({}, events).streamText({ workload: chat, messages });
    expect(stream.model).toBe('gpt-4o-mini');
    expect(await collect(stream)).toEqual(['7 + 5', ' = 12.', ' Bravo !']);
    const body = fake.requests[0]?.body;
    expect(body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.4,
      max_tokens: 400,
    });
    expect(body).not.toHaveProperty('response_format');
    expect(events).toEqual([
      expect.objectContaining({
        workload: 'chat',
        outcome: 'success',
        stream: true,
        attempts: 1,
        promptTokens: expect.any(Number) as number,
        completionTokens: expect.any(Number) as number,
      }),
    ]);
  });

  it('routes a complex question to the complex model', async () => {
    fake.enqueue(fakeReply.text('Démonstration…'));
    const stream = provider().streamText({
      workload: { kind: 'chat', complexity: 'complex' },
      messages,
    });
    expect(stream.model).toBe('gpt-4o');
    expect((await collect(stream)).join('')).toBe('Démonstration…');
    expect(fake.requests[0]?.model).toBe('gpt-4o');
  });

  it('retries before the first token, never after it', async () => {
    fake.enqueue(fakeReply.error(500), fakeReply.text('Bonjour'));
    expect((await collect(provider().streamText({ workload: chat, messages }))).join('')).toBe(
      'Bonjour',
    );
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.enqueue(fakeReply.drop(['Un début']), fakeReply.text('jamais envoyé'));
    const { parts, error } = await collectUntilFailure(
      provider().streamText({ workload: chat, messages }),
    );
    expect(parts).toEqual(['Un début']);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect(fake.requests).toHaveLength(1);
  });

  it('fails with `timeout` on a slow first token, and on a stalled stream', async () => {
    const events: AiCallEvent[] = [];
    fake.enqueue(fakeReply.stall(), fakeReply.stall());
    const first = await collectUntilFailure(
      provider(
        {
          timeouts: { requestMs: 20_000, firstTokenMs: 150, idleMs: 20_000 },
          retry: { maxRetries: 1, baseDelayMs: 1 },
        },
        events,
      ).streamText({ workload: chat, messages }),
    );
    expect(first.error).toMatchObject({ kind: 'timeout', phase: 'first_token' });
    expect(fake.requests).toHaveLength(2);

    fake.enqueue(fakeReply.stall(['Je commence puis']));
    const stalled = await collectUntilFailure(
      provider(
        { timeouts: { requestMs: 20_000, firstTokenMs: 20_000, idleMs: 150 } },
        events,
      ).streamText({ workload: chat, messages }),
    );
    expect(stalled.parts).toEqual(['Je commence puis']);
    expect(stalled.error).toMatchObject({ kind: 'timeout', phase: 'idle' });
    expect(fake.requests).toHaveLength(3);
    expect(events.map((e) => e.outcome)).toEqual(['timeout', 'timeout']);
  });

  it('does not count the role-only first chunk as the first token', async () => {
    fake.enqueue(fakeReply.text('trop tard', { firstChunkDelayMs: 60_000 }));
    const { parts, error } = await collectUntilFailure(
      provider({
        timeouts: { requestMs: 20_000, firstTokenMs: 150, idleMs: 20_000 },
        retry: { maxRetries: 0, baseDelayMs: 1 },
      }).streamText({ workload: chat, messages }),
    );
    expect(parts).toEqual([]);
    expect(error).toMatchObject({ kind: 'timeout', phase: 'first_token' });
  });

  it('bounds a stream that trickles forever with the whole-call deadline', async () => {
    fake.enqueue(
      fakeReply.text('a b c d e f g h i j k l m n o p q r s t u v w x y z', { chunkDelayMs: 60 }),
    );
    const { parts, error } = await collectUntilFailure(
      provider({ timeouts: { requestMs: 1_000, firstTokenMs: 20_000, idleMs: 20_000 } }).streamText(
        {
          workload: chat,
          messages,
        },
      ),
    );
    expect(error).toMatchObject({ kind: 'timeout', phase: 'request' });
    expect(parts.length).toBeLessThan(26);
  });

  it('maps an in-stream error, a cut stream, a refusal and an empty answer', async () => {
    const p = provider();
    fake.enqueue(fakeReply.streamError(['Début']));
    expect(await collectUntilFailure(p.streamText({ workload: chat, messages }))).toMatchObject({
      parts: ['Début'],
      error: { kind: 'unavailable' },
    });
    fake.enqueue(fakeReply.text('Une réponse coupée', { cutBeforeEnd: true }));
    expect(
      (await collectUntilFailure(p.streamText({ workload: chat, messages }))).error,
    ).toMatchObject({ kind: 'unavailable' });
    fake.enqueue(fakeReply.text('', { refusal: 'Non.' }));
    expect(await collectUntilFailure(p.streamText({ workload: chat, messages }))).toMatchObject({
      parts: [],
      error: { kind: 'refused' },
    });
    fake.enqueue(fakeReply.text('', { chunks: [] }));
    expect(
      (await collectUntilFailure(p.streamText({ workload: chat, messages }))).error,
    ).toMatchObject({ kind: 'malformed', reason: 'empty' });
  });

  it('closes the connection when the caller aborts or stops reading', async () => {
    const events: AiCallEvent[] = [];
    fake.enqueue(fakeReply.stall(['Premier', ' morceau']));
    const controller = new AbortController();
    const parts: string[] = [];
    const reading = collectUntilFailure(
      provider({}, events).streamText({ workload: chat, messages, signal: controller.signal }),
    );
    await fake.waitForRequests(1);
    await vi.waitFor(() => {
      expect(fake.inFlight).toBe(1);
    });
    controller.abort();
    const { error } = await reading;
    expect(error).toMatchObject({ kind: 'aborted' });
    await fake.waitForIdle();

    fake.enqueue(fakeReply.stall(['Premier', ' morceau']));
    for await (const part of provider({}, events).streamText({ workload: chat, messages })) {
      parts.push(part);
      break;
    }
    expect(parts).toEqual(['Premier']);
    await fake.waitForIdle();
    expect(events.map((e) => e.outcome)).toEqual(['aborted', 'aborted']);
  });
});

describe('circuit breaker', () => {
  it('opens after N consecutive failures, refuses without a request, then half-opens', async () => {
    const states: string[] = [];
    const events: AiCallEvent[] = [];
    const p = createOpenAiProvider({
      ...loadConfig({}).ai,
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      retry: { maxRetries: 0, baseDelayMs: 1 },
      breaker: { failureThreshold: 2, openMs: 60_000 },
      observer: {
        onCall: (e) => events.push(e),
        onCircuitChange: (s) => states.push(s),
      },
    });
    const call = () => p.completeJson({ workload: exercise, messages, schema: ZAnswer });
    // cockatiel reads the clock through Date.now(): only Date is faked, timers and sockets stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const wait = (ms: number) => {
        vi.setSystemTime(Date.now() + ms);
      };
      fake.setDefault(fakeReply.error(500));
      expect(await failure(call())).toMatchObject({ kind: 'unavailable' });
      // Unusable output still means the provider answered: it resets the count.
      fake.enqueue(fakeReply.text('pas du JSON'));
      expect(await failure(call())).toMatchObject({ kind: 'malformed' });
      expect(await failure(call())).toMatchObject({ kind: 'unavailable' });
      expect(states).toEqual([]);
      expect(await failure(call())).toMatchObject({ kind: 'unavailable' });
      expect(states).toEqual(['open']);

      // Open: refused at once, without a request, until openMs has passed.
      wait(59_000);
      expect(await failure(call())).toMatchObject({ kind: 'circuit_open' });
      expect(fake.requests).toHaveLength(4);
      expect(events.at(-1)).toMatchObject({ outcome: 'circuit_open', attempts: 0 });
      expect(aiErrorMessage(await failure(call()))).toBe(AI_MESSAGES.circuit_open);

      // Half-open: one probe goes through; a failed probe reopens at once.
      wait(1_001);
      expect(await failure(call())).toMatchObject({ kind: 'unavailable' });
      expect(fake.requests).toHaveLength(5);
      expect(await failure(call())).toMatchObject({ kind: 'circuit_open' });
      // A successful probe closes it.
      wait(60_001);
      fake.setDefault(fakeReply.json({ answer: 'ok', choices: [] }));
      expect((await call()).value.answer).toBe('ok');
      expect((await call()).value.answer).toBe('ok');
      expect(fake.requests).toHaveLength(7);
      expect(states).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a stream as a success once its first text arrived', async () => {
    const p = provider({
      retry: { maxRetries: 0, baseDelayMs: 1 },
      breaker: { failureThreshold: 2, openMs: 60_000 },
    });
    fake.enqueue(fakeReply.error(500), fakeReply.text('ok'), fakeReply.error(500));
    await collectUntilFailure(p.streamText({ workload: chat, messages }));
    expect(await collect(p.streamText({ workload: chat, messages }))).toEqual(['ok']);
    await collectUntilFailure(p.streamText({ workload: chat, messages }));
    // 500, success, 500: never two in a row, so the breaker is still closed.
    fake.enqueue(fakeReply.text('encore'));
    expect(await collect(p.streamText({ workload: chat, messages }))).toEqual(['encore']);
  });
});

describe('disabled provider', () => {
  it('fails every call at once with `not_configured`, without a request', async () => {
    const events: AiCallEvent[] = [];
    const p = createDisabledAiProvider({ onCall: (e) => events.push(e) });
    expect(p.configured).toBe(false);
    const err = await failure(p.completeJson({ workload: exercise, messages, schema: ZAnswer }));
    expect(err).toMatchObject({ kind: 'not_configured' });
    expect(aiErrorMessage(err)).toBe(AI_MESSAGES.not_configured);
    expect(
      (await collectUntilFailure(p.streamText({ workload: chat, messages }))).error,
    ).toMatchObject({ kind: 'not_configured' });
    expect(events.map((e) => [e.outcome, e.attempts])).toEqual([
      ['not_configured', 0],
      ['not_configured', 0],
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});
