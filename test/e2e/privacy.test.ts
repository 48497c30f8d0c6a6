// A customer's rights in Telegram: /mydata shows what we keep (a summary and
// a JSON file); /forget erases the personal data after a confirmation, tells
// them what was kept and why - and the metrics stay the same in aggregate.
import { describe, expect, test } from "vitest";
import { keyFigures } from "../../core/metrics/key-figures.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("privacy on %s", (kind) => {
  const p = useTestProduct({ kind });

  test("/mydata, then /forget: data erased, aggregates unchanged, consent history kept", async () => {
    const ann = p.telegram.user(8001, { first_name: "Ann", last_name: "Lee", username: "annlee", language_code: "en" });
    await ann.command("start", "instagram_bio");
    await ann.press(/Yes/);
    const db = p.database.db.prisma;
    const me = await db.subscriber.findUniqueOrThrow({ where: { telegramId: 8001n } });
    await db.subscriber.update({ where: { id: me.id }, data: { email: "ann@example.com", phone: "+4915112345678", profile: { city: "Berlin" } } });
    await db.order.createMany({
      data: [
        {
          subscriberId: me.id,
          amount: 120,
          paidAt: new Date("2026-11-02T10:00:00Z"),
          idempotencyKey: "p1",
          items: [{ name: "Ann Lee custom engraving", category: "gifts", sku: "ENG-1", price: 100, qty: 1 }, { name: "Boots", sku: "B-42", price: 20, qty: 1 }],
        },
        { subscriberId: me.id, amount: 80, paidAt: new Date("2026-11-05T10:00:00Z"), idempotencyKey: "p2" },
      ],
    });
    await db.surveyResponse.create({ data: { subscriberId: me.id, surveyId: "nps", kind: "nps", score: 4, comment: "Shoes arrived late, call me at +4915112345678", stage: "done", answeredAt: new Date("2026-11-06T10:00:00Z") } });
    await db.event.create({ data: { subscriberId: me.id, type: "added_to_cart", properties: { value: 50, email: "ann@example.com", note: "Call Ann after 5", product_id: "B-42", currency: "EUR", gift: true, lines: [{ sku: "ENG-1", engraving: "For Ann" }] }, occurredAt: new Date("2026-11-07T10:00:00Z"), idempotencyKey: "pe1" } });

    await ann.command("mydata");
    const [summary, file] = ann.messages().slice(-2);
    expect(summary!.text).toContain("• Name: Ann Lee");
    expect(summary!.text).toContain("• Came from: instagram_bio");
    expect(summary!.text).toContain("• Consent: subscribed since 23 Nov 2026");
    expect(summary!.text).toContain("• Orders: 2 (total $200.00)");
    expect(file).toMatchObject({ kind: "sendDocument", caption: "Your data at Sneakerhead", file: { name: "my-data.json" } });
    const data = JSON.parse(file!.file!.bytes.toString("utf8"));
    expect(data.profile).toMatchObject({ firstName: "Ann", lastName: "Lee", username: "annlee", email: "ann@example.com", fields: { city: "Berlin" } });
    expect(data.consent.history.map((h: { status: string }) => h.status)).toEqual(["pending", "subscribed"]);
    expect(data.consent.history[1].text).toContain("May we send you personal offers");
    expect(data.surveyAnswers).toEqual([{ survey: "nps", score: 4, comment: "Shoes arrived late, call me at +4915112345678", answeredAt: "2026-11-06T10:00:00.000Z" }]);

    const november = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-15T00:00:00Z") };
    const figures = async () => Object.fromEntries((await keyFigures(p.app.core, { period: november })).figures.map((f) => [f.key, f.value]));
    // With the customer aggregates refreshed, as the hourly job does: the base and LTV count her too.
    await refreshCustomerStats(p.app.core);
    const before = await figures();
    expect(before).toMatchObject({ revenue: 200, orders: 2, nps: -100, nps_responses: 1, active_customers: 1 });
    expect(before.ltv).not.toBeNull();

    await ann.command("forget");
    expect(ann.buttons()).toEqual(["Yes, erase my data", "No, keep it"]);
    await ann.press("No, keep it");
    expect(ann.lastText()).toBe("Nothing was erased.");
    await ann.command("forget");
    await ann.press("Yes, erase my data");
    expect(ann.lastText()).toContain("Your personal data is erased");
    expect(ann.lastText()).toContain("the record that you agreed to our messages and withdrew");

    const erased = await db.subscriber.findUniqueOrThrow({ where: { id: me.id } });
    expect(erased).toMatchObject({ firstName: null, lastName: null, username: null, email: null, phone: null, telegramId: null, profile: {}, consentStatus: "unsubscribed" });
    expect(erased.erasedAt).toEqual(p.clock.now());
    expect(await db.surveyResponse.findFirstOrThrow({ where: { subscriberId: me.id } })).toMatchObject({ score: 4, comment: null });
    // Free text goes (a note, an engraving, item names); amounts, product ids, codes and flags stay.
    expect((await db.event.findFirstOrThrow({ where: { subscriberId: me.id } })).properties).toEqual({ value: 50, note: "", product_id: "B-42", currency: "EUR", gift: true, lines: [{ sku: "ENG-1", engraving: "" }] });
    const order = await db.order.findUniqueOrThrow({ where: { idempotencyKey: "p1" } });
    expect(order.items).toEqual([{ name: "", category: "gifts", sku: "ENG-1", price: 100, qty: 1 }, { name: "", sku: "B-42", price: 20, qty: 1 }]);
    expect(Number(order.amount)).toBe(120);
    expect((await db.consentRecord.findMany({ where: { subscriberId: me.id }, orderBy: { id: "asc" } })).map((c) => c.status)).toEqual(["pending", "subscribed", "unsubscribed"]);
    expect(await figures()).toEqual(before);
    // Also after the next refresh: her aggregates stay, anonymous, as her orders do.
    await refreshCustomerStats(p.app.core);
    expect(await figures()).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "customer.erased" } });
    expect(audit).toMatchObject({ actor: `telegram:${me.id}`, target: `subscriber:${me.id}` });

    // Coming back later starts from scratch.
    await ann.command("mydata");
    expect(ann.lastText()).toBe("We don't keep anything about you.");
  });

  test("/mydata in Russian: the consent state in words, money with the locale's separators and currency", async () => {
    const olga = p.telegram.user(8002, { first_name: "Ольга", language_code: "ru" });
    await olga.command("start");
    await olga.press("✅ Да, подписаться");
    await olga.command("stop");
    const db = p.database.db.prisma;
    const me = await db.subscriber.findUniqueOrThrow({ where: { telegramId: 8002n } });
    await db.order.createMany({
      data: [
        { subscriberId: me.id, amount: 1234.5, currency: "RUB", paidAt: new Date("2026-11-02T10:00:00Z"), idempotencyKey: "r1" },
        { subscriberId: me.id, amount: 100, currency: "RUB", paidAt: new Date("2026-11-03T10:00:00Z"), idempotencyKey: "r2" },
        { subscriberId: me.id, amount: 12, currency: "EUR", paidAt: new Date("2026-11-04T10:00:00Z"), idempotencyKey: "r3" },
        { subscriberId: me.id, amount: 999, currency: "RUB", paidAt: new Date("2026-11-05T10:00:00Z"), idempotencyKey: "r4", status: "refunded" },
      ],
    });

    await olga.command("mydata");
    const summary = olga.messages().at(-2)!.text!;
    expect(summary).toContain("• Язык: Русский");
    expect(summary).toContain("• Согласие: отозвано (вы отписались)");
    // Sums per currency (adding roubles to euros would mean nothing); refunds do not count.
    expect(summary).toContain("• Заказы: 3 (на сумму 12,00\u00a0€ + 1\u00a0334,50\u00a0₽)");
    expect(summary).not.toMatch(/unsubscribed|none|pending/);
    const file = JSON.parse(olga.messages().at(-1)!.file!.bytes.toString("utf8"));
    expect(file.orders).toMatchObject({ count: 3, totals: [{ currency: "EUR", amount: 12 }, { currency: "RUB", amount: 1334.5 }] });

    const pavel = p.telegram.user(8003, { first_name: "Павел", language_code: "ru" });
    await pavel.command("start");
    await pavel.command("mydata");
    const pending = pavel.messages().at(-2)!.text!;
    expect(pending).toContain("• Согласие: запрошено, но ещё не подтверждено");
    expect(pending).toContain("• Заказы: 0 (на сумму 0,00)");
  });
});

