// Test support of the AI features: the real provider pointed at the local fake OpenAI-compatible server
// (generous deadlines, no retry unless asked), and model outputs a verifier accepts. Test-only.
import { loadConfig } from '@mathakine/config';

import {
  createOpenAiProvider,
  type OpenAiProviderOptions,
} from '../adapters/openai-ai-provider.ts';
import type { AiCallEvent, AiProvider } from '../kernel/ai.ts';
import type { FakeOpenAi } from './fake-openai.ts';

export interface FakeAiProviderOptions extends Partial<
  Pick<OpenAiProviderOptions, 'timeouts' | 'retry' | 'breaker'>
> {
  /** Receives every finished call (metrics hook). */
  calls?: AiCallEvent[];
}

/** The real OpenAI-SDK provider against `fake` (a saturated machine never trips these deadlines). */
export const fakeAiProvider = (fake: FakeOpenAi, options: FakeAiProviderOptions = {}): AiProvider =>
  createOpenAiProvider({
    ...loadConfig({}).ai,
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    timeouts: options.timeouts ?? { requestMs: 30_000, firstTokenMs: 30_000, idleMs: 30_000 },
    retry: options.retry ?? { maxRetries: 0, baseDelayMs: 1 },
    breaker: options.breaker ?? { failureThreshold: 1_000, openMs: 60_000 },
    ...(options.calls ? { observer: { onCall: (e) => options.calls?.push(e) } } : {}),
  });

/** A consistent ADDITION exercise as the model writes it (27 + 15 = 42). */
export const aiExerciseOutput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Les cristaux de la station',
  question:
    'Le vaisseau transporte 27 cristaux, puis il en charge 15 de plus. Combien font 27 + 15 ?',
  calcul: '27 + 15',
  correct_answer: '42',
  choices: ['42', '41', '32', '52'],
  explanation: 'On ajoute les unités : 7 + 5 = 12, on pose 2 et on retient 1. Puis 2 + 1 + 1 = 4.',
  hint: 'Commence par additionner les unités.',
  ...overrides,
});

/** A consistent sequence challenge as the model writes it (3, 5, 7, 9 → 11). */
export const aiChallengeOutput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Les balises de la station',
  description:
    'Des balises lumineuses clignotent le long de la station spatiale, chacune affiche un nombre.',
  question: 'Quel nombre doit afficher la balise suivante ?',
  correct_answer: '11',
  solution_explanation: 'On ajoute 2 à chaque fois : 3, 5, 7, 9 puis 9 + 2 = 11.',
  hints: [
    'Regarde de combien on avance entre deux balises.',
    "L'écart est toujours le même.",
    'Ajoute cet écart au dernier nombre.',
  ],
  visual_data: { sequence: [3, 5, 7, 9], pattern: 'plus 2' },
  difficulty_rating: 2.5,
  ...overrides,
});

/** Every event of a stream, in order. */
export const collectEvents = async <T>(events: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
};
