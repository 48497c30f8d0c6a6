-- DropIndex
DROP INDEX "consent_record_at_idx";

-- CreateIndex
CREATE INDEX "consent_record_at_status_subscriber_id_idx" ON "consent_record"("at", "status", "subscriber_id");

