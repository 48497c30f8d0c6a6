-- DropIndex
DROP INDEX "order_paid_at_idx";

-- DropIndex
DROP INDEX "order_subscriber_id_paid_at_idx";

-- CreateIndex
CREATE INDEX "order_subscriber_id_paid_at_status_amount_idx" ON "order"("subscriber_id", "paid_at", "status", "amount");

-- CreateIndex
CREATE INDEX "order_paid_at_status_subscriber_id_amount_idx" ON "order"("paid_at", "status", "subscriber_id", "amount");

