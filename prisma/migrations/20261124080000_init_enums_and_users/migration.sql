-- Migration 1/2: every enum type of the schema, then accounts, sessions (refresh-token families),
-- settings, the admin audit trail and analytics events.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK constraints are
-- SQL-only and listed in prisma/drift-allowlist.json.

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('PADAWAN', 'MAITRE', 'GARDIEN', 'ARCHIVISTE');

-- CreateEnum
CREATE TYPE "logic_challenge_type" AS ENUM ('SEQUENCE', 'PATTERN', 'VISUAL', 'PUZZLE', 'RIDDLE', 'DEDUCTION', 'PROBABILITY', 'GRAPH', 'CODING', 'CHESS', 'CUSTOM');

-- CreateEnum
CREATE TYPE "age_group" AS ENUM ('GROUP_6_8', 'GROUP_9_11', 'GROUP_12_14', 'GROUP_15_17', 'ADULT', 'ALL_AGES');

-- CreateEnum
CREATE TYPE "exercise_type" AS ENUM ('ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION', 'FRACTIONS', 'GEOMETRIE', 'TEXTE', 'MIXTE', 'DIVERS');

-- CreateEnum
CREATE TYPE "difficulty_level" AS ENUM ('INITIE', 'PADAWAN', 'CHEVALIER', 'MAITRE', 'GRAND_MAITRE');

-- CreateEnum
CREATE TYPE "answer_kind" AS ENUM ('INTEGER', 'DECIMAL', 'FRACTION', 'TEXT', 'CHOICE');

-- CreateEnum
CREATE TYPE "recommendation_type" AS ENUM ('EXERCISE', 'CHALLENGE');

-- CreateEnum
CREATE TYPE "feedback_type" AS ENUM ('EXERCISE', 'CHALLENGE', 'UI', 'OTHER');

-- CreateEnum
CREATE TYPE "feedback_status" AS ENUM ('NEW', 'READ', 'RESOLVED');

-- CreateEnum
CREATE TYPE "edtech_event_type" AS ENUM ('QUICK_START_CLICK', 'FIRST_ATTEMPT');

-- CreateEnum
CREATE TYPE "badge_category" AS ENUM ('PROGRESSION', 'MASTERY', 'REGULARITY', 'PERFORMANCE', 'DISCOVERY', 'SPECIAL');

-- CreateEnum
CREATE TYPE "badge_tier" AS ENUM ('BRONZE', 'SILVER', 'GOLD', 'LEGENDARY');