describe("Slack /customer for admins", () => {
  const p = useTestProduct({ kind: "pglite", env: { SLACK_ADMINS: "U0ADMIN", SLACK_SENDERS: "U0MARKETER" } });

  test("show, export to a direct message, erase - audited, refused to non-admins", async () => {
    const bob = p.telegram.user(8101, { first_name: "Bob" });
    await bob.command("start", "qr_store");
    await bob.press(/Yes/);
    const db = p.database.db.prisma;
    const id = (await db.subscriber.findUniqueOrThrow({ where: { telegramId: 8101n } })).id;
    await db.subscriber.update({ where: { id }, data: { email: "bob@example.com", phone: "+4915199887766" } });
    await db.order.create({ data: { subscriberId: id, idempotencyKey: "bob-1", amount: "120.50", currency: "EUR", paidAt: p.clock.now() } });
    await db.order.create({ data: { subscriberId: id, idempotencyKey: "bob-2", amount: "1500", currency: "RUB", paidAt: p.clock.now() } });

    const refused = await p.slack.command("/customer", "show bob@example.com", "U0MARKETER");
    expect(slackText(refused.ack)).toBe("Sorry, you can't do that - it is for admins. Ask an admin to add you to SLACK_ADMINS.");

    const shown = await p.slack.command("/customer", "show bob@example.com", "U0ADMIN");
    expect(slackText(shown.ack)).toContain(`*Customer #${id}* - Bob`);
    expect(slackText(shown.ack)).toContain("e-mail: bob@example.com");
    expect(slackText(shown.ack)).toContain("source: qr_store - consent: subscribed");
    expect(slackText(shown.ack)).toContain("Orders: 2 (total 120.50 EUR + 1,500 RUB) - stage: repeat (2+ purchases)");
    // The team may type the contacts any way: they are read in the form they are stored in.
    for (const query of ["Bob@Example.COM", "0049 151 9988 7766", "+49 (151) 9988-7766"]) {
      expect(slackText((await p.slack.command("/customer", `show ${query}`, "U0ADMIN")).ack), query).toContain(`*Customer #${id}* - Bob`);
    }

    // By name, without a verb: one Bob is that Bob; two Annas are named back with their #ids.
    expect(slackText((await p.slack.command("/customer", "bob", "U0ADMIN")).ack)).toContain(`*Customer #${id}* - Bob`);
    const annas = await Promise.all([8102, 8103].map(async (telegramId) => (await db.subscriber.create({ data: { telegramId: BigInt(telegramId), firstName: "Anna", lastName: telegramId === 8102 ? "Berg" : null } })).id));
    const ambiguous = slackText((await p.slack.command("/customer", "Anna", "U0ADMIN")).ack);
    expect(ambiguous).toContain(`2 customers are called "Anna": #${annas[0]} Anna Berg · #${annas[1]} Anna. Name one by its #id, e.g. \`/customer show #${annas[0]}\`.`);
    expect(slackText((await p.slack.command("/customer", "show anna berg", "U0ADMIN")).ack)).toContain(`*Customer #${annas[0]}* - Anna Berg`);
    expect(slackText((await p.slack.command("/customer", "Zed", "U0ADMIN")).ack)).toContain('No customer matches "Zed".');

    const exported = await p.slack.command("/customer", "export 8101", "U0ADMIN");
    expect(slackText(exported.ack)).toBe(`The data of customer #${id} is in a file I sent you in a direct message.`);
    const complete = p.slackApi.callsOf("files.completeUploadExternal").at(-1)!;
    expect(complete.params.channel_id).toBe("DU0ADMIN");
    const upload = p.slackApi.uploads.at(-1)!;
    expect(upload.filename).toBe(`customer-${id}.json`);
    expect(JSON.parse(upload.bytes.toString("utf8")).profile).toMatchObject({ firstName: "Bob", email: "bob@example.com", source: "qr_store" });

    const erase = await p.slack.command("/customer", `erase #${id}`, "U0ADMIN");
    expect(slackText(erase.ack)).toContain(`Erase the personal data of customer #${id} (Bob)?`);
    const press = await p.slack.action("customer_erase", String(id), "U0ADMIN");
    const done = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
    expect(done.body.text).toBe(`Customer #${id}'s personal data is erased (by <@U0ADMIN>).`);
    expect(await db.subscriber.findUniqueOrThrow({ where: { id } })).toMatchObject({ firstName: null, email: null, telegramId: null });
    const audit = (await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => [a.actor, a.action, a.target]);
    expect(audit).toEqual([
      ["U0ADMIN", "customer.exported", `subscriber:${id}`],
      ["U0ADMIN", "customer.erased", `subscriber:${id}`],
    ]);
    const after = await p.slack.command("/customer", `show #${id}`, "U0ADMIN");
    expect(slackText(after.ack)).toMatch(new RegExp(`\\*Customer #${id}\\* was erased on`));

    // A non-admin pressing the button is refused; a second press by an admin changes nothing.
    const sneaky = await p.slack.action("customer_erase", String(id), "U0MARKETER");
    const refusedPress = await p.slackApi.waitFor(() => p.slackApi.responsesTo(sneaky.responseUrl)[0]);
    expect(refusedPress.body.text).toBe("Sorry, you can't do that - it is for admins. Ask an admin to add you to SLACK_ADMINS.");
    const again = await p.slack.action("customer_erase", String(id), "U0ADMIN");
    const againDone = await p.slackApi.waitFor(() => p.slackApi.responsesTo(again.responseUrl)[0]);
    expect(String(againDone.body.text)).toMatch(new RegExp(`\\*Customer #${id}\\* was erased on`));
    expect(await db.auditLog.count({ where: { action: "customer.erased" } })).toBe(1);
    expect(await db.consentRecord.count({ where: { subscriberId: id, status: "unsubscribed" } })).toBe(1);
  });
});
