// Words a customer writes outside any dialogue reach the team as a feedback
// card instead of "I didn't catch that"; the card's thread talks to them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sentTexts, teamCards, threadPosts } from "../support/chat-helpers.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

describe("free text outside a dialogue (pglite)", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind: "pglite", env: { TEAM_HOURS: "Mon-Fri 09:00-18:00" } });
  });
  afterAll(async () => {
    await p.stop();
  });

  async function subscribed(id: number, name: string, language: string) {
    const user = p.telegram.user(id, { first_name: name, language_code: language });
    await user.command("start");
    await user.press(/^✅/);
    return user;
  }

  test("a Russian customer's remark becomes a feedback card; the team's thread reply reaches them, and their answer the thread", async () => {
    const olga = await subscribed(9301, "Ольга", "ru");
    const cards = teamCards(p.slackApi).length;
    expect(sentTexts(await olga.say("всё хорошо, но доставка долгая"))).toEqual(["Спасибо! Я передал ваше сообщение нашей команде, вам ответят прямо здесь."]);
    expect(teamCards(p.slackApi)).toHaveLength(cards + 1);
    const card = teamCards(p.slackApi).at(-1)!;
    expect(card.params.text).toBe("💬 Feedback from Ольга");
    expect(slackText(card.params)).toContain("всё хорошо, но доставка долгая");
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriber: { telegramId: 9301n } } });
    expect(thread).toMatchObject({ topic: "feedback", surveyResponseId: null, slackTs: (card.response as { ts: string }).ts });

    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Ольга, извините! Ускорим.", ts: "1800000950.000100", thread_ts: thread.slackTs });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 9301 && String(c.params.text).includes("Ольга, извините! Ускорим."));
    await olga.say("Спасибо, жду");
    expect(threadPosts(p.slackApi, thread.slackTs).map((c) => c.params.text)).toContain("💬 Ольга: Спасибо, жду");
  });

  test("on Saturday the customer is told when the team will answer, and the card says they were told", async () => {
    p.clock.set("2026-11-28T12:00:00Z"); // Saturday 13:00 in Berlin
    const ira = await subscribed(9303, "Ира", "ru");
    expect(sentTexts(await ira.say("курьер опоздал на два часа"))).toEqual([
      "Спасибо! Я передал ваше сообщение нашей команде. Сейчас нерабочее время — ответим здесь, когда команда будет на связи: понедельник, 30 ноября в 09:00.",
    ]);
    const monday = Date.parse("2026-11-30T08:00:00Z") / 1000;
    expect(slackText(teamCards(p.slackApi).at(-1)!.params)).toContain(`<!date^${monday}^{date_long_pretty} {time}|2026-11-30T08:00:00.000Z>`);
  });

  test("a greeting gets the help, a word of thanks or a sticker the hint, and none a card", async () => {
    const hal = await subscribed(9302, "Hal", "en");
    const cards = teamCards(p.slackApi).length;
    expect(sentTexts(await hal.say("hello"))[0]).toMatch(/^I'm the .* assistant\. With your consent/);
    expect(sentTexts(await hal.say("ok thanks"))).toEqual(["I didn't catch that. Send /help to see what I can do, /stop to unsubscribe."]);
    expect(sentTexts(await hal.sendSticker())).toEqual(["I didn't catch that. Send /help to see what I can do, /stop to unsubscribe."]);
    expect(teamCards(p.slackApi)).toHaveLength(cards);
  });
});
