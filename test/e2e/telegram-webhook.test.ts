// Webhook mode: the bot registers its URL with a secret, rejects updates
// without it, and answers a redelivered update only once.
import { describe, expect, test } from "vitest";
import { useTestProduct } from "../support/per-describe.ts";

describe("Telegram webhook", () => {
  const p = useTestProduct({ kind: "pglite", webhook: true });

  test("the bot registers its webhook with the secret and the updates it needs", () => {
    const call = p.telegram.callsOf("setWebhook")[0]!;
    expect(call.params).toMatchObject({
      url: "http://127.0.0.1/telegram/webhook",
      secret_token: "webhook-secret",
      allowed_updates: ["message", "callback_query", "my_chat_member"],
    });
  });

  test("an update without the right secret is rejected and changes nothing", async () => {
    const forged = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 2001, type: "private" }, from: { id: 2001, is_bot: false, first_name: "Mallory" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } };
    for (const secret of [undefined, "wrong-secret"]) {
      const res = await fetch(p.telegram.webhook!.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(forged),
      });
      expect(res.status).toBe(401);
    }
    expect(await p.database.db.prisma.subscriber.count({ where: { telegramId: 2001n } })).toBe(0);
    expect(p.telegram.chat(2001)).toEqual([]);
  });

  test("a subscription works through the webhook, and a redelivered update is answered once", async () => {
    const ann = p.telegram.user(2002, { first_name: "Ann" });
    await ann.command("start", "ads_vk");
    expect(ann.buttons()).toEqual(["✅ Yes, subscribe me", "No, thanks"]);
    const question = ann.messages().at(-1)!;
    const update = {
      callback_query: { id: "q-1", from: ann.from, chat_instance: "ci", data: "consent:yes", message: p.telegram.toTelegramMessage(question) },
    };
    const first = await ann.redeliver(update, 90_001);
    const second = await ann.redeliver(update, 90_001);
    expect(first.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(second).toEqual([]);
    expect(await p.database.db.prisma.consentRecord.count({ where: { status: "subscribed", subscriber: { telegramId: 2002n } } })).toBe(1);
  });

  test("ten concurrent presses of the consent button: one 'subscribed' record, one confirmation", async () => {
    const cy = p.telegram.user(2003, { first_name: "Cy" });
    await cy.command("start");
    const question = cy.messages().at(-1)!;
    const yes = question.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const data = yes.inline_keyboard[0]![0]!.callback_data;
    const press = (i: number) => ({
      callback_query: { id: `press-${i}`, from: cy.from, chat_instance: "ci", data, message: p.telegram.toTelegramMessage(question) },
    });
    const before = p.telegram.calls.length;
    await Promise.all(Array.from({ length: 10 }, (_, i) => p.telegram.deliver(press(i))));
    const calls = p.telegram.calls.slice(before);
    expect(await p.database.db.prisma.consentRecord.count({ where: { status: "subscribed", subscriber: { telegramId: 2003n } } })).toBe(1);
    expect(calls.filter((c) => c.method === "editMessageText").map((c) => c.params.text)).toEqual([
      "You're subscribed. Thank you! Send /stop at any time to unsubscribe, /language to change the language.",
    ]);
    // Every press is answered (the spinner stops), the nine late ones with a short note.
    expect(calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(10);
    expect(cy.texts().filter((t) => t.startsWith("You're subscribed"))).toHaveLength(1);
  });

  test("updates of different chats run at the same time; one chat's updates wait for each other, in order", async () => {
    const dee = p.telegram.user(2004, { first_name: "Dee" });
    const eve = p.telegram.user(2005, { first_name: "Eve" });
    const slow = p.telegram.hold("sendMessage"); // Telegram is slow to take Dee's first answer
    const first = dee.command("help");
    await slow.reached;
    const second = dee.say("/language");
    // Eve is answered while Dee's first update is still in hand...
    await eve.command("help");
    expect(eve.lastText()).toContain("/start");
    // ...and Dee's second has not started: it waits for the first.
    expect(p.telegram.calls.filter((c) => Number(c.params.chat_id) === 2004)).toHaveLength(1);
    slow.release();
    await Promise.all([first, second]);
    const answers = p.telegram.calls.filter((c) => Number(c.params.chat_id) === 2004 && c.method === "sendMessage");
    expect(answers).toHaveLength(2);
    expect(String(answers[0]!.params.text)).toContain("/start");
  });

  test("/readyz asks Telegram whether our webhook is still the registered one", async () => {
    const registered = p.telegram.registeredWebhookUrl;
    p.telegram.registeredWebhookUrl = ""; // someone ran deleteWebhook with the bot's token
    p.clock.advance(61_000); // past the cached answer of an earlier probe
    const down = await fetch(`${p.baseUrl}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: Record<string, unknown> }).checks.telegram).toEqual({
      ok: false,
      detail: "webhook is not set, expected http://127.0.0.1/telegram/webhook",
    });
    p.telegram.registeredWebhookUrl = registered;
    p.clock.advance(11_000); // a failing check is remembered for 10 s
    const up = await fetch(`${p.baseUrl}/readyz`);
    expect(up.status).toBe(200);
    expect(((await up.json()) as { checks: Record<string, unknown> }).checks.telegram).toEqual({ ok: true, detail: "webhook, 0 pending" });
  });
});