-- CreateEnum
CREATE TYPE "grade_system" AS ENUM ('SUISSE', 'UNIFIE');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(50) NOT NULL,
    "email" VARCHAR(100) NOT NULL,
    "hashed_password" VARCHAR(255) NOT NULL,
    "full_name" VARCHAR(100),
    "role" "user_role" NOT NULL DEFAULT 'PADAWAN',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_email_verified" BOOLEAN NOT NULL DEFAULT false,
    "email_verification_token_hash" VARCHAR(64),
    "email_verification_sent_at" TIMESTAMPTZ(6),
    "email_verification_expires_at" TIMESTAMPTZ(6),
    "password_reset_token_hash" VARCHAR(64),
    "password_reset_expires_at" TIMESTAMPTZ(6),
    "password_changed_at" TIMESTAMPTZ(6),
    "grade_system" "grade_system",
    "grade_level" SMALLINT,
    "preferred_age_group" "age_group",
    "learning_style" VARCHAR(50),
    "learning_goal" VARCHAR(100),
    "practice_rhythm" VARCHAR(50),
    "onboarding_completed_at" TIMESTAMPTZ(6),
    "preferred_theme" VARCHAR(50),
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "avatar_url" VARCHAR(255),
    "total_points" INTEGER NOT NULL DEFAULT 0,
    "current_streak" INTEGER NOT NULL DEFAULT 0,
    "best_streak" INTEGER NOT NULL DEFAULT 0,
    "last_activity_date" DATE,
    "total_attempts" INTEGER NOT NULL DEFAULT 0,
    "correct_attempts" INTEGER NOT NULL DEFAULT 0,
    "total_challenge_attempts" INTEGER NOT NULL DEFAULT 0,
    "correct_challenge_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    -- E-mails are stored lower-cased, which makes the unique index case-insensitive.
    CONSTRAINT "users_email_lowercase_check" CHECK ("email" = lower("email")),
    CONSTRAINT "users_grade_level_check" CHECK ("grade_level" BETWEEN 1 AND 12),
    CONSTRAINT "users_total_points_check" CHECK ("total_points" >= 0),
    CONSTRAINT "users_streaks_check" CHECK ("current_streak" >= 0 AND "best_streak" >= "current_streak"),
    CONSTRAINT "users_attempt_counters_check" CHECK ("correct_attempts" >= 0 AND "correct_attempts" <= "total_attempts"),
    CONSTRAINT "users_challenge_attempt_counters_check" CHECK ("correct_challenge_attempts" >= 0 AND "correct_challenge_attempts" <= "total_challenge_attempts")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "family_id" UUID NOT NULL,
    "device_info" JSONB,
    "ip_address" INET,
    "user_agent" TEXT,
    "location_data" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_activity" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "revoked_at" TIMESTAMPTZ(6),
    "revoked_reason" VARCHAR(50),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "user_sessions_revoked_check" CHECK ("revoked_at" IS NULL OR "is_active" = false)
);

-- CreateTable
CREATE TABLE "refresh_tokens" (
    "id" SERIAL NOT NULL,
    "session_id" INTEGER NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "rotated_at" TIMESTAMPTZ(6),
    "replaced_by_id" INTEGER,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refresh_tokens_replaced_by_check" CHECK ("replaced_by_id" IS NULL OR "rotated_at" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "settings" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "value" TEXT,
    "value_json" JSONB,
    "description" TEXT,
    "category" VARCHAR(64),
    "is_system" BOOLEAN NOT NULL DEFAULT false,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_audit_logs" (
    "id" SERIAL NOT NULL,
    "admin_user_id" INTEGER,
    "action" VARCHAR(50) NOT NULL,
    "resource_type" VARCHAR(30),
    "resource_id" INTEGER,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edtech_events" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "event" "edtech_event_type" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edtech_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_verification_token_hash_key" ON "users"("email_verification_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "users_password_reset_token_hash_key" ON "users"("password_reset_token_hash");

-- CreateIndex
CREATE INDEX "users_total_points_idx" ON "users"("total_points" DESC);

-- CreateIndex
CREATE INDEX "users_created_at_idx" ON "users"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "user_sessions_family_id_key" ON "user_sessions"("family_id");

-- CreateIndex
CREATE INDEX "user_sessions_user_id_is_active_expires_at_idx" ON "user_sessions"("user_id", "is_active", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_replaced_by_id_key" ON "refresh_tokens"("replaced_by_id");

-- CreateIndex
CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "settings_key_key" ON "settings"("key");

-- CreateIndex
CREATE INDEX "admin_audit_logs_created_at_idx" ON "admin_audit_logs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "admin_audit_logs_action_idx" ON "admin_audit_logs"("action");

-- CreateIndex
CREATE INDEX "admin_audit_logs_resource_type_resource_id_idx" ON "admin_audit_logs"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "admin_audit_logs_admin_user_id_idx" ON "admin_audit_logs"("admin_user_id");

-- CreateIndex
CREATE INDEX "edtech_events_event_created_at_idx" ON "edtech_events"("event", "created_at" DESC);

-- CreateIndex
CREATE INDEX "edtech_events_user_id_idx" ON "edtech_events"("user_id");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "user_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "refresh_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_audit_logs" ADD CONSTRAINT "admin_audit_logs_admin_user_id_fkey" FOREIGN KEY ("admin_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edtech_events" ADD CONSTRAINT "edtech_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
