// The team's campaign commands through Bolt with signed requests and the
// local Slack Web API: /send's pre-flight card, scheduling, approvals,
// refusals, /campaigns, /template and /audit.
import { beforeAll, describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers, createManyCustomers } from "../support/factories.ts";
import { slackText } from "../support/fake-slack.ts";
import type { TestProduct } from "../support/product.ts";
import { useTestProduct } from "../support/per-describe.ts";

const ROLES = {
  SLACK_ADMINS: "U0ADMIN",
  SLACK_SENDERS: "U0MARKETER,S0CRM",
  SLACK_APPROVERS: "U0BOSS",
  QUIET_HOURS: "21:00-09:00",
};

async function seed(p: TestProduct) {
  await createManyCustomers(p.database.db, 50, 80_000);
  await createCustomers(p.database.db, [
    { telegramId: 1, consent: "unsubscribed" },
    { telegramId: 2, consent: "pending" },
    { telegramId: 3, blocked: true },
  ]);
}

/** Pulls the campaign id out of the card's Schedule button. */
function draftId(ack: Record<string, unknown>): string {
  const blocks = ack.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  return blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === "campaign_schedule")!.value;
}

describe.each(DATABASE_KINDS)("Slack campaigns on %s", (kind) => {
  const p = useTestProduct({ kind, env: ROLES });
  beforeAll(async () => {
    p.slackApi.userGroups.set("S0CRM", ["U0GROUPIE"]);
    await seed(p);
  });

  test("/send answers with a pre-flight card; Schedule schedules it and writes the audit log", async () => {
    // The clock: Monday 23 November 2026, 11:00 in Berlin.
    const res = await p.slack.command("/send", 'everyone "Hi {first_name}, winter boots are here!" tomorrow 10am --holdout 10% --cost 5000', "U0MARKETER");
    expect(res.status).toBe(200);
    const card = slackText(res.ack);
    expect(card).toContain("Pre-flight: message → everyone");
    expect(card).toContain("*Sends:* Tue, 24 Nov 2026, 10:00 (Europe/Berlin)");
    expect(card).toContain("*Matched:* 53");
    expect(card).toContain("*Left out:* 1 without consent, 1 unsubscribed, 1 blocked or unreachable, 0 over the frequency cap");
    const split = /\*Split:\* holdout (\d+) \(control group, gets nothing\) - A (\d+)/.exec(card)!;
    expect(Number(split[1]) + Number(split[2])).toBe(50);
    expect(card).toContain(`*Will receive:* ${split[2]}`);
    expect(card).toContain("*Cost:* 5,000 (for ROMI)");
    expect(card).toContain("> Hi Anna, winter boots are here!");
    expect(card).toMatch(/\*Takes:\* about \d+ s at the sending rate of 30\/s \(DELIVERY_RATE/);

    const id = draftId(res.ack);
    const press = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    expect(press.status).toBe(200);
    const answer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
    expect(answer.body.text).toBe(`:white_check_mark: Campaign #${id} "message → everyone" is scheduled for Tue, 24 Nov 2026, 10:00 (Europe/Berlin). \`/campaigns show ${id}\` to follow it.`);
    const campaign = await p.database.db.prisma.campaign.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(campaign).toMatchObject({ status: "scheduled", holdoutPercent: 10, createdBy: "U0MARKETER" });
    expect(campaign.sendAt.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    const audit = await p.database.db.prisma.auditLog.findMany({ where: { target: `campaign:${id}` } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([["U0MARKETER", "campaign.scheduled"]]);
  });

  test("Russian dates, a saved template, and a member of an allowed user group", async () => {
    const saved = await p.slack.command("/template", 'save black_friday "{first_name}, -30% на всё до воскресенья!"', "U0GROUPIE");
    expect(slackText(saved.ack)).toContain("Template *black_friday* saved.");
    const res = await p.slack.command("/send", "everyone black_friday в пятницу в 19:00", "U0GROUPIE");
    const card = slackText(res.ack);
    expect(card).toContain("*Sends:* Fri, 27 Nov 2026, 19:00 (Europe/Berlin)");
    expect(card).toContain("> Anna, -30% на всё до воскресенья!");
    const audit = await p.database.db.prisma.auditLog.findFirstOrThrow({ where: { action: "template.saved" } });
    expect([audit.actor, audit.target]).toEqual(["U0GROUPIE", "template:black_friday"]);
    const list = await p.slack.command("/template", "list", "U0MARKETER");
    expect(slackText(list.ack)).toContain("• *black_friday*: {first_name}, -30% на всё до воскресенья!");
  });

  test("a malformed /send gets the problem, the right form and an example", async () => {
    const missingTime = await p.slack.command("/send", 'everyone "Hello"', "U0MARKETER");
    const text = slackText(missingTime.ack);
    expect(text).toContain("When should it go out? Add a time such as `tomorrow 10am` or `now`.");
    expect(text).toContain("Usage: `/send SEGMENT MESSAGE WHEN [options]`");
    expect(text).toContain('Example: `/send winback "Hi {first_name}, we miss you: -20% with BACK20" tomorrow 10am --holdout 10% --cost 5000`');
    const badTime = await p.slack.command("/send", 'everyone "Hello" whenever you like', "U0MARKETER");
    expect(slackText(badTime.ack)).toContain('I can\'t read the time "whenever you like".');
    const badSegment = await p.slack.command("/send", 'nobody_knows "Hello" now', "U0MARKETER");
    expect(slackText(badSegment.ack)).toContain("There is no segment called 'nobody_knows'. /segment list shows them all.");
    const typo = await p.slack.command("/send", '"lifecyle = loyal" "Hello" now', "U0MARKETER");
    expect(slackText(typo.ack)).toContain("lifecyle = loyal\n^^^^^^^^");
    expect(slackText(typo.ack)).toMatch(/Did you mean lifecycle\?/);
    const badPlaceholder = await p.slack.command("/send", 'everyone "Hi {nickname}" now', "U0MARKETER");
    expect(slackText(badPlaceholder.ack)).toContain("The message is not valid: unknown placeholder; use {first_name}, {last_name}, {name}");
    const holdout = await p.slack.command("/send", 'everyone "Hi" now --holdout 90%', "U0MARKETER");
    expect(slackText(holdout.ack)).toContain("The holdout must be 1-50%, e.g. `--holdout 10%` (got `90%`).");
    const drafts = await p.database.db.prisma.campaign.count();
    const badSurvey = await p.slack.command("/send", "everyone now --survey nsp", "U0MARKETER");
    expect(slackText(badSurvey.ack)).toContain("There is no survey `nsp`. Surveys: csat-delivery, feedback, nps.");
    expect(slackText(badSurvey.ack)).toContain("Usage: `/send SEGMENT MESSAGE WHEN [options]`");
    const badFlow = await p.slack.command("/send", "everyone now --flow shoe-finderr", "U0MARKETER");
    expect(slackText(badFlow.ack)).toContain("There is no flow `shoe-finderr`. Flows: ");
    expect(slackText(badFlow.ack)).toContain("shoe-finder");
    expect(await p.database.db.prisma.campaign.count()).toBe(drafts);
    expect(await p.database.db.prisma.campaign.count({ where: { status: { not: "draft" } } })).toBe(1);
  });

  test("someone without the sender role is refused politely, and nothing is created", async () => {
    const before = await p.database.db.prisma.campaign.count();
    const res = await p.slack.command("/send", 'everyone "Hello" now', "U0STRANGER");
    expect(slackText(res.ack)).toBe("Sorry, you can't schedule campaigns or change segments and templates. Ask an admin to add you to SLACK_SENDERS.");
    expect(await p.database.db.prisma.campaign.count()).toBe(before);
    const audit = await p.slack.command("/audit", "", "U0MARKETER");
    expect(slackText(audit.ack)).toBe("Sorry, you can't do that - it is for admins. Ask an admin to add you to SLACK_ADMINS.");
  });

  test("/campaigns lists, shows results, pauses, resumes and cancels - audited", async () => {
    const res = await p.slack.command("/send", 'everyone "Flash sale" now', "U0MARKETER");
    const id = draftId(res.ack);
    const scheduled = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    await p.slackApi.waitFor(() => p.slackApi.responsesTo(scheduled.responseUrl)[0]);
    await p.app.worker!.housekeeping();
    const list = await p.slack.command("/campaigns", "", "U0MARKETER");
    expect(slackText(list.ack)).toMatch(new RegExp(`#${id} \\*message → everyone\\* - sending - .* - 0 of 50 sent`));

    const pause = await p.slack.command("/campaigns", `pause ${id}`, "U0MARKETER");
    expect(slackText(pause.ack)).toBe(`Campaign #${id} is paused. \`/campaigns resume ${id}\` continues it.`);
    expect((await p.app.worker!.drain()).claimed).toBe(0);
    await p.slack.command("/campaigns", `resume ${id}`, "U0MARKETER");
    await p.app.worker!.drain();
    const show = await p.slack.command("/campaigns", `show ${id}`, "U0VIEWER");
    const report = slackText(show.ack);
    expect(report).toContain(`Campaign #${id}: message → everyone`);
    expect(report).toContain("*Delivered:* 50 - *failed:* 0 - *skipped:* 0 - *waiting:* 0");
    expect(report).toContain("No holdout: the incremental effect cannot be measured.");
    await p.app.worker!.housekeeping(); // nothing left to send: the campaign is finished
    const cancel = await p.slack.command("/campaigns", `cancel ${id}`, "U0MARKETER");
    expect(slackText(cancel.ack)).toBe(`Campaign #${id} is finished, so that is not possible any more.`);
    const bad = await p.slack.command("/campaigns", "show twelve", "U0MARKETER");
    expect(slackText(bad.ack)).toContain("Usage: `/campaigns` (list), `/campaigns drafts` (unscheduled drafts), `/campaigns show ID`");
    const audit = await p.slack.command("/audit", "", "U0ADMIN");
    const log = slackText(audit.ack);
    expect(log).toContain(`<@U0MARKETER> - \`campaign.paused\` campaign:${id}`);
    expect(log).toContain(`<@U0MARKETER> - \`campaign.resumed\` campaign:${id}`);
  });
});

describe("Slack campaign approvals", () => {
  const p = useTestProduct({ kind: "pglite", env: { ...ROLES, CAMPAIGN_APPROVAL: "required" } });
  beforeAll(async () => {
    await seed(p);
  });

  test("a second allowed person must approve; the author cannot approve their own campaign", async () => {
    const res = await p.slack.command("/send", 'everyone "Hi {first_name}" tomorrow 10am', "U0MARKETER");
    expect(slackText(res.ack)).toContain("A second person with approval rights must approve it before it goes out.");
    const id = draftId(res.ack);
    const submit = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    const submitted = await p.slackApi.waitFor(() => p.slackApi.responsesTo(submit.responseUrl)[0]);
    expect(submitted.body.text).toContain(`Campaign #${id} "message → everyone" waits for approval`);
    const request = await p.slackApi.waitFor(() => p.slackApi.callsOf("chat.postMessage").find((c) => c.params.channel === "C0TEAM"));
    expect(slackText(request.params)).toContain(`<@U0MARKETER> wants to send campaign #${id} "message → everyone" to 50 customers on Tue, 24 Nov 2026, 10:00 (Europe/Berlin).`);

    const self = await p.slack.action("campaign_approve", id, "U0MARKETER");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(self.responseUrl)[0])).body.text).toBe("Sorry, you can't approve campaigns. Ask an admin to add you to SLACK_APPROVERS.");
    const selfAdmin = await p.slack.command("/send", 'everyone "Admin one" tomorrow 10am', "U0ADMIN");
    const adminId = draftId(selfAdmin.ack);
    await p.slack.action("campaign_schedule", adminId, "U0ADMIN");
    const ownApproval = await p.slack.action("campaign_approve", adminId, "U0ADMIN");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(ownApproval.responseUrl)[0])).body.text).toBe("You created this campaign, so someone else must approve it.");

    const boss = await p.slack.action("campaign_approve", id, "U0BOSS");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(boss.responseUrl)[0])).body.text).toBe(
      `:white_check_mark: Campaign #${id} "message → everyone" approved by <@U0BOSS>; it goes out Tue, 24 Nov 2026, 10:00 (Europe/Berlin).`,
    );
    const again = await p.slack.action("campaign_approve", id, "U0BOSS");
    expect((await p.slackApi.waitFor(() => p.slackApi.responsesTo(again.responseUrl)[0])).body.text).toBe(`Campaign #${id} is scheduled, so that is not possible any more.`);
    const audit = await p.database.db.prisma.auditLog.findMany({ where: { target: `campaign:${id}` }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["U0MARKETER", "campaign.submitted"],
      ["U0BOSS", "campaign.approved"],
    ]);
  });

  test("a button whose value is damaged or not ours is refused, and nothing changes", async () => {
    const res = await p.slack.command("/send", 'everyone "Hi {first_name}" tomorrow 10am', "U0MARKETER");
    const id = draftId(res.ack);
    for (const [action, value] of [
      ["campaign_schedule", `${id}abc`],
      ["campaign_discard", "-1"],
      ["campaign_approve", ""],
      ["campaign_edit", `{"id":${id}`],
      ["campaign_edit", JSON.stringify({ id: String(id), command: "/send x" })],
    ] as const) {
      const press = await p.slack.action(action, value, "U0MARKETER");
      const answer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
      expect(answer.body).toMatchObject({ text: "This button no longer works. Run the command again.", replace_original: false, response_type: "ephemeral" });
    }
    expect((await p.database.db.prisma.campaign.findUniqueOrThrow({ where: { id: Number(id) } })).status).toBe("draft");
    expect(await p.database.db.prisma.auditLog.count({ where: { target: `campaign:${id}` } })).toBe(0);
  });
});
