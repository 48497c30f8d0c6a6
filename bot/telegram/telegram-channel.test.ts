// The Channel port against the local Bot API server: what is sent, and how
// Telegram's refusals become outcomes the core acts on.
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeTelegram } from "../../test/support/fake-telegram.ts";
import { splitText, telegramChannel } from "./telegram-channel.ts";

describe("Telegram channel", () => {
  let tg: FakeTelegram;
  let channel: ReturnType<typeof telegramChannel>;
  const to = { subscriberId: 1, telegramId: 5001n };
  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    channel = telegramChannel(new Api(tg.token, { apiRoot: tg.apiRoot }));
  });
  afterAll(async () => {
    await tg.stop();
  });

  test("sends text with URL and data buttons, in rows", async () => {
    const outcome = await channel.send(to, {
      text: "Hello",
      buttons: [[{ text: "Shop", url: "https://shop.example/r/abc" }], [{ text: "9", data: "nps:1:9" }, { text: "10", data: "nps:1:10" }]],
    });
    expect(outcome).toMatchObject({ ok: true });
    const msg = tg.chat(5001).at(-1)!;
    expect(msg.text).toBe("Hello");
    expect(msg.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Shop", url: "https://shop.example/r/abc" }], [{ text: "9", callback_data: "nps:1:9" }, { text: "10", callback_data: "nps:1:10" }]],
    });
  });

  test("a paid broadcast sets allow_paid_broadcast", async () => {
    await channel.send(to, { text: "Sale" }, { paidBroadcast: true });
    expect(tg.callsOf("sendMessage").at(-1)!.params.allow_paid_broadcast).toBe(true);
  });

  test("an image goes out as a photo with the text as caption", async () => {
    await channel.send(to, { text: "Chart", image: { filename: "nps.png", bytes: Buffer.from([137, 80, 78, 71]) } });
    const msg = tg.chat(5001).at(-1)!;
    expect(msg).toMatchObject({ kind: "sendPhoto", caption: "Chart", file: { name: "nps.png", size: 4 } });
  });

  test.each([
    [{ error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } }, { ok: false, reason: "rate_limited", retryAfterSeconds: 7 }],
    [{ error_code: 403, description: "Forbidden: bot was blocked by the user" }, { ok: false, reason: "blocked" }],
    [{ error_code: 400, description: "Bad Request: chat not found" }, { ok: false, reason: "unreachable" }],
    [{ error_code: 502, description: "Bad Gateway" }, { ok: false, reason: "transient" }],
    [{ error_code: 400, description: "Bad Request: can't parse entities" }, { ok: false, reason: "rejected" }],
  ])("Telegram's %o becomes %o", async (error, expected) => {
    tg.failNext("sendMessage", error);
    expect(await channel.send(to, { text: "x" })).toMatchObject(expected);
  });

  test("texts over 4096 characters are split at word boundaries; buttons ride on the last part", async () => {
    const before = tg.chat(5001).length;
    const long = `${"word ".repeat(1000)}\n\n${"more ".repeat(300)}`;
    await channel.send(to, { text: long, buttons: [[{ text: "OK", data: "ok" }]] });
    const sent = tg.chat(5001).slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.text!.length <= 4096)).toBe(true);
    expect(sent.map((m) => m.text).join(" ").replace(/\s+/g, " ").trim()).toBe(long.replace(/\s+/g, " ").trim());
    expect(sent[0]!.reply_markup).toBeUndefined();
    expect(sent[1]!.reply_markup).toBeDefined();
  });

  test("splitText keeps short texts whole and cuts hard when there is no space", () => {
    expect(splitText("short")).toEqual(["short"]);
    expect(splitText("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
  });
});
