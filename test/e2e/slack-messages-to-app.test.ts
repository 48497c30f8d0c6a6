// Questions to the app in a channel (@mention) or a direct message, through
// the real Bolt app with signed event callbacks and the local Slack Web API:
// the same answers as the slash commands, in English and Russian, under the
// asker's permissions; a campaign asked for in a message is only a draft.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createManyCustomers } from "../support/factories.ts";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";
import { startTestProduct } from "../support/product.ts";

describe.each(DATABASE_KINDS)("messages to the app on %s", (kind) => {
  const product = useTestProduct({ kind, env: { SLACK_SENDERS: "U0MARKETER", SLACK_VIEWERS: "U0MARKETER,U0VIEWER" } });
  let seq = 0;

  async function ask(type: "app_mention" | "message", text: string, user = "U0VIEWER") {
    const p = product;
    const ts = `1700000100.${String(++seq).padStart(6, "0")}`;
    const channel = type === "app_mention" ? "C0MARKETING" : "D0VIEWER";
    const before = p.slackApi.callsOf("chat.postMessage").length;
    await p.slack.event(type === "app_mention" ? { type, user, text: `<@U0CHATLOOP> ${text}`, channel, ts } : { type, channel_type: "im", user, text, channel, ts });
    const call = await p.slackApi.waitFor(() => p.slackApi.callsOf("chat.postMessage").slice(before).find((c) => c.params.channel === channel));
    return { text: slackText(call.params), threadTs: call.params.thread_ts };
  }

  test("a mention is answered in its thread with the same size as the exact form", async () => {
    const p = product;
    await createManyCustomers(p.database.db, 12, 71_000);
    const exact = slackText((await p.slack.command("/segment", "preview consent = subscribed and not blocked", "U0VIEWER")).ack).split("\n")[0]!;
    expect(exact).toMatch(/\d/);
    const answer = await ask("app_mention", "how many subscribed customers do we have?");
    expect(answer.text).toContain("Understood as: `/segment preview consent = subscribed and not blocked`");
    expect(answer.text).toContain(exact);
    expect(answer.threadTs).toMatch(/^1700000100\./);
  });

  test("how many: people now are a segment's size; orders, or a figure over a period, are /metrics - in both languages", async () => {
    const subscribed = slackText((await product.slack.command("/segment", "preview consent = subscribed and not blocked", "U0VIEWER")).ack).split("\n")[0]!;
    for (const question of ["how many subscribers do we have?", "сколько у нас подписчиков?"]) {
      const answer = await ask("message", question);
      expect(answer.text).toContain("Understood as: `/segment preview consent = subscribed and not blocked`");
      expect(answer.text).toContain(subscribed);
    }
    expect((await ask("message", "how many orders last month")).text).toContain("Understood as: `/metrics orders last month`");
    expect((await ask("message", "сколько заказов в прошлом месяце")).text).toContain("Understood as: `/metrics orders last month`");
    expect((await ask("message", "how many new subscribers last week")).text).toContain("Understood as: `/metrics subscribers_gained last week`");
    expect((await ask("message", "список сегментов")).text).toMatch(/lifecycle:loyal|rfm:/);
  });

  test("NPS in words, in English and Russian, by mention and direct message", async () => {
    const en = await ask("app_mention", "what was NPS last week?");
    expect(en.text).toContain("Understood as: `/metrics nps last week`");
    expect(en.text).toContain("*NPS*");
    const ru = await ask("message", "какой был NPS на прошлой неделе?");
    expect(ru.text).toContain("Understood as: `/metrics nps на прошлой неделе`");
  });

  test("a command word works as in the slash command; words nobody reads get the help", async () => {
    expect((await ask("message", "segment list")).text).toMatch(/lifecycle:loyal|rfm:/);
    expect((await ask("message", "hello there")).text).toContain("Ask me about segments and figures in your own words");
  });

  test("Slack's retry of a mention, to another instance of the app, is not answered twice", async () => {
    const p = product;
    const second = await startTestProduct({ kind, database: p.database, telegram: p.telegram, slackApi: p.slackApi, env: { SLACK_SENDERS: "U0MARKETER", SLACK_VIEWERS: "U0MARKETER,U0VIEWER" } });
    try {
      const answersIn = (channel: string) => p.slackApi.callsOf("chat.postMessage").filter((c) => c.params.channel === channel);
      const mention = { type: "app_mention", user: "U0VIEWER", text: "<@U0CHATLOOP> segment list", channel: "C0RETRY", ts: "1700000200.000001" };
      await p.slack.event(mention, { eventId: "EvRETRY0001" });
      await p.slackApi.waitFor(() => answersIn("C0RETRY")[0]);
      // Slack thinks it was missed and retries it, to the other instance; then a new question to that instance.
      await second.slack.event(mention, { eventId: "EvRETRY0001" });
      await second.slack.event({ ...mention, channel: "C0AFTER", ts: "1700000200.000002" }, { eventId: "EvRETRY0002" });
      await p.slackApi.waitFor(() => answersIn("C0AFTER")[0]);
      expect(answersIn("C0RETRY")).toHaveLength(1);
      expect(await p.database.db.prisma.processedSlackEvent.count({ where: { eventId: { in: ["EvRETRY0001", "EvRETRY0002"] } } })).toBe(2);
    } finally {
      await second.stop();
    }
  });

  test("a campaign from a message is a draft with the pre-flight card; a viewer may not send", async () => {
    const p = product;
    const denied = await ask("message", 'everyone "Hi {first_name}" tomorrow 10:00', "U0VIEWER");
    expect(denied.text).not.toContain("Pre-flight");
    const card = await ask("app_mention", 'everyone "Hi {first_name}" tomorrow 10:00', "U0MARKETER");
    expect(card.text).toContain("Pre-flight");
    const campaigns = await p.database.db.prisma.campaign.findMany();
    expect(campaigns.map((c) => c.status)).toEqual(["draft"]);

    // "campaigns" in a message lists them as /campaigns does (the draft just made counts as open); steering stays the command's.
    const listed = (await ask("message", "campaigns", "U0VIEWER")).text;
    const command = slackText((await p.slack.command("/campaigns", "", "U0VIEWER")).ack);
    expect(listed).toBe(command);
    expect((await ask("message", "кампании", "U0VIEWER")).text).toBe(command);
    const cancel = (await ask("message", `campaigns cancel ${campaigns[0]!.id}`, "U0MARKETER")).text;
    expect(cancel).toBe(`Use /campaigns cancel ${campaigns[0]!.id} for that (type it in any channel).`);
    expect((await p.database.db.prisma.campaign.findMany()).map((c) => c.status)).toEqual(["draft"]);
  });
});
