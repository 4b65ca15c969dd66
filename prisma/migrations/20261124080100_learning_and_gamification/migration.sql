-- Migration 2/2: learning content (exercises, logic challenges), attempts, the progress cache,
-- badges, recommendations, notifications and feedback reports.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK constraints are
-- SQL-only and listed in prisma/drift-allowlist.json.

-- CreateTable
CREATE TABLE "exercises" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "creator_id" INTEGER,
    "exercise_type" "exercise_type" NOT NULL,
    "difficulty" "difficulty_level" NOT NULL,
    "age_group" "age_group" NOT NULL,
    "tags" TEXT,
    "context_theme" TEXT,
    "complexity" SMALLINT,
    "ai_generated" BOOLEAN NOT NULL DEFAULT false,
    "question" TEXT NOT NULL,
    "correct_answer" TEXT NOT NULL,
    "answer_kind" "answer_kind" NOT NULL,
    "choices" JSONB,
    "explanation" TEXT,
    "hint" TEXT,
    "image_url" TEXT,
    "audio_url" TEXT,
    "generation_params" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_archived" BOOLEAN NOT NULL DEFAULT false,
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercises_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "exercises_complexity_check" CHECK ("complexity" BETWEEN 1 AND 5),
    CONSTRAINT "exercises_view_count_check" CHECK ("view_count" >= 0),
    CONSTRAINT "exercises_choices_check" CHECK ("choices" IS NULL OR jsonb_typeof("choices") = 'array'),
    CONSTRAINT "exercises_choice_answer_check" CHECK ("answer_kind" <> 'CHOICE' OR "choices" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "attempts" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "exercise_id" INTEGER NOT NULL,
    "user_answer" TEXT NOT NULL,
    "is_correct" BOOLEAN NOT NULL,
    "time_spent" DOUBLE PRECISION,
    "attempt_number" INTEGER NOT NULL DEFAULT 1,
    "hints_used" INTEGER NOT NULL DEFAULT 0,
    "device_info" TEXT,
    "idempotency_key" VARCHAR(100),
    "response_snapshot" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "attempts_time_spent_check" CHECK ("time_spent" >= 0),
    CONSTRAINT "attempts_attempt_number_check" CHECK ("attempt_number" >= 1),
    CONSTRAINT "attempts_hints_used_check" CHECK ("hints_used" >= 0),
    CONSTRAINT "attempts_idempotency_key_check" CHECK (length("idempotency_key") >= 1)
);

-- CreateTable
CREATE TABLE "exercise_progress" (
    "user_id" INTEGER NOT NULL,
    "exercise_type" "exercise_type" NOT NULL,
    "total_attempts" INTEGER NOT NULL DEFAULT 0,
    "correct_attempts" INTEGER NOT NULL DEFAULT 0,
    "timed_attempts" INTEGER NOT NULL DEFAULT 0,
    "total_time_spent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "current_correct_streak" INTEGER NOT NULL DEFAULT 0,
    "best_correct_streak" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercise_progress_pkey" PRIMARY KEY ("user_id","exercise_type"),
    CONSTRAINT "exercise_progress_counters_check" CHECK ("correct_attempts" >= 0 AND "correct_attempts" <= "total_attempts" AND "timed_attempts" >= 0 AND "timed_attempts" <= "total_attempts" AND "total_time_spent" >= 0),
    CONSTRAINT "exercise_progress_streaks_check" CHECK ("current_correct_streak" >= 0 AND "current_correct_streak" <= "best_correct_streak" AND "best_correct_streak" <= "correct_attempts")
);

-- CreateTable
CREATE TABLE "logic_challenges" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "description" TEXT NOT NULL,
    "challenge_type" "logic_challenge_type" NOT NULL,
    "age_group" "age_group" NOT NULL,
    "difficulty" "difficulty_level",
    "question" TEXT,
    "correct_answer" TEXT,
    "choices" JSONB,
    "solution_explanation" TEXT,
    "visual_data" JSONB,
    "hints" JSONB,
    "difficulty_rating" DOUBLE PRECISION DEFAULT 3.0,
    "estimated_time_minutes" INTEGER DEFAULT 15,
    "image_url" TEXT,
    "source_reference" TEXT,
    "tags" TEXT,
    "is_template" BOOLEAN NOT NULL DEFAULT false,
    "generation_parameters" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_archived" BOOLEAN NOT NULL DEFAULT false,
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "creator_id" INTEGER,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "logic_challenges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "logic_challenges_difficulty_rating_check" CHECK ("difficulty_rating" BETWEEN 1.0 AND 5.0),
    CONSTRAINT "logic_challenges_estimated_time_minutes_check" CHECK ("estimated_time_minutes" > 0),
    CONSTRAINT "logic_challenges_view_count_check" CHECK ("view_count" >= 0)
);

