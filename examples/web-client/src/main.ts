// A frontend's use of the typed API, run against a live server (CI: .ci/run starts the built one).
//   MATHAKINE_URL=http://127.0.0.1:10000 pnpm --filter @mathakine/example-web-client start
import { appErrorCodeOf, createMathakineClient } from '@mathakine/client';

const url = process.env.MATHAKINE_URL ?? 'http://127.0.0.1:10000';
let accessToken: string | null = null;
const api = createMathakineClient({
  url,
  // Outside a browser there is no cookie jar: send the access token as a bearer token.
  headers: (): Record<string, string> =>
    accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
});

const run = async () => {
  // Sign up (a fresh learner), then log in.
  const username = `example_${Date.now().toString(36)}`;
  const password = 'Orbite-Lunaire-2048';
  await api.users.register.mutate({ username, email: `${username}@example.org`, password });
  const session = await api.auth.login.mutate({ username, password });
  accessToken = session.accessToken;
  console.log(`logged in as ${session.user.username} (level ${session.user.currentLevel})`);

  // The catalogue: generate one exercise so it is not empty, then list it.
  await api.exercises.generate.mutate({ exerciseType: 'ADDITION', ageGroup: '6-8' });
  const page = await api.exercises.list.query({ limit: 5, exerciseType: 'ADDITION' });
  const exercise = page.items[0];
  if (!exercise) throw new Error('the catalogue is empty');
  console.log(
    `${page.total} exercise(s); first: "${exercise.question}" (${exercise.createdAt.toISOString()})`,
  );

  // Submit an answer; the correction tells the right one, which earns a badge on a second try.
  const first = await api.exercises.submitAnswer.mutate({ exerciseId: exercise.id, answer: '-1' });
  const second = first.isCorrect
    ? first
    : await api.exercises.submitAnswer.mutate({
        exerciseId: exercise.id,
        answer: first.correctAnswer,
      });
  console.log(
    `answer correct: ${second.isCorrect}; new badges: ${second.newBadges.map((b) => b.name).join(', ') || 'none'}`,
  );

  // Badges and points.
  const badges = await api.badges.listEarned.query();
  console.log(`${badges.earnedBadges.length} badge(s), ${badges.userStats.totalPoints} points`);

  // A typed refusal: the error code is a closed union.
  accessToken = null;
  const refused = await api.badges.listEarned
    .query()
    .catch((error: unknown) => appErrorCodeOf(error));
  if (refused !== 'UNAUTHENTICATED')
    throw new Error(`expected UNAUTHENTICATED, got ${String(refused)}`);
  if (!second.isCorrect || badges.earnedBadges.length === 0) throw new Error('unexpected results');
  console.log('example web client: OK');
};

run().catch((error: unknown) => {
  console.error('example web client: FAILED', error);
  process.exitCode = 1;
});
