DROP TABLE "settings";
