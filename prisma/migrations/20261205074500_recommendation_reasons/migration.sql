-- Issue 12 (recommendations): structured, explainable reasons and a bounded anti-repeat read.
-- - `reason_code` (e.g. `reco.exercise.improvement`) and `reason_params` (its parameters, a JSON object)
--   sit beside the French `reason` text, so a client can translate or explain a recommendation.
--   Rows written before this migration keep a NULL code and `{}` parameters.
-- - the index (user_id, completed_at DESC) answers "what did this learner complete in the anti-repeat
--   window" with one index range scan, whatever the learner's history.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK is allow-listed in
-- prisma/drift-allowlist.json.

-- AlterTable
ALTER TABLE "recommendations" ADD COLUMN "reason_code" VARCHAR(64),
ADD COLUMN "reason_params" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_reason_params_check"
    CHECK (jsonb_typeof("reason_params") = 'object');

-- CreateIndex
CREATE INDEX "recommendations_user_id_completed_at_idx" ON "recommendations"("user_id", "completed_at" DESC);
