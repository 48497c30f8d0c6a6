-- CreateTable
CREATE TABLE "team_alert_retry" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "alert" JSONB NOT NULL,
    "survey_response_id" INTEGER,
    "flow_session_id" INTEGER,
    "await_customer" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "next_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_alert_retry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "team_alert_retry_next_at_idx" ON "team_alert_retry"("next_at");

-- AddForeignKey
ALTER TABLE "team_alert_retry" ADD CONSTRAINT "team_alert_retry_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

