// The closed loop keeps the base's rules: a teammate's reply reaches a customer
// only while they are subscribed, never after they erased their data, and a
// reply with an attachment sends its text and says the file stayed in Slack.
import { describe, expect, test } from "vitest";
import { eraseCustomer } from "../../core/privacy/erase-customer.ts";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { threadPosts } from "../support/chat-helpers.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("Team replies and the customer's consent on %s", (kind) => {
  const p = useTestProduct({ kind });

  let nextTs = 1_800_000_100;
  async function detractorThread(id: number, name: string) {
    const user = p.telegram.user(id, { first_name: name });
    await user.command("start");
    await user.press(/^✅/);
    const subscriber = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(id) } });
    await askSurvey(p.app.core, { subscriberId: subscriber.id, surveyId: "nps" });
    await user.press("2");
    await user.say("Too slow");
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
    return { user, subscriber, thread };
  }
  const reply = (threadTs: string, text: string, extra: Record<string, unknown> = {}) => {
    const ts = `${nextTs++}.000100`;
    return p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text, ts, thread_ts: threadTs, ...extra }).then(() => ts);
  };
  const telegramTo = (chatId: number) => p.telegram.callsOf("sendMessage").filter((c) => c.params.chat_id === chatId).map((c) => String(c.params.text));
  const noteIn = (threadTs: string, words: string) => p.slackApi.waitFor(() => threadPosts(p.slackApi, threadTs).find((c) => String(c.params.text).includes(words)));

  test("a reply with a file: the text goes, the thread says the file did not; a file alone is not sent", async () => {
    const { thread } = await detractorThread(9201, "Ann");
    await reply(thread.slackTs, "Here is the return label", { subtype: "file_share", files: [{ id: "F1", name: "label.pdf" }] });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 9201 && String(c.params.text).includes("Here is the return label"));
    await noteIn(thread.slackTs, "attachments are not sent to Telegram");

    const before = telegramTo(9201).length;
    await reply(thread.slackTs, "", { subtype: "file_share", files: [{ id: "F2", name: "photo.jpg" }] });
    await noteIn(thread.slackTs, "attachments can't be relayed to Telegram");
    expect(telegramTo(9201)).toHaveLength(before);
  });

  test("after /stop a reply is not sent, the thread is told why, and the attempt is recorded", async () => {
    const { user, thread } = await detractorThread(9202, "Bob");
    await user.command("stop");
    const before = telegramTo(9202).length;
    const ts = await reply(thread.slackTs, "Bob, can we call you?");
    await noteIn(thread.slackTs, "Not sent: the customer has unsubscribed");
    expect(telegramTo(9202)).toHaveLength(before);
    const row = await p.database.db.prisma.teamThreadMessage.findFirstOrThrow({ where: { threadId: thread.id, slackTs: ts } });
    expect(row).toMatchObject({ direction: "to_customer", status: "no_consent" });
    expect(p.slackApi.callsOf("reactions.add").find((c) => c.params.timestamp === ts)).toBeUndefined();
  });

  test("after an erasure nothing is sent and the reply's text is not stored", async () => {
    const { user, subscriber, thread } = await detractorThread(9203, "Cleo");
    // A conversation first: the team writes, Cleo answers in Telegram and it is posted in the thread.
    await reply(thread.slackTs, "Cleo, what went wrong?");
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 9203 && String(c.params.text).includes("what went wrong"));
    await user.say("Call me at +4915100000001");
    const relayed = threadPosts(p.slackApi, thread.slackTs).find((c) => String(c.params.text).includes("+4915100000001"))!;
    const relayedTs = (relayed.response as { ts: string }).ts;
    await eraseCustomer(p.app.core, { subscriberId: subscriber.id, actor: "telegram", reason: "customer_request" });
    // The card in the team channel loses the name, the score's reason and the contacts.
    const blanked = p.slackApi.callsOf("chat.update").filter((c) => c.params.ts === thread.slackTs).at(-1)!;
    expect(blanked.params.text).toBe(`🗑 Customer #${subscriber.id} asked us to erase their data: this card's details and their messages are removed.`);
    expect(JSON.stringify(blanked.params)).not.toContain("Cleo");
    const relayedBlanked = p.slackApi.callsOf("chat.update").filter((c) => c.params.ts === relayedTs).at(-1)!;
    expect(JSON.stringify(relayedBlanked.params)).not.toContain("+4915100000001");
    expect(relayedBlanked.params.text).toContain("asked us to erase their data");
    const before = telegramTo(9203).length;
    const ts = await reply(thread.slackTs, "Cleo, your phone is +4915100000000?");
    await noteIn(thread.slackTs, "Not sent: the customer asked us to erase their data");
    expect(telegramTo(9203)).toHaveLength(before);
    expect(await p.database.db.prisma.teamThreadMessage.findFirst({ where: { slackTs: ts } })).toBeNull();
  });
});
