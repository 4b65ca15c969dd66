-- Reverts 20261126100000_logic_challenge_attempt_counters (dropping the columns drops their CHECK).
ALTER TABLE "logic_challenges" DROP COLUMN "attempt_count",
DROP COLUMN "correct_attempt_count";