-- CreateTable
CREATE TABLE "logic_challenge_attempts" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "challenge_id" INTEGER NOT NULL,
    "user_solution" TEXT NOT NULL,
    "is_correct" BOOLEAN NOT NULL,
    "time_spent" DOUBLE PRECISION,
    "hints_used" INTEGER NOT NULL DEFAULT 0,
    "attempt_number" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT,
    "idempotency_key" VARCHAR(100),
    "response_snapshot" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "logic_challenge_attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "logic_challenge_attempts_time_spent_check" CHECK ("time_spent" >= 0),
    CONSTRAINT "logic_challenge_attempts_attempt_number_check" CHECK ("attempt_number" >= 1),
    CONSTRAINT "logic_challenge_attempts_hints_used_check" CHECK ("hints_used" >= 0),
    CONSTRAINT "logic_challenge_attempts_idempotency_key_check" CHECK (length("idempotency_key") >= 1)
);

-- CreateTable
CREATE TABLE "achievements" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(100) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "icon_url" VARCHAR(255),
    "category" "badge_category",
    "tier" "badge_tier",
    "points_reward" INTEGER NOT NULL DEFAULT 0,
    "is_secret" BOOLEAN NOT NULL DEFAULT false,
    "requirements" JSONB NOT NULL DEFAULT '{}',
    "star_wars_title" VARCHAR(255),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "achievements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "achievements_points_reward_check" CHECK ("points_reward" >= 0),
    CONSTRAINT "achievements_requirements_check" CHECK (jsonb_typeof("requirements") = 'object')
);

-- CreateTable
CREATE TABLE "user_achievements" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "achievement_id" INTEGER NOT NULL,
    "earned_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "points_awarded" INTEGER,
    "progress_data" JSONB,
    "is_displayed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "user_achievements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "user_achievements_points_awarded_check" CHECK ("points_awarded" >= 0)
);

-- CreateTable
CREATE TABLE "user_pinned_badges" (
    "user_id" INTEGER NOT NULL,
    "achievement_id" INTEGER NOT NULL,
    "position" SMALLINT NOT NULL,

    CONSTRAINT "user_pinned_badges_pkey" PRIMARY KEY ("user_id","position"),
    CONSTRAINT "user_pinned_badges_position_check" CHECK ("position" BETWEEN 1 AND 3)
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "recommendation_type" "recommendation_type" NOT NULL DEFAULT 'EXERCISE',
    "exercise_id" INTEGER,
    "challenge_id" INTEGER,
    "exercise_type" "exercise_type",
    "difficulty" "difficulty_level",
    "priority" SMALLINT NOT NULL DEFAULT 5,
    "reason" TEXT,
    "is_completed" BOOLEAN NOT NULL DEFAULT false,
    "completed_at" TIMESTAMPTZ(6),
    "shown_count" INTEGER NOT NULL DEFAULT 0,
    "clicked_count" INTEGER NOT NULL DEFAULT 0,
    "last_clicked_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recommendations_priority_check" CHECK ("priority" BETWEEN 1 AND 10),
    CONSTRAINT "recommendations_counters_check" CHECK ("shown_count" >= 0 AND "clicked_count" >= 0),
    -- data-model §7.4.9 (C10): the target columns follow recommendation_type; the target id itself
    -- may be NULL after its exercise/challenge was deleted (SET NULL).
    CONSTRAINT "recommendations_target_check" CHECK (
        ("recommendation_type" = 'EXERCISE' AND "challenge_id" IS NULL AND "exercise_type" IS NOT NULL)
        OR ("recommendation_type" = 'CHALLENGE' AND "exercise_id" IS NULL AND "exercise_type" IS NULL)
    )
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "message" TEXT,
    "data" JSONB,
    "action_url" VARCHAR(255),
    "is_read" BOOLEAN NOT NULL DEFAULT false,
    "is_email_sent" BOOLEAN NOT NULL DEFAULT false,
    "priority" SMALLINT NOT NULL DEFAULT 5,
    "expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notifications_priority_check" CHECK ("priority" BETWEEN 1 AND 10)
);

