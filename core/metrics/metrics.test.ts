import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../../test/support/small-store.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import { acquisitionBySource } from "./acquisition.ts";
import { recordAcquisitionSpend } from "./acquisition-spend.ts";
import { cohortRetention } from "./cohort-retention.ts";
import { keyFigures, type FigureKey, type KeyFigures } from "./key-figures.ts";
import { npsTrend } from "./nps-trend.ts";
import { calendarPeriod } from "./period.ts";
import { parsePeriodWords } from "./period-words.ts";
import { campaignRomi, romi } from "./romi.ts";

describe("ROMI", () => {
  test("(revenue - cost) / cost x 100, also on incremental revenue; undefined without a cost", () => {
    // (2500 - 1000) / 1000 = 150%; incremental (1200 - 1000) / 1000 = 20%
    expect(campaignRomi([{ campaignId: "c1", name: "Win-back", cost: 1000, revenue: 2500, incrementalRevenue: 1200 }])).toEqual([
      { campaignId: "c1", name: "Win-back", cost: 1000, revenue: 2500, incrementalRevenue: 1200, romi: 150, incrementalRomi: 20 },
    ]);
    expect(romi({ cost: 500, revenue: 250 })).toBe(-50);
    expect(romi({ cost: 0, revenue: 250 })).toBeNull();
  });
});

describe("calendar periods", () => {
  test("weeks start on Monday and months on the 1st at midnight in the team's timezone", () => {
    const at = new Date(SMALL_STORE_NOW);
    expect(calendarPeriod("week", at, "Europe/Berlin", -1)).toEqual({ from: new Date("2026-11-15T23:00:00Z"), to: new Date("2026-11-22T23:00:00Z") });
    expect(calendarPeriod("month", at, "Europe/Berlin")).toEqual({ from: new Date("2026-10-31T23:00:00Z"), to: new Date("2026-11-30T23:00:00Z") });
    // Across the change to summer time: March 2027 starts at UTC+1 and ends at UTC+2.
    expect(calendarPeriod("month", new Date("2027-03-15T12:00:00Z"), "Europe/Berlin")).toEqual({
      from: new Date("2027-02-28T23:00:00Z"),
      to: new Date("2027-03-31T22:00:00Z"),
    });
  });
});

