// The AI provider settings: one model per workload with the legacy variables as fallbacks
// (spec platform.md §1.3 and §1.7), timeouts, retries and the circuit breaker.
import type { ParsedEnv } from './schema.ts';
import type { AiConfig, AiModels } from './types.ts';

/** The spec's default models (legacy `OPENAI_MODEL` default, `ai_config.py` challenge map, chat routing). */
export const AI_DEFAULT_MODELS: Readonly<AiModels> = {
  exercise: 'gpt-4o-mini',
  exerciseReasoning: 'gpt-4o-mini',
  challengeAdvanced: 'gpt-5.1',
  challengeBasic: 'gpt-5-mini',
  chatSimple: 'gpt-4o-mini',
  chatComplex: 'gpt-4o',
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Builds `AppConfig.ai`. Precedence of each model: its own variable, then the legacy one
 * (`OPENAI_MODEL` for exercises, `OPENAI_MODEL_REASONING` for challenges and the harder exercise
 * types, as the legacy did), then the default.
 */
export const buildAiConfig = (
  v: ParsedEnv,
  isProduction: boolean,
  warnings: string[],
): AiConfig => {
  const exercise = v.OPENAI_MODEL_EXERCISE ?? v.OPENAI_MODEL ?? AI_DEFAULT_MODELS.exercise;
  const models: AiModels = {
    exercise,
    exerciseReasoning: v.OPENAI_MODEL_EXERCISE_REASONING ?? v.OPENAI_MODEL_REASONING ?? exercise,
    challengeAdvanced:
      v.OPENAI_MODEL_CHALLENGE_ADVANCED ??
      v.OPENAI_MODEL_REASONING ??
      AI_DEFAULT_MODELS.challengeAdvanced,
    challengeBasic:
      v.OPENAI_MODEL_CHALLENGE_BASIC ??
      v.OPENAI_MODEL_REASONING ??
      AI_DEFAULT_MODELS.challengeBasic,
    chatSimple: v.OPENAI_MODEL_CHAT_SIMPLE ?? AI_DEFAULT_MODELS.chatSimple,
    chatComplex: v.OPENAI_MODEL_CHAT_COMPLEX ?? AI_DEFAULT_MODELS.chatComplex,
  };

  if (v.OPENAI_API_KEY === null) {
    warnings.push(
      'OPENAI_API_KEY is not set: AI features answer with a clear "not configured" error.',
    );
  }
  if (isProduction && v.OPENAI_BASE_URL !== null) {
    const base = new URL(v.OPENAI_BASE_URL);
    if (base.protocol === 'http:' && !LOOPBACK.has(base.hostname)) {
      warnings.push('OPENAI_BASE_URL is not https: prompts and the API key travel unencrypted.');
    }
  }

  return {
    apiKey: v.OPENAI_API_KEY,
    baseUrl: v.OPENAI_BASE_URL,
    models,
    timeouts: {
      requestMs: v.OPENAI_TIMEOUT_MS,
      // The whole-call deadline bounds the other two: they never exceed it.
      firstTokenMs: Math.min(v.OPENAI_FIRST_TOKEN_TIMEOUT_MS, v.OPENAI_TIMEOUT_MS),
      idleMs: Math.min(v.OPENAI_STREAM_IDLE_TIMEOUT_MS, v.OPENAI_TIMEOUT_MS),
    },
    retry: { maxRetries: v.OPENAI_MAX_RETRIES, baseDelayMs: v.OPENAI_RETRY_DELAY_MS },
    breaker: {
      failureThreshold: v.OPENAI_BREAKER_FAILURES,
      openMs: v.OPENAI_BREAKER_OPEN_MS,
    },
  };
};
