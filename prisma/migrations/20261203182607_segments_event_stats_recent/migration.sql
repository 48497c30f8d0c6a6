-- CreateIndex
CREATE INDEX "event_stats_type_last_at_subscriber_id_count_first_at_idx" ON "event_stats"("type", "last_at", "subscriber_id", "count", "first_at");

