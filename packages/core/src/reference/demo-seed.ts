/** `pnpm db:seed:demo`: development data, never used by tests. */
import type { PrismaClient } from '../db/generated/client.ts';

/** bcrypt (cost 12) of DEMO_PASSWORD: the demo accounts can log in without the CLI hashing anything. */
const DEMO_PASSWORD = 'demo-padawan-2026';
const DEMO_PASSWORD_HASH = '$2b$12$W5mdCsEwDwIXHSmqOPQMteHDie/S.4yNguyTTOIin3t9d0JyqSNOq';

/** Development data: a few learners, exercises and challenges. Idempotent (skips existing demo rows); never used by tests. */
export const seedDemo = async (prisma: PrismaClient): Promise<string> => {
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
  return `Demo data: ${users} user(s) (password "${DEMO_PASSWORD}"), ${exerciseCount} exercise(s), ${challengeCount} challenge(s) inserted.`;
};
