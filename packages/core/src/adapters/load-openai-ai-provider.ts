import type { AiProvider } from '../kernel/ai.ts';
import type { OpenAiProviderOptions } from './openai-ai-provider.ts';

/**
 * The OpenAI-compatible provider, its module (and the `openai` SDK) imported only when a key is
 * configured: a server without AI never loads them (cold start, memory).
 */
export const loadOpenAiProvider = async (options: OpenAiProviderOptions): Promise<AiProvider> => {
  const { createOpenAiProvider } = await import('./openai-ai-provider.ts');
  return createOpenAiProvider(options);
};
