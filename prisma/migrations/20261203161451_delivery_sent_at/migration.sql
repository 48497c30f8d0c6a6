-- CreateIndex
CREATE INDEX "delivery_sent_at_idx" ON "delivery"("sent_at");

