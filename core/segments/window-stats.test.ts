// Rolling order windows (30, 90, 365 days) read from customer_stats' columns
// plus the orders that crossed a window's edge since the columns' anchor must
// give exactly the people the scan of the window's orders gives: at the anchor,
// hours and days after it, after ingestion batches (new buyers, a back-dated
// order, a refund) and after the refresh moves the anchor.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../../test/support/small-store.ts";
import { ingestOrders } from "../events/ingest-orders.ts";
import { materializeDueCampaigns, REACHABLE } from "../campaigns/materialize.ts";
import { refreshCustomerStats, windowStatsAnchor } from "./customer-stats.ts";
import { parseSegmentText } from "./parse-segment-text.ts";
import { compileFor, segmentSize } from "./segment-report.ts";

const TEXTS = [
  "spent_90d > 300",
  "spent_30d >= 300",
  "orders_30d >= 1",
  "order within 90d",
  "orders_90d = 0",
  "spent_365d >= 750",
  "orders_365d > 2 and spent_30d > 0",
  "not spent_365d < 100 or orders_90d >= 2",
  // With a condition that needs a customer_stats row, the window condition also filters customer_stats by its
  // stored column or an order that crossed the window's edges (REQUIRED below): the same people.
  "lifecycle != potential and spent_90d > 300",
  "lifecycle = loyal and spent_90d > 300 and not tag:vip",
  "lifecycle in (new, repeat, loyal) and orders_30d >= 1",
  "rfm_f >= 1 and spent_365d < 500 and not orders_90d = 0",
  "lifecycle != potential and (orders_90d = 0 or spent_30d > 100)",
];
/** Texts whose window condition is required and read with customer_stats' row required: they carry the filter. */
const REQUIRED = new Set(TEXTS.slice(8, 12));

const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * 3_600_000);

