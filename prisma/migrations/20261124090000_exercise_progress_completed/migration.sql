-- Issue 5 (exercises and the learning loop): the progress cache also counts the distinct exercises
-- the learner has solved (>= 1 correct attempt) per exercise type, so GET /api/users/me/progress
-- (`exercises_completed`, `by_category.*.completed`) reads at most 9 rows instead of scanning the
-- learner's whole attempt history. Maintained inside the submit transaction.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK is allow-listed in
-- prisma/drift-allowlist.json.

-- AlterTable
ALTER TABLE "exercise_progress" ADD COLUMN "completed_exercises" INTEGER NOT NULL DEFAULT 0;

-- Backfill from the attempts already recorded.
UPDATE "exercise_progress" p
SET "completed_exercises" = s."solved"
FROM (
    SELECT a."user_id", e."exercise_type", COUNT(DISTINCT a."exercise_id")::INTEGER AS "solved"
    FROM "attempts" a
    JOIN "exercises" e ON e."id" = a."exercise_id"
    WHERE a."is_correct"
    GROUP BY a."user_id", e."exercise_type"
) s
WHERE p."user_id" = s."user_id" AND p."exercise_type" = s."exercise_type";

ALTER TABLE "exercise_progress" ADD CONSTRAINT "exercise_progress_completed_exercises_check"
    CHECK ("completed_exercises" >= 0 AND "completed_exercises" <= "correct_attempts");
