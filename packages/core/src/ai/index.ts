// The AI port and its rules (issue 11). Re-exported by the package root.
export * from './ai.port.ts';
export * from './ai.errors.ts';
export * from './ai-models.rules.ts';
export { createDisabledAiProvider } from './disabled-provider.ts';
export { createOpenAiProvider, type OpenAiProviderOptions } from './openai-provider.ts';
export { extractJsonObject } from './json-extract.rules.ts';
export * from './prompt-safety.rules.ts';
export {
  AGE_GROUP_GUIDE,
  challengeSystemPrompt,
  exerciseSystemPrompt,
  REQUEST_CLOSE,
  REQUEST_OPEN,
} from './generation-prompts.ts';
export * from './prompts.ts';
export {
  CONTENT_PROBLEM_CODES,
  looksFrench,
  type ContentProblem,
  type ContentProblemCode,
} from './generated-text.rules.ts';
export {
  findQuestionExpression,
  parseCalculation,
  parseExpression,
  type ArithmeticOperator,
  type ParsedExpression,
  type QuestionExpression,
} from './arithmetic-expression.rules.ts';
export * from './generated-exercise.rules.ts';
export * from './generated-challenge.rules.ts';
