import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../../test/support/small-store.ts";
import { BUILT_IN_SEGMENTS, builtInSizes } from "./built-in-segments.ts";
import { refreshCustomerStats } from "./customer-stats.ts";
import { customerStandingOf, LIFECYCLE_STAGES, lifecycleSql, lifecycleStageOf } from "./lifecycle.ts";
import { SqlParams } from "../db/sql-params.ts";
import { parseSegmentText } from "./parse-segment-text.ts";
import { compileFor, segmentReport, segmentSize } from "./segment-report.ts";
import { rfmClassOf, rfmScoresText } from "./rfm.ts";
import { analyticsSettingsOf, DEFAULT_ANALYTICS_SETTINGS } from "./analytics-settings.ts";
import { ingestOrders } from "../events/ingest-orders.ts";

describe("RFM grid", () => {
  test("scores name the classes of the documented table", () => {
    expect([rfmClassOf(5, 5, 5), rfmClassOf(4, 5, 4), rfmClassOf(3, 4, 4), rfmClassOf(5, 1, 1), rfmClassOf(4, 2, 2)]).toEqual([
      "champions",
      "champions",
      "loyal",
      "new_customers",
      "potential_loyalists",
    ]);
    // One order (F = 1) is column "F 1" whatever was spent: a recent first purchase is a new customer, an older one promising.
    expect([rfmClassOf(5, 1, 5), rfmClassOf(4, 1, 3), rfmClassOf(3, 1, 5), rfmClassOf(1, 1, 4)]).toEqual(["new_customers", "promising", "about_to_sleep", "lost"]);
    expect([rfmClassOf(1, 5, 5), rfmClassOf(2, 3, 3), rfmClassOf(1, 1, 1), rfmClassOf(2, 1, 1), rfmClassOf(3, 2, 2)]).toEqual([
      "cant_lose",
      "at_risk",
      "lost",
      "hibernating",
      "need_attention",
    ]);
  });

  test("the scores each class covers, as /segment show prints them", () => {
    expect(rfmScoresText("new_customers")).toBe("R 5 · F 1");
    expect(rfmScoresText("promising")).toBe("R 4 · F 1");
    expect(rfmScoresText("champions")).toBe("R 4–5 · FM 5");
    expect(rfmScoresText("loyal")).toBe("R 4–5 · FM 4; R 3 · FM 4–5");
    expect(rfmScoresText("about_to_sleep")).toBe("R 3 · F 1; R 2 · FM 2");
  });
});

