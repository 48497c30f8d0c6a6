// A campaign from scheduling to the customers' Telegram chats, through the
// real outbox, pacer and Telegram channel against the local Bot API server.
// Time is a fake clock: the pacer's waits move it instead of sleeping.
import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { cancelCampaign, createCampaign, pauseCampaign, resumeCampaign, scheduleDraft } from "../../core/campaigns/campaigns.ts";
import { preflight } from "../../core/campaigns/preflight.ts";
import { completeFinishedCampaigns, materializeDueCampaigns } from "../../core/campaigns/materialize.ts";
import { DEFAULT_POLICY } from "../../core/delivery/contact-policy.ts";
import { DeliveryWorker, type DeliveryWorkerOptions } from "../../core/delivery/delivery-worker.ts";
import { linkSecret, linkToken, readLinkToken } from "../../core/delivery/tracked-links.ts";
import { createLogger } from "../../core/logger.ts";
import { eraseCustomer } from "../../core/privacy/erase-customer.ts";
import { setBlocked, unsubscribe } from "../../core/subscribers/telegram-subscription.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { createCustomers, createManyCustomers } from "../support/factories.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";

describe.each(DATABASE_KINDS)("campaign delivery on %s", (kind) => {
  let database: TestDatabase;
  let tg: FakeTelegram;
  let deps: TestCoreDeps;
  let clock: FakeClock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tg = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await tg.stop();
    await database.drop();
  });
  beforeEach(async () => {
    tg.clearFaults();
    await database.db.prisma.$executeRawUnsafe(`TRUNCATE delivery, campaign, subscriber, click, audit_log RESTART IDENTITY CASCADE`);
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET next_slot_at = '1970-01-01', paused_until = NULL`);
    // Tuesday 24 Nov 2026, 10:00 in Berlin (the team's timezone).
    clock = new FakeClock("2026-11-24T09:00:00Z");
    deps = testCoreDeps(database, { clock, telegram: tg });
  });

  function worker(options: Partial<DeliveryWorkerOptions> = {}) {
    return new DeliveryWorker(deps, { ratePerSecond: 30, concurrency: 1, sleep: async (ms) => void clock.advance(ms), ...options });
  }

  const hello = { A: { text: { en: "Hi {first_name}, 20% off boots until Sunday!", ru: "{first_name}, скидка 20% на ботинки до воскресенья!" } } };

  async function scheduleNow(extra: Record<string, unknown> = {}) {
    return createCampaign(deps, {
      name: "Boots sale",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: hello,
      sendAt: clock.now(),
      createdBy: "U0MARKETER",
      ...extra,
    });
  }

  const statuses = async (campaignId: number) =>
    Object.fromEntries(
      (await database.db.prisma.delivery.groupBy({ by: ["status"], where: { campaignId }, _count: true })).map((g) => [g.status, g._count]),
    );

  test("only consenting, reachable customers get it, personalized in their language", async () => {
    await createCustomers(database.db, [
      { telegramId: 101, firstName: "Ann" },
      { telegramId: 102, firstName: "Борис", language: "ru" },
      { telegramId: 103 }, // no name: the fallback word is used
      { telegramId: 104, firstName: "Uma", consent: "unsubscribed" },
      { telegramId: 105, firstName: "Bo", blocked: true },
      { telegramId: 106, firstName: "Pen", consent: "pending" },
      { firstName: "NoTelegram" },
    ]);
    const campaign = await scheduleNow();
    expect(await materializeDueCampaigns(deps)).toEqual([{ campaignId: campaign.id, rows: 3 }]);
    const result = await worker().drain();
    expect(result).toMatchObject({ claimed: 3, sent: 3, failed: 0, skipped: 0 });
    expect(tg.chat(101).map((m) => m.text)).toEqual(["Hi Ann, 20% off boots until Sunday!"]);
    expect(tg.chat(102).map((m) => m.text)).toEqual(["Борис, скидка 20% на ботинки до воскресенья!"]);
    expect(tg.chat(103).map((m) => m.text)).toEqual(["Hi friend, 20% off boots until Sunday!"]);
    for (const id of [104, 105, 106]) expect(tg.chat(id)).toEqual([]);
    expect(await completeFinishedCampaigns(deps)).toBe(1);
    expect((await database.db.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("completed");
    const audit = await database.db.prisma.auditLog.findMany();
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([["U0MARKETER", "campaign.scheduled", `campaign:${campaign.id}`]]);
  });

  test("nothing goes out before its time, and the audience is taken at send time", async () => {
    await createCustomers(database.db, [{ telegramId: 201, firstName: "Early" }]);
    const campaign = await scheduleNow({ sendAt: new Date(clock.now().getTime() + 3600_000) });
    expect(await materializeDueCampaigns(deps)).toEqual([]);
    await createCustomers(database.db, [{ telegramId: 202, firstName: "Late" }]);
    clock.advanceHours(1);
    expect(await materializeDueCampaigns(deps)).toEqual([{ campaignId: campaign.id, rows: 2 }]);
    // Materializing again adds nothing.
    await database.db.prisma.campaign.update({ where: { id: campaign.id }, data: { status: "scheduled" } });
    expect(await materializeDueCampaigns(deps)).toEqual([{ campaignId: campaign.id, rows: 0 }]);
  });

  test("someone who unsubscribes after scheduling gets nothing", async () => {
    await createCustomers(database.db, [{ telegramId: 301, firstName: "Stay" }, { telegramId: 302, firstName: "Leave" }]);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    await unsubscribe(deps, { telegramId: 302n });
    await worker().drain();
    expect(tg.chat(301)).toHaveLength(1);
    expect(tg.chat(302)).toEqual([]);
    expect(await statuses(campaign.id)).toEqual({ sent: 1, skipped: 1 });
    const skipped = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: campaign.id, status: "skipped" } });
    expect(skipped.reason).toBe("unsubscribed");
  });

  test("whoever unsubscribes, is erased or blocks the bot while the claimed batch waits for its send slot gets nothing", async () => {
    const [, , gone] = await createCustomers(database.db, [
      { telegramId: 1201, firstName: "Ann" },
      { telegramId: 1202, firstName: "Leave" },
      { telegramId: 1203, firstName: "Gwendolyn" },
      { telegramId: 1204, firstName: "Blocker" },
      { telegramId: 1205, firstName: "Zed" },
    ]);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    // Another instance hit a 429 a moment ago: every send waits 5 s for the pause to end.
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET paused_until = $1`, new Date(clock.now().getTime() + 5000));
    const sendsBefore = tg.callsOf("sendMessage").length;
    let changedMinds = false;
    const w = worker({
      sleep: async (ms) => {
        clock.advance(ms);
        if (changedMinds) return;
        changedMinds = true;
        // The whole batch is claimed (its consent read) and nothing is sent yet.
        expect(await statuses(campaign.id)).toEqual({ sending: 5 });
        expect(tg.callsOf("sendMessage")).toHaveLength(sendsBefore);
        await unsubscribe(deps, { telegramId: 1202n });
        await eraseCustomer(deps, { subscriberId: gone!, actor: "U0PRIVACY", reason: "customer_request" });
        await setBlocked(deps, { telegramId: 1204n, blocked: true });
      },
    });
    expect(await w.drain()).toMatchObject({ claimed: 5, sent: 2, skipped: 3 });
    expect(changedMinds).toBe(true);
    expect(tg.chat(1201).map((m) => m.text)).toEqual(["Hi Ann, 20% off boots until Sunday!"]);
    expect(tg.chat(1205).map((m) => m.text)).toEqual(["Hi Zed, 20% off boots until Sunday!"]);
    for (const id of [1202, 1203, 1204]) expect(tg.chat(id)).toEqual([]);
    expect(tg.callsOf("sendMessage").slice(sendsBefore).map((c) => String(c.params.text))).not.toContain(expect.stringContaining("Gwendolyn"));
    const rows = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id }, orderBy: { subscriberId: "asc" } });
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      ["sent", null],
      ["skipped", "unsubscribed"],
      ["skipped", "erased"],
      ["skipped", "blocked"],
      ["sent", null],
    ]);
  });

  test("quiet hours: scheduled for 22:00 local, it waits until 09:00 in each customer's timezone", async () => {
    await createCustomers(database.db, [
      { telegramId: 401, firstName: "Berlin", timezone: "Europe/Berlin" },
      { telegramId: 402, firstName: "Team" }, // no timezone: the team's (Berlin)
      { telegramId: 403, firstName: "NewYork", timezone: "America/New_York" },
    ]);
    clock.set("2026-11-24T21:00:00Z"); // 22:00 in Berlin, 16:00 in New York
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    const first = await worker().drain();
    expect(first).toMatchObject({ sent: 1, deferred: 2 });
    expect(tg.chat(403)).toHaveLength(1);
    const waiting = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id, status: "pending" } });
    expect(waiting.map((d) => d.notBefore.toISOString())).toEqual(["2026-11-25T08:00:00.000Z", "2026-11-25T08:00:00.000Z"]);
    clock.set("2026-11-25T07:59:00Z");
    expect((await worker().drain()).claimed).toBe(0);
    clock.set("2026-11-25T08:00:00Z");
    expect(await worker().drain()).toMatchObject({ sent: 2 });
    expect(await statuses(campaign.id)).toEqual({ sent: 3 });
  });

  test("frequency cap: a third marketing message within 7 days is not sent; transactional ones are exempt", async () => {
    await createCustomers(database.db, [{ telegramId: 501, firstName: "Busy" }, { telegramId: 502, firstName: "Fresh" }]);
    await database.db.prisma.subscriber.updateMany({ where: { telegramId: 501n }, data: { tags: ["busy"] } });
    // Busy got marketing messages on 10 and 13 November.
    for (const day of ["10", "13"]) {
      clock.set(`2026-11-${day}T10:00:00Z`);
      await createCampaign(deps, { name: `Old ${day}`, segmentText: "tag:busy", segment: { version: 1, where: { kind: "tag", tags: ["busy"] } }, message: hello, sendAt: clock.now(), createdBy: "U1" });
      await materializeDueCampaigns(deps);
      await worker().drain();
    }
    expect(tg.chat(501)).toHaveLength(2);

    clock.set("2026-11-16T10:00:00Z"); // 6 days after the first one
    const third = await scheduleNow({ sendAt: clock.now() });
    const receipt = await scheduleNow({ name: "Order update", transactional: true, sendAt: clock.now() });
    await materializeDueCampaigns(deps);
    await worker().drain();
    expect(await statuses(third.id)).toEqual({ sent: 1, skipped: 1 });
    expect((await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: third.id, status: "skipped" } })).reason).toBe("frequency_cap");
    expect(await statuses(receipt.id)).toEqual({ sent: 2 });

    clock.set("2026-11-17T10:01:00Z"); // 7 days after the first one: a slot is free again
    const fourth = await scheduleNow({ sendAt: clock.now() });
    await materializeDueCampaigns(deps);
    await worker().drain();
    expect(await statuses(fourth.id)).toEqual({ sent: 2 });
  });

  test("frequency cap with two campaigns due at the same minute: each customer gets one, the other row is capped", async () => {
    deps = testCoreDeps(database, { clock, telegram: tg, policy: { ...DEFAULT_POLICY, frequencyCap: { messages: 1, days: 7 } } });
    await createManyCustomers(database.db, 4, 1300);
    const boots = await scheduleNow();
    const scarves = await scheduleNow({ name: "Scarves", message: { A: { text: "Hi {first_name}, scarves are back!" } } });
    expect(await materializeDueCampaigns(deps)).toEqual([
      { campaignId: boots.id, rows: 4 },
      { campaignId: scarves.id, rows: 4 },
    ]);
    // All eight rows are claimed in one round and sent four at a time.
    expect(await worker({ concurrency: 4 }).drain()).toMatchObject({ claimed: 8, sent: 4, skipped: 4 });
    for (const id of [1300, 1301, 1302, 1303]) expect(tg.chat(id)).toHaveLength(1);
    const rows = await database.db.prisma.delivery.findMany({ where: { campaignId: { in: [boots.id, scarves.id] } } });
    const bySubscriber = new Map<number, string[]>();
    for (const r of rows) bySubscriber.set(r.subscriberId, [...(bySubscriber.get(r.subscriberId) ?? []), `${r.status} ${r.reason ?? ""}`.trim()]);
    expect(bySubscriber.size).toBe(4);
    for (const outcomes of bySubscriber.values()) expect(outcomes.sort()).toEqual(["sent", "skipped frequency_cap"]);
  });

  test("frequency cap: a marketing message another instance is sending right now counts", async () => {
    deps = testCoreDeps(database, { clock, telegram: tg, policy: { ...DEFAULT_POLICY, frequencyCap: { messages: 1, days: 7 } } });
    const [busy] = await createCustomers(database.db, [{ telegramId: 1401, firstName: "Busy" }, { telegramId: 1402, firstName: "Free" }]);
    const first = await scheduleNow();
    await materializeDueCampaigns(deps);
    // A live instance (claimed_by 777) has claimed Busy's message and is about to send it; Free's is still queued.
    await database.db.prisma.delivery.updateMany({
      where: { campaignId: first.id, subscriberId: busy! },
      data: { status: "sending", claimedBy: 777, claimedAt: clock.now(), attempts: 1 },
    });
    const second = await scheduleNow({ name: "Scarves", message: { A: { text: "Hi {first_name}, scarves are back!" } } });
    await materializeDueCampaigns(deps);
    // Busy's second message is not even claimed while another instance is sending to that chat
    // (one sender per chat across instances); Free's second is over the cap of 1.
    expect(await worker().drain()).toMatchObject({ claimed: 2, sent: 1, skipped: 1 });
    expect(tg.chat(1401)).toEqual([]);
    expect(tg.chat(1402)).toHaveLength(1);
    const busyRow = () => database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: second.id, subscriberId: busy! } });
    expect((await busyRow()).status).toBe("pending");
    // The other instance's claim is untouched. When its send is recorded, Busy's second message counts against it.
    const theirs = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: first.id, subscriberId: busy! } });
    expect(theirs.status).toBe("sending");
    await database.db.prisma.delivery.update({ where: { id: theirs.id }, data: { status: "sent", sentAt: clock.now() } });
    expect(await worker().drain()).toMatchObject({ claimed: 0 }); // sent less than a second ago: that chat waits
    clock.advance(1_500);
    expect(await worker().drain()).toMatchObject({ claimed: 1, skipped: 1 });
    expect([(await busyRow()).status, (await busyRow()).reason]).toEqual(["skipped", "frequency_cap"]);
  });

  test("holdout and A/B buckets are a stable hash of campaign and customer, stored per row", async () => {
    await createManyCustomers(database.db, 400, 10_000);
    const campaign = await scheduleNow({
      holdoutPercent: 10,
      variantBPercent: 50,
      message: { ...hello, B: { text: "Hi {first_name}, free delivery on boots this week!" } },
    });
    await materializeDueCampaigns(deps);
    const rows = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id }, orderBy: { subscriberId: "asc" } });
    const bucket = (salt: string, subscriberId: number) =>
      Number(BigInt(`0x${crypto.createHash("md5").update(`${campaign.id}:${salt}:${subscriberId}`).digest("hex").slice(0, 8)}`) % 100n);
    const expected = rows.map((r) => (bucket("holdout", r.subscriberId) < 10 ? "H" : bucket("variant", r.subscriberId) < 50 ? "B" : "A"));
    expect(rows.map((r) => r.variant)).toEqual(expected);
    expect(rows.filter((r) => r.variant === "H").every((r) => r.status === "held_out")).toBe(true);
    const counts = { H: expected.filter((v) => v === "H").length, B: expected.filter((v) => v === "B").length };
    expect(counts.H).toBeGreaterThan(20);
    expect(counts.H).toBeLessThan(60);
    await worker({ concurrency: 8, ratePerSecond: 1000 }).drain();
    const sent = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id, status: "sent" }, include: { campaign: false } });
    expect(sent).toHaveLength(400 - counts.H);
    const aText = tg.chat(10_001).at(-1)?.text ?? tg.chat(10_002).at(-1)?.text;
    expect(aText).toBeDefined();
    const variantOf = (telegramId: number) => rows.find((r) => r.subscriberId === telegramId - 10_000 + rows[0]!.subscriberId)?.variant;
    for (const tid of [10_000, 10_001, 10_002, 10_003, 10_004, 10_005]) {
      const v = variantOf(tid);
      const texts = tg.chat(tid).map((m) => m.text ?? "");
      if (v === "H") expect(texts).toEqual([]);
      else expect(texts.at(-1)).toMatch(v === "B" ? /free delivery/ : /(20% off|скидка 20%)/);
    }
  });

  test("a 429 pauses all sending for retry_after; nothing is dropped", async () => {
    await createManyCustomers(database.db, 6, 600);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    let failedAt = 0;
    let seen = 0;
    tg.addFault((call) => {
      if (call.method !== "sendMessage" || failedAt) return undefined;
      if (++seen < 3) return undefined;
      failedAt = clock.now().getTime();
      return { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } };
    });
    const sendTimes: number[] = [];
    const stop = tg.onCall((c) => c.method === "sendMessage" && sendTimes.push(clock.now().getTime()));
    await worker().drain();
    stop();
    expect(await statuses(campaign.id)).toEqual({ sent: 6 });
    const after = sendTimes.filter((t) => t > failedAt);
    expect(after.length).toBe(4); // the refused one again, then the remaining three
    expect(after[0]! - failedAt).toBeGreaterThanOrEqual(5000);
  });

  test("403 marks the customer blocked and later campaigns leave them out; 400 chat not found marks them unreachable", async () => {
    const [blocker, ghost, fine] = await createCustomers(database.db, [
      { telegramId: 701, firstName: "Blocker" },
      { telegramId: 702, firstName: "Ghost" },
      { telegramId: 703, firstName: "Fine" },
    ]);
    tg.addFault((call) =>
      call.method !== "sendMessage"
        ? undefined
        : Number(call.params.chat_id) === 701
          ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
          : Number(call.params.chat_id) === 702
            ? { error_code: 400, description: "Bad Request: chat not found" }
            : undefined,
    );
    const first = await scheduleNow();
    await materializeDueCampaigns(deps);
    expect(await worker().drain()).toMatchObject({ sent: 1, failed: 2 });
    const subs = await database.db.prisma.subscriber.findMany({ where: { id: { in: [blocker!, ghost!, fine!] } }, orderBy: { id: "asc" } });
    expect(subs.map((s) => [Boolean(s.blockedAt), Boolean(s.unreachableAt)])).toEqual([[true, false], [false, true], [false, false]]);
    const reasons = await database.db.prisma.delivery.findMany({ where: { campaignId: first.id }, orderBy: { subscriberId: "asc" } });
    expect(reasons.map((r) => [r.status, r.reason])).toEqual([["failed", "blocked"], ["failed", "unreachable"], ["sent", null]]);
    const second = await scheduleNow({ name: "Next" });
    expect(await materializeDueCampaigns(deps)).toEqual([{ campaignId: second.id, rows: 1 }]);
  });

  test("5xx and network errors retry with backoff, and give up with the reason after the last attempt", async () => {
    await createCustomers(database.db, [{ telegramId: 801, firstName: "Flaky" }, { telegramId: 802, firstName: "Down" }]);
    tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 1);
    tg.addFault((call) => (call.method === "sendMessage" && Number(call.params.chat_id) === 802 ? { error_code: 500, description: "Internal Server Error" } : undefined));
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await w.drain();
      clock.advance(60_000);
    }
    const rows = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id }, orderBy: { subscriberId: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 2], ["failed", 3]]);
    expect(rows[1]!.reason).toBe("gave up after 3 attempts: Internal Server Error");
    expect(tg.chat(801)).toHaveLength(1);
  });

  test("a text over 4 096 characters: the pre-flight says how many messages, and they all pass a server that enforces the limit", async () => {
    await createCustomers(database.db, [{ telegramId: 940_001, firstName: "Long" }]);
    // Words, Cyrillic and emoji (two UTF-16 units each), so cuts fall near surrogate pairs.
    const paragraph = `Привет {first_name}! Winter sale 🎿⛷️ boots, jackets and gloves - ${"😀".repeat(700)}`;
    const text = Array.from({ length: 6 }, () => paragraph).join("\n\n");
    expect(text.length).toBeGreaterThan(2 * 4096);
    const campaign = await createCampaign(deps, {
      name: "Long read",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text, buttons: [{ text: "Shop", url: "https://shop.example.com/winter" }] } },
      sendAt: clock.now(),
      createdBy: "U0MARKETER",
      draft: true,
    });
    const pf = await preflight(deps, { campaignId: campaign.id, ratePerSecond: 30 });
    expect(pf.messagesPerRecipient).toBe(3);
    expect(pf.etaSeconds).toBe(Math.ceil((pf.recipients * 3) / 30));
    await scheduleDraft(deps, { id: campaign.id, actor: "U0MARKETER", requireApproval: false });
    await materializeDueCampaigns(deps);
    expect(await worker().drain()).toMatchObject({ sent: 1, failed: 0 });
    const parts = tg.chat(940_001);
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expect(part.text!.length).toBeLessThanOrEqual(4096);
      expect(part.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(parts.map((m) => m.reply_markup === undefined)).toEqual([true, true, false]);
    expect(parts.map((m) => m.text).join("").replace(/\s+/g, "")).toBe(text.replaceAll("{first_name}", "Long").replace(/\s+/g, ""));
  });

  test("a 5xx retry keeps its place: it goes out at its backoff time, not behind the rest of the campaign", async () => {
    await createManyCustomers(database.db, 150, 930_000);
    const first = await database.db.prisma.subscriber.findFirstOrThrow({ orderBy: { id: "asc" } });
    const firstChat = Number(first.telegramId);
    tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 1);
    await scheduleNow();
    await materializeDueCampaigns(deps);
    const failedAt = clock.now().getTime();
    const earlierSends = tg.callsOf("sendMessage").length;
    // 30 msg/s, 10 rows a round: the rest of the campaign takes five seconds of (fake) time.
    const w = worker({ batchSize: 10 });
    let retriedAt: number | undefined;
    let before = 0;
    while (retriedAt === undefined && (await w.runRound()).claimed > 0) {
      if (tg.chat(firstChat).length > 0) retriedAt = clock.now().getTime();
      else before = tg.callsOf("sendMessage").length - earlierSends;
    }
    // First try at once, the retry after 2 s of backoff (± 20 %) and one round: not 10 s later.
    expect(retriedAt! - failedAt).toBeLessThan(3_500);
    expect(before).toBeLessThan(110);
    await w.drain();
    expect(tg.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) === firstChat)).toHaveLength(2);
    expect(await database.db.prisma.delivery.count({ where: { status: "sent" } })).toBe(150);
  });

  /**
   * Makes the database refuse to mark one subscriber's rows sent, the way a lost
   * connection or a failover would fail the outcome write: the first `times`
   * tries (counted by a sequence, which survives the rolled-back statement), or
   * every try. Returns the function that heals it.
   */
  async function refuseSentWrites(subscriberId: number, times = 1_000_000): Promise<() => Promise<void>> {
    const exec = (sql: string) => database.db.prisma.$executeRawUnsafe(sql);
    await exec(`DROP SEQUENCE IF EXISTS test_sent_write_tries`);
    await exec(`CREATE SEQUENCE test_sent_write_tries`);
    await exec(`CREATE OR REPLACE FUNCTION test_refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' AND OLD.status <> 'sent' AND NEW.subscriber_id = ${subscriberId}
           AND nextval('test_sent_write_tries') <= ${times} THEN
          RAISE EXCEPTION 'injected: the outcome write failed';
        END IF;
        RETURN NEW;
      END $$`);
    await exec(`CREATE TRIGGER test_refuse_sent BEFORE UPDATE ON delivery FOR EACH ROW EXECUTE FUNCTION test_refuse_sent()`);
    return async () => {
      await exec(`DROP TRIGGER IF EXISTS test_refuse_sent ON delivery`);
    };
  }

  function capturingLogger() {
    const lines: { level: number; msg: string; deliveryId?: string; deliveryIds?: string[] }[] = [];
    deps.logger = createLogger("warn", { write: (line: string) => void lines.push(JSON.parse(line)) });
    return lines;
  }

  test("an outcome write that fails a few times is retried: the message is recorded once and never sent again", async () => {
    const [ann] = await createCustomers(database.db, [{ telegramId: 1501, firstName: "Ann" }]);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    const heal = await refuseSentWrites(ann!, 2);
    try {
      expect(await worker().drain()).toMatchObject({ claimed: 1, sent: 1, failed: 0, deferred: 0 });
      clock.advance(600_000);
      expect((await worker().drain()).claimed).toBe(0);
    } finally {
      await heal();
    }
    expect(tg.chat(1501)).toHaveLength(1);
    const row = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect([row.status, row.attempts, row.messageId]).toEqual(["sent", 1, String(tg.chat(1501)[0]!.message_id)]);
  });

  test("an outcome write that keeps failing: logged with the row's id, the row is never re-queued, a later round writes it", async () => {
    const [ann] = await createCustomers(database.db, [{ telegramId: 1601, firstName: "Ann" }, { telegramId: 1602, firstName: "Bob" }]);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    const annRow = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: campaign.id, subscriberId: ann! } });
    const logs = capturingLogger();
    const heal = await refuseSentWrites(ann!);
    const w = worker();
    try {
      expect(await w.drain()).toMatchObject({ claimed: 2, sent: 2, failed: 0, deferred: 0 });
      expect(logs.filter((l) => l.level === 50).map((l) => l.deliveryId)).toEqual([String(annRow.id)]);
      // Ten minutes on, the database still refusing: nothing is sent again, the row is still in flight.
      clock.advance(600_000);
      expect((await w.drain()).claimed).toBe(0);
      expect(await statuses(campaign.id)).toEqual({ sending: 1, sent: 1 });
    } finally {
      await heal();
    }
    // The database is back: the next round writes the outcome.
    await w.drain();
    expect(tg.chat(1601)).toHaveLength(1);
    expect(tg.chat(1602)).toHaveLength(1);
    const row = await database.db.prisma.delivery.findUniqueOrThrow({ where: { id: annRow.id } });
    expect([row.status, row.claimedBy, row.messageId]).toEqual(["sent", null, String(tg.chat(1601)[0]!.message_id)]);
  });

  test("stopping with an outcome it could not write does not give the sent message back to the queue", async () => {
    const [ann] = await createCustomers(database.db, [{ telegramId: 1701, firstName: "Ann" }]);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    const logs = capturingLogger();
    const heal = await refuseSentWrites(ann!);
    try {
      const w = worker();
      await w.drain();
      await w.stop();
      expect(await statuses(campaign.id)).toEqual({ sending: 1 });
      expect((await worker().drain()).claimed).toBe(0);
      expect(logs.filter((l) => l.level === 50).at(-1)?.deliveryIds).toHaveLength(1);
    } finally {
      await heal();
    }
    expect(tg.chat(1701)).toHaveLength(1);
  });

  test("pause holds the queue, resume continues it, cancel skips what is left", async () => {
    await createManyCustomers(database.db, 5, 900);
    const campaign = await scheduleNow();
    await materializeDueCampaigns(deps);
    await pauseCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    expect((await worker().drain()).claimed).toBe(0);
    await resumeCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    const w = new DeliveryWorker(deps, { ratePerSecond: 30, concurrency: 1, batchSize: 2, sleep: async (ms) => void clock.advance(ms) });
    await w.runRound();
    await cancelCampaign(deps, { id: campaign.id, actor: "U0BOSS" });
    await w.drain();
    expect(await statuses(campaign.id)).toEqual({ sent: 2, skipped: 3 });
    const actions = (await database.db.prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => `${a.actor} ${a.action}`);
    expect(actions).toEqual(["U0MARKETER campaign.scheduled", "U0MARKETER campaign.paused", "U0MARKETER campaign.resumed", "U0BOSS campaign.cancelled"]);
  });

  test("a campaign action whose audit entry cannot be written does not happen", async () => {
    await createManyCustomers(database.db, 2, 950);
    const campaign = await scheduleNow();
    const exec = (sql: string) => database.db.prisma.$executeRawUnsafe(sql);
    await exec(`CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected: the audit log is unwritable'; END $$`);
    await exec(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
    try {
      await expect(pauseCampaign(deps, { id: campaign.id, actor: "U0MARKETER" })).rejects.toThrow(/audit log is unwritable/);
      await expect(cancelCampaign(deps, { id: campaign.id, actor: "U0MARKETER" })).rejects.toThrow(/audit log is unwritable/);
    } finally {
      await exec(`DROP TRIGGER IF EXISTS test_refuse_audit ON audit_log`);
    }
    expect((await database.db.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("scheduled");
    await pauseCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    await resumeCampaign(deps, { id: campaign.id, actor: "U0MARKETER" });
    const actions = (await database.db.prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["campaign.scheduled", "campaign.paused", "campaign.resumed"]);
  });

  test("local time: 10:00 on the wall clock of each customer's own timezone", async () => {
    await createCustomers(database.db, [
      { telegramId: 1001, firstName: "Vlad", timezone: "Asia/Vladivostok" },
      { telegramId: 1002, firstName: "Berta", timezone: "Europe/Berlin" },
      { telegramId: 1003, firstName: "Nora", timezone: "America/New_York" },
    ]);
    clock.set("2026-11-24T12:00:00Z");
    // Wednesday 25 Nov, 10:00 team time (Berlin) = 09:00Z.
    const campaign = await scheduleNow({ sendAt: new Date("2026-11-25T09:00:00Z"), localTime: true });
    expect(campaign.localWallClock).toBe("2026-11-25T10:00");
    // Materialized when 10:00 arrives at UTC+14 (20:00Z the day before).
    expect(campaign.materializeAt.toISOString()).toBe("2026-11-24T20:00:00.000Z");
    clock.set("2026-11-24T20:00:00Z");
    await materializeDueCampaigns(deps);
    const rows = await database.db.prisma.delivery.findMany({ where: { campaignId: campaign.id }, orderBy: { subscriberId: "asc" } });
    expect(rows.map((r) => r.notBefore.toISOString())).toEqual([
      "2026-11-25T00:00:00.000Z", // 10:00 in Vladivostok (UTC+10)
      "2026-11-25T09:00:00.000Z", // 10:00 in Berlin (UTC+1)
      "2026-11-25T15:00:00.000Z", // 10:00 in New York (UTC-5)
    ]);
    clock.set("2026-11-25T00:00:00Z");
    await worker().drain();
    expect([tg.chat(1001).length, tg.chat(1002).length, tg.chat(1003).length]).toEqual([1, 0, 0]);
  });

  test("buttons carry tracked links that decode to the delivery and reveal no ids", async () => {
    await createCustomers(database.db, [{ telegramId: 1101, firstName: "Clicker" }]);
    const secret = await linkSecret(deps);
    const campaign = await scheduleNow({ message: { A: { text: "New arrivals", buttons: [{ text: "Open the shop", url: "https://shop.example/new" }] } } });
    await materializeDueCampaigns(deps);
    await worker({ publicUrl: "https://bot.example.com", linkSecret: secret }).drain();
    const markup = tg.chat(1101)[0]!.reply_markup as { inline_keyboard: { text: string; url: string }[][] };
    const url = markup.inline_keyboard[0]![0]!.url;
    expect(url).toMatch(/^https:\/\/bot\.example\.com\/r\/[A-Za-z0-9_-]{40,60}$/);
    const delivery = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const token = url.split("/r/")[1]!;
    expect(readLinkToken(secret, token)).toEqual({ deliveryId: delivery.id, button: 0 });
    expect(readLinkToken(secret, `${token.slice(0, -2)}AA`)).toBeUndefined();
    // Encrypted with a random IV: the same link never looks the same twice, and another key reads nothing.
    expect(linkToken(secret, { deliveryId: delivery.id, button: 0 })).not.toBe(token);
    expect(readLinkToken(Buffer.alloc(32, 7), token)).toBeUndefined();
  });
});
