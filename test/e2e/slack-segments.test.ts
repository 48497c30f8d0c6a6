// /segment in Slack over the small store: list with sizes and weekly change,
// show, preview, save and delete (audited), and the errors a marketer meets.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { FakeClock } from "../support/clock.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../support/small-store.ts";

describe.each(DATABASE_KINDS)("Slack /segment on %s", (kind) => {
  let p: TestProduct;
  beforeAll(async () => {
    // The week before "now": the snapshot job runs on 2026-11-16 at 23:55 Berlin with a smaller base.
    p = await startTestProduct({ kind, clock: new FakeClock("2026-11-16T22:50:00Z"), env: { SLACK_SENDERS: "U0MARKETER", SLACK_ADMINS: "U0ADMIN" } });
    await seedSmallStore(p.database.db);
    await p.database.db.prisma.subscriber.update({ where: { id: 6 }, data: { erasedAt: new Date("2026-11-16T00:00:00Z") } });
    await refreshCustomerStats(p.app.core);
    expect(await p.app.scheduler.runDue()).toEqual([]);
    p.clock.set("2026-11-16T22:55:00Z");
    expect(await p.app.scheduler.runDue()).toContain("segments.daily-snapshot");
    await p.database.db.prisma.subscriber.update({ where: { id: 6 }, data: { erasedAt: null } });
    p.clock.set(SMALL_STORE_NOW);
    await refreshCustomerStats(p.app.core);
  });
  afterAll(async () => {
    await p.stop();
  });

  /** The final answer: the acknowledgement, or on a slow machine the message that follows it through response_url. */
  const run = async (text: string) => {
    const r = await p.slack.command("/segment", text);
    if (!slackText(r.ack).startsWith("⏳")) return slackText(r.ack);
    const late = await p.slackApi.waitFor(() => p.slackApi.responsesTo(r.responseUrl)[0], 30_000);
    return slackText(late.body);
  };

  test("list: built-in groups with live sizes and the change since last week", async () => {
    const text = await run("list");
    // A week ago Finn was not in the base (everyone 6, prospects 0) and Cleo had not bought yet (potential
    // Cleo and Gus, new nobody). RFM then (4 buyers): R Eve 1, Dan 2, Boris 4, Ann 5; F Eve, Dan 1 (one order or
    // none), Boris 2, Ann 5; M Eve 1, Dan 2, Boris 4, Ann 5 -> Ann champions, Boris potential_loyalists (FM 3),
    // Dan hibernating, Eve lost. Now Boris is need_attention (R 3) and Cleo, yesterday's first purchase, a new
    // customer (see segments.test.ts).
    expect(text).toContain("*Everyone*: 7 (+1 since last week)");
    expect(text).toContain("*Prospects (known, never asked for consent)*: 1 (+1 since last week)");
    expect(text).toContain("*Subscribed (opted in, reachable)*: 3 (no change since last week)");
    expect(text).toContain("*Potential (no purchase yet)*: 2 (no change since last week)");
    expect(text).toContain("*New (one purchase)*: 1 (+1 since last week)");
    expect(text).toContain("*Champions*: 1 (no change since last week)");
    expect(text).toContain("*Potential loyalists*: 0 (-1 since last week)");
    expect(text).toContain("*New customers*: 1 (+1 since last week) · `rfm:new_customers`");
    expect(text).toContain("*Need attention*: 1 (+1 since last week)");
    expect(text).toContain("*Hibernating*: 1 (no change since last week)");
    expect(text).toContain("The name in `code` is what `/segment show` and `/send` take");
    expect(text).toContain("*Detractors (0-6)*: 2");
    expect(text).toContain("None yet: `/segment save NAME TEXT`.");
  });

  test("save, show, list and delete a segment; saving and deleting are audited", async () => {
    expect(await run("save ig_buyers source = instagram_bio and orders >= 1")).toBe("Saved segment *ig_buyers*: 2 customers.");
    const shown = await run("show ig_buyers");
    expect(shown).toContain("*2* customers, 28.6% of the base (7)");
    expect(shown).toContain("came from instagram_bio and has a paid order");
    expect(shown).toContain("Text form: `source = instagram_bio and orders >= 1`");
    expect(shown).toContain("*By lifecycle stage*: loyal 1, repeat (2+ purchases) 1");
    expect(shown).toContain("• Boris (#2)\n• Ann (#1) - a***@example.com");
    // Admins may see personal data whole.
    expect(slackText((await p.slack.command("/segment", "show ig_buyers", "U0ADMIN")).ack)).toContain("• Ann (#1) - ann@example.com");
    // Looking is open to the workspace; changing saved segments is for senders.
    expect(slackText((await p.slack.command("/segment", "delete ig_buyers", "U0VIEWER")).ack)).toBe(
      "Sorry, you can't schedule campaigns or change segments and templates. Ask an admin to add you to SLACK_SENDERS.",
    );
    expect(await run("list")).toContain("*Saved segments*\n• *ig_buyers*: 2");
    expect(await run("delete ig_buyers")).toBe("Deleted segment *ig_buyers*.");
    expect(await run("show ig_buyers")).toBe("There is no segment called 'ig_buyers'. /segment list shows them all.");
    const audit = await p.database.db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      ["U0MARKETER", "segment.save", "ig_buyers"],
      ["U0MARKETER", "segment.delete", "ig_buyers"],
    ]);
  });

  test("saving a new rule under an old name starts its size history over", async () => {
    expect(await run("save regulars orders >= 2")).toMatch(/^Saved segment \*regulars\*/);
    // As if the daily job had counted 9 of them a week ago.
    await p.database.db.prisma.segmentSnapshot.create({ data: { segmentKey: "regulars", day: new Date("2026-11-16T00:00:00Z"), size: 9, takenAt: new Date("2026-11-16T22:55:00Z") } });
    expect(await run("list")).toMatch(/• \*regulars\*: \d+ \([+-]\d+ since last week\)/);
    await run("save regulars orders >= 2");
    expect(await run("list")).toMatch(/• \*regulars\*: \d+ \([+-]\d+ since last week\)/);
    await run("save regulars orders >= 3");
    expect(await run("list")).toMatch(/• \*regulars\*: \d+\n|• \*regulars\*: \d+$/);
    expect(await p.database.db.prisma.segmentSnapshot.count({ where: { segmentKey: "regulars" } })).toBe(0);
    await run("delete regulars");
  });

  test("show a built-in segment and preview a typed one", async () => {
    const shown = await run("show rfm:new_customers");
    expect(shown).toContain("*1* customers, 14.3% of the base (7)");
    // The scores the class covers: the last purchase among the most recent fifth, one purchase.
    expect(shown).toContain("RFM class is New customers (R 5 · F 1)");
    const preview = await run("preview event:added_to_cart within 2d and no order since event:added_to_cart");
    expect(preview).toContain("*1* customers");
    expect(preview).toContain("• Finn (#6) - f***@example.com");
  });

  test("a typo is pointed at, with what would be valid", async () => {
    const text = await run("preview lifecyle = loyal");
    expect(text).toContain("Unknown field 'lifecyle' at position 1. Did you mean lifecycle?");
    expect(text).toContain("```lifecyle = loyal\n^^^^^^^^```");
    expect(await run("save rfm:lost orders > 1")).toBe("'rfm:lost' cannot be a segment name: use 1-64 of a-z 0-9 _ -, starting with a letter or digit.");
    expect(await run("save subscribed orders > 1")).toBe("'subscribed' cannot be a segment name: a built-in segment has that name.");
    expect(await run("show")).toContain("Usage: `/segment list`");
  });
});
