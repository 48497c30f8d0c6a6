// A/B tests that pick their winner, through the real outbox and Telegram
// channel with a clock moved by the test: B clearly wins and goes to the rest;
// a tie sends the default and says so; a press before the deadline decides; a
// restart at the deadline and two instances decide once; a pause stops the rest.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { chooseWinner, decideDueTests, extendTest, minimumDetectableDifference, pickWinner } from "../../core/campaigns/ab-winner.ts";
import { createCampaign, pauseCampaign, resumeCampaign } from "../../core/campaigns/campaigns.ts";
import { DeliveryWorker } from "../../core/delivery/delivery-worker.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { createManyCustomers } from "../support/factories.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";

const TEXT_A = "A: boots -20% until Sunday";
const TEXT_B = "B: your size is back, -20% until Sunday";

describe.each(DATABASE_KINDS)("A/B winner on %s", (kind) => {
  let database: TestDatabase;
  let tg: FakeTelegram;
  let deps: TestCoreDeps;
  let clock: FakeClock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tg = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await tg.stop();
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.prisma.$executeRawUnsafe(`TRUNCATE delivery, campaign, subscriber, click, audit_log RESTART IDENTITY CASCADE`);
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET next_slot_at = '1970-01-01', paused_until = NULL`);
    clock = new FakeClock("2026-11-24T09:00:00Z"); // Tuesday 10:00 in Berlin
    deps = testCoreDeps(database, { clock, telegram: tg });
    await createManyCustomers(database.db, 200, 70_000);
  });

  const worker = () => new DeliveryWorker(deps, { ratePerSecond: 1000, concurrency: 4, sleep: async (ms) => void clock.advance(ms) });
  async function run(w = worker()) {
    await w.housekeeping();
    await w.drain();
    await w.housekeeping();
  }
  const test50 = (extra: Record<string, unknown> = {}) =>
    createCampaign(deps, {
      name: "Boots",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: TEXT_A }, B: { text: TEXT_B } },
      variantBPercent: 50,
      testPercent: 50,
      winnerBy: "clicks",
      winnerAfterMinutes: 240,
      sendAt: clock.now(),
      createdBy: "U0MARKETER",
      ...extra,
    });
  const rows = async (id: number) => database.db.prisma.delivery.findMany({ where: { campaignId: id }, orderBy: { id: "asc" } });
  /** Clicks for a share of a variant's sent messages. */
  async function click(id: number, variant: "A" | "B", share: number) {
    const sent = (await rows(id)).filter((r) => r.variant === variant && r.status === "sent");
    const n = Math.round(sent.length * share);
    for (const r of sent.slice(0, n)) await database.db.prisma.click.create({ data: { deliveryId: r.id, button: 0, at: clock.now() } });
  }
  const textsOf = (variant: string, all: Awaited<ReturnType<typeof rows>>) =>
    all.filter((r) => r.variant === variant).map((r) => tg.chat(70_000 + r.subscriberId - 1).map((m) => m.text));

  test("the test share goes A/B at once, the rest waits; B clearly wins at the deadline and goes to the rest", async () => {
    const campaign = await test50();
    await run();
    const before = await rows(campaign.id);
    const rest = before.filter((r) => r.variant === "R");
    const a = before.filter((r) => r.variant === "A");
    const b = before.filter((r) => r.variant === "B");
    expect(a.length + b.length + rest.length).toBe(200);
    expect(rest.length).toBeGreaterThan(70);
    expect(a.length).toBeGreaterThan(30);
    expect(b.length).toBeGreaterThan(30);
    expect(new Set(textsOf("A", before).flat())).toEqual(new Set([TEXT_A]));
    expect(new Set(textsOf("B", before).flat())).toEqual(new Set([TEXT_B]));
    expect(textsOf("R", before).flat()).toEqual([]);
    const card = deps.alerts.find((x) => x.kind === "ab_test");
    expect(card).toMatchObject({ campaignId: campaign.id, testPercent: 50, by: "clicks", sizes: { A: a.length, B: b.length, rest: rest.length } });

    await click(campaign.id, "A", 0.05);
    await click(campaign.id, "B", 0.4);
    clock.advance(239 * 60_000);
    await run();
    expect((await rows(campaign.id)).filter((r) => r.variant === "R")).toHaveLength(rest.length);
    clock.advance(60_000);
    await run();
    const after = await rows(campaign.id);
    expect(after.filter((r) => r.variant === "R")).toEqual([]);
    for (const r of rest) expect(tg.chat(70_000 + r.subscriberId - 1).map((m) => m.text)).toEqual([TEXT_B]);
    const decided = await database.db.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(decided.decision).toMatchObject({ winner: "B", reason: "significant", by: "clicks", decidedBy: "system", rest: rest.length });
    expect(deps.alerts.find((x) => x.kind === "ab_decision")).toMatchObject({ campaignId: campaign.id, decision: { winner: "B", reason: "significant" } });
    const audit = await database.db.prisma.auditLog.findMany({ where: { action: "campaign.ab_decided" } });
    expect(audit.map((x) => [x.actor, x.target])).toEqual([["system", `campaign:${campaign.id}`]]);
  });

  test("a tie sends the default variant and says the difference was not significant", async () => {
    const campaign = await test50({ defaultVariant: "B" });
    await run();
    await click(campaign.id, "A", 0.1);
    await click(campaign.id, "B", 0.1);
    clock.advance(240 * 60_000);
    await run();
    const decided = await database.db.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(decided.decision).toMatchObject({ winner: "B", reason: "not_significant" });
    expect((decided.decision as { pValue: number }).pValue).toBeGreaterThan(0.05);
  });

  test("a press before the deadline decides; the deadline then decides nothing more", async () => {
    const campaign = await test50();
    await run();
    clock.advance(30 * 60_000);
    const { decision } = await chooseWinner(deps, { id: campaign.id, winner: "A", actor: "U0MARKETER" });
    expect(decision).toMatchObject({ winner: "A", reason: "manual", decidedBy: "U0MARKETER" });
    await expect(chooseWinner(deps, { id: campaign.id, winner: "B", actor: "U0BOSS" })).rejects.toMatchObject({ code: "ab_already_decided" });
    clock.advance(240 * 60_000);
    await run();
    expect(await decideDueTests(deps)).toEqual([]);
    const all = await rows(campaign.id);
    expect(all.filter((r) => r.variant === "RA").length).toBeGreaterThan(70);
    expect(all.filter((r) => r.variant === "R")).toEqual([]);
    expect(await database.db.prisma.auditLog.count({ where: { action: "campaign.ab_decided" } })).toBe(1);
  });

  test("Wait longer moves the deadline by the waiting time", async () => {
    const campaign = await test50();
    await run();
    const decideAt = await extendTest(deps, { id: campaign.id, actor: "U0MARKETER" });
    expect(decideAt.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    clock.set("2026-11-24T13:00:00Z");
    expect(await decideDueTests(deps)).toEqual([]);
    clock.set("2026-11-24T17:00:00Z");
    expect(await decideDueTests(deps)).toHaveLength(1);
  });

  test("a restart at the deadline decides once, and two instances at once decide once", async () => {
    const campaign = await test50();
    await run();
    clock.advance(240 * 60_000);
    // Two "instances" (two workers over the same database) reach the deadline together.
    const [one, two] = await Promise.all([decideDueTests(deps), decideDueTests(deps)]);
    expect(one.length + two.length).toBe(1);
    await run(worker()); // a fresh process after a restart
    expect(await database.db.prisma.auditLog.count({ where: { action: "campaign.ab_decided" } })).toBe(1);
    expect((await rows(campaign.id)).filter((r) => r.variant === "R")).toEqual([]);
  });

  test("a pause before the deadline stops the rest until the resume", async () => {
    const campaign = await test50();
    await run();
    await pauseCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    clock.advance(300 * 60_000);
    await run();
    expect((await rows(campaign.id)).filter((r) => r.variant === "R").length).toBeGreaterThan(70);
    await resumeCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    await run();
    expect((await rows(campaign.id)).filter((r) => r.variant === "R")).toEqual([]);
  });

  test("the statistics: the winner needs a significant difference; the detectable difference shrinks with size", () => {
    const r = (size: number, successes: number) => ({ size, successes, rate: successes / size });
    expect(pickWinner({ A: r(500, 50), B: r(500, 80) }, "A")).toMatchObject({ winner: "B", reason: "significant" });
    expect(pickWinner({ A: r(500, 50), B: r(500, 55) }, "A")).toMatchObject({ winner: "A", reason: "not_significant" });
    expect(pickWinner({ A: r(20, 1), B: r(20, 9) }, "A")).toMatchObject({ winner: "A", reason: "too_small" });
    // 10% baseline, z = 1.96 + 0.84 = 2.80: the lift L with L = 2.80 sqrt((0.1 * 0.9 + (0.1 + L)(0.9 - L)) / n),
    // by hand: about 4.6 points with 800 per group (0.0459 -> 2.8016 * sqrt(0.21461 / 800) = 0.0459), 16.7 with 80.
    expect(minimumDetectableDifference(800, 0.1)).toBeCloseTo(0.0459, 3);
    expect(minimumDetectableDifference(80, 0.1)).toBeCloseTo(0.1675, 3);
  });
});
