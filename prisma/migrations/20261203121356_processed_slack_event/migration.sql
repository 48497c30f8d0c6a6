-- CreateTable
CREATE TABLE "processed_slack_event" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_slack_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "processed_slack_event_processed_at_idx" ON "processed_slack_event"("processed_at");

