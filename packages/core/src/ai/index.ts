// The AI feature (issue 11): prompt safety (S-2.1), the messages sent to the model (generation and the
// tutor chat). Public surface of the feature. The port and its errors are kernel/ai.ts, the provider
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
