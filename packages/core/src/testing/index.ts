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
  freePort,
  isListening,
  postgresBinDir,
  startPostgresCluster,
  startRedisServer,
  createUnreachableDatabase,
  type PostgresCluster,
  type RedisServer,
} from './services.ts';
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
export {
  createLegacySchema,
  dropScratchDatabase,
  recreateScratchDatabase,
  LEGACY_PYTHON_HASH,
  seedAwkwardLegacyData,
  type AwkwardLegacyManifest,
  type LegacyLearner,
} from './legacy-fixture.ts';
export { BULK_PASSWORD, seedBulkLegacyData, type LegacyVolume } from './legacy-bulk.ts';
export { restoreCatalogue } from './gamification.ts';
