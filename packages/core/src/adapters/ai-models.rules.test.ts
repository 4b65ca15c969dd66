import { describe, expect, it } from 'vitest';

import { loadConfig } from '@mathakine/config';

import { AI_CHALLENGE_TYPES } from '../kernel/ai.ts';
import {
  CHALLENGE_MODEL_TIER,
  modelFamilyOf,
  modelFor,
  modelParams,
  policyFor,
  REASONING_MIN_TOKENS,
} from './ai-models.rules.ts';

describe('modelFor', () => {
  const models = loadConfig({}).ai.models;

  it('picks the spec defaults per workload', () => {
    expect(modelFor(models, { kind: 'exercise', exerciseType: 'ADDITION' })).toBe('gpt-4o-mini');
    expect(modelFor(models, { kind: 'chat', complexity: 'simple' })).toBe('gpt-4o-mini');
    expect(modelFor(models, { kind: 'chat', complexity: 'complex' })).toBe('gpt-4o');
    expect(modelFor(models, { kind: 'challenge', challengeType: 'chess' })).toBe('gpt-5.1');
    expect(modelFor(models, { kind: 'challenge', challengeType: 'riddle' })).toBe('gpt-5-mini');
  });

  it('routes the harder exercise types and every challenge type through the legacy reasoning model', () => {
    const legacy = loadConfig({ OPENAI_MODEL: 'm-basic', OPENAI_MODEL_REASONING: 'm-reason' }).ai
      .models;
    expect(modelFor(legacy, { kind: 'exercise', exerciseType: 'DIVISION' })).toBe('m-basic');
    for (const type of ['FRACTIONS', 'TEXTE', 'MIXTE', 'DIVERS'] as const) {
      expect(modelFor(legacy, { kind: 'exercise', exerciseType: type })).toBe('m-reason');
    }
    for (const type of AI_CHALLENGE_TYPES) {
      expect(modelFor(legacy, { kind: 'challenge', challengeType: type })).toBe('m-reason');
    }
  });

  it('maps the six advanced challenge types (§1.7)', () => {
    expect(AI_CHALLENGE_TYPES.filter((t) => CHALLENGE_MODEL_TIER[t] === 'advanced').sort()).toEqual(
      ['chess', 'coding', 'deduction', 'graph', 'pattern', 'visual'],
    );
  });
});

describe('request parameters by model family', () => {
  it('recognises reasoning models, with or without a router prefix', () => {
    expect(modelFamilyOf('gpt-5.1')).toBe('reasoning');
    expect(modelFamilyOf('openai/gpt-5-mini')).toBe('reasoning');
    expect(modelFamilyOf('o4-mini')).toBe('reasoning');
    expect(modelFamilyOf('o3')).toBe('reasoning');
    expect(modelFamilyOf('o1-mini')).toBe('o1');
    expect(modelFamilyOf('gpt-4o-mini')).toBe('standard');
    expect(modelFamilyOf('llama-3.1-8b-instruct')).toBe('standard');
    expect(modelFamilyOf('ollama/omega')).toBe('standard');
  });

  it('sends temperature and max_tokens to standard models only', () => {
    const policy = policyFor({ kind: 'challenge', challengeType: 'riddle' });
    expect(policy).toEqual({ maxTokens: 5000, temperature: 0.7, reasoningEffort: 'low' });
    expect(modelParams('gpt-4o', policy, true)).toEqual({
      model: 'gpt-4o',
      max_tokens: 5000,
      temperature: 0.7,
      response_format: { type: 'json_object' },
    });
    expect(modelParams('gpt-5-mini', policy, false)).toEqual({
      model: 'gpt-5-mini',
      max_completion_tokens: 5000,
      reasoning_effort: 'low',
    });
    expect(modelParams('o1', policy, true)).not.toHaveProperty('response_format');
  });

  it('gives reasoning models room to think', () => {
    const chat = policyFor({ kind: 'chat', complexity: 'simple' });
    expect(chat.maxTokens).toBe(400);
    expect(modelParams('gpt-5-mini', chat, false).max_completion_tokens).toBe(REASONING_MIN_TOKENS);
    expect(policyFor({ kind: 'exercise', exerciseType: 'MIXTE' }).maxTokens).toBeGreaterThan(
      policyFor({ kind: 'exercise', exerciseType: 'ADDITION' }).maxTokens,
    );
  });
});
