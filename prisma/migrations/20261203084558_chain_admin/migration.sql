-- AlterTable
ALTER TABLE "chain_enrollment" ADD COLUMN     "holdout" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "chain_step" INTEGER;

-- CreateTable
CREATE TABLE "chain_state" (
    "chain_id" TEXT NOT NULL,
    "paused_at" TIMESTAMPTZ(3),
    "paused_by" TEXT,
    "pause_mode" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chain_state_pkey" PRIMARY KEY ("chain_id")
);

