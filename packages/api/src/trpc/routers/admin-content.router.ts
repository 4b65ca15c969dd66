import {
  ZAdminArchiveChallengeDto,
  ZAdminArchiveChallengeInput,
  ZAdminArchiveExerciseDto,
  ZAdminArchiveExerciseInput,
  ZAdminBadgeListDto,
  ZAdminBadgeWithCountDto,
  ZAdminChallengeDto,
  ZAdminChallengeListDto,
  ZAdminCreateBadgeInput,
  ZAdminCreateChallengeInput,
  ZAdminCreateExerciseInput,
  ZAdminDeleteBadgeDto,
  ZAdminExerciseDto,
  ZAdminExerciseListDto,
  ZAdminListChallengesInput,
  ZAdminListExercisesInput,
  ZAdminUpdateBadgeInput,
  ZAdminUpdateChallengeInput,
  ZAdminUpdateExerciseInput,
  ZBadgeIdInput,
  ZChallengeIdInput,
  ZExerciseIdInput,
} from '@mathakine/core';

import { router } from '../init.ts';
import { adminProcedure } from '../procedures.ts';

const maintenanceExempt = { maintenanceExempt: true } as const;
const admin = adminProcedure.meta(maintenanceExempt);

/** The back office's exercises (api-rest-challenges-admin §6.7). */
const exercisesRouter = router({
  list: admin
    .input(ZAdminListExercisesInput)
    .output(ZAdminExerciseListDto)
    .query(({ ctx, input }) => ctx.core.adminExercises.list(ctx, input)),
  get: admin
    .input(ZExerciseIdInput)
    .output(ZAdminExerciseDto)
    .query(({ ctx, input }) => ctx.core.adminExercises.get(ctx, input)),
  create: admin
    .input(ZAdminCreateExerciseInput)
    .output(ZAdminExerciseDto)
    .mutation(({ ctx, input }) => ctx.core.adminExercises.create(ctx, input)),
  update: admin
    .input(ZAdminUpdateExerciseInput)
    .output(ZAdminExerciseDto)
    .mutation(({ ctx, input }) => ctx.core.adminExercises.update(ctx, input)),
  archive: admin
    .input(ZAdminArchiveExerciseInput)
    .output(ZAdminArchiveExerciseDto)
    .mutation(({ ctx, input }) => ctx.core.adminExercises.archive(ctx, input)),
  duplicate: admin
    .input(ZExerciseIdInput)
    .output(ZAdminExerciseDto)
    .mutation(({ ctx, input }) => ctx.core.adminExercises.duplicate(ctx, input)),
});

/** The back office's logic challenges (api-rest-challenges-admin §6.8). */
const challengesRouter = router({
  list: admin
    .input(ZAdminListChallengesInput)
    .output(ZAdminChallengeListDto)
    .query(({ ctx, input }) => ctx.core.adminChallenges.list(ctx, input)),
  get: admin
    .input(ZChallengeIdInput)
    .output(ZAdminChallengeDto)
    .query(({ ctx, input }) => ctx.core.adminChallenges.get(ctx, input)),
  create: admin
    .input(ZAdminCreateChallengeInput)
    .output(ZAdminChallengeDto)
    .mutation(({ ctx, input }) => ctx.core.adminChallenges.create(ctx, input)),
  update: admin
    .input(ZAdminUpdateChallengeInput)
    .output(ZAdminChallengeDto)
    .mutation(({ ctx, input }) => ctx.core.adminChallenges.update(ctx, input)),
  archive: admin
    .input(ZAdminArchiveChallengeInput)
    .output(ZAdminArchiveChallengeDto)
    .mutation(({ ctx, input }) => ctx.core.adminChallenges.archive(ctx, input)),
  duplicate: admin
    .input(ZChallengeIdInput)
    .output(ZAdminChallengeDto)
    .mutation(({ ctx, input }) => ctx.core.adminChallenges.duplicate(ctx, input)),
});

/** The back office's badges (api-rest-challenges-admin §6.9). */
const badgesRouter = router({
  list: admin.output(ZAdminBadgeListDto).query(({ ctx }) => ctx.core.adminBadges.list(ctx)),
  get: admin
    .input(ZBadgeIdInput)
    .output(ZAdminBadgeWithCountDto)
    .query(({ ctx, input }) => ctx.core.adminBadges.get(ctx, input)),
  create: admin
    .input(ZAdminCreateBadgeInput)
    .output(ZAdminBadgeWithCountDto)
    .mutation(({ ctx, input }) => ctx.core.adminBadges.create(ctx, input)),
  update: admin
    .input(ZAdminUpdateBadgeInput)
    .output(ZAdminBadgeWithCountDto)
    .mutation(({ ctx, input }) => ctx.core.adminBadges.update(ctx, input)),
  delete: admin
    .input(ZBadgeIdInput)
    .output(ZAdminDeleteBadgeDto)
    .mutation(({ ctx, input }) => ctx.core.adminBadges.delete(ctx, input)),
});

/**
 * The back office's content: exercises, logic challenges and badges, for administrators
 * (`adminProcedure`; core's `requireAdmin` again in every use case). Answers during maintenance, like
 * the legacy `/api/admin` area.
 */
export const adminContentRouter = router({
  exercises: exercisesRouter,
  challenges: challengesRouter,
  badges: badgesRouter,
});
