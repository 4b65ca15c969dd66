// @mathakine/core/testing: test-only helpers (never imported by production code).
export {
  createEmptyDatabase,
  createTestDatabase,
  disposeTestDb,
  getTestDb,
  MIGRATIONS_DIR,
  REFERENCE_TABLES,
  resetDb,
  type EmptyDatabase,
  type TestDatabase,
  type TestDbTemplate,
} from './db.ts';
export * from './factories.ts';
export { movableClock, type MovableClock } from './clock.ts';
export {
  fakeReply,
  startFakeOpenAi,
  type FakeOpenAi,
  type FakeOpenAiOptions,
  type FakeOpenAiRequest,
  type FakeReply,
  type FakeScript,
  type FakeTextOptions,
  type FakeUsage,
} from './fake-openai.ts';
export {
  aiChallengeOutput,
  aiExerciseOutput,
  collectEvents,
  fakeAiProvider,
  type FakeAiProviderOptions,
} from './ai.ts';
export { restoreCatalogue } from './gamification.ts';
