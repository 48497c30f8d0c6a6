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

  test("'event within a window' read from the last event equals the events of the window, at its edges and with events after now", async () => {
    const h = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
    await database.db.execScript(`INSERT INTO subscriber (id, first_name) SELECT i, 'Customer ' || i FROM generate_series(10, 19) AS i;`);
    await insert([
      [10, "added_to_cart", h(-48)], // exactly 2 days before now: outside "within 2d" (the window is (now - 2d, now])
      [11, "added_to_cart", h(-47)],
      [12, "added_to_cart", h(0)], // exactly now: inside
      [13, "added_to_cart", h(-72)],
      [13, "added_to_cart", h(24 * 5)], // after now: not seen yet, so 13's last add to cart is 3 days ago
      [14, "added_to_cart", h(-1)],
      [14, "added_to_cart", h(1)], // after now, with one inside the window
      [15, "added_to_cart", h(-30)],
      [16, "added_to_cart", h(-30)],
      [17, "page_view", h(-1)],
      [18, "added_to_cart", h(-30)],
      [19, "added_to_cart", h(-47)],
    ]);
    await database.db.execScript(`
      INSERT INTO "order" (subscriber_id, idempotency_key, amount, paid_at) VALUES
        (15, 'ew-15', 10, '${h(-12)}'), -- bought after the cart
        (16, 'ew-16', 10, '${h(2)}'),   -- will buy, but not yet
        (18, 'ew-18', 10, '${h(-40)}'), -- bought within the 2 days, but before the cart
        (19, 'ew-19', 10, '${h(-40)}'); -- bought within the 2 days, after the cart`);
    // The definition, straight from the events and orders.
    const fromEvents = async (hours: number, noOrderSince: boolean) => {
      const rows = await database.db.prisma.$queryRawUnsafe<{ id: number }[]>(
        `SELECT s.id FROM subscriber s
          WHERE s.id >= 10 AND EXISTS (SELECT 1 FROM event e WHERE e.subscriber_id = s.id AND e.type = 'added_to_cart'
                                          AND e.occurred_at > $1::timestamptz - $2::int * interval '1 hour' AND e.occurred_at <= $1::timestamptz)
            AND (NOT $3::boolean OR NOT EXISTS (
                 SELECT 1 FROM "order" o WHERE o.subscriber_id = s.id AND o.status = 'paid' AND o.paid_at <= $1::timestamptz
                    AND o.paid_at > (SELECT max(e.occurred_at) FROM event e WHERE e.subscriber_id = s.id AND e.type = 'added_to_cart' AND e.occurred_at <= $1::timestamptz)))
          ORDER BY 1`,
        NOW.toISOString(),
        hours,
        noOrderSince,
      );
      return rows.map((r) => r.id);
    };
    const ours = async (text: string) => (await members(text)).filter((id) => id >= 10);
    expect(await ours("event:added_to_cart within 2d")).toEqual([11, 12, 14, 15, 16, 18, 19]);
    expect(await ours("event:added_to_cart within 2d")).toEqual(await fromEvents(48, false));
    expect(await ours("event:added_to_cart within 2d and no order since event:added_to_cart")).toEqual([11, 12, 14, 16, 18]);
    expect(await ours("event:added_to_cart within 2d and no order since event:added_to_cart")).toEqual(await fromEvents(48, true));
    expect(await ours("event:added_to_cart within 4d")).toEqual(await fromEvents(96, false));
    expect(await ours("event:added_to_cart within 1d")).toEqual([12, 14]);
    // The same condition written as a count, and combined with another window of the same type (the narrower
    // one bounds what is read; the wider one and its negation are still exact).
    expect(await ours("event:added_to_cart count >= 1 within 48h")).toEqual([11, 12, 14, 15, 16, 18, 19]);
    expect(await ours("event:added_to_cart count > 0 within 2d and not event:added_to_cart within 1d")).toEqual([11, 15, 16, 18, 19]);
    expect(await ours("event:added_to_cart within 1d and event:added_to_cart within 4d")).toEqual([12, 14]);
    // Not "at least once": still from the window's events.
    expect(await ours("event:added_to_cart count >= 2 within 4d")).toEqual([]);
    expect(await ours("event:added_to_cart count = 0 within 2d")).toEqual([10, 13, 17]);
    // Not required (negated, or in an "or"): the rest of the base is still there.
    expect(await ours("not event:added_to_cart within 2d")).toEqual([10, 13, 17]);
    expect(await ours("event:added_to_cart within 1d or event:page_view within 1d")).toEqual([12, 14, 17]);
    const { sql } = compileFor(deps, parseSegmentText("event:added_to_cart within 2d and no order since event:added_to_cart"));
    expect(sql).toContain("st.last_at > ");
    // Who paid nothing in the 2 days is not probed (a hashed set of the window's orders); 18 and 19 are.
    expect(sql).toContain("NOT IN (SELECT o.subscriber_id FROM \"order\" o WHERE o.status = 'paid' AND o.paid_at > ");
    expect(sql).not.toContain("count(*)::int AS n\n         FROM event e");
  });
});
