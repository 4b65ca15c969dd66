-- Fixture migration for the runner / drift tests (not the real schema).
CREATE TYPE "learner_role" AS ENUM ('padawan', 'maitre');

CREATE TABLE "learners" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(50) NOT NULL,
    "role" "learner_role" NOT NULL DEFAULT 'padawan',
    "points" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "learners_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "learners_points_check" CHECK ("points" >= 0)
);

CREATE UNIQUE INDEX "learners_username_key" ON "learners"("username");
