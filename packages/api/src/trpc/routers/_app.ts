import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import { createCallerFactory, router } from '../init.ts';
import { adminContentRouter } from './admin-content.router.ts';
import { adminRouter } from './admin.router.ts';
import { aiRouter, chatRouter } from './ai.router.ts';
import { analyticsRouter } from './analytics.router.ts';
import { authRouter } from './auth.router.ts';
import { badgesRouter } from './badges.router.ts';
import { challengesRouter } from './challenges.router.ts';
import { exercisesRouter } from './exercises.router.ts';
import { feedbackRouter } from './feedback.router.ts';
import { leaderboardRouter } from './leaderboard.router.ts';
import { progressRouter, statsRouter } from './progress.router.ts';
import { recommendationsRouter } from './recommendations.router.ts';
import { systemRouter } from './system.router.ts';
import { usersRouter } from './users.router.ts';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  exercises: exercisesRouter,
  challenges: challengesRouter,
  progress: progressRouter,
  stats: statsRouter,
  badges: badgesRouter,
  leaderboard: leaderboardRouter,
  recommendations: recommendationsRouter,
  analytics: analyticsRouter,
  feedback: feedbackRouter,
  ai: aiRouter,
  chat: chatRouter,
  admin: adminRouter,
  adminContent: adminContentRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
