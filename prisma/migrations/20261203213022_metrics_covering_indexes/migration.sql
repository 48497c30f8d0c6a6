-- Covering indexes for the metrics (issue 19): a period's acquisition reads who
-- arrived from subscriber's index alone, its NPS from survey_response's; and a
-- segment's "not erased, consent = subscribed" check per person reads a narrow
-- partial index instead of the subscriber's row.
-- The previous migration (20261203210708_order_days) set order.second_paid on a
-- tenth of the orders; the index-only scans of "order" need it vacuumed:
-- vacuum: "order", subscriber, survey_response

-- DropIndex
DROP INDEX "subscriber_created_at_idx";

-- DropIndex
DROP INDEX "survey_response_kind_answered_at_idx";

-- CreateIndex
CREATE INDEX "subscriber_created_at_source_telegram_id_id_idx" ON "subscriber"("created_at", "source", "telegram_id", "id");

-- CreateIndex
CREATE INDEX "survey_response_kind_answered_at_subscriber_id_score_id_idx" ON "survey_response"("kind", "answered_at", "subscriber_id", "score", "id");


-- "Not erased" and the consent of one person, from the index alone (segments join
-- subscriber by id for these); Prisma's schema cannot say a partial index.
CREATE INDEX "subscriber_live_id_consent_idx" ON "subscriber"("id", "consent_status") WHERE erased_at IS NULL;
