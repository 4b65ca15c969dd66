CREATE TABLE "attempts" (
    "id" SERIAL NOT NULL,
    "learner_id" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "is_correct" BOOLEAN NOT NULL,
    "meta" JSONB,
    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "attempts_learner_id_is_correct_idx" ON "attempts"("learner_id", "is_correct");

ALTER TABLE "attempts" ADD CONSTRAINT "attempts_learner_id_fkey" FOREIGN KEY ("learner_id") REFERENCES "learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;
