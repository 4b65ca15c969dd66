/**
 * The AI use cases (one file each): exercise and challenge generation streams, the tutor chat (whole
 * answer or stream). The provider is the AI port (kernel/ai.ts), disabled without OPENAI_API_KEY.
 */
import type { AiProvider } from '../kernel/ai.ts';
import type { CoreDeps } from '../kernel/deps.ts';
import type { RateLimitStore } from '../kernel/ports.ts';
import type { AiDeps } from './ai-deps.ts';
import { makeChat, makeChatStream } from './chat.ts';
import { makeGenerateAiChallenge } from './generate-challenge.ts';
import { makeGenerateAiExercise } from './generate-exercise.ts';

export interface AiServiceOptions {
  /** The AI port (createCore passes the disabled provider when CoreDeps has none). */
  provider: AiProvider;
  settings: AiDeps['settings'];
  rateLimits: AiDeps['rateLimits'];
  quotaStore: RateLimitStore;
}

export const makeAiService = (
  deps: Pick<CoreDeps, 'db' | 'log' | 'clock' | 'onAiGeneration'>,
  options: AiServiceOptions,
) => {
  const onGeneration = deps.onAiGeneration;
  const aiDeps: AiDeps = {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    provider: options.provider,
    settings: options.settings,
    rateLimits: options.rateLimits,
    quotaStore: options.quotaStore,
    onGeneration: (event) => {
      try {
        onGeneration?.(event);
      } catch {
        // A broken metrics hook never changes an answer.
      }
    },
  };
  return {
    /** False without OPENAI_API_KEY. */
    configured: aiDeps.provider.configured,
    generateExercise: makeGenerateAiExercise(aiDeps),
    generateChallenge: makeGenerateAiChallenge(aiDeps),
    chat: makeChat(aiDeps),
    chatStream: makeChatStream(aiDeps),
  };
};

export type AiService = ReturnType<typeof makeAiService>;
