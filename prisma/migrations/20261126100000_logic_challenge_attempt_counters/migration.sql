-- Issue 10 (logic challenges): every challenge counts its attempts and its correct attempts, so the
-- public list and detail can show a true `success_rate` (correct / attempts, in percent) and the admin
-- list its `attempt_count`, without grouping the whole attempt table on every read. Kept inside the
-- challenge attempt transaction (the legacy stored a `success_rate` column it never updated).
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK is allow-listed in
-- prisma/drift-allowlist.json.

-- AlterTable
ALTER TABLE "logic_challenges" ADD COLUMN "attempt_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "correct_attempt_count" INTEGER NOT NULL DEFAULT 0;

-- Backfill from the attempts already recorded.
UPDATE "logic_challenges" c
SET "attempt_count" = s."attempts", "correct_attempt_count" = s."correct"
FROM (
    SELECT "challenge_id", COUNT(*)::INTEGER AS "attempts",
           (COUNT(*) FILTER (WHERE "is_correct"))::INTEGER AS "correct"
    FROM "logic_challenge_attempts"
    GROUP BY "challenge_id"
) s
WHERE c."id" = s."challenge_id";

ALTER TABLE "logic_challenges" ADD CONSTRAINT "logic_challenges_attempt_counters_check"
    CHECK ("correct_attempt_count" >= 0 AND "correct_attempt_count" <= "attempt_count");
