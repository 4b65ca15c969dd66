-- Reverts 20261124080000_init_enums_and_users: drops exactly what it created, in reverse order.
-- (Dropping a table drops its indexes, CHECK and FK constraints.)

DROP TABLE "edtech_events";
DROP TABLE "admin_audit_logs";
DROP TABLE "settings";
DROP TABLE "refresh_tokens";
DROP TABLE "user_sessions";
DROP TABLE "users";

DROP TYPE "grade_system";
DROP TYPE "badge_tier";
DROP TYPE "badge_category";
DROP TYPE "edtech_event_type";
DROP TYPE "feedback_status";
DROP TYPE "feedback_type";
DROP TYPE "recommendation_type";
DROP TYPE "answer_kind";
DROP TYPE "difficulty_level";
DROP TYPE "exercise_type";
DROP TYPE "age_group";
DROP TYPE "logic_challenge_type";
DROP TYPE "user_role";
