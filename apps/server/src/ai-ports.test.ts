import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { loadConfig } from '@mathakine/config';
import { isAiError } from '@mathakine/core';

import { aiObserver, createAiMetrics, createAiPorts } from './ai-ports.ts';

const log = pino({ level: 'silent' });
const messages = [{ role: 'user', content: 'Bonjour' }] as const;

const failureKind = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (err) {
    if (isAiError(err)) return err.kind;
    throw err;
  }
  throw new Error('expected the AI call to fail');
};

describe('AI port and its metrics', () => {
  it('without a key: the disabled provider, its refusals counted', async () => {
    const registry = new Registry();
    const { deps } = await createAiPorts(loadConfig({}), log, registry);
    expect(deps.ai.configured).toBe(false);
    const call = deps.ai.completeJson({
      workload: { kind: 'exercise', exerciseType: 'ADDITION' },
      messages,
      schema: z.object({}),
    });
    expect(await failureKind(call)).toBe('not_configured');
    expect(await registry.metrics()).toContain(
      'mathakine_ai_calls_total{workload="exercise",model="none",outcome="not_configured",stream="false"} 1',
    );
  });

  it('with a key: the OpenAI-compatible provider; an unreachable server is counted as unavailable', async () => {
    const registry = new Registry();
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test-unreachable',
      // Nothing listens on port 1: the connection is refused at once.
      OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
      OPENAI_MAX_RETRIES: '1',
      OPENAI_RETRY_DELAY_MS: '1',
    });
    const { deps } = await createAiPorts(config, log, registry);
    expect(deps.ai.configured).toBe(true);
    const stream = deps.ai.streamText({
      workload: { kind: 'chat', complexity: 'simple' },
      messages,
    });
    const read = async () => {
      const parts: string[] = [];
      for await (const part of stream) parts.push(part);
      return parts;
    };
    expect(await failureKind(read())).toBe('unavailable');
    const text = await registry.metrics();
    expect(text).toContain(
      'mathakine_ai_calls_total{workload="chat",model="gpt-4o-mini",outcome="unavailable",stream="true"} 1',
    );
    expect(text).toContain('mathakine_ai_retries_total{workload="chat",model="gpt-4o-mini"} 1');
    expect(text).toMatch(
      /mathakine_ai_call_duration_seconds_count\{workload="chat",model="gpt-4o-mini",outcome="unavailable"\} 1/,
    );
  });

  it('counts generations by outcome and the problem codes behind repairs and rejections', async () => {
    const registry = new Registry();
    const { deps } = await createAiPorts(loadConfig({}), log, registry);
    deps.onAiGeneration?.({
      workload: 'exercise',
      outcome: 'rejected',
      problems: ['ANSWER_MISMATCH'],
    });
    deps.onAiGeneration?.({ workload: 'challenge', outcome: 'accepted', problems: [] });
    const text = await registry.metrics();
    expect(text).toContain(
      'mathakine_ai_generations_total{workload="exercise",outcome="rejected"} 1',
    );
    expect(text).toContain(
      'mathakine_ai_generations_total{workload="challenge",outcome="accepted"} 1',
    );
    expect(text).toContain(
      'mathakine_ai_generation_problems_total{workload="exercise",code="ANSWER_MISMATCH"} 1',
    );
  });

  it('shows the circuit breaker state', async () => {
    const registry = new Registry();
    const observer = aiObserver(createAiMetrics(registry));
    observer.onCircuitChange?.('open');
    expect(await registry.metrics()).toContain('mathakine_ai_circuit_state 2');
    observer.onCircuitChange?.('half_open');
    observer.onCircuitChange?.('closed');
    const text = await registry.metrics();
    expect(text).toContain('mathakine_ai_circuit_state 0');
    expect(text).toContain('mathakine_ai_circuit_transitions_total{state="open"} 1');
  });
});
