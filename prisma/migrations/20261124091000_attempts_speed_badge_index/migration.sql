-- Issue 6 (gamification): the badge engine evaluates speed badges (`max_time`) on every submission
-- from the user's fastest correct attempt with a real declared time:
--   SELECT min(time_spent) FROM attempts WHERE user_id = $1 AND is_correct AND time_spent > 0
-- This index answers it with one index range probe instead of scanning the user's whole history.
-- Must match prisma/schema.prisma exactly (checked by `pnpm db:check`).

-- CreateIndex
CREATE INDEX "attempts_user_id_is_correct_time_spent_idx" ON "attempts"("user_id", "is_correct", "time_spent");
