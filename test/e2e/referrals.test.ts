// The referral loop through the real grammY bot: a customer gets a personal
// link, a friend opens it and confirms, the referrer is credited and rewarded
// once with a code from the imported pool; repeats, self-referrals, known
// people and blocked friends earn nothing; the monthly cap holds; the team
// hears of a milestone; /mydata counts and erasure keeps the counts.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importCsv } from "../../core/events/import-csv.ts";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { blocksOf, teamCards } from "../support/chat-helpers.ts";
import { slackText } from "../support/fake-slack.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import type { FakeTelegramUser } from "../support/fake-telegram.ts";

describe.each(DATABASE_KINDS)("referrals on %s", (kind) => {
  let p: TestProduct;
  let ann: FakeTelegramUser;
  let link: string;
  beforeAll(async () => {
    p = await startTestProduct({ kind, env: { SLACK_SENDERS: "U0MARKETER" } });
    const csv = "promo_code,pool\nTHANKS-001,referral\nTHANKS-002,referral\nTHANKS-003,referral\nTHANKS-004,referral\nTHANKS-001,referral\n";
    const imported = await importCsv(p.app.core, { input: Readable.from([csv]), reject: () => {} });
    expect(imported).toMatchObject({ kind: "promo_codes", stored: 4, duplicates: 1, rejected: 0 });
    ann = p.telegram.user(5001, { first_name: "Ann", last_name: "Lee", language_code: "en" });
    await ann.command("start");
    await ann.press(/Yes/);
  });
  afterAll(async () => {
    await p.stop();
  });

  const row = (telegramId: number) => p.database.db.prisma.subscriber.findUnique({ where: { telegramId: BigInt(telegramId) } });
  const joinWith = async (user: FakeTelegramUser) => {
    await user.command("start", link.split("start=")[1]);
    await user.press(/Yes/);
  };
  const annThanks = () => ann.texts().filter((t) => t.startsWith("🎉 A friend you invited"));

  test("/invite gives a personal, unguessable link with a Share button and the offer", async () => {
    const calls = await ann.command("invite");
    const sent = calls.find((c) => c.method === "sendMessage")!;
    const text = String(sent.params.text);
    link = /https:\/\/t\.me\/chatloop_test_bot\?start=ref_([A-Za-z0-9]{12})/.exec(text)![0];
    expect(text).toContain("Your friend gets 10% off their first order with WELCOME10");
    expect(link).not.toContain("5001");
    const share = (sent.params.reply_markup as { inline_keyboard: { text: string; url: string }[][] }).inline_keyboard[0]![0]!;
    expect(share.text).toBe("📤 Share");
    expect(share.url).toBe(`https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent("I shop at Sneakerhead - subscribe with my link and get 10% off your first order")}`);
    // The same link every time.
    await ann.command("invite");
    expect(ann.lastText()).toContain(link);
    // Someone not subscribed is told how to subscribe first.
    const stranger = p.telegram.user(5099, { first_name: "Zed" });
    await stranger.command("invite");
    expect(stranger.lastText()).toBe("Only subscribers can invite friends. Send /start to subscribe first.");
    // In Russian: the words, the offer and the Share text.
    const ira = p.telegram.user(5098, { first_name: "Ира", language_code: "ru" });
    await ira.command("start");
    await ira.press(/^✅/);
    await ira.command("invite");
    expect(ira.lastText()).toMatch(/^Ваша личная ссылка — отправьте её другу:\nhttps:\/\/t\.me\/chatloop_test_bot\?start=ref_[A-Za-z0-9]{12}\nВаш друг получит скидку 10%/);
    expect(ira.buttons()).toEqual(["📤 Поделиться"]);
  });

  test("a promoter's thanks carries an Invite button that gives the same link", async () => {
    const annId = (await row(5001))!.id;
    expect(await askSurvey(p.app.core, { subscriberId: annId, surveyId: "nps", campaignId: "ref-nps" })).toMatchObject({ status: "sent" });
    await ann.press("10");
    await ann.press("Skip");
    expect(ann.lastText()).toBe("Thank you, that means a lot to us! 💚");
    expect(ann.buttons()).toEqual(["🎁 Invite a friend"]);
    await ann.press("🎁 Invite a friend");
    expect(ann.lastText()).toContain(link);
  });

  test("a friend opens the link, confirms, and the referrer gets one code; the friend a welcome", async () => {
    const bob = p.telegram.user(5002, { first_name: "Bob", language_code: "en" });
    await bob.command("start", link.split("start=")[1]);
    expect(bob.lastText()).toContain("May we send you personal offers");
    expect(await row(5002)).toMatchObject({ consentStatus: "pending", source: "referral" });
    expect(annThanks()).toHaveLength(0);

    await bob.press(/Yes/);
    expect(bob.lastText()).toBe("🎁 You came with a friend's invitation.\nWelcome! Your friend's gift: 10% off your first order with the code WELCOME10.");
    expect(ann.lastText()).toBe("🎉 A friend you invited has just joined us. Thank you!\nHere is your thank-you promo code: THANKS-001");
    const referral = await p.database.db.prisma.referral.findUnique({ where: { friendId: (await row(5002))!.id } });
    expect(referral).toMatchObject({ referrerId: (await row(5001))!.id, acceptedAt: p.clock.now() });
    expect(await p.database.db.prisma.promoCode.findUnique({ where: { code: "THANKS-001" } })).toMatchObject({ givenTo: (await row(5001))!.id });

    // Unsubscribing and coming back by the same link earns nothing again.
    await bob.command("stop");
    await joinWith(bob);
    expect(annThanks()).toHaveLength(1);
  });

  test("self-referral, a known person and a friend who blocks the bot earn nothing", async () => {
    await ann.command("start", link.split("start=")[1]);
    expect(ann.lastText()).toContain("You're already subscribed");

    const cat = p.telegram.user(5003, { first_name: "Cat" });
    await cat.command("start", "instagram_bio");
    await joinWith(cat);
    expect(await row(5003)).toMatchObject({ consentStatus: "subscribed", source: "instagram_bio" });

    const dan = p.telegram.user(5004, { first_name: "Dan" });
    await dan.command("start", link.split("start=")[1]);
    await dan.block();
    const danRow = await row(5004);
    expect(await p.database.db.prisma.referral.findUnique({ where: { friendId: danRow!.id } })).toMatchObject({ acceptedAt: null });

    // A second link for the same friend: the first one keeps the credit.
    const eve = p.telegram.user(5005, { first_name: "Eve" });
    await eve.command("start");
    await eve.press(/Yes/);
    await eve.command("invite");
    const eveLink = /start=(ref_[A-Za-z0-9]+)/.exec(eve.lastText())![1]!;
    await p.telegram.user(5002, { first_name: "Bob" }).command("start", eveLink);
    expect(await p.database.db.prisma.referral.count({ where: { referrerId: (await row(5005))!.id } })).toBe(0);
    expect(annThanks()).toHaveLength(1);
  });

  test("the monthly cap holds, the team hears of the fifth friend, and next month rewards resume", async () => {
    for (const id of [5011, 5012, 5013, 5014]) await joinWith(p.telegram.user(id, { first_name: `F${id}` }));
    // Cap 3 a month (flows/referrals.yaml): THANKS-002 and -003 given, then capped.
    expect(annThanks().map((t) => t.split(": ")[1])).toEqual(["THANKS-001", "THANKS-002", "THANKS-003"]);
    const rewards = await p.database.db.prisma.referralReward.findMany({ where: { role: "referrer" }, orderBy: { id: "asc" } });
    expect(rewards.map((r) => r.status)).toEqual(["given", "given", "given", "capped", "capped"]);

    const cards = teamCards(p.slackApi);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(blocksOf(cards[0]!))).toContain("Ann Lee has brought 5 friends");

    p.clock.advanceDays(10); // 2026-12-03: a new month
    await joinWith(p.telegram.user(5015, { first_name: "Gus" }));
    expect(annThanks().at(-1)).toContain("THANKS-004");
  });

  test("Slack: built-in segments, the referrals condition and the /metrics referral section count it", async () => {
    const answer = async (command: string, text: string) => {
      const r = await p.slack.command(command, text, "U0MARKETER");
      if (!slackText(r.ack).startsWith("⏳")) return slackText(r.ack);
      return slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(r.responseUrl)[0], 30_000)).body);
    };
    const list = await answer("/segment", "list");
    // Ann is the one referrer; Bob, Dan (never confirmed), F5011-F5014 and Gus came by her link.
    expect(list).toContain("*Referrers (brought a friend who subscribed)*: 1");
    expect(list).toContain("*Referred (came by a friend’s invitation)*: 7");
    expect(await answer("/segment", "save ref_champions referrals >= 2")).toBe("Saved segment *ref_champions*: 1 customers.");
    expect(await answer("/segment", "save referred_friends referred and consent = subscribed")).toBe("Saved segment *referred_friends*: 6 customers.");

    // Last week (Mon 23 - Sun 29 Nov): 9 new subscribers (Ann, Ira, Bob, Cat, Eve, F5011-F5014), 5 of them by
    // invitation; 6 links opened (Dan's too); one referrer, so K = 5 / 1; nobody has bought yet.
    const metrics = await answer("/metrics", "last week");
    expect(metrics).toContain("*New subscribers by invitation:* 5 of 9 (55.6%)");
    expect(metrics).toContain("*Invitations:* 6 opened, 5 accepted");
    expect(metrics).toContain("*Referred customers:* revenue 0, conversion to a purchase 0.0% (of 5)");
    expect(metrics).toContain("*K-factor:* 5.00 new subscribers per referrer (1 referrers)");
    expect(metrics).toContain("1. Ann L. — 5");
  });

  test("/mydata counts whom the customer referred; erasure keeps the counts", async () => {
    await ann.command("mydata");
    const summary = ann.texts().at(-2)!;
    expect(summary).toContain("Friends you invited: 7 (joined: 6); rewards you got: 4 (THANKS-001, THANKS-002, THANKS-003, THANKS-004)");

    const bob = p.telegram.user(5002, { first_name: "Bob" });
    await bob.command("forget");
    await bob.press("Yes, erase my data");
    await ann.command("mydata");
    expect(ann.texts().at(-2)).toContain("Friends you invited: 7 (joined: 6)");

    const annId = (await row(5001))!.id;
    await ann.command("forget");
    await ann.press("Yes, erase my data");
    const erased = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { id: annId } });
    expect(erased.referralCode).toBeNull();
    expect(await p.database.db.prisma.referral.count({ where: { referrerId: annId, acceptedAt: { not: null } } })).toBe(6);
    // The erased referrer's link brings nobody any more.
    const hal = p.telegram.user(5016, { first_name: "Hal" });
    await hal.command("start", link.split("start=")[1]);
    expect(await row(5016)).toMatchObject({ source: null });
  });
});
