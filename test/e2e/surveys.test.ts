// NPS, CSAT and feedback surveys end to end, and the closed loop: a detractor
// reaches the team channel at once, a teammate's reply in the thread reaches
// the customer in Telegram and their answer comes back into the thread.
import { describe, expect, test } from "vitest";
import { SurveyNotFound } from "../../core/errors.ts";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { closeExpiredReasons } from "../../core/surveys/answer-survey.ts";
import { relayTeamReply } from "../../core/team-threads/relay-team-reply.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import type { FakeTelegramUser } from "../support/fake-telegram.ts";
import { buttonOf, sentTexts, teamCards, threadPosts, toastOf } from "../support/chat-helpers.ts";
import { useTestProduct } from "../support/per-describe.ts";

const NPS = "How likely are you to recommend us to a friend or colleague? 0 - not at all, 10 - definitely.";
const NPS_RU = "Насколько вероятно, что вы порекомендуете нас другу или коллеге? 0 — точно нет, 10 — точно да.";
const REASON = "What is the main reason for your score?";
const SCORES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

describe.each(DATABASE_KINDS)("Surveys and the closed loop on %s", (kind) => {
  const p = useTestProduct({ kind });

  const prisma = () => p.database.db.prisma;
  async function subscribed(id: number, firstName: string, language = "en"): Promise<{ user: FakeTelegramUser; subscriberId: number }> {
    const user = p.telegram.user(id, { first_name: firstName, language_code: language });
    await user.command("start");
    await user.press(/^✅/);
    const subscriber = await prisma().subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(id) } });
    return { user, subscriberId: subscriber.id };
  }
  const responsesOf = (subscriberId: number) => prisma().surveyResponse.findMany({ where: { subscriberId }, orderBy: { id: "asc" } });

  test("NPS by a campaign: an 11-button keyboard, a promoter's reason, no alert", async () => {
    const { user: ann, subscriberId } = await subscribed(8001, "Ann");
    const result = await askSurvey(p.app.core, { subscriberId, surveyId: "nps", campaignId: "nov-nps" });
    expect(result).toMatchObject({ status: "sent" });
    expect(ann.lastText()).toBe(NPS);
    expect(ann.buttons()).toEqual(SCORES);
    const keyboard = ann.messages().at(-1)!.reply_markup as { inline_keyboard: unknown[][] };
    expect(keyboard.inline_keyboard.map((row) => row.length)).toEqual([6, 5]);

    await ann.press("10");
    expect(ann.texts().slice(-2)).toEqual([`${NPS}\n\n✓ 10`, REASON]);
    expect(ann.buttons()).toEqual(["Skip"]);
    expect(sentTexts(await ann.say("Great shoes and the delivery was fast"))).toEqual(["Thank you, that means a lot to us! 💚"]);

    const [response] = await responsesOf(subscriberId);
    expect(response).toMatchObject({
      surveyId: "nps",
      kind: "nps",
      score: 10,
      comment: "Great shoes and the delivery was fast",
      stage: "done",
      trigger: "campaign",
      campaignId: "nov-nps",
      askedAt: p.clock.now(),
      answeredAt: p.clock.now(),
    });
    expect(teamCards(p.slackApi).filter((c) => String(c.params.text).includes("Ann"))).toEqual([]);
    // Done: the next message is not an answer any more.
    expect(sentTexts(await ann.say("ok"))).toEqual(["I didn't catch that. Send /help to see what I can do, /stop to unsubscribe."]);
  });

  test("typed scores are understood ('nine', 'девять', '7'); anything else is asked again in the customer's language", async () => {
    const { user: bob, subscriberId: bobId } = await subscribed(8002, "Bob");
    await askSurvey(p.app.core, { subscriberId: bobId, surveyId: "nps" });
    const again = await bob.say("great!");
    expect(sentTexts(again)).toEqual(["Please send a number from 0 to 10, or tap a button.", NPS]);
    expect(bob.buttons()).toEqual(SCORES);
    expect(sentTexts(await bob.say("nine"))).toEqual([REASON]);
    await bob.press("Skip");
    expect(bob.texts().slice(-2)).toEqual([`${REASON}\n\n✓ Skip`, "Thank you, that means a lot to us! 💚"]);
    expect(await responsesOf(bobId)).toMatchObject([{ score: 9, comment: null, stage: "done", trigger: "event" }]);

    const { user: olga, subscriberId: olgaId } = await subscribed(8003, "Ольга", "ru");
    await askSurvey(p.app.core, { subscriberId: olgaId, surveyId: "nps" });
    expect(olga.lastText()).toBe(NPS_RU);
    expect(sentTexts(await olga.say("отлично"))).toEqual(["Пожалуйста, пришлите число от 0 до 10 или нажмите кнопку.", NPS_RU]);
    expect(sentTexts(await olga.sendSticker())).toEqual(["Пожалуйста, пришлите число от 0 до 10 или нажмите кнопку.", NPS_RU]);
    expect(sentTexts(await olga.say("Девять"))).toEqual(["Какая главная причина вашей оценки?"]);
    expect(sentTexts(await olga.say("Удобно заказывать"))).toEqual(["Спасибо, для нас это очень важно! 💚"]);
    expect(await responsesOf(olgaId)).toMatchObject([{ score: 9, comment: "Удобно заказывать" }]);

    const { user: pat, subscriberId: patId } = await subscribed(8004, "Pat");
    await askSurvey(p.app.core, { subscriberId: patId, surveyId: "nps" });
    await pat.say("7");
    expect(sentTexts(await pat.say("skip"))).toEqual(["Thank you for your answer!"]);
    expect(await responsesOf(patId)).toMatchObject([{ score: 7, comment: null, stage: "done" }]);
  });

  test("a detractor goes to the team at once with context; the thread reply reaches Telegram and the answer comes back", async () => {
    const { user: cat, subscriberId } = await subscribed(8005, "Cat");
    const order = (key: string, amount: string, paidAt: string, status: "paid" | "refunded" = "paid") =>
      prisma().order.create({ data: { subscriberId, idempotencyKey: key, amount, currency: "USD", paidAt: new Date(paidAt), status } });
    await order("o-1", "120.50", "2026-09-01T10:00:00Z");
    await order("o-2", "80.00", "2026-11-10T10:00:00Z");
    await order("o-3", "999.00", "2026-11-12T10:00:00Z", "refunded");

    await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    const cardsBefore = teamCards(p.slackApi).length;
    await cat.press("3");
    // Posted as soon as the score is in, before any reason.
    const cards = teamCards(p.slackApi);
    expect(cards).toHaveLength(cardsBefore + 1);
    const card = cards.at(-1)!;
    expect(card.params.text).toBe("⚠️ NPS 3/10 from Cat");
    const text = slackText(card.params);
    expect(text).toContain("*Reason*\n_waiting for their answer…_");
    expect(text).toContain("*Score*\n3/10");
    expect(text).toContain("*Lifecycle stage*\nrepeat (2+ purchases)");
    expect(text).toContain("*Orders*\n2");
    expect(text).toContain("*Total spent*\n200.50 USD");
    expect(text).toContain(`*Last order*\n<!date^${Date.parse("2026-11-10T10:00:00Z") / 1000}^{date_short_pretty}|2026-11-10>`);
    expect(cat.lastText()).toBe(REASON);

    expect(sentTexts(await cat.say("The sole came off after two weeks"))).toEqual([
      "Thank you for being honest. We're sorry - someone from our team will look into it.",
    ]);
    const thread = await prisma().teamThread.findFirstOrThrow({ where: { subscriberId, topic: "detractor" } });
    const update = p.slackApi.callsOf("chat.update").at(-1)!;
    expect(update.params).toMatchObject({ channel: "C0TEAM", ts: thread.slackTs });
    expect(slackText(update.params)).toContain("*Reason*\n>The sole came off after two weeks");

    // A teammate answers in the card's thread.
    const replyTs = "1800000000.000100";
    await p.slack.event({
      type: "message",
      channel: "C0TEAM",
      channel_type: "channel",
      user: "U0ALICE",
      text: "Hi Cat, I'm so sorry! We'll send you a new pair today &amp; a refund for the delivery. Which size? <https://shop.example/returns|Returns policy>",
      ts: replyTs,
      thread_ts: thread.slackTs,
    });
    const delivered = await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 8005 && String(c.params.text).includes("Message from our team"));
    expect(delivered.params.text).toBe(
      "💬 Message from our team:\n\nHi Cat, I'm so sorry! We'll send you a new pair today & a refund for the delivery. Which size? Returns policy (https://shop.example/returns)\n\nYou can reply right here.",
    );
    const reaction = await p.slackApi.waitFor(() => p.slackApi.callsOf("reactions.add").find((c) => c.params.timestamp === replyTs));
    expect(reaction.params).toMatchObject({ channel: "C0TEAM", name: "white_check_mark" });

    // The customer's answer goes back into the thread.
    expect(sentTexts(await cat.say("Size 38, thank you!"))).toEqual(["Thanks, I've passed your message on to the team."]);
    expect(threadPosts(p.slackApi, thread.slackTs).map((c) => c.params.text)).toEqual(["💬 Cat: Size 38, thank you!"]);

    const messages = await prisma().teamThreadMessage.findMany({ where: { threadId: thread.id }, orderBy: { id: "asc" } });
    expect(messages).toMatchObject([
      { direction: "to_customer", slackUser: "U0ALICE", slackTs: replyTs, status: "delivered" },
      { direction: "from_customer", text: "Size 38, thank you!", status: "delivered" },
    ]);
    expect(messages[0]!.text).toContain("We'll send you a new pair today & a refund");

    // Slack retries an event it thinks was lost: the customer still gets the message once.
    expect(await relayTeamReply(p.app.core, { channel: "C0TEAM", threadTs: thread.slackTs, ts: replyTs, user: "U0ALICE", text: "Hi Cat" })).toEqual({
      status: "ignored",
      reason: "duplicate",
    });

    // Notes for the team, bot messages and edits stay in Slack; the next real reply goes through.
    const toCat = () => p.telegram.callsOf("sendMessage").filter((c) => c.params.chat_id === 8005).length;
    const before = toCat();
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0BOB", text: "// checking the warehouse", ts: "1800000000.000200", thread_ts: thread.slackTs });
    await p.slack.event({ type: "message", channel: "C0TEAM", bot_id: "B0OTHER", user: "U0BOTX", text: "automated", ts: "1800000000.000300", thread_ts: thread.slackTs });
    await p.slack.event({ type: "message", subtype: "message_changed", channel: "C0TEAM", message: { text: "edited" }, ts: "1800000000.000400", thread_ts: thread.slackTs });
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Shipped! Tracking: AB123", ts: "1800000000.000500", thread_ts: thread.slackTs });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 8005 && String(c.params.text).includes("AB123"));
    await p.slackApi.waitFor(() => p.slackApi.callsOf("reactions.add").find((c) => c.params.timestamp === "1800000000.000500"));
    expect(toCat()).toBe(before + 1);
    expect(await prisma().teamThreadMessage.count({ where: { threadId: thread.id, direction: "to_customer" } })).toBe(2);
  });

  test("a team reply to a customer who blocked the bot is reported in the thread", async () => {
    const { user: dee, subscriberId } = await subscribed(8006, "Dee");
    await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    await dee.press("0");
    await dee.press("Skip");
    const thread = await prisma().teamThread.findFirstOrThrow({ where: { subscriberId } });
    expect(slackText(p.slackApi.callsOf("chat.update").at(-1)!.params)).toContain("*Reason*\n_they skipped the question_");
    p.telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Dee, can we call you?", ts: "1800000001.000100", thread_ts: thread.slackTs });
    const note = await p.slackApi.waitFor(() => threadPosts(p.slackApi, thread.slackTs).find((c) => String(c.params.text).startsWith("⚠️")));
    expect(note.params.text).toBe("⚠️ Not delivered: the customer has blocked the bot.");
    expect(await prisma().teamThreadMessage.findFirstOrThrow({ where: { threadId: thread.id } })).toMatchObject({ status: "blocked" });
    // Telegram's 403 is remembered: nothing more goes to them until they unblock the bot.
    expect((await prisma().subscriber.findUniqueOrThrow({ where: { id: subscriberId } })).blockedAt).toEqual(p.clock.now());
  });

  test("CSAT 1-5 with an alert for unhappy answers; /feedback on demand goes to the team", async () => {
    const { user: eve, subscriberId } = await subscribed(8007, "Eve");
    await askSurvey(p.app.core, { subscriberId, surveyId: "csat-delivery" });
    expect(eve.lastText()).toBe("How satisfied are you with the delivery of your order? 1 - very unhappy, 5 - delighted.");
    expect(eve.buttons()).toEqual(["1", "2", "3", "4", "5"]);
    expect(sentTexts(await eve.say("0"))[0]).toBe("Please send a number from 1 to 5, or tap a button.");
    expect(sentTexts(await eve.say("two"))).toEqual(["What could we do better?"]);
    expect(teamCards(p.slackApi).at(-1)!.params.text).toBe("⚠️ Delivery satisfaction 2/5 from Eve");
    await eve.say("The courier was two days late");
    expect(await responsesOf(subscriberId)).toMatchObject([{ kind: "csat", score: 2, comment: "The courier was two days late", stage: "done" }]);

    await eve.command("feedback");
    expect(eve.lastText()).toBe("We'd love to hear from you! What would you like to tell us?");
    expect(sentTexts(await eve.sendPhoto())).toEqual(["Please write your feedback in text."]);
    expect(sentTexts(await eve.say("Please add half sizes!"))).toEqual(["Thank you! We've passed your feedback to the team."]);
    const card = teamCards(p.slackApi).at(-1)!;
    expect(card.params.text).toBe("💬 Feedback from Eve");
    expect(slackText(card.params)).toContain(">Please add half sizes!");
    const feedback = (await responsesOf(subscriberId)).at(-1)!;
    expect(feedback).toMatchObject({ kind: "feedback", surveyId: "feedback", score: null, comment: "Please add half sizes!", trigger: "command", stage: "done" });
    expect(feedback.answeredAt).toEqual(p.clock.now());
    // On demand, feedback has no cooldown.
    await eve.command("feedback");
    expect(eve.lastText()).toBe("We'd love to hear from you! What would you like to tell us?");
    expect(sentTexts(await eve.command("cancel"))).toEqual(["Okay, no problem."]);
  });

  test("a double tap on a score counts once; a survey past its answer window is closed", async () => {
    const { user: fox, subscriberId } = await subscribed(8008, "Fox");
    await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    const eight = buttonOf(fox, "8");
    const nine = buttonOf(fox, "9");
    await fox.pressData(eight.data, eight.messageId);
    expect(toastOf(await fox.pressData(nine.data, nine.messageId))).toBe("You've already answered this question. Thank you!");
    expect(await responsesOf(subscriberId)).toMatchObject([{ score: 8, stage: "comment" }]);
    const skip = buttonOf(fox, "Skip");
    await fox.pressData(skip.data, skip.messageId);
    expect(toastOf(await fox.pressData(skip.data, skip.messageId))).toBe("You've already answered this question. Thank you!");
    expect(fox.texts().filter((t) => t === "Thank you for your answer!")).toHaveLength(1);

    const { user: gus, subscriberId: gusId } = await subscribed(8009, "Gus");
    await askSurvey(p.app.core, { subscriberId: gusId, surveyId: "csat-delivery" });
    p.clock.advanceDays(8);
    expect(sentTexts(await gus.say("5"))).toEqual(["I didn't catch that. Send /help to see what I can do, /stop to unsubscribe."]);
    expect(toastOf(await gus.press("5"))).toBe("This survey is closed. Thank you!");
    expect(await responsesOf(gusId)).toMatchObject([{ score: null, answeredAt: null }]);
  });

  test("nobody is asked the same survey within its cooldown; not opted-in people are not asked", async () => {
    const { user: hue, subscriberId } = await subscribed(8010, "Hue");
    const first = await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    expect(first).toMatchObject({ status: "sent" });
    const askedAt = p.clock.now();
    await hue.press("9");

    p.clock.advanceDays(30);
    expect(await askSurvey(p.app.core, { subscriberId, surveyId: "nps" })).toEqual({
      status: "skipped",
      reason: "cooldown",
      lastAskedAt: askedAt,
      nextAllowedAt: new Date(askedAt.getTime() + 90 * 86_400_000),
    });
    // Another survey has its own cooldown.
    expect(await askSurvey(p.app.core, { subscriberId, surveyId: "csat-delivery" })).toMatchObject({ status: "sent" });
    p.clock.advanceDays(61);
    expect(await askSurvey(p.app.core, { subscriberId, surveyId: "nps" })).toMatchObject({ status: "sent" });
    expect(hue.lastText()).toBe(NPS);
    expect((await responsesOf(subscriberId)).map((r) => r.surveyId)).toEqual(["nps", "csat-delivery", "nps"]);

    const ivan = p.telegram.user(8011, { first_name: "Ivan" });
    await ivan.command("start");
    const pending = await prisma().subscriber.findUniqueOrThrow({ where: { telegramId: 8011n } });
    expect(await askSurvey(p.app.core, { subscriberId: pending.id, surveyId: "nps" })).toEqual({ status: "skipped", reason: "no_consent" });
    await expect(askSurvey(p.app.core, { subscriberId: pending.id, surveyId: "nope" })).rejects.toBeInstanceOf(SurveyNotFound);
    expect(await responsesOf(pending.id)).toEqual([]);
  });

  test("the reason is taken within its own window after the score, not days later", async () => {
    const { user: jan, subscriberId: janId } = await subscribed(8012, "Jan");
    await askSurvey(p.app.core, { subscriberId: janId, surveyId: "nps" });
    await jan.press("10");
    p.clock.advanceHours(20);
    expect(sentTexts(await jan.say("Fast delivery and great fit"))).toEqual(["Thank you, that means a lot to us! 💚"]);
    expect(await responsesOf(janId)).toMatchObject([{ score: 10, comment: "Fast delivery and great fit", stage: "done" }]);

    const { user: kit, subscriberId: kitId } = await subscribed(8013, "Kit");
    await askSurvey(p.app.core, { subscriberId: kitId, surveyId: "nps" });
    await kit.press("9");
    expect(kit.lastText()).toBe(REASON);
    // The promoter ignores the reason question and writes about something else two days later.
    p.clock.advanceDays(2);
    // Not the reason for their score: a message for the team (free-text-feedback.test.ts).
    expect(sentTexts(await kit.say("where is my order?"))).toEqual(["Thank you! I've passed your message on to our team; they'll answer you right here."]);
    const [response] = await responsesOf(kitId);
    expect(response).toMatchObject({ score: 9, comment: null, commentedAt: null });
    expect(toastOf(await kit.press("Skip"))).toBe("This survey is closed. Thank you!");
  });

  test("a detractor's card stops waiting for the reason: /cancel says skipped, an expired window says no answer", async () => {
    const cardOf = (subscriberId: number) =>
      prisma().teamThread.findFirstOrThrow({ where: { subscriberId, topic: "detractor" } }).then((thread) => p.slackApi.callsOf("chat.update").filter((c) => c.params.ts === thread.slackTs).at(-1));
    const { user: lou, subscriberId: louId } = await subscribed(8014, "Lou");
    await askSurvey(p.app.core, { subscriberId: louId, surveyId: "nps" });
    await lou.press("4");
    await lou.command("cancel");
    expect(slackText((await cardOf(louId))!.params)).toContain("*Reason*\n_they skipped the question_");

    await closeExpiredReasons(p.app.core); // earlier tests' open questions (Kit's, above)
    const { user: max, subscriberId: maxId } = await subscribed(8015, "Max");
    await askSurvey(p.app.core, { subscriberId: maxId, surveyId: "nps" });
    await max.press("5");
    p.clock.advanceHours(23);
    expect(await closeExpiredReasons(p.app.core)).toBe(0);
    expect(await cardOf(maxId)).toBeUndefined();
    p.clock.advanceHours(2);
    expect(await closeExpiredReasons(p.app.core)).toBe(1);
    expect(slackText((await cardOf(maxId))!.params)).toContain("*Reason*\n_no answer to the question_");
    expect(await responsesOf(maxId)).toMatchObject([{ score: 5, comment: null, stage: "expired" }]);
    expect(await closeExpiredReasons(p.app.core)).toBe(0);
  });
});
