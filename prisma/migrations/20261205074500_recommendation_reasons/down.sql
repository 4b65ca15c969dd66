-- Reverts 20261205074500_recommendation_reasons (dropping the columns drops their CHECK).
DROP INDEX "recommendations_user_id_completed_at_idx";
ALTER TABLE "recommendations" DROP COLUMN "reason_params", DROP COLUMN "reason_code";
