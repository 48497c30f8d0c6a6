-- CreateTable
CREATE TABLE "customer_stats" (
    "subscriber_id" INTEGER NOT NULL,
    "orders_count" INTEGER NOT NULL,
    "revenue" DECIMAL(14,2) NOT NULL,
    "first_order_at" TIMESTAMPTZ(3) NOT NULL,
    "last_order_at" TIMESTAMPTZ(3) NOT NULL,
    "window_orders" INTEGER NOT NULL DEFAULT 0,
    "window_revenue" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "r_score" SMALLINT,
    "f_score" SMALLINT,
    "m_score" SMALLINT,
    "rfm_class" TEXT,
    "rfm_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_stats_pkey" PRIMARY KEY ("subscriber_id")
);

-- CreateTable
CREATE TABLE "survey_response" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "survey_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_segment" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_snapshot" (
    "segment_key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "size" INTEGER NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "segment_snapshot_pkey" PRIMARY KEY ("segment_key","day")
);

-- CreateTable
CREATE TABLE "acquisition_spend" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "contacted" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "acquisition_spend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_stats_rfm_class_idx" ON "customer_stats"("rfm_class");

-- CreateIndex
CREATE INDEX "customer_stats_last_order_at_idx" ON "customer_stats"("last_order_at");

-- CreateIndex
CREATE INDEX "survey_response_kind_subscriber_id_answered_at_idx" ON "survey_response"("kind", "subscriber_id", "answered_at");

-- CreateIndex
CREATE INDEX "survey_response_kind_answered_at_idx" ON "survey_response"("kind", "answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "saved_segment_name_key" ON "saved_segment"("name");

-- CreateIndex
CREATE UNIQUE INDEX "acquisition_spend_source_period_start_period_end_key" ON "acquisition_spend"("source", "period_start", "period_end");

-- AddForeignKey
ALTER TABLE "customer_stats" ADD CONSTRAINT "customer_stats_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

