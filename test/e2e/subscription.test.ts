// A customer subscribes, declines, unsubscribes, blocks the bot and switches
// language, through the real grammY bot and the local Bot API server.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("Telegram subscription on %s", (kind) => {
  const p = useTestProduct({ kind });

  const subscriber = (telegramId: number) => p.database.db.prisma.subscriber.findUnique({ where: { telegramId: BigInt(telegramId) } });

  test("a deep link records the source and only the consent button subscribes", async () => {
    const ann = p.telegram.user(1001, { first_name: "Ann", language_code: "en" });
    await ann.command("start", "instagram_bio");

    expect(ann.lastText()).toContain("Hi, Ann! I'm the Sneakerhead assistant.");
    expect(ann.buttons()).toEqual(["✅ Yes, subscribe me", "No, thanks"]);
    const pending = await subscriber(1001);
    expect(pending).toMatchObject({ consentStatus: "pending", source: "instagram_bio", firstName: "Ann", language: "en" });
    expect(pending!.consentAt).toBeNull();

    const calls = await ann.press("✅ Yes, subscribe me");
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(ann.lastText()).toBe("You're subscribed. Thank you! Send /stop at any time to unsubscribe, /language to change the language.");

    const subscribed = await subscriber(1001);
    expect(subscribed).toMatchObject({ consentStatus: "subscribed", source: "instagram_bio" });
    expect(subscribed!.consentAt).toEqual(p.clock.now());
    const history = await p.database.db.prisma.consentRecord.findMany({ where: { subscriberId: subscribed!.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["pending", "subscribed"]);
    expect(history[1]!.text).toContain("May we send you personal offers");
  });

  test("refusing consent leaves the person unsubscribed", async () => {
    const bob = p.telegram.user(1002, { first_name: "Bob", language_code: "en" });
    await bob.command("start");
    await bob.press("No, thanks");
    expect(bob.lastText()).toBe("No problem, we won't send you anything. If you change your mind, send /start.");
    expect(await subscriber(1002)).toMatchObject({ consentStatus: "declined", source: null, consentAt: null });
  });

  test("/stop unsubscribes at once and says how to come back; /start brings them back", async () => {
    const cat = p.telegram.user(1003, { first_name: "Cat" });
    await cat.command("start", "qr_store");
    await cat.press(/Yes/);
    p.clock.advanceHours(2);
    await cat.command("stop");
    expect(cat.lastText()).toBe("You're unsubscribed and won't get any more messages from us. Changed your mind? Send /start to come back.");
    const gone = await subscriber(1003);
    expect(gone).toMatchObject({ consentStatus: "unsubscribed" });
    expect(gone!.unsubscribedAt).toEqual(p.clock.now());

    await cat.command("start", "partner_blog");
    await cat.press(/Yes/);
    // The first source that brought them keeps the credit.
    expect(await subscriber(1003)).toMatchObject({ consentStatus: "subscribed", source: "qr_store", unsubscribedAt: null });
  });

  test("'stop' or 'хочу отписаться' written as a whole message unsubscribes as /stop does; a sentence with 'stop' in it does not", async () => {
    const dan = p.telegram.user(1021, { first_name: "Dan", language_code: "en" });
    await dan.command("start");
    await dan.press(/Yes/);
    await dan.say("When does the sale stop?");
    expect(await subscriber(1021)).toMatchObject({ consentStatus: "subscribed" });
    await dan.say("Stop!");
    expect(dan.lastText()).toBe("You're unsubscribed and won't get any more messages from us. Changed your mind? Send /start to come back.");
    expect(await subscriber(1021)).toMatchObject({ consentStatus: "unsubscribed" });
    await dan.say("unsubscribe me");
    expect(dan.lastText()).toBe("You're unsubscribed and won't get any more messages from us. Changed your mind? Send /start to come back.");

    const olga = p.telegram.user(1022, { first_name: "Ольга", language_code: "ru" });
    await olga.command("start");
    await olga.press(/Да/);
    await olga.say("Хочу отписаться 🙏");
    expect(olga.lastText()).toBe("Вы отписаны и больше не получите от нас сообщений. Передумаете — отправьте /start.");
    expect(await subscriber(1022)).toMatchObject({ consentStatus: "unsubscribed" });
    const history = await p.database.db.prisma.consentRecord.findMany({ where: { subscriber: { telegramId: 1022n } }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["pending", "subscribed", "unsubscribed"]);
  });

  test("a name the customer gave us is kept when they /start again under another Telegram name", async () => {
    const kat = p.telegram.user(1010, { first_name: "Kitty", username: "kitty99" });
    await kat.command("start");
    await kat.press(/Yes/);
    const known = await subscriber(1010);
    // What they typed in a flow (or the shop imported) is their name for us.
    await p.database.db.prisma.subscriber.update({ where: { id: known!.id }, data: { firstName: "Katherine", lastName: "Miller" } });
    const renamed = p.telegram.user(1010, { first_name: "K", username: "kat_m" });
    await renamed.command("start");
    expect(await subscriber(1010)).toMatchObject({ firstName: "Katherine", lastName: "Miller", username: "kat_m" });
    await renamed.command("stop");
    await renamed.command("start");
    expect(await subscriber(1010)).toMatchObject({ firstName: "Katherine", lastName: "Miller", consentStatus: "pending" });
  });

  test("blocking the bot marks the subscriber blocked; unblocking clears it", async () => {
    const dan = p.telegram.user(1004, { first_name: "Dan" });
    await dan.command("start");
    await dan.press(/Yes/);
    await dan.block();
    expect((await subscriber(1004))!.blockedAt).toEqual(p.clock.now());
    await dan.unblock();
    expect((await subscriber(1004))!.blockedAt).toBeNull();
  });

  test("/language switches to Russian and back; Russian Telegram users start in Russian", async () => {
    const eve = p.telegram.user(1005, { first_name: "Eve", language_code: "en" });
    await eve.command("start");
    await eve.command("language");
    expect(eve.buttons()).toEqual(["English", "Русский"]);
    await eve.press("Русский");
    expect(eve.lastText()).toBe("Готово: теперь я говорю с вами по-русски.");
    expect((await subscriber(1005))!.language).toBe("ru");
    await eve.command("stop");
    expect(eve.lastText()).toContain("Вы отписаны");

    const igor = p.telegram.user(1006, { first_name: "Игорь", language_code: "ru" });
    await igor.command("start");
    expect(igor.lastText()).toContain("Здравствуйте, Игорь! Я ассистент Sneakerhead.");
    expect(igor.buttons()).toEqual(["✅ Да, подписаться", "Нет, спасибо"]);
  });

  test("the consent history keeps the question as it was shown, even after a /language switch", async () => {
    const lea = p.telegram.user(1013, { first_name: "Lea", language_code: "en" });
    await lea.command("start");
    const shown = lea.lastText();
    expect(shown).toContain("May we send you personal offers");
    await lea.command("language");
    await lea.press("Русский");
    await lea.press("✅ Yes, subscribe me");
    // The question's message now says they are subscribed, in their new language.
    expect(lea.texts()).toContain("Вы подписаны. Спасибо! Отписаться — /stop, сменить язык — /language.");
    const me = (await subscriber(1013))!;
    const agreed = await p.database.db.prisma.consentRecord.findFirstOrThrow({ where: { subscriberId: me.id, status: "subscribed" } });
    expect(agreed.text).toBe(shown);
  });

  test("stickers, photos and unknown commands get a polite hint", async () => {
    const gus = p.telegram.user(1008, { first_name: "Gus" });
    await gus.sendSticker();
    expect(gus.lastText()).toBe("I didn't catch that. Send /help to see what I can do, /stop to unsubscribe.");
    await gus.command("frobnicate");
    expect(gus.lastText()).toBe("I don't know that command. /help shows what I can do.");
  });

  test("the command menu is published in English and Russian", () => {
    const menus = p.telegram.commands.map((c) => ({ language: c.language_code ?? "default", names: (c.commands as { command: string }[]).map((x) => x.command) }));
    // Ours, then the commands flow and survey files claim (flows/), named by the flow or survey.
    const names = ["start", "stop", "language", "settings", "invite", "mydata", "forget", "help", "demo", "choose", "feedback"];
    expect(menus).toEqual([
      { language: "default", names },
      { language: "ru", names },
    ]);
    const ru = p.telegram.commands.find((c) => c.language_code === "ru")!.commands as { command: string; description: string }[];
    expect(ru.find((c) => c.command === "choose")!.description).toBe("Подбор кроссовок");
    expect(ru.find((c) => c.command === "settings")!.description).toBe("Язык и подписка");
  });

  test("/help says what the bot does and lists every command, in the customer's language", async () => {
    const hal = p.telegram.user(1010, { first_name: "Hal", language_code: "en" });
    await hal.command("help");
    expect(hal.lastText()).toBe(
      [
        "I'm the Sneakerhead assistant. With your consent I send you personal offers, news and short surveys here, and a few quick questions help us find what suits you.",
        "What you can send me:",
        "/start - Subscribe",
        "/stop - Unsubscribe",
        "/language - Change language",
        "/settings - Your language and subscription",
        "/invite - Invite a friend",
        "/mydata - See the data we keep about you",
        "/forget - Erase your data",
        "/cancel - Leave the current questions",
        "/demo - Book a demo",
        "/choose - Help me choose sneakers",
        "/feedback - Feedback",
      ].join("\n"),
    );
    const ira = p.telegram.user(1011, { first_name: "Ира", language_code: "ru" });
    await ira.command("help");
    expect(ira.lastText()).toContain("Я ассистент Sneakerhead.");
    expect(ira.lastText()).toContain("/settings - Язык и подписка\n/invite - Пригласить друга\n/mydata - Какие данные о вас хранятся");
    expect(ira.lastText()).toContain("/choose - Подбор кроссовок\n/feedback - Отзыв");
  });

  test("'help', 'hi', 'привет' written as a message get the help, not 'I didn't catch that', and do not go to the team; 'english please' switches the language", async () => {
    const help = await (async () => {
      const probe = p.telegram.user(1030, { first_name: "Pat", language_code: "en" });
      await probe.command("help");
      return probe.lastText();
    })();
    const gil = p.telegram.user(1031, { first_name: "Gil", language_code: "en" });
    await gil.command("start");
    await gil.press(/Yes/);
    const posted = p.slackApi.callsOf("chat.postMessage").length;
    for (const words of ["Hi!", "help", "What can you do?"]) {
      await gil.say(words);
      expect(gil.lastText(), words).toBe(help);
    }
    const vera = p.telegram.user(1032, { first_name: "Вера", language_code: "ru" });
    await vera.command("start");
    await vera.press(/Да/);
    await vera.say("Привет 👋");
    expect(vera.lastText()).toContain("Я ассистент Sneakerhead.");
    await vera.say("помощь");
    expect(vera.lastText()).toContain("/stop - Отписаться");
    expect(p.slackApi.callsOf("chat.postMessage").length).toBe(posted);
    // "english please" / "по-русски" written as a message pick the language, as /language's buttons do.
    await vera.say("English, please!");
    expect(vera.lastText()).toBe("Done: I'll speak English with you now.");
    expect(await subscriber(1032)).toMatchObject({ language: "en" });
    await vera.say("по-русски");
    expect(vera.lastText()).toBe("Готово: теперь я говорю с вами по-русски.");
    expect(await subscriber(1032)).toMatchObject({ language: "ru" });
    // Anything else outside a dialogue still reaches the team.
    await gil.say("Do you have these in size 46?");
    expect(gil.lastText()).not.toBe(help);
  });

  test("/settings shows the language and the subscription, and its buttons change them", async () => {
    const kim = p.telegram.user(1012, { first_name: "Kim", language_code: "en" });
    await kim.command("start");
    await kim.press(/Yes/);
    await kim.command("settings");
    expect(kim.lastText()).toBe("Your settings:\n• Language: English\n• Offers and news: you're subscribed\nChange them with the buttons below.");
    expect(kim.buttons()).toEqual(["English", "Русский", "🔕 Unsubscribe"]);

    await kim.press("🔕 Unsubscribe");
    expect(kim.lastText()).toBe("You're unsubscribed and won't get any more messages from us. Changed your mind? Send /start to come back.");
    expect(await subscriber(1012)).toMatchObject({ consentStatus: "unsubscribed" });

    await kim.command("settings");
    expect(kim.lastText()).toContain("• Offers and news: you're not subscribed");
    await kim.press("Русский");
    expect(kim.lastText()).toBe("Готово: теперь я говорю с вами по-русски.");
    expect((await subscriber(1012))!.language).toBe("ru");

    await kim.command("settings");
    expect(kim.lastText()).toBe("Ваши настройки:\n• Язык: Русский\n• Предложения и новости: вы не подписаны\nИзменить их можно кнопками ниже.");
    expect(kim.buttons()).toEqual(["English", "Русский", "🔔 Подписаться"]);
    // Subscribing goes through the same double opt-in as /start.
    await kim.press("🔔 Подписаться");
    expect(kim.lastText()).toContain("Можно присылать вам персональные предложения");
    expect(await subscriber(1012)).toMatchObject({ consentStatus: "pending" });
    await kim.press("✅ Да, подписаться");
    expect(await subscriber(1012)).toMatchObject({ consentStatus: "subscribed" });
  });
});
