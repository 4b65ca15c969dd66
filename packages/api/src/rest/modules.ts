import { adminContentRoutes } from './admin-content.routes.ts';
import { adminRoutes } from './admin.routes.ts';
import { aiRoutes } from './ai.routes.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { badgesRoutes } from './badges.routes.ts';
import { challengesRoutes } from './challenges.routes.ts';
import { exercisesRoutes } from './exercises.routes.ts';
import { feedbackRoutes } from './feedback.routes.ts';
import { leaderboardRoutes } from './leaderboard.routes.ts';
import { progressRoutes } from './progress.routes.ts';
import { recommendationsRoutes } from './recommendations.routes.ts';
import type { LegacyRoutesModule } from './route.ts';
import { usersRoutes } from './users.routes.ts';

/** Every feature's legacy routes, in registration order (the order decides 405 `Allow` lists). */
export const LEGACY_MODULES: readonly LegacyRoutesModule[] = [
  authRoutes,
  usersRoutes,
  progressRoutes,
  aiRoutes,
  exercisesRoutes,
  badgesRoutes,
  // After the badges, which declare `/challenges/badges/progress`.
  challengesRoutes,
  leaderboardRoutes,
  recommendationsRoutes,
  analyticsRoutes,
  feedbackRoutes,
  adminRoutes,
  adminContentRoutes,
];
