/**
 * The real AiProvider: the official `openai` SDK against any OpenAI-compatible chat-completions API
 * (the adapter of the AI port, like smtp-mailer.ts for nodemailer).
 *
 * - Deadlines: a whole-call deadline (`requestMs`), and for streams a first-token and an idle deadline;
 *   each aborts the HTTP request, so a slow provider fails with kind `timeout`, never hangs.
 * - Retries (withRetry): only retryable failures (408, 429, 5xx, timeouts, connection errors), at most
 *   `maxRetries`, and for streams only before the first text was yielded.
 * - Circuit breaker (cockatiel): `failureThreshold` consecutive retryable failures open it; calls then
 *   fail at once (`circuit_open`) until `openMs` has passed and one probe call succeeds. A stream counts
 *   as a success once its first text arrived.
 * - The SDK's own retries are off, its logger silent, and every option it would otherwise read from
 *   the environment is passed explicitly.
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

import type { AiConfig } from '@mathakine/config';

import {
  AiAbortedError,
  AiMalformedOutputError,
  AiRefusedError,
  AiTimeoutError,
  AiUnavailableError,
  isAiError,
  type AiCallEvent,
  type AiError,
  type AiJsonRequest,
  type AiJsonResult,
  type AiMessage,
  type AiObserver,
  type AiProvider,
  type AiStreamRequest,
  type AiTextStream,
  type AiUsage,
} from '../kernel/ai.ts';
import { extractJsonObject } from '../lib/json-extract.ts';
import { modelFor, modelParams, policyFor } from './ai-models.rules.ts';
import { childController, Deadline, startDeadline, withRetry } from './ai-resilience.ts';

export interface OpenAiProviderOptions extends Omit<AiConfig, 'apiKey'> {
  apiKey: string;
  observer?: AiObserver;
}

const toParam = (m: AiMessage): ChatCompletionMessageParam => {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: m.content };
    case 'assistant':
      return { role: 'assistant', content: m.content };
  }
};

const retryAfterMs = (headers: Headers | undefined): number | null => {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (value === null || value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
};

const CONTENT_POLICY = /content[ _-]?(filter|policy)/i;

const fromStatus = (err: InstanceType<typeof APIError>, status: number): AiError => {
  if (status === 400 && (CONTENT_POLICY.test(err.code ?? '') || CONTENT_POLICY.test(err.message))) {
    return new AiRefusedError('provider refused the prompt', { cause: err });
  }
  return new AiUnavailableError('unavailable', `AI provider answered HTTP ${status}`, {
    cause: err,
    status,
    retryable: status === 408 || status === 429 || status >= 500,
    retryAfterMs: retryAfterMs(err.headers),
  });
};

/** Any failure of one attempt as an AiError; `signal` is the attempt's own (deadline or caller). */
const classify = (err: unknown, signal: AbortSignal): AiError => {
  if (isAiError(err)) return err;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Deadline
      ? new AiTimeoutError(reason.phase, { cause: err })
      : new AiAbortedError({ cause: err });
  }
  if (err instanceof BrokenCircuitError) {
    return new AiUnavailableError('circuit_open', 'AI circuit breaker open', { cause: err });
  }
  if (err instanceof APIConnectionTimeoutError)
    return new AiTimeoutError('request', { cause: err });
  if (err instanceof APIError && typeof err.status === 'number') {
    return fromStatus(err as InstanceType<typeof APIError>, err.status);
  }
  const what = err instanceof APIConnectionError ? 'connection error' : 'provider failure';
  // Connection errors, an `error` event inside a stream, a cut or garbled stream: all transient.
  return new AiUnavailableError('unavailable', `AI ${what}`, { cause: err, retryable: true });
};

const usageOf = (
  usage: { prompt_tokens: number; completion_tokens: number } | null | undefined,
): AiUsage | null =>
  usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : null;

/** What a stream told us besides text. */
interface StreamState {
  usage: AiUsage | null;
  finishReason: string | null;
  refusal: string;
}