describe.each(DATABASE_KINDS)("rolling order windows from customer_stats on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedSmallStore(database.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  /** Every text's members by both paths at `now`; also checks the column path was taken when it should be. */
  async function bothPaths(now: Date) {
    const deps = testCoreDeps(database, new FakeClock(now));
    const anchor = await windowStatsAnchor(database.db);
    const out: { text: string; scan: number[]; columns: number[] }[] = [];
    for (const text of TEXTS) {
      const run = async (withStats: boolean) => {
        const { sql, params } = compileFor(deps, parseSegmentText(text), withStats ? anchor : null);
        if (withStats) expect(/cs\.(spent|orders)_\d+d/.test(sql)).toBe(now.getTime() - anchor!.getTime() <= 3 * 86_400_000);
        if (withStats) expect([text, sql.includes("OR cs.subscriber_id IN (SELECT o.subscriber_id")]).toEqual([text, REQUIRED.has(text) && now.getTime() - anchor!.getTime() <= 3 * 86_400_000]);
        const rows = await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`${sql} ORDER BY 1`, ...params);
        return rows.map((r) => r.subscriber_id);
      };
      out.push({ text, scan: await run(false), columns: await run(true) });
    }
    for (const o of out) expect(o.columns, o.text).toEqual(o.scan);
    return out;
  }

  test("before the first refresh the columns are not read; after it both paths agree as time passes", async () => {
    const deps = testCoreDeps(database, new FakeClock(SMALL_STORE_NOW));
    expect(await windowStatsAnchor(database.db)).toEqual(new Date(0));
    await refreshCustomerStats(deps);
    expect(await windowStatsAnchor(database.db)).toEqual(new Date(SMALL_STORE_NOW));
    const atAnchor = await bothPaths(at(SMALL_STORE_NOW));
    // Ann (1): 300 on 11-20 and 200 on 10-01 within 90 days -> 500 (Hana's 999 does not count: she is erased).
    expect(atAnchor.find((o) => o.text === "spent_90d > 300")!.scan).toEqual([1]);
    for (const hours of [6, 30, 24 * 2.5, 24 * 10]) await bothPaths(at(SMALL_STORE_NOW, hours));
  });

  test("ingestion between two refreshes: a new buyer, a back-dated order, a refund", async () => {
    const day1 = at(SMALL_STORE_NOW, 24);
    const deps = testCoreDeps(database, new FakeClock(day1));
    const ingested = await ingestOrders(deps, {
      items: [
        { order_id: "w1", amount: 400, paid_at: day1.toISOString(), customer: { email: "wendy@example.com" } },
        // Dan (4) reports an order of two months ago only now: it is inside the 90- and 365-day windows of the anchor.
        { order_id: "w2", amount: 260, paid_at: "2026-09-20T12:00:00Z", customer: { telegram_id: 1004 } },
        { order_id: "a5", status: "refunded" },
        // Boris (2) reports an order of 250 paid a day after the anchor's 90-day edge: 370 within 90 days as of the
        // anchor, and 120 again once it leaves the window 26 hours after the anchor.
        { order_id: "w3", amount: 250, paid_at: "2026-08-26T12:00:00Z", customer: { telegram_id: 1002 } },
      ],
    });
    expect(ingested.stored + ingested.updated).toBe(4);
    // Within 90 days of the anchor: Ann 200 (her 300 is refunded), Boris 40 + 80 + 250, Dan 260; Wendy's 400 is a day later.
    const membersAt = async (hours: number, text: string) => {
      const { sql, params } = compileFor(testCoreDeps(database, new FakeClock(at(SMALL_STORE_NOW, hours))), parseSegmentText(text), await windowStatsAnchor(database.db));
      return (await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`${sql} ORDER BY 1`, ...params)).map((r) => r.subscriber_id);
    };
    const wendyId = (await database.db.prisma.subscriber.findFirstOrThrow({ where: { email: "wendy@example.com" } })).id;
    expect(await membersAt(0, "lifecycle != potential and spent_90d > 300")).toEqual([2]);
    expect(await membersAt(25, "lifecycle != potential and spent_90d > 300")).toEqual([2, wendyId]);
    // 30 hours after the anchor Boris's 250 has left the window (stored 370, 120 now); Wendy's 400 entered it (stored 0).
    expect(await membersAt(30, "lifecycle != potential and spent_90d > 300")).toEqual([wendyId]);
    expect(await membersAt(30, "lifecycle != potential and orders_90d >= 3")).toEqual([]);
    expect(await membersAt(25, "lifecycle != potential and orders_90d >= 3")).toEqual([2]);

    const later = await bothPaths(at(SMALL_STORE_NOW, 30));
    // Ann's 300 of 11-20 is refunded: 200 within 90 days; Wendy, new, 400.
    const wendy = (await database.db.prisma.subscriber.findFirstOrThrow({ where: { email: "wendy@example.com" } })).id;
    expect(later.find((o) => o.text === "spent_90d > 300")!.scan).toEqual([wendy]);
    // Dan's back-dated 260 counts at once (segmentSize reads the columns).
    expect(await segmentSize(testCoreDeps(database, new FakeClock(at(SMALL_STORE_NOW, 30))), parseSegmentText("spent_90d > 250"))).toBe(2);
    await bothPaths(at(SMALL_STORE_NOW, 24 * 40));
  });

  test("the hourly refresh moves the anchor and recomputes only the customers whose windows changed", async () => {
    const moved = at(SMALL_STORE_NOW, 24 * 12);
    const deps = testCoreDeps(database, new FakeClock(moved));
    await refreshCustomerStats(deps);
    expect(await windowStatsAnchor(database.db)).toEqual(moved);
    await bothPaths(moved);
    await bothPaths(at(SMALL_STORE_NOW, 24 * 13));
    // The columns equal a computation from scratch.
    const kept = await database.db.prisma.customerStats.findMany({ orderBy: { subscriberId: "asc" } });
    await refreshCustomerStats(deps, { rebuild: true });
    const rebuilt = await database.db.prisma.customerStats.findMany({ orderBy: { subscriberId: "asc" } });
    const windows = (rows: typeof kept) => rows.map((r) => [r.subscriberId, r.orders30d, r.spent30d.toNumber(), r.orders90d, r.spent90d.toNumber(), r.orders365d, r.spent365d.toNumber()]);
    expect(windows(kept)).toEqual(windows(rebuilt));
  });

  test("a campaign's audience, written at send time from the columns, is the people the orders scan gives", async () => {
    // A day after the anchor the last test moved, with an order paid since it.
    const now = at(SMALL_STORE_NOW, 24 * 13);
    const deps = testCoreDeps(database, new FakeClock(now));
    await ingestOrders(deps, { items: [{ order_id: "w9", amount: 900, paid_at: at(SMALL_STORE_NOW, 24 * 12.5).toISOString(), customer: { telegram_id: 1002 } }] });
    for (const text of ["spent_365d >= 750", "orders_30d >= 1"]) {
      const { sql, params } = compileFor(deps, parseSegmentText(text), null);
      const expected = await database.db.prisma.$queryRawUnsafe<{ id: number }[]>(
        `SELECT s.id FROM (${sql}) a JOIN subscriber s ON s.id = a.subscriber_id WHERE ${REACHABLE} ORDER BY 1`,
        ...params,
      );
      expect(expected.length, text).toBeGreaterThan(0);
      const campaign = await database.db.prisma.campaign.create({
        data: { name: text, status: "scheduled", segmentText: text, segment: parseSegmentText(text) as object, message: { A: { text: "Hi" } }, sendAt: now, materializeAt: now, createdBy: "test" },
      });
      await materializeDueCampaigns(deps);
      const written = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id }, orderBy: { subscriberId: "asc" }, select: { subscriberId: true } });
      expect(written.map((d) => d.subscriberId), text).toEqual(expected.map((r) => r.id));
    }
  });
});
