-- Hand-written: partial indexes Prisma's schema language cannot say (see
-- core/db/schema-matches-migrations.test.ts).
-- The few erased people: the RFM ranking and the built-in segment sizes leave
-- them out with an anti-join on this instead of joining every subscriber.
CREATE INDEX "subscriber_erased_idx" ON "subscriber"("id") WHERE "erased_at" IS NOT NULL;
-- The customers ingestion touched since the last RFM refresh (it clears their
-- rfm_at): the hourly refresh finds them without reading every row.
CREATE INDEX "customer_stats_unscored_idx" ON "customer_stats"("subscriber_id") WHERE "rfm_at" IS NULL;