-- CreateTable
CREATE TABLE "feedback_reports" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "feedback_type" "feedback_type" NOT NULL,
    "status" "feedback_status" NOT NULL DEFAULT 'NEW',
    "page_url" TEXT,
    "exercise_id" INTEGER,
    "challenge_id" INTEGER,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exercises_is_archived_exercise_type_difficulty_idx" ON "exercises"("is_archived", "exercise_type", "difficulty");

-- CreateIndex
CREATE INDEX "exercises_is_archived_age_group_idx" ON "exercises"("is_archived", "age_group");

-- CreateIndex
CREATE INDEX "exercises_creator_id_idx" ON "exercises"("creator_id");

-- CreateIndex
CREATE INDEX "exercises_created_at_idx" ON "exercises"("created_at" DESC);

-- CreateIndex
CREATE INDEX "exercises_ai_generated_idx" ON "exercises"("ai_generated");

-- CreateIndex
CREATE INDEX "attempts_user_id_created_at_idx" ON "attempts"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "attempts_user_id_exercise_id_idx" ON "attempts"("user_id", "exercise_id");

-- CreateIndex
CREATE INDEX "attempts_exercise_id_idx" ON "attempts"("exercise_id");

-- CreateIndex
CREATE UNIQUE INDEX "attempts_user_id_idempotency_key_key" ON "attempts"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "logic_challenges_is_archived_is_active_challenge_type_age_g_idx" ON "logic_challenges"("is_archived", "is_active", "challenge_type", "age_group");

-- CreateIndex
CREATE INDEX "logic_challenges_creator_id_idx" ON "logic_challenges"("creator_id");

-- CreateIndex
CREATE INDEX "logic_challenges_created_at_idx" ON "logic_challenges"("created_at" DESC);

-- CreateIndex
CREATE INDEX "logic_challenge_attempts_user_id_created_at_idx" ON "logic_challenge_attempts"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "logic_challenge_attempts_user_id_challenge_id_idx" ON "logic_challenge_attempts"("user_id", "challenge_id");

-- CreateIndex
CREATE INDEX "logic_challenge_attempts_challenge_id_idx" ON "logic_challenge_attempts"("challenge_id");

-- CreateIndex
CREATE UNIQUE INDEX "logic_challenge_attempts_user_id_idempotency_key_key" ON "logic_challenge_attempts"("user_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "achievements_code_key" ON "achievements"("code");

-- CreateIndex
CREATE INDEX "achievements_is_active_category_idx" ON "achievements"("is_active", "category");

-- CreateIndex
CREATE INDEX "user_achievements_user_id_earned_at_idx" ON "user_achievements"("user_id", "earned_at" DESC);

-- CreateIndex
CREATE INDEX "user_achievements_achievement_id_idx" ON "user_achievements"("achievement_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_achievements_user_id_achievement_id_key" ON "user_achievements"("user_id", "achievement_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_pinned_badges_user_id_achievement_id_key" ON "user_pinned_badges"("user_id", "achievement_id");

-- CreateIndex
CREATE INDEX "recommendations_user_id_is_completed_priority_idx" ON "recommendations"("user_id", "is_completed", "priority" DESC);

-- CreateIndex
CREATE INDEX "recommendations_exercise_id_idx" ON "recommendations"("exercise_id");

-- CreateIndex
CREATE INDEX "recommendations_challenge_id_idx" ON "recommendations"("challenge_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_is_read_created_at_idx" ON "notifications"("user_id", "is_read", "created_at" DESC);

-- CreateIndex
CREATE INDEX "feedback_reports_status_created_at_idx" ON "feedback_reports"("status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "feedback_reports_feedback_type_idx" ON "feedback_reports"("feedback_type");

-- CreateIndex
CREATE INDEX "feedback_reports_user_id_idx" ON "feedback_reports"("user_id");

-- AddForeignKey
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_progress" ADD CONSTRAINT "exercise_progress_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logic_challenges" ADD CONSTRAINT "logic_challenges_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logic_challenge_attempts" ADD CONSTRAINT "logic_challenge_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logic_challenge_attempts" ADD CONSTRAINT "logic_challenge_attempts_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "logic_challenges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_achievements" ADD CONSTRAINT "user_achievements_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_pinned_badges" ADD CONSTRAINT "user_pinned_badges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_pinned_badges" ADD CONSTRAINT "user_pinned_badges_user_id_achievement_id_fkey" FOREIGN KEY ("user_id", "achievement_id") REFERENCES "user_achievements"("user_id", "achievement_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "logic_challenges"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_challenge_id_fkey" FOREIGN KEY ("challenge_id") REFERENCES "logic_challenges"("id") ON DELETE SET NULL ON UPDATE CASCADE;
