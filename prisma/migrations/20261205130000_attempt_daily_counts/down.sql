-- Reverts 20261205130000_attempt_daily_counts (dropping the table drops its constraints; the triggers
-- on "attempts" and "exercises" go first, then their functions).
DROP TRIGGER "attempts_daily_counts_insert" ON "attempts";
DROP TRIGGER "attempts_daily_counts_delete" ON "attempts";
DROP TRIGGER "attempts_daily_counts_update" ON "attempts";
DROP TRIGGER "exercises_daily_counts_type" ON "exercises";
DROP TRIGGER "exercises_daily_counts_delete" ON "exercises";
DROP FUNCTION "attempt_daily_counts_on_insert"();
DROP FUNCTION "attempt_daily_counts_on_delete"();
DROP FUNCTION "attempt_daily_counts_on_update"();
DROP FUNCTION "attempt_daily_counts_on_exercise_change"();
DROP TABLE "attempt_daily_counts";
