/**
 * `pnpm db:seed:demo`: development data, never used by tests. The database CLI refuses to run it outside
 * development (apps/server/src/db-commands.ts).
 */
import type { Logger } from 'pino';

import type { AttemptChallengeInput } from '../challenges/index.ts';
import type { PrismaClient } from '../db/generated/client.ts';
import type { SubmitAnswerInput } from '../exercises/index.ts';
import type { AuthedCtx } from '../kernel/deps.ts';

/** bcrypt (cost 12) of DEMO_PASSWORD: the demo accounts can log in without the CLI hashing anything. */
const DEMO_PASSWORD = 'demo-padawan-2026';
const DEMO_PASSWORD_HASH = '$2b$12$W5mdCsEwDwIXHSmqOPQMteHDie/S.4yNguyTTOIin3t9d0JyqSNOq';

/** The account the legacy frontend's demo button fills in (`ObiWan` / `HelloThere123!`). */
export const DEMO_ACCOUNT = { username: 'ObiWan', password: 'HelloThere123!' } as const;
/** bcrypt (cost 12) of DEMO_ACCOUNT.password. */
const DEMO_ACCOUNT_HASH = '$2b$12$xqu6OF09OM0EeEreDfffGuQhTZ37MehLb9si5VFpCIFcclc0RtAge';

/**
 * The real submit use cases (`core.exercises.submitAnswer`, `core.challenges.attempt`), so the demo
 * learner's history goes through the write path like any other: counters, progress cache, badges,
 * points, day streak.
 */
export interface DemoActivity {
  log: Logger;
  submitAnswer: (ctx: AuthedCtx, input: SubmitAnswerInput) => Promise<unknown>;
  attemptChallenge: (ctx: AuthedCtx, input: AttemptChallengeInput) => Promise<unknown>;
}

/**
 * The demo learner: a verified padawan with a few exercise and challenge answers (right and wrong), so
 * the dashboard shows something. Created once; an existing account is left as it is.
 */
const seedDemoLearner = async (prisma: PrismaClient, activity: DemoActivity): Promise<boolean> => {
  const { username } = DEMO_ACCOUNT;
  if ((await prisma.user.findUnique({ where: { username }, select: { id: true } })) !== null) {
    return false;
  }
  const user = await prisma.user.create({
    data: {
      username,
      email: 'obiwan@demo.mathakine.local',
      hashedPassword: DEMO_ACCOUNT_HASH,
      fullName: 'Obi-Wan Kenobi',
      role: 'PADAWAN',
      isEmailVerified: true,
      preferredAgeGroup: 'GROUP_9_11',
    },
    select: { id: true },
  });
  const ctx: AuthedCtx = {
    actor: { userId: user.id, username, role: 'padawan', accessScope: 'full', sessionId: null },
    log: activity.log,
    requestId: 'seed-demo',
  };
  const exercises = await prisma.exercise.findMany({
    where: { title: { startsWith: 'Démo : ' } },
    select: { id: true, correctAnswer: true },
    orderBy: { id: 'asc' },
  });
  for (const [i, e] of exercises.entries()) {
    const answer = i === 1 ? '0' : e.correctAnswer;
    await activity.submitAnswer(ctx, { exerciseId: e.id, answer, timeSpent: 20 + i * 7 });
  }
  const challenges = await prisma.logicChallenge.findMany({
    where: { isActive: true, isArchived: false, ageGroup: 'GROUP_9_11' },
    select: { id: true, correctAnswer: true },
    orderBy: { id: 'asc' },
    take: 3,
  });
  for (const [i, c] of challenges.entries()) {
    const answer = i === 2 || c.correctAnswer === null ? 'je ne sais pas' : c.correctAnswer;
    await activity.attemptChallenge(ctx, {
      challengeId: c.id,
      answer,
      timeSpent: 45 + i * 15,
      hintsUsed: i,
    });
  }
  return true;
};

/**
 * Development data: a few learners, exercises and challenges, and (given the submit use cases) the demo
 * learner with some history. Idempotent (skips existing demo rows); never used by tests.
 */
export const seedDemo = async (prisma: PrismaClient, activity?: DemoActivity): Promise<string> => {
  const learners = ['demo_padawan', 'demo_maitre', 'demo_gardien'] as const;
  const roles = {
    demo_padawan: 'PADAWAN',
    demo_maitre: 'MAITRE',
    demo_gardien: 'GARDIEN',
  } as const;
  let users = 0;
  for (const username of learners) {
    const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (existing !== null) continue;
    await prisma.user.create({
      data: {
        username,
        email: `${username}@demo.mathakine.local`,
        hashedPassword: DEMO_PASSWORD_HASH,
        role: roles[username],
        isEmailVerified: true,
      },
      select: { id: true },
    });
    users += 1;
  }
  const exercises = [
    {
      title: 'Démo : addition spatiale',
      exerciseType: 'ADDITION',
      difficulty: 'INITIE',
      ageGroup: 'GROUP_6_8',
      question: 'Combien font 7 + 5 ?',
      correctAnswer: '12',
    },
    {
      title: 'Démo : soustraction',
      exerciseType: 'SOUSTRACTION',
      difficulty: 'PADAWAN',
      ageGroup: 'GROUP_9_11',
      question: 'Combien font 42 - 17 ?',
      correctAnswer: '25',
    },
    {
      title: 'Démo : multiplication',
      exerciseType: 'MULTIPLICATION',
      difficulty: 'CHEVALIER',
      ageGroup: 'GROUP_9_11',
      question: 'Combien font 8 × 7 ?',
      correctAnswer: '56',
    },
  ] as const;
  let exerciseCount = 0;
  for (const e of exercises) {
    if (
      (await prisma.exercise.findFirst({ where: { title: e.title }, select: { id: true } })) !==
      null
    )
      continue;
    await prisma.exercise.create({ data: { ...e, answerKind: 'INTEGER' }, select: { id: true } });
    exerciseCount += 1;
  }
  const challenges = [
    {
      title: 'Démo : suite logique',
      description: 'Trouve le nombre suivant de la suite.',
      challengeType: 'SEQUENCE',
      ageGroup: 'GROUP_9_11',
      difficulty: 'PADAWAN',
      question: '2, 4, 8, 16, ?',
      correctAnswer: '32',
      solutionExplanation: 'Chaque nombre est le double du précédent.',
    },
    {
      title: 'Démo : énigme',
      description: 'Une petite énigme de déduction.',
      challengeType: 'RIDDLE',
      ageGroup: 'GROUP_12_14',
      difficulty: 'CHEVALIER',
      question: 'Je suis un nombre pair entre 10 et 14, qui suis-je ?',
      correctAnswer: '12',
      solutionExplanation: '12 est le seul nombre pair strictement entre 10 et 14.',
    },
  ] as const;
  let challengeCount = 0;
  for (const c of challenges) {
    if (
      (await prisma.logicChallenge.findFirst({
        where: { title: c.title },
        select: { id: true },
      })) !== null
    )
      continue;
    await prisma.logicChallenge.create({ data: { ...c }, select: { id: true } });
    challengeCount += 1;
  }
  const learner = activity === undefined ? false : await seedDemoLearner(prisma, activity);
  const demoLine = learner
    ? ` Demo account "${DEMO_ACCOUNT.username}" (password "${DEMO_ACCOUNT.password}") created with some history.`
    : '';
  return `Demo data: ${users} user(s) (password "${DEMO_PASSWORD}"), ${exerciseCount} exercise(s), ${challengeCount} challenge(s) inserted.${demoLine}`;
};
