// Campaign results on a known dataset: delivery counts, clicks, last-touch
// attribution, and the incremental effect against the holdout.
import { describe, expect, test } from "vitest";
import { campaignReport, campaignReports, significance } from "../../core/campaigns/campaign-report.ts";
import { createCampaign } from "../../core/campaigns/campaigns.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { useTestDatabase } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("campaign report on %s", (kind) => {
  const database = useTestDatabase(kind);

  test("delivered, clicked, converted, attributed and incremental revenue, ROMI", async () => {
    const clock = new FakeClock("2026-11-10T09:00:00Z");
    const deps = testCoreDeps(database, { clock });
    const [s1, s2, s3, s4, s5, s6, s7] = await createCustomers(
      database.db,
      Array.from({ length: 7 }, (_, i) => ({ telegramId: 100 + i, firstName: `C${i + 1}` })),
    );
    const make = (name: string, cost?: number) =>
      createCampaign(deps, { name, segmentText: "everyone", segment: { version: 1, where: { kind: "everyone" } }, message: { A: { text: "x" }, B: { text: "y" } }, sendAt: clock.now(), createdBy: "U1", ...(cost ? { cost } : {}) });
    const c1 = await make("Winback", 100);
    const c2 = await make("Newsletter");
    const at = (iso: string) => new Date(iso);
    const delivery = (campaignId: number, subscriberId: number, variant: string, status: "sent" | "held_out" | "skipped", when: string, reason?: string) =>
      database.db.prisma.delivery.create({
        data: { campaignId, subscriberId, variant, status, notBefore: at(when), ...(status === "sent" ? { sentAt: at(when) } : {}), reason: reason ?? null },
      });
    const d1 = await delivery(c1.id, s1!, "A", "sent", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s2!, "A", "sent", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s3!, "B", "sent", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s4!, "B", "sent", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s5!, "H", "held_out", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s6!, "H", "held_out", "2026-11-10T10:00:00Z");
    await delivery(c1.id, s7!, "A", "skipped", "2026-11-10T10:00:00Z", "unsubscribed");
    await delivery(c2.id, s1!, "A", "sent", "2026-11-11T09:00:00Z"); // a later touch for C1
    await database.db.prisma.click.create({ data: { deliveryId: d1.id, button: 0, at: at("2026-11-10T11:00:00Z") } });
    const order = (subscriberId: number, amount: number, paidAt: string, status: "paid" | "refunded" = "paid") =>
      database.db.prisma.order.create({ data: { subscriberId, amount, paidAt: at(paidAt), status, idempotencyKey: `${subscriberId}-${paidAt}` } });
    await order(s1!, 120, "2026-11-12T12:00:00Z"); // converted; last touch is C2's message of 11 Nov
    await order(s2!, 50, "2026-11-20T12:00:00Z"); // 10 days later: outside the 7-day window
    await order(s3!, 80, "2026-11-11T12:00:00Z"); // converted, attributed to C1
    await order(s4!, 200, "2026-11-12T12:00:00Z", "refunded"); // refunded: not a conversion
    await order(s5!, 60, "2026-11-13T12:00:00Z"); // holdout converter
    await order(s7!, 40, "2026-11-13T12:00:00Z"); // C7 was assigned to A but never messaged (unsubscribed): still treated

    const r = await campaignReport(deps, c1.id);
    expect(r).toMatchObject({
      audience: 7,
      delivered: 4,
      pending: 0,
      failed: {},
      skipped: { unsubscribed: 1 },
      clicked: 1,
      // Intention to treat: everyone assigned to A or B, delivered or not - C1, C2, C3, C4 and the
      // skipped C7 (its window starts at the row's due time, 10 Nov 10:00). C1 (120), C3 (80) and
      // C7 (40) converted: 3 of 5 = 0.6, revenue 120 + 80 + 40 = 240.
      treatment: { size: 5, converted: 3, revenue: 240, conversionRate: 0.6 },
      // Holdout: C5 converted out of 2, revenue 60.
      holdout: { size: 2, converted: 1, revenue: 60, conversionRate: 0.5 },
      variants: {
        // A: C1, C2, C7; C1 (120) and C7 (40) converted.
        A: { size: 3, converted: 2, revenue: 160, clicked: 1 },
        B: { size: 2, converted: 1, revenue: 80, clicked: 0 },
      },
      // Only C3's order has C1 as its last touch (C7 was never messaged: no touch).
      attributedRevenue: 80,
      // (0.6 - 0.5) x 5 = 0.5; (240/5 - 60/2) x 5 = (48 - 30) x 5 = 90.
      incrementalConversions: 0.5,
      incrementalRevenue: 90,
      cost: 100,
      // (90 - 100) / 100 = -10 %.
      romi: -10,
      romiBasis: "incremental",
      significance: { note: "too_small", significant: false },
      attributionDays: 7,
    });
    // Without a holdout and a cost, there is no incremental effect to report.
    const r2 = await campaignReport(deps, c2.id);
    expect(r2).toMatchObject({ delivered: 1, holdout: null, incrementalRevenue: null, romi: null, attributedRevenue: 120 });
    // Several campaigns at once (/metrics): the same reports, in the order asked; unknown ids left out.
    expect(await campaignReports(deps, [c2.id, 999_999, c1.id])).toEqual([r2, r]);
    expect(await campaignReports(deps, [])).toEqual([]);
  });

  test("significance of a difference in conversion rates", () => {
    // 120/1000 vs 80/1000: z = 2.98, p = 0.003.
    expect(significance({ size: 1000, converted: 120, revenue: 0, conversionRate: 0.12 }, { size: 1000, converted: 80, revenue: 0, conversionRate: 0.08 })).toEqual({
      pValue: 0.0029,
      significant: true,
      note: "significant",
    });
    expect(significance({ size: 200, converted: 22, revenue: 0, conversionRate: 0.11 }, { size: 200, converted: 20, revenue: 0, conversionRate: 0.1 }).note).toBe("not_significant");
  });
});
