-- Issue 17 (reads flat in history size): attempts per (learner, UTC day, exercise type), so the windowed
-- dashboard statistics (GET /api/users/stats: per-type totals of the last 7/30/90 days and the daily
-- series) read at most one row per day and type instead of every attempt of the window.
-- Maintained by statement-level triggers on "attempts" (transition tables: one set-based upsert per
-- statement, whoever writes: the submit, the legacy import's bulk inserts, test factories, cascades).
-- The exercise type is the exercise's current one (a type change moves its attempts' counts), as the
-- join of attempts and exercises the statistics made before gave.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`); the CHECK and the triggers are
-- allow-listed in prisma/drift-allowlist.json.

-- CreateTable
CREATE TABLE "attempt_daily_counts" (
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "exercise_type" "exercise_type" NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "attempt_daily_counts_pkey" PRIMARY KEY ("user_id","day","exercise_type")
);

-- AddForeignKey
ALTER TABLE "attempt_daily_counts" ADD CONSTRAINT "attempt_daily_counts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "attempt_daily_counts" ADD CONSTRAINT "attempt_daily_counts_counters_check"
    CHECK ("total" >= 0 AND "correct" >= 0 AND "correct" <= "total");

-- Backfill from the attempts already recorded.
INSERT INTO "attempt_daily_counts" ("user_id", "day", "exercise_type", "total", "correct")
SELECT a."user_id", (a."created_at" AT TIME ZONE 'UTC')::date, e."exercise_type",
       COUNT(*)::INTEGER, (COUNT(*) FILTER (WHERE a."is_correct"))::INTEGER
FROM "attempts" a
JOIN "exercises" e ON e."id" = a."exercise_id"
GROUP BY 1, 2, 3;

-- One counting rule for every trigger: the attempts of a set, grouped by learner, UTC day and type.
-- New attempts (INSERT, and the new side of an UPDATE that moves an attempt).
CREATE FUNCTION "attempt_daily_counts_on_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "attempt_daily_counts" AS c ("user_id", "day", "exercise_type", "total", "correct")
    SELECT n."user_id", (n."created_at" AT TIME ZONE 'UTC')::date, e."exercise_type",
           COUNT(*)::INTEGER, (COUNT(*) FILTER (WHERE n."is_correct"))::INTEGER
    FROM "attempt_rows_new" n
    JOIN "exercises" e ON e."id" = n."exercise_id"
    GROUP BY 1, 2, 3
    ON CONFLICT ("user_id", "day", "exercise_type") DO UPDATE
        SET "total" = c."total" + EXCLUDED."total", "correct" = c."correct" + EXCLUDED."correct";
    RETURN NULL;
END $$;

-- Deleted attempts. A learner's rows may already be gone (ON DELETE CASCADE from "users"), and the
-- attempts of a deleted exercise were taken off by "exercises_before_delete" (the exercise is gone
-- when the cascade's trigger runs, so the join finds nothing): nothing is counted twice.
CREATE FUNCTION "attempt_daily_counts_on_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "attempt_daily_counts" c
    SET "total" = c."total" - o."total", "correct" = c."correct" - o."correct"
    FROM (
        SELECT r."user_id", (r."created_at" AT TIME ZONE 'UTC')::date AS "day", e."exercise_type",
               COUNT(*)::INTEGER AS "total", (COUNT(*) FILTER (WHERE r."is_correct"))::INTEGER AS "correct"
        FROM "attempt_rows_old" r
        JOIN "exercises" e ON e."id" = r."exercise_id"
        GROUP BY 1, 2, 3
    ) o
    WHERE c."user_id" = o."user_id" AND c."day" = o."day" AND c."exercise_type" = o."exercise_type";
    RETURN NULL;
END $$;

-- Updated attempts: only those whose learner, exercise, outcome or time changed are moved.
CREATE FUNCTION "attempt_daily_counts_on_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "attempt_daily_counts" c
    SET "total" = c."total" - o."total", "correct" = c."correct" - o."correct"
    FROM (
        SELECT r."user_id", (r."created_at" AT TIME ZONE 'UTC')::date AS "day", e."exercise_type",
               COUNT(*)::INTEGER AS "total", (COUNT(*) FILTER (WHERE r."is_correct"))::INTEGER AS "correct"
        FROM "attempt_rows_old" r
        JOIN "attempt_rows_new" n ON n."id" = r."id"
        JOIN "exercises" e ON e."id" = r."exercise_id"
        WHERE (r."user_id", r."exercise_id", r."is_correct", r."created_at")
              IS DISTINCT FROM (n."user_id", n."exercise_id", n."is_correct", n."created_at")
        GROUP BY 1, 2, 3
    ) o
    WHERE c."user_id" = o."user_id" AND c."day" = o."day" AND c."exercise_type" = o."exercise_type";
    INSERT INTO "attempt_daily_counts" AS c ("user_id", "day", "exercise_type", "total", "correct")
    SELECT n."user_id", (n."created_at" AT TIME ZONE 'UTC')::date, e."exercise_type",
           COUNT(*)::INTEGER, (COUNT(*) FILTER (WHERE n."is_correct"))::INTEGER
    FROM "attempt_rows_new" n
    JOIN "attempt_rows_old" r ON r."id" = n."id"
    JOIN "exercises" e ON e."id" = n."exercise_id"
    WHERE (r."user_id", r."exercise_id", r."is_correct", r."created_at")
          IS DISTINCT FROM (n."user_id", n."exercise_id", n."is_correct", n."created_at")
    GROUP BY 1, 2, 3
    ON CONFLICT ("user_id", "day", "exercise_type") DO UPDATE
        SET "total" = c."total" + EXCLUDED."total", "correct" = c."correct" + EXCLUDED."correct";
    RETURN NULL;
END $$;

-- An exercise deleted (its attempts go by cascade) or moved to another type: its attempts' counts are
-- taken off its old type, and added to the new one on a type change.
CREATE FUNCTION "attempt_daily_counts_on_exercise_change"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "attempt_daily_counts" c
    SET "total" = c."total" - o."total", "correct" = c."correct" - o."correct"
    FROM (
        SELECT a."user_id", (a."created_at" AT TIME ZONE 'UTC')::date AS "day",
               COUNT(*)::INTEGER AS "total", (COUNT(*) FILTER (WHERE a."is_correct"))::INTEGER AS "correct"
        FROM "attempts" a
        WHERE a."exercise_id" = OLD."id"
        GROUP BY 1, 2
    ) o
    WHERE c."user_id" = o."user_id" AND c."day" = o."day" AND c."exercise_type" = OLD."exercise_type";
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    INSERT INTO "attempt_daily_counts" AS c ("user_id", "day", "exercise_type", "total", "correct")
    SELECT a."user_id", (a."created_at" AT TIME ZONE 'UTC')::date, NEW."exercise_type",
           COUNT(*)::INTEGER, (COUNT(*) FILTER (WHERE a."is_correct"))::INTEGER
    FROM "attempts" a
    WHERE a."exercise_id" = NEW."id"
    GROUP BY 1, 2
    ON CONFLICT ("user_id", "day", "exercise_type") DO UPDATE
        SET "total" = c."total" + EXCLUDED."total", "correct" = c."correct" + EXCLUDED."correct";
    RETURN NEW;
END $$;

CREATE TRIGGER "attempts_daily_counts_insert" AFTER INSERT ON "attempts"
    REFERENCING NEW TABLE AS "attempt_rows_new"
    FOR EACH STATEMENT EXECUTE FUNCTION "attempt_daily_counts_on_insert"();
CREATE TRIGGER "attempts_daily_counts_delete" AFTER DELETE ON "attempts"
    REFERENCING OLD TABLE AS "attempt_rows_old"
    FOR EACH STATEMENT EXECUTE FUNCTION "attempt_daily_counts_on_delete"();
CREATE TRIGGER "attempts_daily_counts_update" AFTER UPDATE ON "attempts"
    REFERENCING OLD TABLE AS "attempt_rows_old" NEW TABLE AS "attempt_rows_new"
    FOR EACH STATEMENT EXECUTE FUNCTION "attempt_daily_counts_on_update"();
CREATE TRIGGER "exercises_daily_counts_type" AFTER UPDATE OF "exercise_type" ON "exercises"
    FOR EACH ROW WHEN (OLD."exercise_type" IS DISTINCT FROM NEW."exercise_type")
    EXECUTE FUNCTION "attempt_daily_counts_on_exercise_change"();
CREATE TRIGGER "exercises_daily_counts_delete" BEFORE DELETE ON "exercises"
    FOR EACH ROW EXECUTE FUNCTION "attempt_daily_counts_on_exercise_change"();
