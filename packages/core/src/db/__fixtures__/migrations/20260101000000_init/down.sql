DROP TABLE "learners";
DROP TYPE "learner_role";
