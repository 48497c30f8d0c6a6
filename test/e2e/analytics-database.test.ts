// ANALYTICS_DATABASE_URL: the product wired as `npm start` wires it sends the
// heavy reads (segment sizes and reports, /segment list, /metrics) to that
// database, and everything else to DATABASE_URL. Shown with two PostgreSQL
// databases holding the same store, plus a customer and an order only the
// "replica" has.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { periodFigures } from "../../core/metrics/period-figures.ts";
import { builtInSizes, countBuiltInSizes } from "../../core/segments/built-in-segments.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { parseSegmentText } from "../../core/segments/parse-segment-text.ts";
import { segmentReport, segmentSize } from "../../core/segments/segment-report.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { FakeClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../support/small-store.ts";

describe("ANALYTICS_DATABASE_URL on postgres", () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let p: TestProduct;
  beforeAll(async () => {
    [primary, replica] = [await createTestDatabase("postgres"), await createTestDatabase("postgres")];
    for (const d of [primary, replica]) await seedSmallStore(d.db);
    // Only the replica knows Zoe, subscribed, and her order of 400 on 2026-11-18.
    await replica.db.execScript(`
      INSERT INTO subscriber (id, telegram_id, first_name, language, consent_status, created_at) VALUES (50, 1050, 'Zoe', 'en', 'subscribed', '2026-11-01T09:00:00Z');
      INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at) VALUES (50, 'z1', 400, 'paid', '2026-11-18T12:00:00Z');`);
    for (const d of [primary, replica]) await refreshCustomerStats(testCoreDeps(d, new FakeClock(SMALL_STORE_NOW)));
    p = await startTestProduct({
      kind: "postgres",
      database: primary,
      clock: new FakeClock(SMALL_STORE_NOW),
      env: { DATABASE_URL: primary.url!, ANALYTICS_DATABASE_URL: replica.url!, SLACK_SENDERS: "U0MARKETER" },
    });
  });
  afterAll(async () => {
    await p.stop();
    await replica.drop();
    await primary.drop();
  });

  test("segment sizes, reports, built-in sizes and period figures are read from the analytics database", async () => {
    const core = p.app.core;
    const onPrimary = testCoreDeps(primary, new FakeClock(SMALL_STORE_NOW));
    const subscribed = parseSegmentText("consent = subscribed and spent_30d >= 400");
    // Ann (300 + 200 within 30 days... 300 on 11-20 only: 300) does not reach 400; Zoe does, on the replica.
    expect(await segmentSize(onPrimary, subscribed)).toBe(0);
    expect(await segmentSize(core, subscribed)).toBe(1);
    expect((await segmentReport(core, subscribed)).sample.map((s) => s.firstName)).toEqual(["Zoe"]);
    // (Counted, not cached: the cache lives on the primary and assumes the replica holds the same data.)
    expect((await builtInSizes(core)).get("subscribed")).toBe((await countBuiltInSizes(onPrimary)).get("subscribed")! + 1);
    const week = { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") };
    const [mine, theirs] = [await periodFigures(onPrimary, { period: week }), await periodFigures(core, { period: week })];
    expect(theirs.revenue - mine.revenue).toBe(400);
    // The writes still go to the primary.
    expect(await core.db.prisma.subscriber.count({ where: { id: 50 } })).toBe(0);
  });

  test("/segment preview in Slack answers with the analytics database's count", async () => {
    const r = await p.slack.command("/segment", "preview consent = subscribed and spent_30d >= 400");
    const text = slackText(r.ack).startsWith("⏳")
      ? slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(r.responseUrl)[0], 30_000)).body)
      : slackText(r.ack);
    expect(text).toMatch(/\b1\b/);
    expect(text).toContain("Zoe");
  });
});
