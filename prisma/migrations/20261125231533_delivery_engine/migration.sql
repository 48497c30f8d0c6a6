-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'pending_approval', 'scheduled', 'running', 'paused', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'skipped', 'held_out');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('active', 'completed', 'exited');

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "kind" TEXT NOT NULL DEFAULT 'message',
    "segment_text" TEXT NOT NULL,
    "segment" JSONB NOT NULL,
    "message" JSONB NOT NULL DEFAULT '{}',
    "survey_id" TEXT,
    "flow_id" TEXT,
    "send_at" TIMESTAMPTZ(3) NOT NULL,
    "local_time" BOOLEAN NOT NULL DEFAULT false,
    "local_wall_clock" TEXT,
    "materialize_at" TIMESTAMPTZ(3) NOT NULL,
    "holdout_percent" INTEGER NOT NULL DEFAULT 0,
    "variant_b_percent" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL(14,2),
    "transactional" BOOLEAN NOT NULL DEFAULT false,
    "created_by" TEXT NOT NULL,
    "approved_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "materialized_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" INTEGER,
    "chain_enrollment_id" INTEGER,
    "subscriber_id" INTEGER NOT NULL,
    "variant" TEXT NOT NULL DEFAULT 'A',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "kind" TEXT NOT NULL DEFAULT 'marketing',
    "payload" JSONB,
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" INTEGER,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_pacer" (
    "id" INTEGER NOT NULL,
    "next_slot_at" TIMESTAMPTZ(3) NOT NULL,
    "paused_until" TIMESTAMPTZ(3),

    CONSTRAINT "delivery_pacer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "click" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "button" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chain_enrollment" (
    "id" SERIAL NOT NULL,
    "chain_id" TEXT NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'active',
    "step" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "exit_reason" TEXT,
    "context" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "chain_enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chain_segment_member" (
    "chain_id" TEXT NOT NULL,
    "subscriber_id" INTEGER NOT NULL,

    CONSTRAINT "chain_segment_member_pkey" PRIMARY KEY ("chain_id","subscriber_id")
);

-- CreateIndex
CREATE INDEX "campaign_status_materialize_at_idx" ON "campaign"("status", "materialize_at");

-- CreateIndex
CREATE INDEX "delivery_subscriber_id_sent_at_idx" ON "delivery"("subscriber_id", "sent_at");

-- CreateIndex
CREATE INDEX "delivery_campaign_id_status_idx" ON "delivery"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "delivery_chain_enrollment_id_idx" ON "delivery"("chain_enrollment_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_campaign_id_subscriber_id_key" ON "delivery"("campaign_id", "subscriber_id");

-- CreateIndex
CREATE INDEX "click_delivery_id_idx" ON "click"("delivery_id");

-- CreateIndex
CREATE INDEX "chain_enrollment_status_next_run_at_idx" ON "chain_enrollment"("status", "next_run_at");

-- CreateIndex
CREATE INDEX "chain_enrollment_chain_id_subscriber_id_idx" ON "chain_enrollment"("chain_id", "subscriber_id");

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what Prisma's schema language cannot say.
-- A customer is in a given chain at most once at a time.
CREATE UNIQUE INDEX "chain_enrollment_active_key" ON "chain_enrollment"("chain_id", "subscriber_id") WHERE "status" = 'active';
-- Workers find due rows without scanning the sent history.
CREATE INDEX "delivery_due_idx" ON "delivery"("not_before", "id") WHERE "status" = 'pending';
CREATE INDEX "delivery_in_flight_idx" ON "delivery"("claimed_by") WHERE "status" = 'sending';
-- The one pacer row every instance reserves send slots from.
INSERT INTO "delivery_pacer" ("id", "next_slot_at") VALUES (1, '1970-01-01T00:00:00Z');
