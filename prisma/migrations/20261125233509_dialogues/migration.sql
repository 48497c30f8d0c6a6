-- AlterTable
ALTER TABLE "survey_response" ADD COLUMN     "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "campaign_id" TEXT,
ADD COLUMN     "commented_at" TIMESTAMPTZ(3),
ADD COLUMN     "expires_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "stage" TEXT NOT NULL DEFAULT 'done',
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'import',
ALTER COLUMN "answered_at" DROP NOT NULL;

-- CreateTable
CREATE TABLE "flow_session" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "flow_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "step_id" TEXT NOT NULL,
    "turn" INTEGER NOT NULL DEFAULT 1,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "selection" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "answers" JSONB NOT NULL DEFAULT '[]',
    "score" INTEGER NOT NULL DEFAULT 0,
    "qualification" TEXT,
    "trigger" TEXT NOT NULL,
    "source" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "flow_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_thread" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "survey_response_id" INTEGER,
    "flow_session_id" INTEGER,
    "slack_channel" TEXT NOT NULL,
    "slack_ts" TEXT NOT NULL,
    "awaiting_customer_since" TIMESTAMPTZ(3),
    "last_customer_message_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_thread_message" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "slack_user" TEXT,
    "slack_ts" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_thread_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "flow_session_subscriber_id_status_idx" ON "flow_session"("subscriber_id", "status");

-- CreateIndex
CREATE INDEX "flow_session_flow_id_completed_at_idx" ON "flow_session"("flow_id", "completed_at");

-- CreateIndex
CREATE INDEX "team_thread_subscriber_id_awaiting_customer_since_idx" ON "team_thread"("subscriber_id", "awaiting_customer_since");

-- CreateIndex
CREATE UNIQUE INDEX "team_thread_slack_channel_slack_ts_key" ON "team_thread"("slack_channel", "slack_ts");

-- CreateIndex
CREATE INDEX "team_thread_message_thread_id_at_idx" ON "team_thread_message"("thread_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "team_thread_message_thread_id_slack_ts_key" ON "team_thread_message"("thread_id", "slack_ts");

-- CreateIndex
CREATE INDEX "survey_response_subscriber_id_survey_id_asked_at_idx" ON "survey_response"("subscriber_id", "survey_id", "asked_at");

-- AddForeignKey
ALTER TABLE "flow_session" ADD CONSTRAINT "flow_session_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_thread" ADD CONSTRAINT "team_thread_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_thread_message" ADD CONSTRAINT "team_thread_message_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "team_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

