// Trying /send over and over leaves no trail: Cancel and Edit drop the draft
// (no "cancelled" campaign, no audit entry), /campaigns lists campaigns only
// (active and recent first) and /campaigns drafts the open drafts. The
// pre-flight card reads "10/12" day first and warns of what cannot work.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createManyCustomers } from "../support/factories.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

function draftId(ack: Record<string, unknown>): string {
  const blocks = ack.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  return blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === "campaign_schedule")!.value;
}

function buttonValue(ack: Record<string, unknown>, actionId: string): string {
  const blocks = ack.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  return blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === actionId)!.value;
}

describe("campaign drafts in Slack (pglite)", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind: "pglite", env: { SLACK_SENDERS: "U0MARKETER" } });
    await createManyCustomers(p.database.db, 107, 90_000);
  });
  afterAll(async () => {
    await p.stop();
  });

  test("the card reads 10/12 day first, flags a date far ahead and a holdout too small to measure", async () => {
    // The clock: Monday 23 November 2026 in Berlin.
    const soon = slackText((await p.slack.command("/send", 'everyone "Hi {first_name}" 10/12 10:00', "U0MARKETER")).ack);
    expect(soon).toContain("*Sends:* Thu, 10 Dec 2026, 10:00 (Europe/Berlin)");
    expect(soon).not.toContain(":warning:");

    const far = slackText((await p.slack.command("/send", 'everyone "Hi {first_name}" 10.12.2027 10:00 --holdout 10%', "U0MARKETER")).ack);
    expect(far).toContain("*Sends:* Fri, 10 Dec 2027, 10:00 (Europe/Berlin)");
    expect(far).toContain(":warning: *Sends in 382 days.* Is that the date you meant? Numeric dates are read day first (10/12 = 10 December) (DATE_ORDER).");
    expect(far).toMatch(/:warning: \*The holdout \(\d+\) is too small to measure anything\.\* .* each group needs 432 people: 864 in all, and the segment reaches 107\./);
  });

  test("Cancel and Edit leave no campaign and no audit entry; Schedule does", async () => {
    const { prisma } = p.database.db;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(draftId((await p.slack.command("/send", `everyone "Try ${i}" tomorrow 10am`, "U0MARKETER")).ack));
    const cancel = await p.slack.action("campaign_discard", ids[0]!, "U0MARKETER");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(cancel.responseUrl)[0])).body.text).toBe("Cancelled; nothing was scheduled.");
    const editCard = await p.slack.command("/send", 'everyone "Try edit" tomorrow 10am', "U0MARKETER");
    const edit = await p.slack.action("campaign_edit", buttonValue(editCard.ack, "campaign_edit"), "U0MARKETER");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(edit.responseUrl)[0])).body.text).toContain('/send everyone "Try edit" tomorrow 10am');
    await p.slack.action("campaign_schedule", ids[1]!, "U0MARKETER");
    await p.slackApi.waitFor(() => prisma.campaign.findFirst({ where: { id: Number(ids[1]), status: "scheduled" } }));

    expect(await prisma.campaign.count({ where: { id: { in: [Number(ids[0]), Number(draftId(editCard.ack))] } } })).toBe(0);
    expect(await prisma.campaign.count({ where: { status: "cancelled" } })).toBe(0);
    expect((await prisma.auditLog.findMany({ where: { action: { startsWith: "campaign." } } })).map((a) => [a.action, a.target])).toEqual([["campaign.scheduled", `campaign:${ids[1]}`]]);

    const list = slackText((await p.slack.command("/campaigns", "", "U0MARKETER")).ack);
    expect(list).toContain(`#${ids[1]} *message → everyone* - scheduled`);
    expect(list).not.toContain(`#${ids[2]} `);
    expect(list).toMatch(/drafts are not scheduled yet: `\/campaigns drafts`/);
    const drafts = slackText((await p.slack.command("/campaigns", "drafts", "U0MARKETER")).ack);
    expect(drafts).toContain("Drafts (not scheduled; each expires 24 hours after its pre-flight card)");
    expect(drafts).toContain(`#${ids[2]} *message → everyone* - \`everyone\``);
    expect(drafts).not.toContain(`#${ids[1]} `);
  });
});
