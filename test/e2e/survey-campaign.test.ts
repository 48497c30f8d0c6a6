// A survey campaign end to end: scheduled from Slack, delivered through the
// outbox as the NPS question, answered with a button in Telegram; a second
// survey campaign within the cooldown leaves the person alone.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("NPS survey campaign on %s", (kind) => {
  const p = useTestProduct({ kind, env: { SLACK_SENDERS: "U0MARKETER", QUIET_HOURS: "off" } });

  async function surveyCampaign(option = "--survey nps"): Promise<number> {
    const res = await p.slack.command("/send", `everyone ${option} now`, "U0MARKETER");
    expect(slackText(res.ack)).toMatch(/\*(Survey|Flow):\* `/);
    const blocks = res.ack.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const id = blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === "campaign_schedule")!.value;
    const press = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
    await p.app.worker!.housekeeping();
    await p.app.worker!.drain();
    return Number(id);
  }

  test("the customer gets the 0-10 question and answers with a button; a repeat within 90 days is skipped", async () => {
    const ann = p.telegram.user(7001, { first_name: "Ann" });
    await ann.command("start");
    await ann.press(/Yes/);

    const first = await surveyCampaign();
    expect(ann.lastText()).toBe("How likely are you to recommend us to a friend or colleague? 0 - not at all, 10 - definitely.");
    await ann.press("9");
    const response = await p.database.db.prisma.surveyResponse.findFirstOrThrow({ where: { subscriber: { telegramId: 7001n } } });
    expect(response).toMatchObject({ surveyId: "nps", score: 9, trigger: "campaign", campaignId: String(first) });
    expect((await p.database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: first } })).status).toBe("sent");

    p.clock.advanceDays(10);
    const before = ann.messages().length;
    const second = await surveyCampaign();
    expect(ann.messages().length).toBe(before);
    const skipped = await p.database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: second } });
    expect(skipped).toMatchObject({ status: "skipped", reason: "cooldown" });
  });

  test("a flow campaign starts the flow's first question for every recipient", async () => {
    const bo = p.telegram.user(7002, { first_name: "Bo" });
    await bo.command("start");
    await bo.press(/Yes/);
    const id = await surveyCampaign("--flow shoe-finder");
    expect(bo.texts().join("\n")).toContain("What will you wear them for?");
    const session = await p.database.db.prisma.flowSession.findFirstOrThrow({ where: { subscriber: { telegramId: 7002n } } });
    expect(session).toMatchObject({ flowId: "shoe-finder", trigger: "campaign", source: String(id), status: "active" });
    await bo.press("🏋️ Gym");
    expect(bo.lastText()).toBe("What shoe size (EU)?");
  });
});
