// Socket Mode end to end: the real Bolt app with an app-level token opens its
// connection through apps.connections.open on the local Slack, which speaks
// Slack's Socket Mode protocol (hello, envelopes, acks, disconnect). A slash
// command, a button press and a thread reply all work over it, and an event
// sent while the connection is down arrives once the app has reconnected.
// Transport only, so one database kind is enough.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

describe("Slack in Socket Mode", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind: "pglite", socketMode: true, env: { SLACK_SENDERS: "U0MARKETER", SLACK_SIGNING_SECRET: "" } });
  });
  afterAll(async () => {
    await p.stop();
  });

  const telegramTo = (chatId: number) => p.telegram.callsOf("sendMessage").filter((c) => c.params.chat_id === chatId).map((c) => String(c.params.text));

  test("the app connected through apps.connections.open with its app-level token", () => {
    expect(p.slackApi.callsOf("apps.connections.open")).toHaveLength(1);
    expect(p.slackSocket!.connections).toBe(1);
    expect(p.app.slack!.mode).toBe("socket");
  });

  test("a slash command and a button press: /send's pre-flight card, then Schedule", async () => {
    const user = p.telegram.user(7101, { first_name: "Ann" });
    await user.command("start");
    await user.press(/^✅/);
    const res = await p.slack.command("/send", 'everyone "Hi {first_name}!" tomorrow 10am', "U0MARKETER");
    const card = slackText(res.ack);
    expect(card).toContain("Pre-flight: message → everyone");
    expect(card).toContain("*Will receive:* 1");
    const blocks = res.ack.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const id = blocks.find((b) => b.type === "actions")!.elements!.find((e) => e.action_id === "campaign_schedule")!.value;

    const press = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    const answer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
    expect(String(answer.body.text)).toContain(`Campaign #${id}`);
    expect(String(answer.body.text)).toContain("is scheduled for");
    const campaign = await p.database.db.prisma.campaign.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(campaign.status).toBe("scheduled");
  });

  test("a thread reply reaches the customer; one sent while the connection is down arrives after the reconnect", async () => {
    const user = p.telegram.user(7102, { first_name: "Bob" });
    await user.command("start");
    await user.press(/^✅/);
    const subscriber = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 7102n } });
    await askSurvey(p.app.core, { subscriberId: subscriber.id, surveyId: "nps" });
    await user.press("3");
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id } });

    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Bob, sorry - what went wrong?", ts: "1800000200.000100", thread_ts: thread.slackTs });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 7102 && String(c.params.text).includes("what went wrong"));

    // The network drops the connection; the teammate writes meanwhile.
    p.slackSocket!.drop();
    const delivered = p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "We'll send a new pair today.", ts: "1800000201.000100", thread_ts: thread.slackTs });
    await p.slackSocket!.waitForConnection(2);
    await delivered;
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 7102 && String(c.params.text).includes("new pair today"));
    expect(telegramTo(7102).filter((t) => t.includes("new pair today"))).toHaveLength(1);
    expect(p.slackApi.callsOf("apps.connections.open").length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test("Slack's `disconnect` message: the app opens a new connection and keeps answering", async () => {
    const before = p.slackSocket!.connections;
    p.slackSocket!.askToReconnect();
    await p.slackSocket!.waitForConnection(before + 1);
    const res = await p.slack.command("/chatloop", "help", "U0MARKETER");
    expect(slackText(res.ack) + res.answers().map(slackText).join("\n")).toContain("/segment");
  }, 60_000);
});