/** The text of one chunk; records finish reason, refusal and usage in `state`. */
const absorb = (chunk: ChatCompletionChunk, state: StreamState): string => {
  if (chunk.usage) state.usage = usageOf(chunk.usage);
  const choice = chunk.choices[0];
  if (!choice) return '';
  if (choice.finish_reason) state.finishReason = choice.finish_reason;
  if (choice.delta.refusal) state.refusal += choice.delta.refusal;
  return choice.delta.content ?? '';
};

export const createOpenAiProvider = (options: OpenAiProviderOptions): AiProvider => {
  const { timeouts, retry, observer } = options;
  const client = new OpenAI({
    apiKey: options.apiKey,
    // null → the SDK's default URL (a null never makes it read OPENAI_BASE_URL itself).
    baseURL: options.baseUrl,
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    maxRetries: 0,
    timeout: timeouts.requestMs,
    logLevel: 'off',
  });

  const notify = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // A broken metrics hook must never break an AI call.
    }
  };

  const breaker: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((err) => isAiError(err) && err.retryable),
    {
      halfOpenAfter: options.breaker.openMs,
      breaker: new ConsecutiveBreaker(options.breaker.failureThreshold),
    },
  );
  if (observer?.onCircuitChange) {
    const onChange = observer.onCircuitChange.bind(observer);
    breaker.onBreak(() => {
      notify(() => {
        onChange('open');
      });
    });
    breaker.onHalfOpen(() => {
      notify(() => {
        onChange('half_open');
      });
    });
    breaker.onReset(() => {
      notify(() => {
        onChange('closed');
      });
    });
  }

  const observe = (event: AiCallEvent): void => {
    if (observer) {
      notify(() => {
        observer.onCall(event);
      });
    }
  };

  /** One breaker-guarded attempt: `run` gets an attempt controller; failures come out classified. */
  const guarded = async <T>(
    parent: AbortSignal | undefined,
    run: (attempt: AbortController) => Promise<T>,
  ): Promise<{ value: T; attempt: AbortController; release: () => void }> => {
    const { controller, dispose } = childController(parent);
    try {
      const value = await breaker.execute(async () => {
        try {
          return await run(controller);
        } catch (err) {
          throw classify(err, controller.signal);
        }
      });
      return { value, attempt: controller, release: dispose };
    } catch (err) {
      const failure = classify(err, controller.signal);
      controller.abort();
      dispose();
      throw failure;
    }
  };

  const completeJson = async <T>(request: AiJsonRequest<T>): Promise<AiJsonResult<T>> => {
    const model = modelFor(options.models, request.workload);
    const params = modelParams(model, policyFor(request.workload), true);
    const started = performance.now();
    let attempts = 0;
    let usage: AiUsage | null = null;
    const finish = (outcome: AiCallEvent['outcome']) => {
      observe({
        workload: request.workload.kind,
        model,
        outcome,
        durationMs: performance.now() - started,
        promptTokens: usage?.promptTokens ?? null,
        completionTokens: usage?.completionTokens ?? null,
        attempts,
        stream: false,
      });
    };
    try {
      if (request.signal?.aborted) throw new AiAbortedError();
      const completion = await withRetry(
        async () => {
          const { value, release } = await guarded(request.signal, async (attempt) => {
            attempts++;
            const stop = startDeadline(attempt, timeouts.requestMs, 'request');
            try {
              return await client.chat.completions.create(
                { ...params, messages: request.messages.map(toParam) },
                { signal: attempt.signal },
              );
            } finally {
              stop();
            }
          });
          release();
          return value;
        },
        { ...retry, signal: request.signal },
      );
      usage = usageOf(completion.usage);
      const choice = completion.choices[0];
      const raw = choice?.message.content ?? '';
      if (choice?.message.refusal || choice?.finish_reason === 'content_filter') {
        throw new AiRefusedError('the model refused');
      }
      if (choice?.finish_reason === 'length')
        throw new AiMalformedOutputError('truncated', { raw });
      if (raw.trim() === '') throw new AiMalformedOutputError('empty', { raw });
      const object = extractJsonObject(raw);
      if (!object) throw new AiMalformedOutputError('not_json', { raw });
      const parsed = request.schema.safeParse(object);
      if (!parsed.success) {
        const issues = parsed.error.issues.map(
          (i) => `${i.path.map(String).join('.') || '(racine)'}: ${i.message}`,
        );
        throw new AiMalformedOutputError('schema', { raw, issues, cause: parsed.error });
      }
      finish('success');
      return { value: parsed.data, raw, model, usage };
    } catch (err) {
      const failure = isAiError(err)
        ? err
        : new AiUnavailableError('unavailable', 'unexpected AI failure', { cause: err });
      finish(failure.kind);
      throw failure;
    }
  };

  const streamText = (request: AiStreamRequest): AiTextStream => {
    const model = modelFor(options.models, request.workload);
    const params = modelParams(model, policyFor(request.workload), false);

    async function* run(): AsyncGenerator<string, void, undefined> {
      const started = performance.now();
      const state: StreamState = { usage: null, finishReason: null, refusal: '' };
      let attempts = 0;
      let outcome: AiCallEvent['outcome'] = 'aborted';
      const call = childController(request.signal);
      const stopTotal = startDeadline(call.controller, timeouts.requestMs, 'request');
      let current: AbortController = call.controller;
      try {
        if (request.signal?.aborted) throw new AiAbortedError();
        const opened = await withRetry(
          async () => {
            state.finishReason = null;
            state.refusal = '';
            return guarded(call.controller.signal, async (attempt) => {
              attempts++;
              const stop = startDeadline(attempt, timeouts.firstTokenMs, 'first_token');
              try {
                const stream = await client.chat.completions.create(
                  {
                    ...params,
                    messages: request.messages.map(toParam),
                    stream: true,
                    stream_options: { include_usage: true },
                  },
                  { signal: attempt.signal },
                );
                const iterator = stream[Symbol.asyncIterator]();
                for (;;) {
                  const next = await iterator.next();
                  // The SDK ends a stream quietly when it is aborted: the deadline is an error.
                  if (attempt.signal.aborted) throw new Error('stream aborted');
                  if (next.done) return { iterator, first: '' };
                  const text = absorb(next.value, state);
                  if (text !== '') return { iterator, first: text };
                }
              } finally {
                stop();
              }
            });
          },
          { ...retry, signal: call.controller.signal },
        );
        current = opened.attempt;
        try {
          const { iterator, first } = opened.value;
          if (first !== '') {
            yield first;
            for (;;) {
              const stopIdle = startDeadline(current, timeouts.idleMs, 'idle');
              let next: IteratorResult<ChatCompletionChunk>;
              try {
                next = await iterator.next();
              } finally {
                stopIdle();
              }
              if (current.signal.aborted) throw new Error('stream aborted');
              if (next.done) break;
              const text = absorb(next.value, state);
              if (text !== '') yield text;
            }
          }
        } finally {
          opened.release();
        }
        if (state.refusal !== '' || state.finishReason === 'content_filter') {
          throw new AiRefusedError('the model refused');
        }
        if (state.finishReason === null) {
          throw new AiUnavailableError('unavailable', 'AI stream cut before its end');
        }
        if (opened.value.first === '') throw new AiMalformedOutputError('empty');
        outcome = 'success';
      } catch (err) {
        const failure = classify(err, current.signal);
        outcome = failure.kind;
        throw failure;
      } finally {
        stopTotal();
        current.abort();
        call.controller.abort();
        call.dispose();
        observe({
          workload: request.workload.kind,
          model,
          outcome,
          durationMs: performance.now() - started,
          promptTokens: state.usage?.promptTokens ?? null,
          completionTokens: state.usage?.completionTokens ?? null,
          attempts,
          stream: true,
        });
      }
    }

    return { model, [Symbol.asyncIterator]: () => run() };
  };

  return { configured: true, completeJson, streamText };
};
