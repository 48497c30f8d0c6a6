-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "decide_at" TIMESTAMPTZ(3),
ADD COLUMN     "decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "decision" JSONB,
ADD COLUMN     "default_variant" TEXT NOT NULL DEFAULT 'A',
ADD COLUMN     "survey_id_b" TEXT,
ADD COLUMN     "test_percent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "winner_after_minutes" INTEGER,
ADD COLUMN     "winner_by" TEXT;

-- CreateIndex
CREATE INDEX "campaign_status_decide_at_idx" ON "campaign"("status", "decide_at");

