// The AI feature (issue 11): the generation streams and the tutor chat, prompt safety (S-2.1), the
// messages sent to the model. Public surface of the feature. The port and its errors are kernel/ai.ts, the provider
// implementations adapters/, and the checks of generated content belong to the feature that owns it
// (exercises: verifyGeneratedExercise; challenges: verifyGeneratedChallenge).
export * from './prompt-safety.rules.ts';
export {
  AGE_GROUP_GUIDE,
  challengeSystemPrompt,
  exerciseSystemPrompt,
  REQUEST_CLOSE,
  REQUEST_OPEN,
} from './generation-prompts.ts';
export * from './prompts.ts';
export { makeAiService, type AiService, type AiServiceOptions } from './ai.service.ts';
export { AI_STREAM_MESSAGES, stripMarkdownImages } from './ai.rules.ts';
