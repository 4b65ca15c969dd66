import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

import type { AppConfig } from '@mathakine/config';
import {
  createDisabledAiProvider,
  loadOpenAiProvider,
  type AiGenerationEvent,
  type AiObserver,
  type CoreDeps,
} from '@mathakine/core';

/** AI call durations: a chat answers in seconds, a reasoning model may take minutes. */
const AI_DURATION_BUCKETS = [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 180];

const CIRCUIT_LEVEL = { closed: 0, half_open: 1, open: 2 } as const;

/** The `mathakine_ai_*` series (platform §4.1 naming; no prompt or output ever becomes a label). */
export const createAiMetrics = (registry: Registry) => {
  const registers = [registry];
  return {
    calls: new Counter({
      name: 'mathakine_ai_calls_total',
      help: 'AI provider calls (all attempts of one call), by workload, model and outcome.',
      labelNames: ['workload', 'model', 'outcome', 'stream'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'mathakine_ai_call_duration_seconds',
      help: 'AI provider call duration in seconds, retries included.',
      labelNames: ['workload', 'model', 'outcome'] as const,
      buckets: AI_DURATION_BUCKETS,
      registers,
    }),
    tokens: new Counter({
      name: 'mathakine_ai_tokens_total',
      help: 'Tokens the provider reported, by workload, model and kind (prompt, completion).',
      labelNames: ['workload', 'model', 'kind'] as const,
      registers,
    }),
    retries: new Counter({
      name: 'mathakine_ai_retries_total',
      help: 'Requests sent again after a retryable provider failure.',
      labelNames: ['workload', 'model'] as const,
      registers,
    }),
    circuit: new Gauge({
      name: 'mathakine_ai_circuit_state',
      help: 'AI circuit breaker: 0 closed, 1 half-open, 2 open.',
      registers,
    }),
    circuitTransitions: new Counter({
      name: 'mathakine_ai_circuit_transitions_total',
      help: 'AI circuit breaker state changes, by new state.',
      labelNames: ['state'] as const,
      registers,
    }),
    generations: new Counter({
      name: 'mathakine_ai_generations_total',
      help: 'Exercise and challenge generations by outcome (accepted, repaired, rejected, failed).',
      labelNames: ['workload', 'outcome'] as const,
      registers,
    }),
    problems: new Counter({
      name: 'mathakine_ai_generation_problems_total',
      help: 'Problems found in generated content (repaired or rejected), by workload and code.',
      labelNames: ['workload', 'code'] as const,
      registers,
    }),
  };
};

export type AiMetrics = ReturnType<typeof createAiMetrics>;

/** The metrics hook of the provider. */
export const aiObserver = (metrics: AiMetrics): AiObserver => ({
  onCall: (event) => {
    const model = event.model === '' ? 'none' : event.model;
    const labels = { workload: event.workload, model };
    metrics.calls.inc({ ...labels, outcome: event.outcome, stream: String(event.stream) });
    metrics.duration.observe({ ...labels, outcome: event.outcome }, event.durationMs / 1000);
    if (event.promptTokens !== null) {
      metrics.tokens.inc({ ...labels, kind: 'prompt' }, event.promptTokens);
    }
    if (event.completionTokens !== null) {
      metrics.tokens.inc({ ...labels, kind: 'completion' }, event.completionTokens);
    }
    if (event.attempts > 1) metrics.retries.inc(labels, event.attempts - 1);
  },
  onCircuitChange: (state) => {
    metrics.circuit.set(CIRCUIT_LEVEL[state]);
    metrics.circuitTransitions.inc({ state });
  },
});

/** Counts one finished generation (and the problem codes that made it repaired or rejected). */
export const countGeneration = (metrics: AiMetrics) => (event: AiGenerationEvent) => {
  metrics.generations.inc({ workload: event.workload, outcome: event.outcome });
  for (const code of event.problems) metrics.problems.inc({ workload: event.workload, code });
};

/**
 * The AI port: the OpenAI-compatible provider when OPENAI_API_KEY is set (OPENAI_BASE_URL for any
 * compatible server), the disabled one otherwise; both report to the `mathakine_ai_*` metrics. The SDK
 * is loaded only with a key.
 */
export const createAiPorts = async (config: AppConfig, log: Logger, registry?: Registry) => {
  const metrics = registry ? createAiMetrics(registry) : null;
  const observer = metrics ? aiObserver(metrics) : undefined;
  const { apiKey } = config.ai;
  const ai =
    apiKey === null
      ? createDisabledAiProvider(observer)
      : await loadOpenAiProvider({ ...config.ai, apiKey, ...(observer ? { observer } : {}) });
  log.info(
    {
      ai: ai.configured ? 'openai-compatible' : 'disabled',
      baseUrl: ai.configured ? (config.ai.baseUrl ?? 'default') : null,
      models: ai.configured ? config.ai.models : null,
    },
    'AI port ready',
  );
  return {
    deps: {
      ai,
      ...(metrics ? { onAiGeneration: countGeneration(metrics) } : {}),
    } satisfies Partial<CoreDeps>,
  };
};
