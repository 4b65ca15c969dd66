/**
 * Which model serves a workload and with which request parameters (spec platform.md §1.7,
 * api-rest-challenges-admin §5.1, api-rest-core §6.4.6 and §6.7). Pure: the models come from
 * configuration (AppConfig.ai.models), the budgets from the legacy tables.
 */
import type { AiModels } from '@mathakine/config';

import type { AiChallengeType, AiExerciseType, AiWorkload } from '../kernel/ai.ts';

/** Challenge types served by the advanced model; the others by the basic one (§1.7). */
export const CHALLENGE_MODEL_TIER: Readonly<Record<AiChallengeType, 'advanced' | 'basic'>> = {
  pattern: 'advanced',
  graph: 'advanced',
  visual: 'advanced',
  deduction: 'advanced',
  coding: 'advanced',
  chess: 'advanced',
  sequence: 'basic',
  puzzle: 'basic',
  riddle: 'basic',
  probability: 'basic',
};

/** Exercise types that use the reasoning model (the legacy `OPENAI_MODEL_REASONING` rule). */
export const EXERCISE_REASONING_TYPES: ReadonlySet<AiExerciseType> = new Set<AiExerciseType>([
  'FRACTIONS',
  'TEXTE',
  'MIXTE',
  'DIVERS',
]);

export const modelFor = (models: AiModels, workload: AiWorkload): string => {
  switch (workload.kind) {
    case 'exercise':
      return EXERCISE_REASONING_TYPES.has(workload.exerciseType)
        ? models.exerciseReasoning
        : models.exercise;
    case 'challenge':
      return CHALLENGE_MODEL_TIER[workload.challengeType] === 'advanced'
        ? models.challengeAdvanced
        : models.challengeBasic;
    case 'chat':
      return workload.complexity === 'complex' ? models.chatComplex : models.chatSimple;
  }
};

export type ReasoningEffort = 'low' | 'medium' | 'high';

/** The request budget of a workload, whatever the model. */
export interface AiCallPolicy {
  /** Completion tokens (output; for reasoning models at least REASONING_MIN_TOKENS, see below). */
  maxTokens: number;
  /** Used by non-reasoning models only (reasoning models refuse it). */
  temperature: number;
  /** Used by reasoning models only. */
  reasoningEffort: ReasoningEffort;
}

/** §5.1 per-type parameters of the challenge generator. */
const CHALLENGE_POLICY: Readonly<Record<AiChallengeType, AiCallPolicy>> = {
  pattern: { maxTokens: 6000, temperature: 0.2, reasoningEffort: 'high' },
  sequence: { maxTokens: 4000, temperature: 0.3, reasoningEffort: 'low' },
  puzzle: { maxTokens: 5000, temperature: 0.5, reasoningEffort: 'low' },
  graph: { maxTokens: 6000, temperature: 0.3, reasoningEffort: 'medium' },
  visual: { maxTokens: 8000, temperature: 0.3, reasoningEffort: 'high' },
  riddle: { maxTokens: 5000, temperature: 0.7, reasoningEffort: 'low' },
  deduction: { maxTokens: 8000, temperature: 0.3, reasoningEffort: 'high' },
  coding: { maxTokens: 6000, temperature: 0.3, reasoningEffort: 'medium' },
  chess: { maxTokens: 14000, temperature: 0.3, reasoningEffort: 'medium' },
  probability: { maxTokens: 4000, temperature: 0.4, reasoningEffort: 'low' },
};

export const policyFor = (workload: AiWorkload): AiCallPolicy => {
  switch (workload.kind) {
    case 'exercise':
      // §6.4.6: temperature 0.7; word problems and mixed exercises get a larger budget (upstream §13.1).
      return {
        maxTokens: EXERCISE_REASONING_TYPES.has(workload.exerciseType) ? 2500 : 1500,
        temperature: 0.7,
        reasoningEffort: 'low',
      };
    case 'challenge':
      return CHALLENGE_POLICY[workload.challengeType];
    case 'chat':
      // §6.7: simple 400 tokens at 0.4, complex 500 tokens at 0.6.
      return workload.complexity === 'complex'
        ? { maxTokens: 500, temperature: 0.6, reasoningEffort: 'low' }
        : { maxTokens: 400, temperature: 0.4, reasoningEffort: 'low' };
  }
};

/**
 * `reasoning`: o-series and gpt-5 models (max_completion_tokens + reasoning_effort, no temperature);
 * `o1`: the same without JSON mode; `standard`: every other model (max_tokens + temperature), which is
 * also what most OpenAI-compatible servers expect. A router prefix (`openai/gpt-5`) is ignored.
 */
export type ModelFamily = 'reasoning' | 'o1' | 'standard';

export const modelFamilyOf = (model: string): ModelFamily => {
  const name = (model.split('/').pop() ?? model).toLowerCase();
  if (/^o1(\b|-|$)/.test(name)) return 'o1';
  if (/^o\d/.test(name) || name.startsWith('gpt-5')) return 'reasoning';
  return 'standard';
};

/** Reasoning tokens count against the completion budget: below this, answers come back empty. */
export const REASONING_MIN_TOKENS = 4000;

/** The chat-completions body fields that depend on the model family (model, budget, JSON mode). */
export interface ModelParams {
  model: string;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  reasoning_effort?: ReasoningEffort;
  response_format?: { type: 'json_object' };
}

export const modelParams = (model: string, policy: AiCallPolicy, json: boolean): ModelParams => {
  const family = modelFamilyOf(model);
  const jsonMode =
    json && family !== 'o1' ? { response_format: { type: 'json_object' as const } } : {};
  if (family === 'standard') {
    return { model, max_tokens: policy.maxTokens, temperature: policy.temperature, ...jsonMode };
  }
  return {
    model,
    max_completion_tokens: Math.max(policy.maxTokens, REASONING_MIN_TOKENS),
    reasoning_effort: policy.reasoningEffort,
    ...jsonMode,
  };
};
