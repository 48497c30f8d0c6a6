// The pre-flight numbers agree with what materialization then does.
import { describe, expect, test } from "vitest";
import { createCampaign, scheduleDraft } from "../../core/campaigns/campaigns.ts";
import { materializeDueCampaigns } from "../../core/campaigns/materialize.ts";
import { preflight } from "../../core/campaigns/preflight.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers, createManyCustomers } from "../support/factories.ts";
import { useTestDatabase } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("pre-flight on %s", (kind) => {
  const database = useTestDatabase(kind);

  test("matched, excluded by reason, holdout and variants, quiet hours, ETA", async () => {
    const clock = new FakeClock("2026-11-24T21:00:00Z"); // 22:00 in Berlin, 16:00 in New York
    const deps = testCoreDeps(database, { clock });
    await createManyCustomers(database.db, 200, 70_000); // no timezone: the team's (Berlin)
    await createCustomers(database.db, [
      { telegramId: 1, consent: "unsubscribed" },
      { telegramId: 2, consent: "unsubscribed" },
      { telegramId: 3, consent: "unsubscribed" },
      { telegramId: 4, consent: "pending" },
      { telegramId: 5, consent: "declined" },
      { telegramId: 6, consent: "none" },
      { telegramId: 7, blocked: true },
      { telegramId: 8, blocked: true },
      ...Array.from({ length: 10 }, (_, i) => ({ telegramId: 100 + i, timezone: "America/New_York" })),
    ]);
    const [capped] = await createCustomers(database.db, [{ telegramId: 9 }]);
    for (const day of [1, 2]) {
      const old = await createCampaign(deps, { name: `old${day}`, segmentText: "x", segment: { version: 1, where: { kind: "tag", tags: ["none"] } }, message: { A: { text: "x" } }, sendAt: clock.now(), createdBy: "U1" });
      await database.db.prisma.delivery.create({ data: { campaignId: old.id, subscriberId: capped!, status: "sent", notBefore: clock.now(), sentAt: new Date(clock.now().getTime() - day * 86_400_000) } });
    }
    const draft = await createCampaign(deps, {
      name: "Winter",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: "A" }, B: { text: "B" } },
      sendAt: clock.now(),
      holdoutPercent: 10,
      variantBPercent: 50,
      createdBy: "U1",
      draft: true,
    });
    const pf = await preflight(deps, { campaignId: draft.id, ratePerSecond: 30 });
    // 200 + 8 + 10 + 1 = 219 matched; reachable = 200 + 10 + 1 = 211.
    expect(pf.matched).toBe(219);
    expect(pf.excluded).toEqual({ noConsent: 3, unsubscribed: 3, blocked: 2, frequencyCap: expect.any(Number) });
    expect(pf.excluded.frequencyCap).toBeLessThanOrEqual(1);
    expect(pf.holdout + pf.variantA + pf.variantB + pf.excluded.frequencyCap).toBe(211);
    expect(pf.recipients).toBe(pf.variantA + pf.variantB);
    expect(pf.etaSeconds).toBe(Math.ceil(pf.recipients / 30));

    await scheduleDraft(deps, { id: draft.id, actor: "U1", requireApproval: false });
    await materializeDueCampaigns(deps);
    const rows = await database.db.prisma.delivery.groupBy({ by: ["variant"], where: { campaignId: draft.id }, _count: true });
    const byVariant = Object.fromEntries(rows.map((r) => [r.variant, r._count]));
    // Materialization assigns exactly the buckets the pre-flight showed (the capped customer is skipped at send time).
    expect(byVariant.H ?? 0).toBe(pf.holdout);
    expect((byVariant.A ?? 0) + (byVariant.B ?? 0)).toBe(pf.recipients + pf.excluded.frequencyCap);
    // 22:00 in Berlin is quiet: every recipient but the New Yorkers waits for the morning.
    const newYorkers = (await database.db.prisma.subscriber.findMany({ where: { timezone: "America/New_York" } })).map((x) => x.id);
    const newYorkTreated = await database.db.prisma.delivery.count({ where: { campaignId: draft.id, variant: { in: ["A", "B"] }, subscriberId: { in: newYorkers } } });
    expect(pf.deferredByQuietHours).toBe(pf.recipients - newYorkTreated);
    expect(pf.deferredByQuietHours).toBeGreaterThan(150);
    // A 10% holdout of ~211 and a 50/50 split of ~190 cannot show a 5-point lift on 5%: both are flagged.
    expect(pf.warnings).toEqual([
      { kind: "small_group", group: "holdout", size: pf.holdout, other: pf.recipients, needed: null, balanced: 432 },
      { kind: "small_group", group: "variant_b", size: pf.variantB, other: pf.variantA, needed: null, balanced: 432 },
    ]);
  });

  test("a send time more than 30 days ahead is flagged; 30 days is not", async () => {
    const clock = new FakeClock("2026-12-03T09:00:00Z");
    const deps = testCoreDeps(database, { clock });
    const draft = (days: number) =>
      createCampaign(deps, {
        name: `in ${days} days`,
        segmentText: "everyone",
        segment: { version: 1, where: { kind: "everyone" } },
        message: { A: { text: "A" } },
        sendAt: new Date(clock.now().getTime() + days * 86_400_000),
        createdBy: "U1",
        draft: true,
      });
    const far = await preflight(deps, { campaignId: (await draft(313)).id, ratePerSecond: 30 });
    expect(far.warnings).toEqual([{ kind: "far_ahead", days: 313 }]);
    const near = await preflight(deps, { campaignId: (await draft(30)).id, ratePerSecond: 30 });
    expect(near.warnings).toEqual([]);
    // Counted as of the send time when it is an hour or more ahead (the card says so); as of now otherwise.
    expect([far.countedAtSendTime, near.countedAtSendTime]).toEqual([true, true]);
    const soon = await preflight(deps, { campaignId: (await draft(0.5 / 24)).id, ratePerSecond: 30 });
    expect(soon.countedAtSendTime).toBe(false);
  });
});
