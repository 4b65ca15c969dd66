-- Reverts 20261124090000_exercise_progress_completed (dropping the column drops its CHECK).
ALTER TABLE "exercise_progress" DROP COLUMN "completed_exercises";
