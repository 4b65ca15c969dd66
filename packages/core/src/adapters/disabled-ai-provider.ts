import {
  AiUnavailableError,
  type AiObserver,
  type AiProvider,
  type AiWorkload,
} from '../kernel/ai.ts';

const notConfigured = () =>
  new AiUnavailableError('not_configured', 'AI is not configured (OPENAI_API_KEY)');

/**
 * The provider without OPENAI_API_KEY: `configured` is false and every call fails at once with kind
 * `not_configured`, without any network access (the legacy "OpenAI API key non configurée" answers).
 */
export const createDisabledAiProvider = (observer?: AiObserver): AiProvider => {
  const record = (workload: AiWorkload, stream: boolean): void => {
    try {
      observer?.onCall({
        workload: workload.kind,
        model: '',
        outcome: 'not_configured',
        durationMs: 0,
        promptTokens: null,
        completionTokens: null,
        attempts: 0,
        stream,
      });
    } catch {
      // A broken metrics hook must never change the answer.
    }
  };
  return {
    configured: false,
    completeJson: (request) => {
      record(request.workload, false);
      return Promise.reject(notConfigured());
    },
    streamText: (request) => ({
      model: '',
      [Symbol.asyncIterator]: () => ({
        next: () => {
          record(request.workload, true);
          return Promise.reject(notConfigured());
        },
      }),
    }),
  };
};
