-- DropIndex
DROP INDEX "order_paid_at_status_subscriber_id_amount_idx";

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "next_paid_at" TIMESTAMPTZ(3),
ADD COLUMN     "prev_paid_at" TIMESTAMPTZ(3);

-- Each customer's paid orders, ordered by (paid_at, id), form a chain: an order
-- knows when the customer's previous and next paid order were paid. A period's
-- distinct buyers are then the orders of the period whose previous paid order
-- is before the period (or none), so the metrics count orders on an index-only
-- scan instead of grouping hundreds of thousands of them by customer.
-- On a large store (10 million orders) this rewrites every paid order once:
-- a sequential read sorted in memory, not an index walk over the heap.
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '256MB';
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
UPDATE "order" o SET prev_paid_at = x.prev, next_paid_at = x.next
  FROM (SELECT id, lag(paid_at) OVER w AS prev, lead(paid_at) OVER w AS next
          FROM "order" WHERE status = 'paid'
        WINDOW w AS (PARTITION BY subscriber_id ORDER BY paid_at, id)) x
 WHERE o.id = x.id AND (x.prev IS NOT NULL OR x.next IS NOT NULL);

RESET enable_indexscan;
RESET enable_bitmapscan;

-- CreateIndex
CREATE INDEX "order_paid_at_status_subscriber_id_amount_currency_prev_pai_idx" ON "order"("paid_at", "status", "subscriber_id", "amount", "currency", "prev_paid_at", "next_paid_at");

-- CreateIndex (the metrics' "blocked in the period")
CREATE INDEX "subscriber_blocked_at_idx" ON "subscriber"("blocked_at");

-- Recomputes the chains of some customers; rows already right are not written.
-- The advisory locks (namespace 4243, taken in id order) make two transactions
-- writing orders of one customer relink one after the other, each seeing the
-- other's orders once it has committed.
CREATE FUNCTION "relink_order_chain"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(4243, k) FROM (SELECT DISTINCT unnest(ids) AS k ORDER BY 1) locked;
  UPDATE "order" o SET prev_paid_at = x.prev, next_paid_at = x.next
    FROM (SELECT id, lag(paid_at) OVER w AS prev, lead(paid_at) OVER w AS next
            FROM "order" WHERE subscriber_id = ANY (ids) AND status = 'paid'
          WINDOW w AS (PARTITION BY subscriber_id ORDER BY paid_at, id)) x
   WHERE o.id = x.id AND (o.prev_paid_at IS DISTINCT FROM x.prev OR o.next_paid_at IS DISTINCT FROM x.next);
  UPDATE "order" SET prev_paid_at = NULL, next_paid_at = NULL
   WHERE subscriber_id = ANY (ids) AND status <> 'paid' AND (prev_paid_at IS NOT NULL OR next_paid_at IS NOT NULL);
END;
$$;

-- The triggers relink the customers whose paid orders a statement added, removed,
-- refunded, re-dated or moved to another customer (a merge). The relinking's own
-- UPDATE fires the update trigger one level deeper, which does nothing.
CREATE FUNCTION "order_chain_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN
    PERFORM relink_order_chain(ARRAY(SELECT DISTINCT subscriber_id FROM changed WHERE status = 'paid'));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "order_chain_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN
    PERFORM relink_order_chain(ARRAY(
      SELECT DISTINCT x.subscriber_id
        FROM before_rows b JOIN after_rows a USING (id)
             CROSS JOIN LATERAL (VALUES (b.subscriber_id), (a.subscriber_id)) AS x(subscriber_id)
       WHERE (a.status, a.paid_at, a.subscriber_id) IS DISTINCT FROM (b.status, b.paid_at, b.subscriber_id)));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "order_chain_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN
    PERFORM relink_order_chain(ARRAY(SELECT DISTINCT subscriber_id FROM changed WHERE status = 'paid'));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_chain_insert" AFTER INSERT ON "order"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "order_chain_after_insert"();
CREATE TRIGGER "order_chain_update" AFTER UPDATE ON "order"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_chain_after_update"();
CREATE TRIGGER "order_chain_delete" AFTER DELETE ON "order"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "order_chain_after_delete"();
