// event_stats (per person and event type: count, first, last; kept by triggers)
// against the events themselves after every kind of write the product makes,
// and the segment conditions that read it against the events, including a
// person whose latest event is dated after "now". On both databases.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { parseSegmentText } from "./parse-segment-text.ts";
import { compileFor } from "./segment-report.ts";

const NOW = new Date("2026-11-30T12:00:00Z");

describe.each(DATABASE_KINDS)("event stats on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;

  const stats = () =>
    database.db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT type || ' #' || subscriber_id || ' x' || count || ' ' || to_char(first_at AT TIME ZONE 'UTC', 'MM-DD HH24') || '..' || to_char(last_at AT TIME ZONE 'UTC', 'MM-DD HH24') AS row
         FROM event_stats ORDER BY type, subscriber_id`,
    );
  const recount = () =>
    database.db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT type || ' #' || subscriber_id || ' x' || count(*) || ' ' || to_char(min(occurred_at) AT TIME ZONE 'UTC', 'MM-DD HH24') || '..' || to_char(max(occurred_at) AT TIME ZONE 'UTC', 'MM-DD HH24') AS row
         FROM event GROUP BY type, subscriber_id ORDER BY type, subscriber_id`,
    );
  const insert = (rows: [number, string, string][]) =>
    database.db.prisma.$executeRawUnsafe(
      `INSERT INTO event (subscriber_id, type, occurred_at, idempotency_key)
       SELECT x.s, x.t, x.at::timestamptz, x.k FROM jsonb_to_recordset($1::jsonb) AS x(s int, t text, at text, k text)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      JSON.stringify(rows.map(([s, t, at]) => ({ s, t, at, k: `${s}-${t}-${at}` }))),
    );
  const members = async (text: string) => {
    const compiled = compileFor(deps, parseSegmentText(text));
    const rows = await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`${compiled.sql} ORDER BY 1`, ...compiled.params);
    return rows.map((r) => r.subscriber_id);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(NOW.toISOString()));
    await database.db.execScript(`INSERT INTO subscriber (id, first_name) SELECT i, 'Customer ' || i FROM generate_series(1, 6) AS i;`);
  });
  afterAll(() => database.drop());

  test("every write keeps the counts, firsts and lasts of the events, and the segments read them as of now", async () => {
    await insert([
      [1, "added_to_cart", "2026-11-20T10:00:00Z"],
      [1, "added_to_cart", "2026-11-29T10:00:00Z"],
      [2, "added_to_cart", "2026-11-28T10:00:00Z"],
      [2, "page_view", "2026-11-01T10:00:00Z"],
      [3, "added_to_cart", "2026-11-25T10:00:00Z"],
      // Dated after now: "now" does not see it yet.
      [3, "added_to_cart", "2026-12-05T10:00:00Z"],
    ]);
    expect(await stats()).toEqual(await recount());
    expect((await stats()).map((r) => r.row)).toContain("added_to_cart #1 x2 11-20 10..11-29 10");

    await insert([
      [1, "added_to_cart", "2026-11-29T10:00:00Z"], // a retried event: stored once, counted once
      [4, "page_view", "2026-11-10T10:00:00Z"],
      [4, "page_view", "2026-11-12T10:00:00Z"],
      [4, "page_view", "2026-11-14T10:00:00Z"],
      [2, "added_to_cart", "2026-11-15T10:00:00Z"], // older than what #2 had
    ]);
    expect(await stats()).toEqual(await recount());
    expect((await stats()).map((r) => r.row)).toContain("added_to_cart #2 x2 11-15 10..11-28 10");

    // Orders after the last add to cart: #1 bought after theirs; #3's cart as of now is 11-25, and they bought on 11-26.
    await database.db.execScript(`
      INSERT INTO "order" (subscriber_id, idempotency_key, amount, paid_at) VALUES (1, 'es-1', 10, '2026-11-29T12:00:00Z'), (3, 'es-3', 10, '2026-11-26T10:00:00Z');`);
    expect(await members("no order since event:added_to_cart")).toEqual([2]);
    expect(await members("event:page_view count >= 3")).toEqual([4]);
    expect(await members("event:added_to_cart count >= 2")).toEqual([1, 2]);
    expect(await members("event:added_to_cart last < 4d")).toEqual([1, 2]);

    // A merge moves #4's events to #5; an erasure rewrites properties only; #2 is deleted with their events.
    await database.db.prisma.$executeRawUnsafe(`UPDATE event SET subscriber_id = 5 WHERE subscriber_id = 4`);
    await database.db.prisma.$executeRawUnsafe(`UPDATE event SET properties = '{"x":1}'::jsonb WHERE subscriber_id = 1`);
    await database.db.prisma.$executeRawUnsafe(`DELETE FROM event WHERE subscriber_id = 3 AND occurred_at > '2026-12-01'`);
    await database.db.prisma.$executeRawUnsafe(`DELETE FROM subscriber WHERE id = 2`);
    expect(await stats()).toEqual(await recount());
    expect(await members("event:page_view count >= 3")).toEqual([5]);
    expect(await members("no order since event:added_to_cart")).toEqual([]);
  });
});