describe.each(DATABASE_KINDS)("segments on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(SMALL_STORE_NOW));
    await seedSmallStore(database.db);
    await refreshCustomerStats(deps);
  });
  afterAll(async () => {
    await database.drop();
  });

  async function members(text: string): Promise<number[]> {
    const { sql, params } = compileFor(deps, parseSegmentText(text));
    const rows = await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`${sql} ORDER BY 1`, ...params);
    return rows.map((r) => r.subscriber_id);
  }

  test("RFM scores and classes over the five buyers (Hana is erased, Gus's only order was refunded)", async () => {
    const rows = await database.db.prisma.customerStats.findMany({ orderBy: { subscriberId: "asc" } });
    // R by last order: Eve 2025-06 < Dan 2026-01 < Boris 11-10 < Ann 11-20 < Cleo 11-22 -> percent_rank 0, .25, .5, .75, 1 -> 1..5
    // F by orders in 365 days: Eve 0, Cleo 1, Dan 1 -> 1; two or more: Boris 2, Ann 5 -> percent_rank among them 0, 1 -> 2, 5
    // M by money in 365 days: Cleo 0, Eve 0, Dan 70, Boris 120, Ann 1000 -> ranks 1, 1, 3, 4, 5 -> 1, 1, 3, 4, 5
    // Column: F 1 for Cleo, Dan, Eve; FM = (F + M + 1) div 2: Ann 5, Boris 3.
    // Cleo's first purchase, yesterday: a new customer (before the fix, F = 2 made her a "potential loyalist").
    expect(rows.map((r) => [r.subscriberId, r.ordersCount, r.revenue.toNumber(), r.rScore, r.fScore, r.mScore, r.rfmClass])).toEqual([
      [1, 5, 1000, 4, 5, 5, "champions"],
      [2, 2, 120, 3, 2, 4, "need_attention"],
      [3, 1, 0, 5, 1, 1, "new_customers"],
      [4, 1, 70, 2, 1, 3, "hibernating"],
      [5, 3, 1500, 1, 1, 1, "lost"],
      // Erased Hana keeps her anonymous aggregates (the metrics' customer base), but is in no ranking or segment.
      [8, 1, 999, null, null, null, null],
    ]);
  });

  test("every built-in segment: grouped sizes equal the compiled segment's size", async () => {
    const sizes = await builtInSizes(deps);
    const expected: Record<string, number> = {
      everyone: 7, // Hana is erased
      subscribed: 3, // Ann, Boris, Gus (Cleo blocked the bot)
      pending: 1,
      unsubscribed: 1,
      declined: 0,
      prospects: 1, // Finn
      blocked: 1,
      // loyal: Ann (5 orders, last 3 days ago, 1000 spent >= the median 560 of the active repeat customers Ann 1000 and
      // Boris 120; Eve's last order is too old to count); repeat: Boris; new: Cleo; churned: Dan (1 order 312 days ago), Eve (3 orders, 540 days ago)
      "lifecycle:potential": 2, // Finn, Gus
      "lifecycle:new": 1,
      "lifecycle:repeat": 1,
      "lifecycle:loyal": 1,
      "lifecycle:churned_from_new": 1,
      "lifecycle:churned_from_loyal": 1,
      "rfm:champions": 1,
      "rfm:need_attention": 1,
      "rfm:new_customers": 1,
      "rfm:hibernating": 1,
      "rfm:lost": 1,
      // latest NPS answer: Ann 10, Boris 6 (his 9 is older), Cleo 8, Dan 3; Eve's is CSAT, Hana is erased
      "nps:promoter": 1,
      "nps:passive": 1,
      "nps:detractor": 2,
    };
    for (const s of BUILT_IN_SEGMENTS) {
      const want = expected[s.key] ?? 0;
      expect([s.key, sizes.get(s.key)]).toEqual([s.key, want]);
      expect([s.key, await segmentSize(deps, s.definition)]).toEqual([s.key, want]);
    }
  });

  test("lifecycle conditions as column comparisons select exactly the people of the stage expression, alone, combined and negated", async () => {
    const byCase = async (stages: string[], negate: boolean) => {
      const p = new SqlParams();
      const stage = lifecycleSql("cs", p, new Date(SMALL_STORE_NOW), analyticsSettingsOf(deps));
      const rows = await database.db.prisma.$queryRawUnsafe<{ id: number }[]>(
        `SELECT s.id FROM subscriber s LEFT JOIN customer_stats cs ON cs.subscriber_id = s.id
          WHERE s.erased_at IS NULL AND ${negate ? "NOT " : ""}(${stage} IN (${p.list(stages)})) ORDER BY 1`,
        ...p.values,
      );
      return rows.map((r) => r.id);
    };
    const sets = [...LIFECYCLE_STAGES.map((x) => [x]), ["potential", "new"], ["loyal", "repeat"], ["churned_from_new", "churned_from_loyal", "potential"], [...LIFECYCLE_STAGES]];
    for (const stages of sets) {
      const text = `lifecycle in (${stages.join(", ")})`;
      expect([text, await members(text)]).toEqual([text, await byCase(stages, false)]);
      expect([`not ${text}`, await members(`not ${text}`)]).toEqual([`not ${text}`, await byCase(stages, true)]);
    }
    // Every stage has its one customer (two potential): the comparison above is not vacuous.
    expect(await members("lifecycle = loyal")).toEqual([1]);
    expect(await members("not lifecycle = repeat and lifecycle != potential")).toEqual([1, 3, 4, 5]);
    // A fixed minimum spend instead of the median: Boris (120 spent, 2 orders) is loyal with 2 orders and 100.
    const fixed = testCoreDeps(database, {
      clock: new FakeClock(SMALL_STORE_NOW),
      analytics: { ...DEFAULT_ANALYTICS_SETTINGS, lifecycle: { ...DEFAULT_ANALYTICS_SETTINGS.lifecycle, loyalMinOrders: 2, loyalMinSpent: 100 } },
    });
    const fixedMembers = async (text: string) => {
      const { sql, params } = compileFor(fixed, parseSegmentText(text));
      return (await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`${sql} ORDER BY 1`, ...params)).map((r) => r.subscriber_id);
    };
    expect(await fixedMembers("lifecycle = loyal")).toEqual([1, 2]);
    expect(await fixedMembers("lifecycle = repeat")).toEqual([]);
  });

  test("custom segments select exactly the hand-picked customers", async () => {
    expect(await members("lifecycle = loyal and spent_90d > 5000 and not tag:vip")).toEqual([]);
    // Paid after 2026-08-25: Ann 300 + 200, Boris 80 + 40.
    expect(await members("spent_90d > 100")).toEqual([1, 2]);
    expect(await members("rfm in (hibernating, at_risk) and last_order > 60d")).toEqual([4]);
    // Required, these comparisons are left NULL for people without orders (the join becomes an inner one);
    // negated, they must still be false for them.
    expect(await members("last_order > 60d")).toEqual([4, 5]);
    expect(await members("not last_order > 60d")).toEqual([1, 2, 3, 6, 7]);
    expect(await members("not rfm_r >= 4")).toEqual([2, 4, 5, 6, 7]);
    expect(await members("rfm_r >= 4 and not rfm = lost")).toEqual([1, 3]);
    // Carts within 2 days: Cleo (paid after it) and Finn (did not).
    expect(await members("event:added_to_cart within 2d and no order since event:added_to_cart")).toEqual([6]);
    expect(await members("event:added_to_cart within 2d and not order within 2d")).toEqual([6]);
    // Boris put something in his cart on 11-11, after his last order (11-10).
    expect(await members("no order since event:added_to_cart")).toEqual([2, 6]);
    expect(await members("source = instagram_bio")).toEqual([1, 2, 6]);
    expect(await members("nps = detractor")).toEqual([2, 4]);
    expect(await members("consent = subscribed")).toEqual([1, 2, 3, 7]);
    // No paid order: Finn, and Gus whose only order was refunded.
    expect(await members("orders = 0")).toEqual([6, 7]);
    // Cleo's only order was free: average 0. Without orders there is no average, so "not aov >= 10" adds Finn and Gus.
    expect(await members("aov < 10")).toEqual([3]);
    expect(await members("not aov >= 10")).toEqual([3, 6, 7]);
    // Boris's "95.5" (a string holding a number) counts too: 95.5 < 100.
    expect(await members("event:added_to_cart sum(value) >= 100")).toEqual([6]);
    expect(await members("event:added_to_cart sum(value) > 95")).toEqual([2, 6]);
    expect(await members("tag:vip or language = ru")).toEqual([1, 2, 4, 5]);
    expect(await members("blocked")).toEqual([3]);
    expect(await members("joined < 7d")).toEqual([6]);
    expect(await members("orders >= 2 within 365d")).toEqual([1, 2]);
    expect(await members("rfm_r >= 4")).toEqual([1, 3]);
    expect(await members("first_order > 365d")).toEqual([5]);
    expect(await members("source != qr_store and not (consent in (subscribed, pending))")).toEqual([6]);
    expect(await members("email contains EXAMPLE and email exists")).toEqual([1, 6]);
    expect(await members("nps_score >= 9 or everyone and blocked")).toEqual([1, 3]);
  });

  test("conditions on buyers or NPS answers alone, read from that one relation, select the same people", async () => {
    // With breakdowns the query always starts from every subscriber: the reference.
    const fromEverybody = async (text: string) => {
      const { sql, params } = compileFor(deps, parseSegmentText(text), null, true);
      const rows = await database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`SELECT subscriber_id FROM (${sql}) x ORDER BY 1`, ...params);
      return rows.map((r) => r.subscriber_id);
    };
    const texts = {
      // Erased Hana has a customer_stats row and an NPS 10: in neither.
      "lifecycle = new": [3], // Dan's only order is older than the churn limit
      "nps = promoter": [1],
      "nps_score >= 0 and not nps = detractor": [1, 3],
      "rfm in (champions, lost) or rfm_m >= 4": [1, 2, 5],
      "lifecycle in (new, churned_from_loyal) and orders >= 1 and not rfm = lost": [3], // Eve churned from loyal, lost
      "rfm_f = 1 and (lifecycle = new or spent > 1000)": [3, 5],
    };
    for (const [text, want] of Object.entries(texts)) {
      const { sql } = compileFor(deps, parseSegmentText(text));
      expect([text, sql.includes("FROM subscriber s")]).toEqual([text, false]);
      expect([text, await members(text)]).toEqual([text, want]);
      expect([text, await fromEverybody(text)]).toEqual([text, want]);
    }
    // Not narrowed: "potential" and negations can match people without a row there.
    for (const text of ["lifecycle in (potential, new)", "not rfm = lost", "nps = detractor or rfm = lost"]) {
      expect([text, compileFor(deps, parseSegmentText(text)).sql.includes("FROM subscriber s")]).toEqual([text, true]);
      expect([text, await members(text)]).toEqual([text, await fromEverybody(text)]);
    }
  });

  test("size, share, breakdowns and a sample come from the segment's query", async () => {
    const report = await segmentReport(deps, parseSegmentText("source = instagram_bio"));
    expect(report.size).toBe(3);
    expect(report.base).toBe(7);
    expect(report.share).toBeCloseTo(3 / 7, 10);
    expect(report.breakdowns).toEqual({
      language: [{ value: "en", count: 2 }, { value: "ru", count: 1 }],
      lifecycle: [{ value: "loyal", count: 1 }, { value: "potential", count: 1 }, { value: "repeat", count: 1 }],
      rfm: [{ value: "champions", count: 1 }, { value: "need_attention", count: 1 }, { value: "none", count: 1 }],
      source: [{ value: "instagram_bio", count: 3 }],
    });
    expect(report.sample.map((s) => s.firstName)).toEqual(["Finn", "Boris", "Ann"]);
    const empty = await segmentReport(deps, parseSegmentText("rfm = cant_lose"));
    expect([empty.size, empty.sample, empty.breakdowns.lifecycle]).toEqual([0, [], []]);
  });

  test("one customer's stage and figures, exact even before the stats are refreshed", async () => {
    expect(await lifecycleStageOf(deps, 1)).toBe("loyal");
    expect(await lifecycleStageOf(deps, 7)).toBe("potential");
    // The hourly refresh keeps the median for the segment queries: (1000 + 120) / 2.
    expect((await database.db.prisma.setting.findUniqueOrThrow({ where: { key: "lifecycle.loyal_median_spend" } })).value).toBe(560);
    // Boris buys again today: 3 orders, the last within 90 days, but 130 spent is below the median 560 of the active
    // repeat customers: regular and recent, not high value -> still repeat.
    await database.db.prisma.order.create({ data: { subscriberId: 2, idempotencyKey: "b3", amount: 10, paidAt: new Date("2026-11-23T09:00:00Z") } });
    const boris = await customerStandingOf(deps, 2);
    expect([boris.stage, boris.ordersCount, boris.totalSpent, boris.lastOrderAt?.toISOString(), boris.rfmClass]).toEqual([
      "repeat",
      3,
      130,
      "2026-11-23T09:00:00.000Z",
      "need_attention",
    ]);
    // Without the value condition (LIFECYCLE_LOYAL_MIN_SPENT=0) he is loyal at once; with a fixed 100, too; with 500, not.
    const withMinSpent = (loyalMinSpent: number | "median") =>
      testCoreDeps(database, { clock: new FakeClock(SMALL_STORE_NOW), analytics: { ...DEFAULT_ANALYTICS_SETTINGS, lifecycle: { ...DEFAULT_ANALYTICS_SETTINGS.lifecycle, loyalMinSpent } } });
    expect([await lifecycleStageOf(withMinSpent(0), 2), await lifecycleStageOf(withMinSpent(100), 2), await lifecycleStageOf(withMinSpent(500), 2)]).toEqual([
      "loyal",
      "loyal",
      "repeat",
    ]);
    await database.db.prisma.order.delete({ where: { idempotencyKey: "b3" } });
    // Six months later without a purchase, Ann has churned from loyal.
    const later = testCoreDeps(database, new FakeClock("2027-05-20T10:00:00Z"));
    expect(await lifecycleStageOf(later, 1)).toBe("churned_from_loyal");
    await expect(lifecycleStageOf(deps, 999)).rejects.toThrow("Subscriber 999 was not found");
  });

  test("built-in sizes are counted again only after a write to what they read, or in another hour", async () => {
    const first = await builtInSizes(deps);
    // The stored count is what the next call answers with (shown by tampering with it)...
    await database.db.prisma.$executeRawUnsafe(`UPDATE segment_size_cache SET sizes = jsonb_set(sizes, '{sizes,subscribed}', '12345')`);
    expect((await builtInSizes(deps)).get("subscribed")).toBe(12345);
    // ...in the same hour only...
    expect((await builtInSizes(testCoreDeps(database, new FakeClock(new Date(new Date(SMALL_STORE_NOW).getTime() + 3_600_000))))).get("subscribed")).toBe(first.get("subscribed"));
    await builtInSizes(deps);
    await database.db.prisma.$executeRawUnsafe(`UPDATE segment_size_cache SET sizes = jsonb_set(sizes, '{sizes,subscribed}', '12345')`);
    expect((await builtInSizes(deps)).get("subscribed")).toBe(12345);
    // ...and until something changes: a customer unsubscribes.
    await database.db.prisma.subscriber.update({ where: { id: 2 }, data: { consentStatus: "unsubscribed" } });
    expect((await builtInSizes(deps)).get("subscribed")).toBe(first.get("subscribed")! - 1);
    await database.db.prisma.subscriber.update({ where: { id: 2 }, data: { consentStatus: "subscribed" } });
    expect(await builtInSizes(deps)).toEqual(first);
  });

  test("the hourly refresh rescoring only what changed: a new buyer, an order sliding out of the window", async () => {
    const later = testCoreDeps(database, new FakeClock("2026-12-02T10:00:00Z"));
    const ingested = await ingestOrders(later, { items: [{ order_id: "f1", amount: 50, paid_at: "2026-12-01T12:00:00Z", customer: { email: "finn@example.com" } }] });
    expect(ingested.stored).toBe(1);
    let finn = await database.db.prisma.customerStats.findUniqueOrThrow({ where: { subscriberId: 6 } });
    expect([finn.ordersCount, finn.rfmClass, finn.rfmAt]).toEqual([1, null, null]); // counted at once, scored at the next refresh
    const result = await refreshCustomerStats(later);
    // Recomputed: Finn (new) and Ann, whose order of 2025-12-01 left the 365-day window (now starting 2025-12-02);
    // Boris (09-01) and Hana (11-01), whose orders left the 90- and 30-day windows kept for segments.
    expect(result.recomputed).toBe(4);
    const ann = await database.db.prisma.customerStats.findUniqueOrThrow({ where: { subscriberId: 1 } });
    expect([ann.windowOrders, ann.windowRevenue.toNumber()]).toEqual([4, 750]);
    finn = await database.db.prisma.customerStats.findUniqueOrThrow({ where: { subscriberId: 6 } });
    // Six buyers now. R by last order: Eve, Dan, Boris, Ann (11-20), Cleo (11-22), Finn (12-01) -> Finn 5.
    // F: Eve 0; Cleo, Dan, Finn 1 -> 1. M: Cleo 0, Eve 0, Finn 50, Dan 70... -> Finn 2/5 -> 3. A first purchase yesterday: new customer.
    expect([finn.rScore, finn.fScore, finn.mScore, finn.rfmClass]).toEqual([5, 1, 3, "new_customers"]);
    expect((await refreshCustomerStats(later)).recomputed).toBe(0);
  });
});
