// Trigger chains the team can see and steer, through the real Bolt app and the
// real chain engine, delivery worker and grammY channel, with the clock moved
// by the test: /chains figures on a known store, pause and resume, the
// deadline and cross-sell scenarios, and one triggered message a day.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { FakeClock } from "../support/clock.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { FakeSlack, slackText } from "../support/fake-slack.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const ROLES = { SLACK_SENDERS: "U0MARKETER", SLACK_VIEWERS: "U0MARKETER,U0VIEWER" };

describe.each(DATABASE_KINDS)("chains in Slack on %s", (kind) => {
  let p: TestProduct;
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let slackApi: FakeSlack;
  let key = 0;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    telegram = await new FakeTelegram().start();
    slackApi = await new FakeSlack().start();
  });
  afterAll(async () => {
    await telegram.stop();
    await slackApi.stop();
    await database.drop();
  });
  // A fresh product each test (its pacer and scheduler remember time, and each test starts at the same Monday).
  beforeEach(async () => {
    await database.db.prisma.$executeRawUnsafe(
      `TRUNCATE delivery, chain_enrollment, chain_segment_member, chain_state, event, "order", subscriber, setting, audit_log, scheduled_job RESTART IDENTITY CASCADE`,
    );
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET next_slot_at = '1970-01-01', paused_until = NULL`);
    p = await startTestProduct({ kind, env: ROLES, database, telegram, slackApi, clock: new FakeClock("2026-11-23T10:00:00Z") }); // Monday, 11:00 in Berlin
    await tick(); // the jobs get their first slot...
    await tick(); // ...and the chains start watching from now
  });
  afterEach(async () => {
    await p.stop();
  });

  /** One minute of the product: due jobs (the chain engine among them), then the outbox. */
  async function tick(): Promise<void> {
    p.clock.advance(60_000);
    await p.app.scheduler.runDue();
    await p.app.worker!.drain();
  }
  async function tickAt(iso: string): Promise<void> {
    p.clock.set(new Date(new Date(iso).getTime() - 60_000));
    await tick();
  }
  const texts = (telegramId: number) => p.telegram.chat(telegramId).map((m) => m.text);
  const event = (subscriberId: number, type: string, properties: Record<string, unknown> = {}) =>
    p.database.db.prisma.event.create({ data: { subscriberId, type, occurredAt: p.clock.now(), idempotencyKey: `e${++key}`, properties: properties as object } });
  const order = (subscriberId: number, items: { name: string; category: string }[] = [], amount = 90, currency = "EUR") =>
    p.database.db.prisma.order.create({
      data: { subscriberId, amount, currency, paidAt: p.clock.now(), idempotencyKey: `o${++key}`, items: items.map((i) => ({ ...i, price: amount, qty: 1 })) },
    });
  const chainsText = async (text: string, user = "U0MARKETER") => slackText((await p.slack.command("/chains", text, user)).ack);

  test("/chains shows each chain's figures on a known store, and /chains show its steps", async () => {
    const [ann, bob, cat] = await createCustomers(p.database.db, [
      { telegramId: 801, firstName: "Ann" },
      { telegramId: 802, firstName: "Bob" },
      { telegramId: 803, firstName: "Cat" },
    ]);
    for (const id of [ann!, bob!, cat!]) await event(id, "added_to_cart", { items: [{ name: "Trail runners" }] });
    await tick();
    await tickAt("2026-11-23T11:02:00Z"); // an hour later: the first reminder
    expect(texts(801)).toEqual(["Ann, you left Trail runners in your cart. Still thinking? Your size is waiting for you."]);
    p.clock.advance(30 * 60_000);
    await order(ann!, [{ name: "Trail runners", category: "shoes" }], 120, "EUR");
    await tick(); // Ann leaves the cart chain by purchase

    const list = await chainsText("");
    const cart = list.split("\n\n").find((s) => s.includes("`abandoned_cart`"))!;
    expect(cart).toContain("*Abandoned cart* (`abandoned_cart`) - :large_green_circle: active - when the event `added_to_cart` arrives");
    expect(cart).toContain("in it now 2 · 7 days: entered 3, finished 0, left by purchase 1, converted 1 · 30 days: entered 3, converted 1, revenue 120 EUR");
    const cross = list.split("\n\n").find((s) => s.includes("`care_kit_cross_sell`"))!;
    expect(cross).toContain("when an order with a `shoes` item is paid");
    expect(cross).toContain("in it now 1 ·");

    const show = await chainsText("show abandoned_cart", "U0VIEWER");
    expect(show).toContain("Chain Abandoned cart (`abandoned_cart`)");
    expect(show).toContain("1. wait 1 h");
    expect(show).toContain('2. send "{first_name}, you left {items} in your cart. Still thinking? Your size is waiting for you."');
    expect(show).toMatch(/sent 3, clicked 0, converted 1\n/);
    expect(show).toContain("4. send");
    expect(show).toContain("sent 0, clicked 0, converted 0 · 0.0% of the previous message's recipients");
    expect(show).toContain("*Exits* (last 30 days): left by purchase 1");
    expect(show).toContain("*Last errors*: none");

    await p.slack.event({ type: "app_home_opened", user: "U0VIEWER", channel: "D0HOME", tab: "home", event_ts: "1700000000.000100" });
    const publish = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.publish").find((c) => c.params.user_id === "U0VIEWER"));
    const home = slackText(publish.params.view as Record<string, unknown>);
    expect(home).toContain("Active chains (last 7 days)");
    expect(home).toContain("*Abandoned cart*: 2 in it, 3 entered, 1 converted, 120 EUR");

    const unknown = await chainsText("show abandoned");
    expect(unknown).toContain("There is no chain `abandoned`. Chains: abandoned_cart, bonus_expiry, care_kit_cross_sell, post_purchase");
  });

  test("pause (hold): an order during the pause gets no post-purchase message; resume delivers it once", async () => {
    const [dan] = await createCustomers(p.database.db, [{ telegramId: 811, firstName: "Dan" }]);
    const paused = await p.slack.command("/chains", "pause post_purchase", "U0MARKETER");
    expect(slackText(paused.ack)).toContain("Chain `post_purchase` paused by <@U0MARKETER>: it sends nothing until `/chains resume post_purchase`. New triggers keep enrolling and wait.");
    expect(slackText((await p.slack.command("/chains", "pause post_purchase", "U0MARKETER")).ack)).toContain("Chain `post_purchase` is already paused.");
    await order(dan!);
    for (let i = 0; i < 5; i++) await tick();
    expect(texts(811)).toEqual([]);
    expect(await chainsText("")).toContain(":double_vertical_bar: paused (new triggers wait)");

    const resumed = slackText((await p.slack.command("/chains", "resume post_purchase", "U0MARKETER")).ack);
    expect(resumed).toContain("Chain `post_purchase` resumed by <@U0MARKETER>: 1 people continue now");
    for (let i = 0; i < 3; i++) await tick();
    expect(texts(811)).toHaveLength(1);
    expect(texts(811)[0]).toMatch(/^Thank you for your order, Dan!/);
    const audit = await p.database.db.prisma.auditLog.findMany({ where: { target: "post_purchase" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["U0MARKETER", "chain.pause"],
      ["U0MARKETER", "chain.resume"],
    ]);
  });

  test("pause (skip) takes no new entries; a viewer may look but not pause", async () => {
    const [eve] = await createCustomers(p.database.db, [{ telegramId: 821, firstName: "Eve" }]);
    const refused = slackText((await p.slack.command("/chains", "pause post_purchase", "U0VIEWER")).ack);
    expect(refused).not.toContain("paused by");
    expect(await p.database.db.prisma.chainState.count()).toBe(0);
    await p.slack.command("/chains", "pause post_purchase skip", "U0MARKETER");
    await order(eve!);
    await tick();
    await p.slack.command("/chains", "resume post_purchase", "U0MARKETER");
    for (let i = 0; i < 3; i++) await tick();
    expect(texts(821)).toEqual([]);
    expect(await p.database.db.prisma.chainEnrollment.count({ where: { chainId: "post_purchase" } })).toBe(0);
  });

  test("a message queued before a pause is held, and goes out after the resume", async () => {
    const [fay] = await createCustomers(p.database.db, [{ telegramId: 831, firstName: "Fay" }]);
    await event(fay!, "added_to_cart", { items: [{ name: "Boots" }] });
    await tick();
    // At 11:02 the chain queues the first reminder; the team pauses before the worker sends it.
    p.clock.set("2026-11-23T11:02:00Z");
    await p.app.scheduler.runDue();
    expect(await p.database.db.prisma.delivery.count({ where: { status: "pending" } })).toBe(1);
    const paused = slackText((await p.slack.command("/chains", "pause abandoned_cart", "U0MARKETER")).ack);
    expect(paused).toContain("1 queued message(s) are held.");
    await p.app.worker!.drain();
    for (let i = 0; i < 3; i++) await tick();
    expect(texts(831)).toEqual([]);
    await p.slack.command("/chains", "resume abandoned_cart", "U0MARKETER");
    await tick();
    expect(texts(831)).toEqual(["Fay, you left Boots in your cart. Still thinking? Your size is waiting for you."]);
  });

  test("deadline reminders: 4 days and 1 day before, and on the day, at 10:00 in the customer's timezone; the goal event stops them", async () => {
    const [gus, hal, ivy] = await createCustomers(p.database.db, [
      { telegramId: 841, firstName: "Gus", timezone: "Asia/Tokyo" },
      { telegramId: 842, firstName: "Hal", timezone: "Europe/Berlin" },
      { telegramId: 843, firstName: "Ivy" },
    ]);
    // Points expire on Thursday 3 December at 14:59 UTC (23:59 in Tokyo, 15:59 in Berlin).
    await event(gus!, "bonus_granted", { expires_at: "2026-12-03T14:59:00Z" });
    await event(hal!, "bonus_granted", { expires_at: "2026-12-03T14:59:00Z" });
    // Ivy's expire in two days: the "4 days left" moment has passed, so her first reminder is "1 day left".
    await event(ivy!, "bonus_granted", { expires_at: "2026-11-25T14:59:00Z" });
    await tick();
    await tickAt("2026-11-24T08:59:00Z");
    expect(texts(843)).toEqual([]);
    await tickAt("2026-11-24T09:00:00Z"); // 10:00 in Berlin (the team's timezone: Ivy has none) the day before
    expect(texts(843)).toEqual(["Ivy, one day left to use your bonus points."]);
    await tickAt("2026-11-25T09:00:00Z"); // the day itself, 10:00 in Berlin, before the 15:59 deadline
    expect(texts(843).at(-1)).toBe("Last day, Ivy: your bonus points expire tonight.");
    await tickAt("2026-11-29T00:59:00Z");
    expect(texts(841)).toEqual([]);
    await tickAt("2026-11-29T01:00:00Z"); // 10:00 in Tokyo, four days before
    expect(texts(841)).toEqual(["Gus, your bonus points expire in 4 days. Treat yourself to something new!"]);
    expect(texts(842)).toEqual([]);
    await tickAt("2026-11-29T09:00:00Z"); // 10:00 in Berlin
    expect(texts(842)).toEqual(["Hal, your bonus points expire in 4 days. Treat yourself to something new!"]);
    await event(hal!, "bonus_redeemed");
    await tick();
    await tickAt("2026-12-02T01:00:00Z");
    expect(texts(841).at(-1)).toBe("Gus, one day left to use your bonus points.");
    await tickAt("2026-12-03T01:00:00Z");
    expect(texts(841).at(-1)).toBe("Last day, Gus: your bonus points expire tonight.");
    await tickAt("2026-12-03T09:00:00Z");
    await tickAt("2026-12-04T09:00:00Z");
    expect(texts(841)).toHaveLength(3);
    expect(texts(842)).toHaveLength(1);
    expect(texts(843)).toHaveLength(2);
    const byName = await p.database.db.prisma.chainEnrollment.findMany({ where: { chainId: "bonus_expiry" }, orderBy: { subscriberId: "asc" } });
    expect(byName.map((e) => [e.status, e.exitReason])).toEqual([
      ["completed", null],
      ["exited", "event:bonus_redeemed"],
      ["completed", null],
    ]);
  });

  test("cross-sell: only orders with shoes enrol; the care kit goes three days later unless already bought", async () => {
    const [ida, jon, kim] = await createCustomers(p.database.db, [
      { telegramId: 851, firstName: "Ida" },
      { telegramId: 852, firstName: "Jon" },
      { telegramId: 853, firstName: "Kim" },
    ]);
    p.clock.set("2026-10-01T10:00:00Z");
    await order(kim!, [{ name: "Care kit", category: "care" }], 25);
    p.clock.set("2026-11-23T10:02:00Z"); // back to where the test started
    await order(ida!, [{ name: "Trail runners", category: "shoes" }]);
    await order(jon!, [{ name: "Wool socks", category: "accessories" }], 12);
    await order(kim!, [{ name: "Boots", category: "Shoes" }]);
    await tick();
    const enrolled = await p.database.db.prisma.chainEnrollment.findMany({ where: { chainId: "care_kit_cross_sell" }, orderBy: { subscriberId: "asc" } });
    expect(enrolled.map((e) => e.subscriberId)).toEqual([ida!, kim!]);
    await tickAt("2026-11-26T10:05:00Z"); // three days later: the wait until 11:00 Berlin starts
    expect(texts(851).filter((x) => x?.includes("care kit"))).toEqual([]);
    await tickAt("2026-11-27T10:00:00Z"); // the next 11:00 in Berlin
    const careKit = (t: (string | undefined)[]) => t.filter((x) => x?.includes("care kit"));
    expect(careKit(texts(851))).toHaveLength(1);
    expect(careKit(texts(853))).toEqual([]);
    expect(careKit(texts(852))).toEqual([]);
  });

  test("one triggered message a day: a second chain's message waits until a day after the first", async () => {
    const [lea] = await createCustomers(p.database.db, [{ telegramId: 861, firstName: "Lea" }]);
    await order(lea!, [{ name: "Trail runners", category: "shoes" }]);
    await tick();
    const thanks = texts(861).length; // the post-purchase thanks (transactional: not counted)
    await tickAt("2026-11-26T10:05:00Z"); // three days later: the care kit waits for 11:00 Berlin
    // The care kit goes on Friday at 11:00 Berlin; a cart at 10:55 Berlin makes the cart reminder due at 11:55.
    p.clock.set("2026-11-27T09:55:00Z");
    await event(lea!, "added_to_cart", { items: [{ name: "Socks" }] });
    await tickAt("2026-11-27T10:00:00Z");
    const later = () => texts(861).slice(thanks);
    expect(later().filter((x) => x?.includes("care kit"))).toHaveLength(1);
    await tickAt("2026-11-27T10:56:00Z");
    expect(later().filter((x) => x?.includes("in your cart"))).toEqual([]);
    const waiting = await p.database.db.prisma.delivery.findFirstOrThrow({ where: { status: "pending", subscriberId: lea! } });
    expect(waiting.reason).toBe("triggered_daily_cap");
    expect(waiting.notBefore.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    await tickAt("2026-11-28T09:59:00Z");
    expect(later().filter((x) => x?.includes("in your cart"))).toEqual([]);
    await tickAt("2026-11-28T10:00:00Z");
    expect(later().filter((x) => x?.includes("in your cart"))).toHaveLength(1);
  });
});

describe.each(DATABASE_KINDS)("a chain with a holdout on %s", (kind) => {
  let p: TestProduct;
  let dir: string;
  beforeAll(async () => {
    // This deployment's flows: the shipped dialogues, and one chain that keeps 30% of its entrants apart.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chains-holdout-"));
    fs.cpSync(path.resolve("flows/qualification"), path.join(dir, "qualification"), { recursive: true });
    fs.cpSync(path.resolve("flows/surveys"), path.join(dir, "surveys"), { recursive: true });
    fs.mkdirSync(path.join(dir, "chains"));
    fs.writeFileSync(
      path.join(dir, "chains", "welcome.yaml"),
      ["id: welcome_offer", "name: Welcome offer", "trigger:", "  event: signed_up", "holdout: 30%", "steps:", "  - send:", '      text: "Welcome, {first_name}: 10% off your first order with HELLO10."'].join("\n"),
    );
    p = await startTestProduct({ kind, env: { ...ROLES, FLOWS_DIR: dir } });
  });
  afterAll(async () => {
    await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the holdout walks the chain but is sent nothing, and /chains shows the lift against it", async () => {
    const tick = async () => {
      p.clock.advance(60_000);
      await p.app.scheduler.runDue();
      await p.app.worker!.drain();
    };
    await tick();
    await tick();
    const ids = await createCustomers(p.database.db, Array.from({ length: 40 }, (_, i) => ({ telegramId: 900 + i, firstName: `P${i}` })));
    let key = 0;
    for (const id of ids) await p.database.db.prisma.event.create({ data: { subscriberId: id, type: "signed_up", occurredAt: p.clock.now(), idempotencyKey: `s${++key}` } });
    await tick();
    await tick();
    const enrolments = await p.database.db.prisma.chainEnrollment.findMany({ where: { chainId: "welcome_offer" }, orderBy: { subscriberId: "asc" } });
    expect(enrolments).toHaveLength(40);
    const held = enrolments.filter((e) => e.holdout);
    const treated = enrolments.filter((e) => !e.holdout);
    // A stable hash puts roughly 30% apart: some, not all.
    expect(held.length).toBeGreaterThan(4);
    expect(held.length).toBeLessThan(20);
    const telegramOf = (subscriberId: number) => 900 + ids.indexOf(subscriberId);
    for (const e of treated) expect(p.telegram.chat(telegramOf(e.subscriberId)).map((m) => m.text)).toEqual([`Welcome, P${ids.indexOf(e.subscriberId)}: 10% off your first order with HELLO10.`]);
    for (const e of held) expect(p.telegram.chat(telegramOf(e.subscriberId))).toEqual([]);
    expect(enrolments.every((e) => e.status === "completed")).toBe(true);

    // Half of the treated buy, and one of the held-out people.
    const buyers = [...treated.slice(0, Math.floor(treated.length / 2)), held[0]!];
    for (const e of buyers) {
      await p.database.db.prisma.order.create({ data: { subscriberId: e.subscriberId, amount: 50, currency: "EUR", paidAt: p.clock.now(), idempotencyKey: `w${e.subscriberId}` } });
    }
    const text = slackText((await p.slack.command("/chains", "", "U0MARKETER")).ack);
    const rate = (x: number, of: number) => `${((x / of) * 100).toFixed(1)}%`;
    const points = ((Math.floor(treated.length / 2) / treated.length - 1 / held.length) * 100).toFixed(1);
    expect(text).toContain(`holdout 30%: converted ${rate(Math.floor(treated.length / 2), treated.length)} treated vs ${rate(1, held.length)} held out, lift ${points} pp`);
    expect(text).toContain(`converted ${Math.floor(treated.length / 2)} · 30 days: entered 40, converted ${Math.floor(treated.length / 2)}, revenue ${Math.floor(treated.length / 2) * 50} EUR`);
  });
});
