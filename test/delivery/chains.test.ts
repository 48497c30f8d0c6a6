// The shipped chains walked end to end with the clock moved by the test:
// triggers, waits, messages through the outbox to Telegram, exits.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { chainSchema, checkChainDialogues, loadChains, ChainFileError } from "../../core/chains/chain-definition.ts";
import { ChainEngine } from "../../core/chains/chain-engine.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { DeliveryWorker } from "../../core/delivery/delivery-worker.ts";
import { ingestEvents } from "../../core/events/ingest-events.ts";
import { ingestOrders } from "../../core/events/ingest-orders.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

describe.each(DATABASE_KINDS)("trigger chains on %s", (kind) => {
  let database: TestDatabase;
  let tg: FakeTelegram;
  let deps: TestCoreDeps;
  let clock: FakeClock;
  let engine: ChainEngine;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tg = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await tg.stop();
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.prisma.$executeRawUnsafe(`TRUNCATE delivery, chain_enrollment, chain_segment_member, event, "order", subscriber, setting, customer_stats RESTART IDENTITY CASCADE`);
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET next_slot_at = '1970-01-01', paused_until = NULL`);
    clock = new FakeClock("2026-11-24T10:00:00Z"); // 11:00 in Berlin
    deps = testCoreDeps(database, { clock, telegram: tg });
    engine = new ChainEngine(deps, loadChains());
    await engine.tick(); // the chains start watching from now
  });

  const send = () => new DeliveryWorker(deps, { ratePerSecond: 30, concurrency: 1, sleep: async (ms) => void clock.advance(ms) }).drain();
  /** One tick of the product: the chain engine, then the delivery worker. */
  const tickAt = async (iso: string) => {
    clock.set(iso);
    await engine.tick();
    await send();
  };
  let eventKey = 0;
  const addToCart = (subscriberId: number, at: string, items: string[]) =>
    database.db.prisma.event.create({
      data: { subscriberId, type: "added_to_cart", occurredAt: new Date(at), idempotencyKey: `e${++eventKey}`, properties: { items: items.map((name) => ({ name })) } },
    });
  const pay = (subscriberId: number, at: string, amount = 90) =>
    database.db.prisma.order.create({ data: { subscriberId, amount, paidAt: new Date(at), idempotencyKey: `o${++eventKey}` } });

  test("abandoned cart: 1 hour, 1 day and 3 days after the cart, showing the items", async () => {
    const [ann] = await createCustomers(database.db, [{ telegramId: 501, firstName: "Ann" }]);
    await addToCart(ann!, "2026-11-24T10:05:00Z", ["Trail runners", "Wool socks"]);
    await tickAt("2026-11-24T10:06:00Z");
    expect(await database.db.prisma.chainEnrollment.count({ where: { chainId: "abandoned_cart", status: "active" } })).toBe(1);
    await tickAt("2026-11-24T11:04:00Z");
    expect(tg.chat(501)).toEqual([]);
    await tickAt("2026-11-24T11:05:00Z");
    expect(tg.chat(501).map((m) => m.text)).toEqual(["Ann, you left Trail runners, Wool socks in your cart. Still thinking? Your size is waiting for you."]);
    await tickAt("2026-11-25T10:04:00Z");
    expect(tg.chat(501)).toHaveLength(1);
    await tickAt("2026-11-25T10:05:00Z");
    expect(tg.chat(501).at(-1)?.text).toBe("Ann, here is 10% off Trail runners, Wool socks with the code CART10 - valid for 48 hours.");
    await tickAt("2026-11-27T10:05:00Z");
    expect(tg.chat(501).at(-1)?.text).toBe("Last day, Ann: order Trail runners, Wool socks today and get free socks as a gift.");
    await tickAt("2026-11-28T10:05:00Z");
    expect(tg.chat(501)).toHaveLength(3);
    expect((await database.db.prisma.chainEnrollment.findFirstOrThrow()).status).toBe("completed");
  });

  test("abandoned cart stops as soon as the order is paid, and a queued reminder is dropped", async () => {
    const [bob] = await createCustomers(database.db, [{ telegramId: 502, firstName: "Bob" }]);
    await addToCart(bob!, "2026-11-24T10:05:00Z", ["Boots"]);
    await tickAt("2026-11-24T10:06:00Z");
    await tickAt("2026-11-24T11:05:00Z");
    expect(tg.chat(502).map((m) => m.text)).toHaveLength(1);
    // The second reminder is queued but waits for the morning (quiet hours after 21:00 in Berlin)...
    clock.set("2026-11-25T10:05:00Z");
    await engine.tick();
    await database.db.prisma.delivery.updateMany({ where: { status: "pending" }, data: { notBefore: new Date("2026-11-25T12:00:00Z") } });
    // ...and the customer pays before it goes out.
    await pay(bob!, "2026-11-25T11:00:00Z");
    await tickAt("2026-11-25T12:00:00Z");
    // No second reminder; the order itself starts the post-purchase chain's thanks.
    expect(tg.chat(502).map((m) => m.text!.slice(0, 30))).toEqual(["Bob, you left Boots in your ca", "Thank you for your order, Bob!"]);
    const enrollment = await database.db.prisma.chainEnrollment.findFirstOrThrow({ where: { chainId: "abandoned_cart" } });
    expect(enrollment).toMatchObject({ status: "exited", exitReason: "order_paid" });
    expect((await database.db.prisma.delivery.findFirstOrThrow({ where: { status: "skipped" } })).reason).toBe("chain_exited");
    await tickAt("2026-11-28T12:00:00Z");
    expect(tg.chat(502)).toHaveLength(2);
  });

  test("a customer is in the chain once at a time, and unsubscribed customers are never enrolled", async () => {
    const [cat, dan] = await createCustomers(database.db, [{ telegramId: 503, firstName: "Cat" }, { telegramId: 504, firstName: "Dan", consent: "unsubscribed" }]);
    await addToCart(cat!, "2026-11-24T10:05:00Z", ["Boots"]);
    await addToCart(cat!, "2026-11-24T10:07:00Z", ["Boots", "Laces"]);
    await addToCart(dan!, "2026-11-24T10:05:00Z", ["Boots"]);
    await tickAt("2026-11-24T10:08:00Z");
    await addToCart(cat!, "2026-11-24T10:30:00Z", ["Boots"]);
    await tickAt("2026-11-24T10:31:00Z");
    const rows = await database.db.prisma.chainEnrollment.findMany();
    expect(rows.map((r) => [r.subscriberId, r.status])).toEqual([[cat, "active"]]);
    await tickAt("2026-11-24T11:07:00Z");
    // The newest cart of the batch that enrolled her is the one shown.
    expect(tg.chat(503).map((m) => m.text)).toEqual(["Cat, you left Boots, Laces in your cart. Still thinking? Your size is waiting for you."]);
    expect(tg.chat(504)).toEqual([]);
  });

  test("post-purchase: thanks at once, NPS survey 7 days later at 11:00 local time", async () => {
    const [eve] = await createCustomers(database.db, [{ telegramId: 505, firstName: "Eve", timezone: "Asia/Vladivostok" }]);
    await pay(eve!, "2026-11-24T10:02:00Z");
    await tickAt("2026-11-24T10:03:00Z");
    expect(tg.chat(505).map((m) => m.text)).toEqual([expect.stringMatching(/^Thank you for your order, Eve! Tip:/)]);
    await tickAt("2026-12-01T10:02:00Z"); // 7 days later: 20:02 in Vladivostok, wait until 11:00 there
    const enrollment = await database.db.prisma.chainEnrollment.findFirstOrThrow();
    expect(enrollment.nextRunAt.toISOString()).toBe("2026-12-02T01:00:00.000Z");
    await tickAt("2026-12-02T01:00:00Z");
    const survey = await database.db.prisma.delivery.findFirstOrThrow({ where: { payload: { path: ["type"], equals: "survey" } } });
    expect(survey).toMatchObject({ subscriberId: eve, kind: "transactional", status: "sent" });
    expect(survey.payload).toEqual({ type: "survey", surveyId: "nps" });
    // The NPS question itself, with its 0-10 keyboard, through the surveys feature.
    const question = tg.chat(505).at(-1)!;
    expect(question.text).toBe("How likely are you to recommend us to a friend or colleague? 0 - not at all, 10 - definitely.");
    expect((question.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    const asked = await database.db.prisma.surveyResponse.findFirstOrThrow({ where: { subscriberId: eve } });
    expect(asked).toMatchObject({ surveyId: "nps", trigger: "event", stage: "score" });
  });

  test("history does not start chains: an order paid 30 days ago ingested now, carts of two days ago", async () => {
    const [fay] = await createCustomers(database.db, [{ telegramId: 506, firstName: "Fay" }, { telegramId: 507, firstName: "Gus" }]);
    await ingestOrders(deps, { items: [{ order_id: "OLD-1", amount: 80, paid_at: "2026-10-25T10:00:00Z", customer: { telegram_id: 506 } }] });
    await ingestEvents(deps, {
      items: [{ idempotency_key: "old-cart", type: "added_to_cart", occurred_at: "2026-11-22T09:00:00Z", properties: { items: [{ name: "Boots" }] }, customer: { telegram_id: 507 } }],
    });
    await tickAt("2026-11-24T10:01:00Z");
    expect(await database.db.prisma.chainEnrollment.count()).toBe(0);
    await tickAt("2026-12-10T10:01:00Z");
    expect([tg.chat(506), tg.chat(507)]).toEqual([[], []]);
    // A fresh order of the same customer does start it.
    await ingestOrders(deps, { items: [{ order_id: "NEW-1", amount: 80, paid_at: "2026-12-10T10:00:00Z", customer: { telegram_id: 506 } }] });
    await tickAt("2026-12-10T10:02:00Z");
    expect(tg.chat(506).map((m) => m.text)).toEqual([expect.stringMatching(/^Thank you for your order, Fay!/)]);
    expect((await database.db.prisma.chainEnrollment.findMany()).map((e) => [e.subscriberId, e.chainId])).toEqual([[fay, "post_purchase"]]);
  });

  test("a chain may accept older triggers: max_trigger_age in its file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chains-"));
    fs.writeFileSync(
      path.join(dir, "late-thanks.yaml"),
      "id: late_thanks\nname: Late thanks\ntrigger: { order_paid: true }\nkind: transactional\nmax_trigger_age: 40d\nsteps:\n  - send: { text: { en: 'Thanks, {first_name}', ru: 'Спасибо, {first_name}' } }\n",
    );
    const chains = loadChains(dir);
    expect(chains.map((c) => [c.id, c.max_trigger_age])).toEqual([["late_thanks", 40 * 86_400_000]]);
    expect(loadChains().map((c) => [c.id, c.max_trigger_age])).toEqual(["abandoned_cart", "bonus_expiry", "care_kit_cross_sell", "post_purchase", "shoe_finder_follow_up", "winback"].map((id) => [id, 86_400_000]));
    const late = new ChainEngine(deps, chains);
    await late.tick();
    await createCustomers(database.db, [{ telegramId: 508, firstName: "Hal" }]);
    await ingestOrders(deps, {
      items: [
        { order_id: "L-1", amount: 80, paid_at: "2026-10-25T10:00:00Z", customer: { telegram_id: 508 } },
        { order_id: "L-2", amount: 80, paid_at: "2026-10-01T10:00:00Z", customer: { telegram_id: 509 } }, // 54 days: too old even here
      ],
    });
    clock.set("2026-11-24T10:01:00Z");
    expect((await late.tick()).enrolled).toBe(1);
    await send();
    expect(tg.chat(508).map((m) => m.text)).toEqual(["Thanks, Hal"]);
  });

  test("a cart that reaches us 10 minutes late: the first reminder still an hour after the cart", async () => {
    const [ivy] = await createCustomers(database.db, [{ telegramId: 510, firstName: "Ivy" }]);
    clock.set("2026-11-24T10:15:00Z");
    await ingestEvents(deps, {
      items: [{ idempotency_key: "late-cart", type: "added_to_cart", occurred_at: "2026-11-24T10:05:00Z", properties: { items: [{ name: "Boots" }] }, customer: { telegram_id: 510 } }],
    });
    await tickAt("2026-11-24T10:15:00Z");
    expect(await database.db.prisma.chainEnrollment.count({ where: { subscriberId: ivy, chainId: "abandoned_cart", status: "active" } })).toBe(1);
    await tickAt("2026-11-24T11:04:00Z");
    expect(tg.chat(510)).toEqual([]);
    await tickAt("2026-11-24T11:05:00Z");
    expect(tg.chat(510).map((m) => m.text)).toEqual(["Ivy, you left Boots in your cart. Still thinking? Your size is waiting for you."]);
  });

  test("a cart that reaches us 20 hours late: reminders keep the chain's waits apart, no burst", async () => {
    const [jo] = await createCustomers(database.db, [{ telegramId: 511, firstName: "Jo" }]);
    clock.set("2026-11-25T09:00:00Z");
    await ingestEvents(deps, {
      items: [{ idempotency_key: "stale-cart", type: "added_to_cart", occurred_at: "2026-11-24T13:00:00Z", properties: { items: [{ name: "Boots" }] }, customer: { telegram_id: 511 } }],
    });
    const queuedAt = async () =>
      (await database.db.prisma.delivery.findMany({ where: { subscriberId: jo! }, orderBy: { id: "asc" } })).map((d) => d.createdAt.toISOString());
    await tickAt("2026-11-25T09:00:00Z"); // the 1 h wait is long over
    await tickAt("2026-11-25T09:01:00Z");
    expect(await queuedAt()).toEqual(["2026-11-25T09:01:00.000Z"]);
    // Not a day after the cart (4 hours after the first reminder) but 23 hours after the first reminder.
    await tickAt("2026-11-25T13:01:00Z");
    expect(await queuedAt()).toHaveLength(1);
    await tickAt("2026-11-26T08:00:00Z");
    expect(await queuedAt()).toHaveLength(1);
    await tickAt("2026-11-26T08:01:00Z");
    expect(await queuedAt()).toEqual(["2026-11-25T09:01:00.000Z", "2026-11-26T08:01:00.000Z"]);
    expect(tg.chat(511).map((m) => m.text!.slice(0, 20))).toEqual(["Jo, you left Boots i", "Jo, here is 10% off "]);
  });

  test("win-back: customers entering RFM at_risk get a promo code, frequent big spenders early access instead", async () => {
    clock.set("2026-11-20T08:00:00Z"); // 09:00 in Berlin
    const ids = await createCustomers(database.db, Array.from({ length: 10 }, (_, i) => ({ telegramId: 900 + i, firstName: `C${i + 1}` })));
    const order = (i: number, daysAgo: number, amount: number) => pay(ids[i]!, new Date(clock.now().getTime() - daysAgo * 86_400_000).toISOString(), amount);
    // C1: six orders of 150, the last 10 days ago. C2..C10: k orders of 100, the last 31-39 days ago.
    for (let j = 0; j < 6; j++) await order(0, 10 + j * 20, 150);
    for (let i = 1; i < 10; i++) for (let j = 0; j < i; j++) await order(i, 30 + i + j * 15, 100);
    await refreshCustomerStats(deps);
    await engine.tick();
    const enrolled = async () => (await database.db.prisma.chainEnrollment.findMany({ where: { chainId: "winback", status: "active" }, orderBy: { subscriberId: "asc" } })).map((e) => e.subscriberId);
    // R by the last order: C8, C7 2. F: one order 1 (C2); two or more by quartile among those nine: C7 (6 orders) 4,
    // C8 (7) 5. M: C7 (600) 3, C8 (700) 4. At risk now (R 2, FM 3-4): C7 (FM 4); C8 (FM 5) is "Can't lose them".
    expect(await enrolled()).toEqual([ids[6]]);
    await tickAt("2026-11-21T10:00:00Z"); // 11:00 the next day in Berlin
    const lastWinback = (chat: number) => tg.chat(chat).filter((m) => /COMEBACK15|winter collection/.test(m.text ?? "")).at(-1)?.text;
    expect(lastWinback(906)).toBe("C7, we miss you! Here is 15% off your next order with the code COMEBACK15 - valid for 7 days.");
    expect(lastWinback(907)).toBeUndefined();

    // A month later everybody but C1 ordered again (the same instant: everyone R 1). Now all ten have 2+ orders:
    // F C2-C4 2, C5, C6, C1 3, C7 4, C8-C10 5; M C2, C3 1, C4, C5 2, C6, C7 3, C8, C1, C9 4, C10 5. At risk (FM 3-4):
    // C5, C6, C1 enter it; C7 stays at risk but left the chain by buying.
    clock.set("2026-12-20T08:00:00Z");
    for (let i = 1; i < 10; i++) await order(i, 1, 100);
    await refreshCustomerStats(deps);
    await engine.tick();
    expect(await enrolled()).toEqual([ids[0], ids[4], ids[5]]);
    expect((await database.db.prisma.chainEnrollment.findMany({ where: { chainId: "winback", status: "exited" } })).map((e) => e.exitReason)).toEqual(["order_paid"]);
    await tickAt("2026-12-21T10:00:00Z");
    // C1 buys often and big (6 orders, 900): no promo code, early access instead.
    expect(lastWinback(900)).toBe("C1, it's been a while! The winter collection opens for you a day before everyone else.");
    expect(lastWinback(905)).toMatch(/^C6, we miss you! Here is 15% off/);
    await tickAt("2026-12-27T10:00:00Z");
    expect(lastWinback(905)).toBe("Last day for COMEBACK15, C6: 15% off anything you choose today.");
    // (Their orders also started the post-purchase chain; the win-back sent C1 exactly one message.)
    expect(tg.chat(900).filter((m) => /COMEBACK15|winter collection/.test(m.text ?? ""))).toHaveLength(1);
  });

  test("shoe-finder follow-up: a warm lead who has not bought gets their picks two days later at 11:00; hot leads and buyers do not", async () => {
    const [fay, gus, hal] = await createCustomers(database.db, [
      { telegramId: 601, firstName: "Fay" },
      { telegramId: 602, firstName: "Gus" },
      { telegramId: 603, firstName: "Hal" },
    ]);
    const completed = (subscriberId: number, qualification: string, at: string) =>
      database.db.prisma.flowSession.create({
        data: { subscriberId, flowId: "shoe-finder", status: "completed", stepId: "done", score: 40, qualification, trigger: "command", startedAt: new Date(at), askedAt: new Date(at), completedAt: new Date(at) },
      });
    await completed(fay!, "warm", "2026-11-24T10:01:00Z");
    await completed(gus!, "hot", "2026-11-24T10:01:00Z");
    await completed(hal!, "warm", "2026-11-24T10:01:30Z");
    await tickAt("2026-11-24T10:02:00Z");
    const enrolled = await database.db.prisma.chainEnrollment.findMany({ where: { chainId: "shoe_finder_follow_up" }, orderBy: { subscriberId: "asc" } });
    expect(enrolled.map((e) => e.subscriberId)).toEqual([fay, hal]);
    expect(enrolled[0]!.context).toMatchObject({ source: "flow", flow: "shoe-finder", qualification: "warm" });
    await pay(hal!, "2026-11-25T09:00:00Z");
    await tickAt("2026-11-26T10:01:00Z"); // two days later: wait until 11:00 in Berlin, the next morning
    expect(tg.chat(601)).toEqual([]);
    await tickAt("2026-11-27T10:00:00Z");
    expect(tg.chat(601).map((m) => m.text)).toEqual(["Fay, we picked a few pairs from your answers. Take a look - free returns for 30 days."]);
    expect(tg.chat(602)).toEqual([]);
    expect(tg.chat(603)).toEqual([]);
    // Completions before the chain watched, or ticks with nothing new, enrol nobody again.
    await tickAt("2026-11-27T10:05:00Z");
    expect(await database.db.prisma.chainEnrollment.count({ where: { chainId: "shoe_finder_follow_up" } })).toBe(2);
  });

  test("a cart whose insert committed after a later one (a lower id below the cursor) still starts the chain, once", async () => {
    const [ivy, jon] = await createCustomers(database.db, [
      { telegramId: 701, firstName: "Ivy" },
      { telegramId: 702, firstName: "Jon" },
    ]);
    const cartWithId = (id: number, subscriberId: number) =>
      database.db.prisma.$executeRawUnsafe(
        `INSERT INTO event (id, subscriber_id, type, occurred_at, idempotency_key, properties) VALUES ($1, $2, 'added_to_cart', $3, $4, '{"items":[{"name":"Trail runners"}]}')`,
        id,
        subscriberId,
        new Date("2026-11-24T10:01:00Z"),
        `late-${id}`,
      );
    // Jon's cart got id 1002 and committed; Ivy's got 1001 but was still committing when the tick ran.
    await cartWithId(1002, jon!);
    await tickAt("2026-11-24T10:02:00Z");
    await cartWithId(1001, ivy!);
    await tickAt("2026-11-24T10:03:00Z");
    const enrolled = await database.db.prisma.chainEnrollment.findMany({ where: { chainId: "abandoned_cart" }, orderBy: { subscriberId: "asc" } });
    expect(enrolled.map((e) => e.subscriberId)).toEqual([ivy, jon]);
    await tickAt("2026-11-24T10:04:00Z");
    expect(await database.db.prisma.chainEnrollment.count({ where: { chainId: "abandoned_cart" } })).toBe(2);
    await tickAt("2026-11-24T11:02:00Z");
    expect(tg.chat(701).map((m) => m.text)).toEqual([expect.stringContaining("you left Trail runners in your cart")]);
    expect(tg.chat(702)).toHaveLength(1);
  });

  test("a chain naming a survey or flow this deployment doesn't have stops start-up", () => {
    const chain = chainSchema.parse({ id: "x", name: "X", trigger: { flow_completed: "shoe-finder" }, steps: [{ survey: "nsp" }] });
    expect(() => checkChainDialogues([chain], { surveys: ["nps", "csat-delivery"], flows: ["shoe-finder"] })).toThrow(
      'chain "x": at steps.0.survey: no survey "nsp"; surveys: nps, csat-delivery',
    );
    const unknownFlow = chainSchema.parse({ id: "y", name: "Y", trigger: { flow_completed: "shoe-findr" }, steps: [{ end: true }] });
    expect(() => checkChainDialogues([unknownFlow], { surveys: [], flows: ["shoe-finder", "b2b-lead"] })).toThrow('at trigger.flow_completed: no flow "shoe-findr"; flows: shoe-finder, b2b-lead');
    expect(() => checkChainDialogues(loadChains(), { surveys: ["nps", "csat-delivery", "feedback"], flows: ["shoe-finder", "b2b-lead"] })).not.toThrow();
  });

  test("a broken chain file stops start-up with the file, the path and the reason", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chains-"));
    fs.writeFileSync(path.join(dir, "bad.yaml"), "id: bad\nname: Bad\ntrigger: { event: x }\nsteps:\n  - wait: soon\n");
    expect(() => loadChains(dir)).toThrow(ChainFileError);
    expect(() => loadChains(dir)).toThrow(/bad\.yaml: at steps\.0\.wait: expected a duration like "30m", "1h" or "3d"/);
    fs.writeFileSync(path.join(dir, "bad.yaml"), "id: bad\nname: Bad\ntrigger: { event: x }\nsteps:\n  - if: { has_tag: vip }\n    goto: nowhere\n");
    expect(() => loadChains(dir)).toThrow(/at steps\.0\.goto: no step has id "nowhere"/);
    fs.writeFileSync(path.join(dir, "bad.yaml"), "id: bad\nname: Bad\ntrigger: { segment_entry: 'lifecyle = loyal' }\nsteps:\n  - end: true\n");
    expect(() => loadChains(dir)).toThrow(/at trigger\.segment_entry: Unknown field 'lifecyle'/);
    expect(chainSchema.safeParse({ id: "x", name: "x", trigger: { event: "a" }, steps: [{ send: { text: "Hi {nickname}" } }] }).success).toBe(false);
  });
});
