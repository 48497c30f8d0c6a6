-- CreateTable
CREATE TABLE "event_stats" (
    "type" TEXT NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_stats_pkey" PRIMARY KEY ("type","subscriber_id")
);

-- CreateIndex
CREATE INDEX "event_stats_subscriber_id_idx" ON "event_stats"("subscriber_id");

-- AddForeignKey
ALTER TABLE "event_stats" ADD CONSTRAINT "event_stats_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What the events stored so far add up to.
INSERT INTO "event_stats" (type, subscriber_id, count, first_at, last_at)
SELECT type, subscriber_id, count(*)::int, min(occurred_at), max(occurred_at) FROM "event" GROUP BY type, subscriber_id;

-- New events add to their person's row (in key order, so two batches never wait on each other in a circle).
CREATE FUNCTION "event_stats_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_stats AS st (type, subscriber_id, count, first_at, last_at)
  SELECT type, subscriber_id, count(*)::int, min(occurred_at), max(occurred_at) FROM changed
   GROUP BY type, subscriber_id ORDER BY type, subscriber_id
  ON CONFLICT (type, subscriber_id) DO UPDATE
     SET count = st.count + excluded.count, first_at = least(st.first_at, excluded.first_at), last_at = greatest(st.last_at, excluded.last_at);
  RETURN NULL;
END;
$$;

-- Events moved to another person (a merge), re-dated, re-typed or deleted: those rows are counted again.
CREATE FUNCTION "event_stats_recount"(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_stats st USING jsonb_to_recordset(keys) AS k(type text, subscriber_id int)
   WHERE st.type = k.type AND st.subscriber_id = k.subscriber_id;
  INSERT INTO event_stats (type, subscriber_id, count, first_at, last_at)
  SELECT e.type, e.subscriber_id, count(*)::int, min(e.occurred_at), max(e.occurred_at)
    FROM event e JOIN (SELECT DISTINCT * FROM jsonb_to_recordset(keys) AS k(type text, subscriber_id int)) k
      ON e.type = k.type AND e.subscriber_id = k.subscriber_id
   GROUP BY e.type, e.subscriber_id;
END;
$$;

CREATE FUNCTION "event_stats_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_stats_recount(coalesce((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('type', x.type, 'subscriber_id', x.subscriber_id))
      FROM before_rows b JOIN after_rows a USING (id)
           CROSS JOIN LATERAL (VALUES (b.type, b.subscriber_id), (a.type, a.subscriber_id)) AS x(type, subscriber_id)
     WHERE (a.type, a.subscriber_id, a.occurred_at) IS DISTINCT FROM (b.type, b.subscriber_id, b.occurred_at)), '[]'::jsonb));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "event_stats_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_stats_recount(coalesce((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('type', type, 'subscriber_id', subscriber_id)) FROM changed), '[]'::jsonb));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "event_stats_insert" AFTER INSERT ON "event"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "event_stats_after_insert"();
CREATE TRIGGER "event_stats_update" AFTER UPDATE ON "event"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_stats_after_update"();
CREATE TRIGGER "event_stats_delete" AFTER DELETE ON "event"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "event_stats_after_delete"();
