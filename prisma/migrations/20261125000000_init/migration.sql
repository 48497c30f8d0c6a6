-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('none', 'pending', 'subscribed', 'declined', 'unsubscribed');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('paid', 'refunded');

-- CreateTable
CREATE TABLE "subscriber" (
    "id" SERIAL NOT NULL,
    "telegram_id" BIGINT,
    "external_id" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "username" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "timezone" TEXT,
    "consent_status" "ConsentStatus" NOT NULL DEFAULT 'none',
    "consent_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    "source" TEXT,
    "profile" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "blocked_at" TIMESTAMPTZ(3),
    "unreachable_at" TIMESTAMPTZ(3),
    "erased_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_record" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'telegram',
    "text" TEXT,
    "source" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" BIGSERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "items" JSONB NOT NULL DEFAULT '[]',
    "status" "OrderStatus" NOT NULL DEFAULT 'paid',
    "paid_at" TIMESTAMPTZ(3) NOT NULL,
    "refunded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_update" (
    "update_id" BIGINT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_update_pkey" PRIMARY KEY ("update_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscriber_telegram_id_key" ON "subscriber"("telegram_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscriber_external_id_key" ON "subscriber"("external_id");

-- CreateIndex
CREATE INDEX "subscriber_email_idx" ON "subscriber"("email");

-- CreateIndex
CREATE INDEX "subscriber_phone_idx" ON "subscriber"("phone");

-- CreateIndex
CREATE INDEX "subscriber_consent_status_idx" ON "subscriber"("consent_status");

-- CreateIndex
CREATE INDEX "subscriber_source_idx" ON "subscriber"("source");

-- CreateIndex
CREATE INDEX "subscriber_created_at_idx" ON "subscriber"("created_at");

-- CreateIndex
CREATE INDEX "consent_record_subscriber_id_at_idx" ON "consent_record"("subscriber_id", "at");

-- CreateIndex
CREATE INDEX "consent_record_at_idx" ON "consent_record"("at");

-- CreateIndex
CREATE UNIQUE INDEX "event_idempotency_key_key" ON "event"("idempotency_key");

-- CreateIndex
CREATE INDEX "event_subscriber_id_type_occurred_at_idx" ON "event"("subscriber_id", "type", "occurred_at");

-- CreateIndex
CREATE INDEX "event_type_occurred_at_idx" ON "event"("type", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "order_idempotency_key_key" ON "order"("idempotency_key");

-- CreateIndex
CREATE INDEX "order_subscriber_id_paid_at_idx" ON "order"("subscriber_id", "paid_at");

-- CreateIndex
CREATE INDEX "order_paid_at_idx" ON "order"("paid_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "processed_update_processed_at_idx" ON "processed_update"("processed_at");

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

