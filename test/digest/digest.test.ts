// The digest's content from the hand-checkable store of
// test/support/digest-store.ts (the table there), on both databases.
import { decode } from "fast-png";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { digestSections } from "../../bot/digest/digest-sections.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { DIGEST_NOW, seedDigestStore, WEEK } from "../support/digest-store.ts";
import { pictureStats } from "../support/png.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { buildDigest, type Digest } from "../../core/digest/build-digest.ts";
import { renderDigestCharts } from "../../core/digest/digest-charts.ts";

describe.each(DATABASE_KINDS)("weekly digest content on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  let digest: Digest;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(DIGEST_NOW), "Europe/Berlin");
    await seedDigestStore(database.db);
    await refreshCustomerStats(deps, { rebuild: true });
    digest = await buildDigest(deps, { period: WEEK });
  });
  afterAll(async () => {
    await database.drop();
  });

  const figure = (key: string) => {
    const f = digest.figures.find((x) => x.key === key)!;
    return { value: f.value, previous: f.previous, reading: f.reading };
  };

  test("the period, the week before, and that it is a calendar week", () => {
    expect(digest.previousPeriod).toEqual({ from: new Date("2026-11-08T23:00:00Z"), to: new Date("2026-11-15T23:00:00Z") });
    expect(digest.weekly).toBe(true);
  });

  test("NPS with its answers and band; subscribers in and out", () => {
    // This week, each person's latest answer: Ann 10 (promoter), Boris 8 (passive; his 9 was the week
    // before), Ivan 3 and Jana 5 (detractors): (1 - 2) / 4 = -25, act now, 4 answers (< 30: few).
    // The week before: Boris 9, Karl 2: (1 - 1) / 2 = 0.
    expect(figure("nps")).toEqual({ value: -25, previous: 0, reading: { key: "digest-reading-nps", vars: { band: "act_now", responses: 4, few: "yes" } } });
    // Confirmed this week: Cleo (qr_store) and Lena (instagram_bio); the week before: Dan (qr_store).
    // Largest source first (ties: more the week before first): qr_store, 1 of 2.
    expect(figure("subscribers_gained")).toEqual({
      value: 2,
      previous: 1,
      reading: { key: "digest-reading-gained", vars: { source: "qr_store", known: "yes", count: 1, total: 2 } },
    });
    expect(digest.sources).toEqual([
      { source: "qr_store", gained: 1, previous: 1 },
      { source: "instagram_bio", gained: 1, previous: 0 },
    ]);
    // Gus unsubscribed, Hana blocked the bot: net 2 - 1 - 1 = 0.
    expect(figure("subscribers_lost")).toEqual({ value: 1, previous: 0, reading: { key: "digest-reading-net", vars: { net: 0, sign: "flat" } } });
    expect(figure("blocked")).toEqual({ value: 1, previous: 0, reading: { key: "digest-reading-blocked", vars: { trend: "up" } } });
  });

  test("buyers, revenue, AOV, repeat rate, LTV, retention", () => {
    // This week: Ann 200 (her 3rd order), Cleo 40 (1st), Ivan 60 (1st) = 300 from 3 orders and 3 buyers.
    // The week before: Boris 70 (his 2nd order).
    expect(figure("active_customers")).toEqual({ value: 3, previous: 1, reading: { key: "digest-reading-active", vars: { first: 2, returning: 1 } } });
    // Orders moved more than the order value: |ln(3/1)| = 1.10 > |ln(100/70)| = 0.36.
    expect(figure("revenue")).toEqual({ value: 300, previous: 70, reading: { key: "digest-reading-revenue", vars: { orders: 3, aov: 100, currency: "USD", driver: "orders" } } });
    expect(figure("aov")).toEqual({ value: 100, previous: 70, reading: { key: "digest-reading-aov", vars: { frequency: 1 } } });
    // Ann had bought before the week: 1 of 3; the week before Boris had too: 1 of 1.
    const repeat = figure("repeat_customer_rate");
    expect(repeat.value).toBeCloseTo(100 / 3, 10);
    expect(repeat.previous).toBe(100);
    expect(repeat.reading).toEqual({ key: "digest-reading-repeat", vars: { returning: 1, buyers: 3 } });
    // LTV = average lifetime x ARPU. Customers by the week's end: Ann (06-01 to 11-17: 169 days), Boris
    // (10-01 to 11-10: 40), Finn (07-01 to 08-20: 50), Eve, Cleo, Ivan (one order: 0) -> 259 / 6 days.
    // ARPU = 300 / 6 customers / (7 / 30.4375 months). LTV = (259 / 6 / 30.4375) x (50 x 30.4375 / 7)
    // = 259 x 50 / 42 = 308.33. The week before: Ann, Boris, Eve, Finn -> 259 / 4 days, 70 / 4 per
    // customer: 64.75 x 17.5 / 7 = 161.875.
    const ltv = figure("ltv");
    expect(ltv.value).toBeCloseTo((259 * 50) / 42, 8);
    expect(ltv.previous).toBeCloseTo(161.875, 8);
    expect(ltv.reading).toEqual({ key: "digest-reading-ltv", vars: { lifetime: 1.4, arpu: 217.41, currency: "USD" } });
    // Boris bought the week before and not this week: 0 of 1. Nobody bought the week before that.
    expect(figure("retention_rate")).toEqual({ value: 0, previous: null, reading: { key: "digest-reading-retention", vars: { retained: 0, buyers: 1 } } });
  });

  test("the loyalty funnel at both ends of the week and who moved", async () => {
    // Monday 16 Nov 00:00 Berlin: Ann and Boris repeat (2 orders), Finn repeat too (3 orders, the last 08-20 within
    // 90 days, but 90 spent is below the median 120 of the active repeat customers Ann 200, Boris 120, Finn 90: not
    // high value), Eve new (one order 05-20, not yet 180 days), Dan, Gus, Hana, Ivan, Jana, Karl potential;
    // Cleo and Lena not known yet. Monday 23 Nov: Ann loyal (3rd order, 400 >= the median 120 of 400, 120, 90),
    // Finn repeat, Eve churned after her first order (> 180 days), Ivan and Cleo new, Lena potential.
    expect(digest.movement.stages).toEqual([
      { key: "potential", before: 6, after: 6 },
      { key: "new", before: 1, after: 2 },
      { key: "repeat", before: 3, after: 2 },
      { key: "loyal", before: 0, after: 1 },
      { key: "churned_from_new", before: 0, after: 1 },
      { key: "churned_from_loyal", before: 0, after: 0 },
    ]);
    expect(digest.movement.stageFlows).toEqual([
      { from: "new", to: "churned_from_new", count: 1 },
      { from: null, to: "new", count: 1 },
      { from: null, to: "potential", count: 1 },
      { from: "potential", to: "new", count: 1 },
      { from: "repeat", to: "loyal", count: 1 },
    ]);
    // RFM classes exist for the customers with a paid order: 4 at the start, 6 at the end.
    expect(digest.movement.rfm.reduce((a, c) => a + c.before, 0)).toBe(4);
    expect(digest.movement.rfm.reduce((a, c) => a + c.after, 0)).toBe(6);
    const snapshots = await database.db.prisma.stageSnapshot.findMany({ orderBy: { takenFor: "asc" } });
    expect(snapshots.map((s) => [s.takenFor.toISOString(), s.customers])).toEqual([
      ["2026-11-15T23:00:00.000Z", 10],
      ["2026-11-22T23:00:00.000Z", 12],
    ]);
  });

  test("the campaign that finished, and the detractors with their reasons", () => {
    // #501: Ann and Boris got it, Dan and Jana held out. Ann ordered 200 the day after, nobody else did:
    // (200 / 2 - 0 / 2) x 2 = 200 incremental; ROMI (200 - 100) / 100 = 100%. Orders until 25 Nov still count.
    expect(digest.campaigns).toEqual([
      {
        id: 501,
        name: "Black Friday teaser",
        finishedAt: new Date("2026-11-18T09:00:00Z"),
        delivered: 2,
        holdout: 2,
        incrementalRevenue: 200,
        attributedRevenue: 200,
        cost: 100,
        romi: 100,
        romiBasis: "incremental",
        significance: "too_small",
        countingUntil: new Date("2026-11-25T09:00:00Z"),
      },
    ]);
    // Ivan ("Delivery was slow") and Jana ("slow delivery, again"); Karl the week before.
    expect(digest.detractors).toEqual({
      count: 2,
      previous: 1,
      reasons: [
        { term: "delivery", count: 2 },
        { term: "slow", count: 2 },
      ],
      quotes: [
        { score: 5, comment: "slow delivery, again" },
        { score: 3, comment: "Delivery was slow" },
      ],
      bySource: [
        { source: "instagram_bio", count: 1 },
        { source: "qr_store", count: 1 },
      ],
    });
  });

  test("the series behind the charts", () => {
    expect(digest.npsTrend).toHaveLength(12);
    expect(digest.npsTrend[0]!.week).toBe("2026-08-31");
    expect(digest.npsTrend.slice(-2)).toEqual([
      { week: "2026-11-09", responses: 2, promoters: 1, detractors: 1, nps: 0 },
      { week: "2026-11-16", responses: 4, promoters: 1, detractors: 2, nps: -25 },
    ]);
    // First purchases by month: Eve May, Ann June (bought again in September and November), Finn July
    // (again in August), Boris October (again in November), Cleo and Ivan November.
    expect(digest.cohorts).toEqual([
      { cohort: "2026-05", size: 1, retention: [1, 0, 0, 0, 0, 0, 0] },
      { cohort: "2026-06", size: 1, retention: [1, 0, 0, 1, 0, 1] },
      { cohort: "2026-07", size: 1, retention: [1, 1, 0, 0, 0] },
      { cohort: "2026-10", size: 1, retention: [1, 1] },
      { cohort: "2026-11", size: 2, retention: [1] },
    ]);
  });

  test("nothing moved enough for a proposal: every signal is below the thresholds", () => {
    // The biggest moves are one or two people (detractors 1 -> 2): under MIN_PEOPLE.
    expect(digest.proposal).toBeNull();
    expect(digest.signals.every((s) => !s.eligible)).toBe(true);
    expect(digest.signals.find((s) => s.key === "detractors")).toMatchObject({ before: 1, after: 2, relative: 1 });
  });

  test("in words, English and Russian", () => {
    const en = digestSections(digest, { translator: deps.translator, language: "en", timezone: "Europe/Berlin" });
    expect(en.title).toBe("Weekly digest, 16 – 22 Nov 2026");
    expect(en.subtitle).toBe("Each figure against 9 – 15 Nov 2026 · times in Europe/Berlin");
    expect(en.proposal).toEqual({
      heading: "Proposed action",
      none: "Nothing moved enough to call for a campaign (a segment has to change by at least 5 people and 10%).",
    });
    const figures = en.sections[0]!.lines;
    expect(figures[0]).toEqual({ label: "NPS", text: "-25  ▼ −25 pts (0)", note: "Act now (below 0): more detractors than promoters · 4 answers, too few to read much into" });
    expect(figures[5]).toEqual({ label: "Revenue", text: "300 USD  ▲ +329% (70 USD)", note: "3 orders × 100 USD on average; the number of orders moved it most" });
    expect(figures[9]!.note).toBe("0 of the 1 customers who bought the week before bought again");
    expect(en.sections[2]!.lines.at(-1)!.text).toBe(
      "Moved: New → Churned after 1st 1 · Potential → New 1 · Repeat → Loyal 1 · new in the base: 2",
    );
    expect(en.sections[3]!.lines).toEqual([
      {
        text: "#501 Black Friday teaser: 2 delivered · incremental revenue 200 USD vs the holdout · ROMI 100.0% · groups too small to tell",
        note: "orders until 25 Nov still count",
      },
    ]);
    expect(en.sections[4]!.lines.map((l) => l.text)).toEqual([
      "2 detractors (0–6); the week before 1",
      "Most mentioned: delivery (2), slow (2)",
      "In their words:",
      "5/10: slow delivery, again",
      "3/10: Delivery was slow",
    ]);
    const ru = digestSections(digest, { translator: deps.translator, language: "ru", timezone: "Europe/Berlin" });
    expect(ru.title).toBe("Дайджест недели, 16–22 нояб. 2026 г.");
    expect(ru.sections[0]!.lines[0]).toEqual({
      label: "NPS",
      text: "-25  ▼ −25 п. (0)",
      note: "Действовать сейчас (ниже 0): критиков больше, чем промоутеров · 4 ответа, слишком мало для выводов",
    });
    expect(ru.sections[4]!.lines[0]!.text).toBe("2 критика (0–6); на прошлой неделе 1");
  });

  test("four charts as PNG: 1920x1080, with real content, in both languages", () => {
    for (const language of ["en", "ru"]) {
      const charts = renderDigestCharts(deps, digest, language);
      expect(charts.map((c) => c.filename)).toEqual(["nps-trend.png", "loyalty-funnel.png", "cohort-retention.png", "subscribers-by-source.png"]);
      for (const chart of charts) {
        const image = decode(chart.png);
        expect([image.width, image.height, chart.width, chart.height]).toEqual([1920, 1080, 1920, 1080]);
        expect(pictureStats(image)).toMatchObject({ blank: false });
      }
    }
    expect(renderDigestCharts(deps, digest, "ru")[0]!.title).toBe("NPS за последние 12 недель");
  });

  test("a week with nothing to draw still gives four readable charts (they say so)", async () => {
    // March 2025: only Ann is known, nobody has bought or answered NPS yet.
    const quiet = await buildDigest(deps, { period: { from: new Date("2025-03-02T23:00:00Z"), to: new Date("2025-03-09T23:00:00Z") } });
    expect([quiet.npsTrend.every((w) => w.nps === null), quiet.cohorts, quiet.sources, quiet.proposal]).toEqual([true, [], [], null]);
    for (const chart of renderDigestCharts(deps, quiet, "en")) {
      const image = decode(chart.png);
      expect([image.width, image.height]).toEqual([1920, 1080]);
      expect(pictureStats(image).blank).toBe(false);
    }
  });
});
