-- Reverts 20261124091000_attempts_speed_badge_index.
DROP INDEX "attempts_user_id_is_correct_time_spent_idx";