describe.each(DATABASE_KINDS)("metrics on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  // The week of Monday 2026-11-16 in Berlin: [11-15 23:00Z, 11-22 23:00Z); the previous week before it.
  const lastWeek = calendarPeriod("week", new Date(SMALL_STORE_NOW), "Europe/Berlin", -1);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(SMALL_STORE_NOW));
    await seedSmallStore(database.db);
    await database.db.execScript(`
      INSERT INTO subscriber (id, first_name, source, consent_status, created_at) VALUES (9, 'Ivo', 'qr_store', 'subscribed', '2026-11-17T09:00:00Z');
      INSERT INTO consent_record (subscriber_id, status, at) VALUES
        (3, 'subscribed', '2026-11-02T10:00:00Z'), (7, 'subscribed', '2026-11-16T10:00:00Z'), (9, 'subscribed', '2026-11-17T09:05:00Z'),
        (4, 'unsubscribed', '2026-11-18T10:00:00Z'), (8, 'subscribed', '2026-10-20T10:00:00Z');
      INSERT INTO survey_response (subscriber_id, survey_id, kind, score, answered_at) VALUES
        (1, 'nps-w', 'nps', 9, '2026-11-17T10:00:00Z'), (3, 'nps-w', 'nps', 5, '2026-11-18T10:00:00Z'),
        (3, 'nps-w2', 'nps', 8, '2026-11-19T10:00:00Z'), (2, 'nps-w', 'nps', 10, '2026-11-20T10:00:00Z'),
        (4, 'nps-w', 'nps', 2, '2026-11-21T10:00:00Z'), (5, 'csat-w', 'csat', 1, '2026-11-21T10:00:00Z');
    `);
    await refreshCustomerStats(deps);
    await recordAcquisitionSpend(deps, { source: "instagram_bio", from: "2026-11-01", to: "2026-11-30", amount: 3000, contacted: 1500, actor: "slack:U1" });
    await recordAcquisitionSpend(deps, { source: "qr_store", from: "2026-11-16", to: "2026-11-22", amount: 200, actor: "slack:U1" });
  });
  afterAll(async () => {
    await database.drop();
  });

  const figure = (k: KeyFigures, key: FigureKey) => {
    const f = k.figures.find((x) => x.key === key)!;
    return [f.value, f.previous];
  };

  test("the key figures of a week next to the week before, from hand-computed numbers", async () => {
    const k = await keyFigures(deps, { period: lastWeek });
    expect(k.previousPeriod).toEqual({ from: new Date("2026-11-08T23:00:00Z"), to: new Date("2026-11-15T23:00:00Z") });
    // Confirmed: Gus (11-16) and Ivo (11-17); Hana's was in October, Cleo's on 11-02. Dan left on 11-18.
    // (Erased people still count in aggregates - test/e2e/privacy.test.ts.)
    expect(figure(k, "subscribers_gained")).toEqual([2, 0]);
    expect(figure(k, "subscribers_lost")).toEqual([1, 0]);
    expect(figure(k, "blocked")).toEqual([1, 0]); // Cleo, 11-22 20:00Z
    // Latest answers: Ann 9, Cleo 8 (her 5 came first), Boris 10, Dan 2 -> 2 promoters, 1 detractor of 4: 25. Eve's is CSAT.
    expect(figure(k, "nps")).toEqual([25, null]);
    expect(figure(k, "nps_responses")).toEqual([4, 0]);
    // This week: Ann 300 and Cleo 0 (Gus's 90 was refunded). The week before: Boris 80.
    expect(figure(k, "revenue")).toEqual([300, 80]);
    expect(figure(k, "orders")).toEqual([2, 1]);
    expect(figure(k, "active_customers")).toEqual([2, 1]);
    expect(figure(k, "aov")).toEqual([150, 80]);
    expect(figure(k, "purchase_frequency")).toEqual([1, 1]);
    // Ann had bought before, Cleo had not: 1 of 2. Boris (the week before) had bought on 09-01: 1 of 1.
    expect(figure(k, "repeat_customer_rate")).toEqual([50, 100]);
    // Boris bought the week before and not this week: 0 of 1 retained. Nobody bought in the week before that.
    expect(figure(k, "retention_rate")).toEqual([0, null]);
    expect(figure(k, "churn_rate")).toEqual([100, null]);
    // Customers with a first order before the end: Ann 354 days first to last, Boris 70, Cleo 0, Dan 0, Eve 61, and erased
    // Hana 0 (one order, 11-01: her anonymous aggregates stay) -> 485 / 6 = 80.83 days;
    // the week before, without Cleo: 485 / 5 = 97 days. Months of 30.4375 days.
    const [lifetime, lifetimeBefore] = figure(k, "average_lifetime");
    expect(lifetime).toBeCloseTo(485 / 6 / 30.4375, 10);
    expect(lifetimeBefore).toBeCloseTo(97 / 30.4375, 10);
    // ARPU = 300 / 6 customers / (7 / 30.4375 months); before: 80 / 5 / (7 / 30.4375)
    const [arpu, arpuBefore] = figure(k, "arpu");
    expect(arpu).toBeCloseTo((50 * 30.4375) / 7, 10);
    expect(arpuBefore).toBeCloseTo((16 * 30.4375) / 7, 10);
    // LTV = lifetime x ARPU = 80.83 x 50 / 7 = 577.38; before 97 x 16 / 7 = 221.71
    const [ltv, ltvBefore] = figure(k, "ltv");
    expect(ltv).toBeCloseTo(((485 / 6) * 50) / 7, 8);
    expect(ltvBefore).toBeCloseTo((97 * 16) / 7, 8);
    // Purchases per customer per month (RPR) on the same base as ARPU: 2 orders / 6 customers / (7 / 30.4375 months)
    // = 1.449; before 1 / 5 / (7 / 30.4375) = 0.870.
    const [rpr, rprBefore] = figure(k, "purchases_per_customer_month");
    expect(rpr).toBeCloseTo((2 * 30.4375) / 42, 10);
    expect(rprBefore).toBeCloseTo(30.4375 / 35, 10);
    // AOV x RPR x lifetime = 150 x 1.449 x 2.656 = 577.38 = LTV; before 80 x 0.870 x 3.187 = 221.71 = LTV.
    const [detailed, detailedBefore] = figure(k, "ltv_detailed");
    expect(detailed).toBeCloseTo(((485 / 6) * 50) / 7, 8);
    expect(detailedBefore).toBeCloseTo((97 * 16) / 7, 8);
    // Spend: instagram 3000 over 30 days -> 7 days = 700; qr_store 200 inside the week. Acquired: Ivo (qr_store); Gus has no source.
    // CAC = 900 / 1; before: 700 spent, nobody acquired. Contacted: 1500 x 7/30 = 350 entered for instagram, 1 arrival (Ivo) for qr_store.
    expect(figure(k, "cac")).toEqual([900, null]);
    const [rate, rateBefore] = figure(k, "acquisition_rate");
    expect(rate).toBeCloseTo(100 / 351, 10);
    expect(rateBefore).toBe(0);
    // Budget = ARPU x 30% margin x 10% returned x 5 customers x 12
    const [budget] = figure(k, "crm_budget");
    expect(budget).toBeCloseTo(((60 * 30.4375) / 7) * 0.3 * 0.1 * 5 * 12, 8);
    const nps = k.figures.find((f) => f.key === "nps")!;
    expect(nps.label).toBe("NPS");
    expect(nps.definition).toMatch(/^% promoters \(9-10\) minus % detractors \(0-6\)/);
    expect(k.figures.find((f) => f.key === "crm_budget")!.definition).toContain("margin (30%) x share returned to the customer (10%)");
  });

  test("both LTV forms agree for a week, a calendar month and a partial period; a month compares with the previous month", async () => {
    const ltvs = async (text: string) => {
      const k = await keyFigures(deps, { period: parsePeriodWords(text, new Date(SMALL_STORE_NOW), "Europe/Berlin").period });
      return { k, ltv: figure(k, "ltv"), detailed: figure(k, "ltv_detailed") };
    };
    // October 2026 in Berlin: 31 days and the hour the clocks went back = 745 hours; its only order Ann's 200.
    // Customers by its end: Ann, Boris, Dan, Eve; lifetimes (as known now) 354, 70, 0, 61 days -> 121.25 days.
    // LTV = 121.25 / 30.4375 months x 200 / 4 / (745 / 24 / 30.4375 months) = 121.25 x 50 x 24 / 745 = 195.30;
    // AOV 200 x RPR (1 / 4 / months) x lifetime is the same product.
    const october = await ltvs("october");
    expect(october.k.previousPeriod).toEqual({
      from: new Date("2026-08-31T22:00:00Z"),
      to: new Date("2026-09-30T22:00:00Z"),
      calendar: { unit: "month", timezone: "Europe/Berlin" },
    });
    expect(october.ltv[0]).toBeCloseTo((121.25 * 50 * 24) / 745, 8);
    expect(october.detailed[0]).toBeCloseTo((121.25 * 50 * 24) / 745, 8);
    // September (30 days): Boris's 40 over the same 4 customers: 121.25 x 10 / 30 = 40.42, both ways.
    expect(october.ltv[1]).toBeCloseTo((121.25 * 10) / 30, 8);
    expect(october.detailed[1]).toBeCloseTo((121.25 * 10) / 30, 8);
    // A week, this month so far and the last 3 days: the two forms agree to rounding, whatever the period's length.
    for (const text of ["last week", "this month", "last 3 days"]) {
      const { ltv, detailed } = await ltvs(text);
      expect([text, detailed[0]! - ltv[0]!]).toEqual([text, expect.closeTo(0, 8)]);
      expect([text, (detailed[1] ?? 0) - (ltv[1] ?? 0)]).toEqual([text, expect.closeTo(0, 8)]);
    }
  });

  test("per source and per segment", async () => {
    const ig = await keyFigures(deps, { period: lastWeek, scope: { source: "instagram_bio" } });
    // Ann is the only instagram buyer of the week; instagram customers: Ann, Boris. Nobody from instagram subscribed.
    expect([figure(ig, "revenue"), figure(ig, "active_customers"), figure(ig, "subscribers_gained"), figure(ig, "cac")]).toEqual([
      [300, 80],
      [1, 1],
      [0, 0],
      [null, null],
    ]);
    const loyal = await keyFigures(deps, { period: lastWeek, scope: { segment: parseSegmentText("lifecycle = loyal") } });
    expect([figure(loyal, "revenue"), figure(loyal, "nps"), figure(loyal, "cac")]).toEqual([[300, 0], [100, null], [null, null]]);
  });

  test("an empty period: zeros, and no figure that would divide by zero", async () => {
    const k = await keyFigures(deps, { period: { from: new Date("2020-01-06T00:00:00Z"), to: new Date("2020-01-13T00:00:00Z") } });
    const values = Object.fromEntries(k.figures.map((f) => [f.key, f.value]));
    expect(values).toMatchObject({ revenue: 0, orders: 0, aov: null, purchase_frequency: null, nps: null, retention_rate: null, ltv: null, arpu: null, crm_budget: null, cac: null, acquisition_rate: null });
  });

  test("acquisition per source", async () => {
    expect(await acquisitionBySource(deps, { period: lastWeek })).toEqual([
      { source: "instagram_bio", spend: 700, acquired: 0, contacted: 350, cac: null, acquisitionRate: 0 },
      { source: "qr_store", spend: 200, acquired: 1, contacted: 1, cac: 200, acquisitionRate: 1 },
    ]);
    await expect(recordAcquisitionSpend(deps, { source: "tv", from: "2026-11-30", to: "2026-11-01", amount: 5, actor: "x" })).rejects.toThrow(
      "Invalid acquisition spend: to the last day must not be before the first.",
    );
  });

  test("NPS week by week", async () => {
    expect(await npsTrend(deps, { weeks: 3 })).toEqual([
      { week: "2026-11-09", responses: 0, promoters: 0, detractors: 0, nps: null },
      { week: "2026-11-16", responses: 4, promoters: 2, detractors: 1, nps: 25 },
      { week: "2026-11-23", responses: 0, promoters: 0, detractors: 0, nps: null },
    ]);
  });

  test("monthly cohort retention", async () => {
    // First orders in Sep-Nov 2026: Boris (Sep; bought again in Nov), Cleo and erased Hana (Nov; her aggregates stay).
    expect(await cohortRetention(deps, { months: 3 })).toEqual([
      { cohort: "2026-09", size: 1, retention: [1, 0, 1] },
      { cohort: "2026-11", size: 2, retention: [1] },
    ]);
  });
});

