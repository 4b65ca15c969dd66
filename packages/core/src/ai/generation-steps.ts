/**
 * The steps both generation streams (exercise and challenge) share: the refusals checked before the
 * model is called, in the legacy order, and the handling of a generation that did not succeed (metric,
 * log by kind only — never the prompt nor the model's text — and the French message of the error event).
 */
import { isAiError } from '../kernel/ai.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import type { AiDeps } from './ai-deps.ts';
import { consumeGenerationQuota } from './ai-quota.ts';
import { AI_STREAM_MESSAGES, streamErrorMessage } from './ai.rules.ts';
import type { VerifiedGeneration } from './generate-verified.ts';
import { checkPromptSafety } from './prompt-safety.rules.ts';

/**
 * The message of the first refusal before the model is called — the prompt's safety, the provider's
 * configuration, the learner's quota (counted only when everything before it passed) — or null.
 */
export const generationRefusal = async (
  deps: AiDeps,
  userId: number,
  prompt: string,
): Promise<string | null> => {
  const safety = checkPromptSafety(prompt);
  if (!safety.ok) return AI_STREAM_MESSAGES.invalidPrompt(safety.reason);
  if (!deps.provider.configured) return AI_STREAM_MESSAGES.streamNotConfigured;
  const quota = await consumeGenerationQuota(deps, userId);
  return quota.allowed ? null : quota.message;
};

type Failed = Extract<VerifiedGeneration<unknown>, { ok: false }>;

/**
 * Counts and logs a generation that was rejected after its repair round or failed at the provider,
 * and returns the French message of its error event.
 */
export const generationFailureMessage = (
  deps: AiDeps,
  ctx: AuthedCtx,
  what: { workload: 'exercise' | 'challenge'; subject: Record<string, string> },
  result: Failed,
): string => {
  const label = `AI ${what.workload}`;
  if (result.kind === 'rejected') {
    deps.onGeneration({
      workload: what.workload,
      outcome: 'rejected',
      problems: result.problems.map((p) => p.code),
    });
    ctx.log.warn(
      { ...what.subject, problems: result.problems.map((p) => `${p.field}:${p.code}`) },
      `${label} rejected after the repair round`,
    );
    return what.workload === 'exercise'
      ? AI_STREAM_MESSAGES.exerciseRejected
      : AI_STREAM_MESSAGES.challengeRejected;
  }
  deps.onGeneration({ workload: what.workload, outcome: 'failed', problems: [] });
  if (isAiError(result.error)) {
    ctx.log.warn({ ...what.subject, aiError: result.error.kind }, `${label} generation failed`);
  } else {
    ctx.log.error({ err: result.error, ...what.subject }, `${label} generation failed`);
  }
  return streamErrorMessage(result.error);
};
