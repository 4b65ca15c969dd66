-- Reverts 20261124080100_learning_and_gamification: drops exactly what it created, in reverse
-- dependency order. (Dropping a table drops its indexes, CHECK and FK constraints.) The enum types
-- belong to 20261124080000_init_enums_and_users and are dropped by its down.sql.

DROP TABLE "feedback_reports";
DROP TABLE "notifications";
DROP TABLE "recommendations";
DROP TABLE "user_pinned_badges";
DROP TABLE "user_achievements";
DROP TABLE "achievements";
DROP TABLE "logic_challenge_attempts";
DROP TABLE "logic_challenges";
DROP TABLE "exercise_progress";
DROP TABLE "attempts";
DROP TABLE "exercises";