describe.each(DATABASE_KINDS)("money in several currencies on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2020-01-20T10:00:00Z"));
    await database.db.execScript(`
      INSERT INTO subscriber (id, telegram_id, first_name, consent_status, created_at) VALUES (1, 11, 'Ann', 'subscribed', '2020-01-01T00:00:00Z'),
        (2, 12, 'Ben', 'subscribed', '2020-01-01T00:00:00Z');
      INSERT INTO "order" (subscriber_id, idempotency_key, amount, currency, status, paid_at) VALUES
        (1, 'u1', 100, 'USD', 'paid', '2020-01-07T12:00:00Z'), (2, 'e1', 50, 'EUR', 'paid', '2020-01-08T12:00:00Z'),
        (2, 'e2', 30, 'EUR', 'paid', '2020-01-09T12:00:00Z'), (1, 'u0', 60, 'USD', 'paid', '2020-01-02T12:00:00Z');
    `);
    await refreshCustomerStats(deps);
  });
  afterAll(async () => {
    await database.drop();
  });

  test("no sum across currencies: each money figure per currency, the counts over all orders", async () => {
    const k = await keyFigures(deps, { period: { from: new Date("2020-01-06T00:00:00Z"), to: new Date("2020-01-13T00:00:00Z") } });
    const money = (key: FigureKey) => {
      const f = k.figures.find((x) => x.key === key)!;
      return { value: f.value, currency: f.currency, byCurrency: f.byCurrency };
    };
    // This week: USD 100 (1 order), EUR 80 (2 orders); the week before: USD 60.
    expect(money("revenue")).toEqual({
      value: null,
      currency: null,
      byCurrency: [
        { currency: "EUR", value: 80, previous: 0 },
        { currency: "USD", value: 100, previous: 60 },
      ],
    });
    expect(money("aov").byCurrency).toEqual([
      { currency: "EUR", value: 40, previous: null },
      { currency: "USD", value: 100, previous: 60 },
    ]);
    expect(figure(k, "orders")).toEqual([3, 1]);
    // Lifetime: Ann 2 -> 7 Jan (5 days), Ben 8 -> 9 Jan (1 day): 3 days. LTV in EUR = 3 days x 80 / 2 customers / 7 days = 17.14.
    const ltv = k.figures.find((f) => f.key === "ltv")!.byCurrency!;
    expect(ltv.map((c) => [c.currency, c.value])).toEqual([
      ["EUR", expect.closeTo((3 * 80) / 2 / 7, 8)],
      ["USD", expect.closeTo((3 * 100) / 2 / 7, 8)],
    ]);
  });

  const figure = (k: KeyFigures, key: FigureKey) => {
    const f = k.figures.find((x) => x.key === key)!;
    return [f.value, f.previous];
  };
});
