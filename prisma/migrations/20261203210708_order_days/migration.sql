-- AlterTable
ALTER TABLE "order" ADD COLUMN     "second_paid" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "order_day" (
    "day" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "gap" INTEGER NOT NULL,
    "second_paid" BOOLEAN NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "order_day_pkey" PRIMARY KEY ("day","currency","gap","second_paid")
);

-- CreateTable
CREATE TABLE "order_day_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "timezone" TEXT NOT NULL,
    "built_to" DATE NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_day_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_day_mark" (
    "id" BIGSERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_day_mark_pkey" PRIMARY KEY ("id")
);

-- The second paid order of each customer (by paid_at, id): what the daily rollup
-- needs to count one-time buyers without looking ahead in the chain (a first
-- order's next one arrives later and would change a day already rolled up).
SET LOCAL work_mem = '256MB';
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
-- Only second_paid changes: the chain's update trigger would compare every row for nothing.
ALTER TABLE "order" DISABLE TRIGGER "order_chain_update";
UPDATE "order" o SET second_paid = true
  FROM (SELECT id, row_number() OVER (PARTITION BY subscriber_id ORDER BY paid_at, id) AS n
          FROM "order" WHERE status = 'paid') x
 WHERE o.id = x.id AND x.n = 2;
ALTER TABLE "order" ENABLE TRIGGER "order_chain_update";
RESET enable_indexscan;
RESET enable_bitmapscan;

-- The chain's relinking (20261203145714_order_chain) now keeps second_paid too.
CREATE OR REPLACE FUNCTION "relink_order_chain"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(4243, k) FROM (SELECT DISTINCT unnest(ids) AS k ORDER BY 1) locked;
  UPDATE "order" o SET prev_paid_at = x.prev, next_paid_at = x.next, second_paid = x.second
    FROM (SELECT id, lag(paid_at) OVER w AS prev, lead(paid_at) OVER w AS next, row_number() OVER w = 2 AS second
            FROM "order" WHERE subscriber_id = ANY (ids) AND status = 'paid'
          WINDOW w AS (PARTITION BY subscriber_id ORDER BY paid_at, id)) x
   WHERE o.id = x.id
     AND (o.prev_paid_at IS DISTINCT FROM x.prev OR o.next_paid_at IS DISTINCT FROM x.next OR o.second_paid IS DISTINCT FROM x.second);
  UPDATE "order" SET prev_paid_at = NULL, next_paid_at = NULL, second_paid = false
   WHERE subscriber_id = ANY (ids) AND status <> 'paid' AND (prev_paid_at IS NOT NULL OR next_paid_at IS NOT NULL OR second_paid);
END;
$$;

-- Marks for the daily rollup: a statement that adds, removes or changes (status,
-- time, customer, amount, currency) orders paid more than 30 minutes ago marks
-- each customer and instant it touched (before and after the change); those days
-- and the days of that customer's later orders (whose chain moved) are read
-- from the orders until the job rebuilds them (core/metrics/order-days.ts). The
-- job only rolls up days that ended an hour ago, so an order written live (paid
-- now) never needs a mark, and the relinking's own updates (chain columns only)
-- are covered by the mark of the change that caused them.
CREATE FUNCTION "order_day_mark_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_day_mark (subscriber_id, at)
  SELECT DISTINCT subscriber_id, paid_at FROM changed
   WHERE paid_at < statement_timestamp() - interval '30 minutes';
  RETURN NULL;
END;
$$;

CREATE FUNCTION "order_day_mark_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_day_mark (subscriber_id, at)
  SELECT DISTINCT x.subscriber_id, x.paid_at
    FROM before_rows b JOIN after_rows a USING (id)
         CROSS JOIN LATERAL (VALUES (b.subscriber_id, b.paid_at), (a.subscriber_id, a.paid_at)) AS x(subscriber_id, paid_at)
   WHERE (a.status, a.paid_at, a.subscriber_id, a.amount, a.currency) IS DISTINCT FROM (b.status, b.paid_at, b.subscriber_id, b.amount, b.currency)
     AND x.paid_at < statement_timestamp() - interval '30 minutes';
  RETURN NULL;
END;
$$;

-- Emptying the orders empties the rollup (tests truncate between cases).
CREATE FUNCTION "order_day_forget"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM order_day;
  DELETE FROM order_day_mark;
  DELETE FROM order_day_state;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_day_mark_insert" AFTER INSERT ON "order"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "order_day_mark_rows"();
CREATE TRIGGER "order_day_mark_update" AFTER UPDATE ON "order"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_day_mark_update"();
CREATE TRIGGER "order_day_mark_delete" AFTER DELETE ON "order"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "order_day_mark_rows"();
CREATE TRIGGER "order_day_forget" AFTER TRUNCATE ON "order"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_day_forget"();
