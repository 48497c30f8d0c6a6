// Words after /segment, /send and /metrics through the real Bolt app with
// signed requests, on the hand-computed small store (test/support/small-store.ts):
// each kind of phrase, in English and Russian, gives the same size, figure or
// send time as its exact form; an ambiguous phrase gives buttons and pressing
// one answers; typos of names get their suggestion; errors blame the right part.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { FakeClock } from "../support/clock.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../support/small-store.ts";

type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };

describe.each(DATABASE_KINDS)("Natural commands in Slack on %s", (kind) => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind, clock: new FakeClock(SMALL_STORE_NOW), env: { SLACK_SENDERS: "U0MARKETER" } });
    await seedSmallStore(p.database.db);
    await refreshCustomerStats(p.app.core);
  });
  afterAll(async () => {
    await p.stop();
  });

  /** The final answer to a command: the acknowledgement, or the message that follows it through response_url. */
  const answer = async (command: string, text: string, user = "U0MARKETER") => {
    const r = await p.slack.command(command, text, user);
    if (!slackText(r.ack).startsWith("⏳")) return r.ack;
    return (await p.slackApi.waitFor(() => p.slackApi.responsesTo(r.responseUrl)[0], 30_000)).body;
  };
  const run = async (command: string, text: string, user?: string) => slackText(await answer(command, text, user));
  const size = (text: string) => /\*(\d+)\* customers/.exec(text)?.[1];

  test("a segment described in words has the size of its exact form, in both languages", async () => {
    // Paid orders in the 30 days before 23 Nov: Ann (20 Nov), Boris (10 Nov), Cleo (22 Nov, a free sample);
    // Gus's order was refunded and Hana is erased.
    const exact = await run("/segment", "preview order within 30d");
    expect(size(exact)).toBe("3");
    for (const words of ["customers who bought in the last 30 days", "покупатели за последние 30 дней"]) {
      const text = await run("/segment", words);
      expect(text).toContain("Understood as: `/segment preview order within 30d`");
      expect(size(text)).toBe("3");
    }
    // Finn's cart of 22 Nov, nothing bought since.
    for (const words of ["abandoned cart in the last 2 days", "брошенная корзина за 2 дня"]) {
      const text = await run("/segment", words);
      expect(text).toContain("Understood as: `/segment preview event:added_to_cart within 2d and no order since event:added_to_cart`");
      expect(size(text)).toBe("1");
      expect(text).toContain("Finn (#6)");
    }
    // Latest NPS answers 0-6: Boris (6) and Dan (3).
    for (const words of ["detractors", "критики"]) {
      const text = await run("/segment", words);
      expect(text).toContain("Understood as: `/segment preview nps = detractor`");
      expect(size(text)).toBe(size(await run("/segment", "preview nps = detractor")));
      expect(size(text)).toBe("2");
    }
    // The exact verb with words it does not read: understood, and the echo teaches `2d`.
    const days = await run("/segment", "preview abandoned cart within 2 days");
    expect(days).toContain("Understood as: `/segment preview event:added_to_cart within 2d and no order since event:added_to_cart`");
    expect(size(days)).toBe("1");
    const fromSource = await run("/segment", "подписчики из instagram_bio");
    // Subscribers are the people who subscribed (consent = subscribed and not blocked), from the source named.
    expect(fromSource).toContain("Understood as: `/segment preview consent = subscribed and not blocked and source = instagram_bio`");
    expect(size(fromSource)).toBe(size(await run("/segment", "preview consent = subscribed and not blocked and source = instagram_bio")));
  });

  test("an ambiguous description gives buttons, and pressing one answers", async () => {
    const reply = await answer("/segment", "new customers");
    expect(slackText(reply)).toContain("These words can mean more than one thing");
    const buttons = (reply.blocks as Block[]).find((b) => b.type === "actions")!.elements!;
    expect(buttons.map((b) => b.text.text)).toEqual(["/segment preview lifecycle = new", "/segment preview rfm = new_customers"]);
    const press = await p.slack.action(buttons[0]!.action_id, buttons[0]!.value, "U0MARKETER");
    const pressed = slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0])).body);
    expect(pressed).toContain("Understood as: `/segment preview lifecycle = new`");
    expect(size(pressed)).toBe(size(await run("/segment", "preview lifecycle = new")));
    // A damaged value never reaches the command.
    const damaged = await p.slack.action(buttons[0]!.action_id, "preview lifecycle = new; drop table", "U0MARKETER");
    expect(slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(damaged.responseUrl)[0])).body)).toContain("This button no longer works");
  });

  test("typos of words and names get their suggestion; unknown words are named", async () => {
    const typo = await run("/segment", "detracters");
    expect(typo).toContain("Understood as: `/segment preview nps = detractor` (read detracters as detractors)");
    await run("/segment", "save vip_ru tag:vip and language = ru");
    // "vip" is both the tag and the start of the saved segment vip_ru.
    const vip = await answer("/segment", "show vip");
    expect(slackText(vip)).toContain("`/segment show vip_ru`");
    expect(slackText(vip)).toContain("`/segment preview tag:vip`");
    const unknown = await run("/segment", "vpi");
    expect(unknown).toContain('I don\'t know "vpi" as part of an audience.');
    expect(unknown).toContain("Did you mean `vip`");
    expect(await run("/segment", "клиенты которые любят собак")).toContain('I don\'t know "любят", "собак" as part of an audience.');
    await run("/segment", "delete vip_ru");
  });

  test("/send in words drafts the same campaign as its exact form, and errors blame the right part", async () => {
    // "Subscribers" are the people who subscribed (consent = subscribed and not blocked), from the source named.
    const exact = slackText(await answer("/send", '"consent = subscribed and not blocked and source = instagram_bio" "Thanks for being with us!" tomorrow 10am'));
    expect(exact).toContain("*Sends:* Tue, 24 Nov 2026, 10:00 (Europe/Berlin)");
    const matched = /\*Matched:\* (\d+)/.exec(exact)![1];
    for (const words of ['subscribers from instagram_bio "Thanks for being with us!" tomorrow at 10am', "подписчикам из instagram_bio «Спасибо, что вы с нами!» завтра в 10:00"]) {
      const card = slackText(await answer("/send", words));
      expect(card).toContain('Understood as: `/send "consent = subscribed and not blocked and source = instagram_bio"');
      expect(card).toContain("2026-11-24 10:00");
      expect(card).toContain("*Sends:* Tue, 24 Nov 2026, 10:00 (Europe/Berlin)");
      expect(card).toContain(`*Matched:* ${matched}`);
    }
    const holdout = slackText(await answer("/send", 'subscribers from instagram_bio "We miss you, {first_name}" tomorrow 10:00 with a 10% holdout'));
    expect(holdout).toContain("--holdout 10%`");
    // Nothing is scheduled from words: every answer above is a draft.
    expect(await p.database.db.prisma.campaign.count({ where: { status: { not: "draft" } } })).toBe(0);

    expect(await run("/send", 'cat people "meow" tomorrow 10am')).toContain('I don\'t know "cat" as part of an audience.');
    expect(await run("/send", "loyal customers tomorrow 10am")).toContain("What should it say? Put the message in quotes");
    // The message typed without quotes: the words say so (not the exact syntax's "I can't read the time"), in both languages.
    const unquoted = await run("/send", "subscribed 10% off boots tomorrow at 10");
    expect(unquoted).toContain('I don\'t know "off", "boots" as part of an audience. If that is the message, put it in quotes');
    expect(unquoted).not.toContain("I can't read the time");
    expect(await run("/send", "подписанным скидка 10% на ботинки завтра в 10:00")).toContain('I don\'t know "скидка", "ботинки" as part of an audience. If that is the message, put it in quotes');
    expect(await run("/send", 'nps survey to detractors "hello" tomorrow 10:00')).toContain('A survey campaign sends the survey ("nps") and takes no message of its own');
    expect(await run("/send", "лояльным клиентам «Привет»")).toContain("When should it go out? Add a time");
  });

  test("/metrics answers a figure asked in words with that figure, as /metrics shows it", async () => {
    const table = await run("/metrics", "last week");
    // The value with its currency ("300 USD"), up to the two spaces before the change.
    const revenue = /\*Revenue:\* (.+?)(?: {2}|$)/m.exec(table)![1]!;
    // "revenue last week" is also the exact syntax (`/metrics FIGURE PERIOD`); the Russian question is understood as it.
    for (const words of ["revenue last week", "выручка за прошлую неделю"]) {
      const text = await run("/metrics", words);
      if (words.startsWith("в")) expect(text).toContain("Understood as: `/metrics revenue last week`");
      expect(text).toContain(`*Revenue*, 16 Nov 2026 – 22 Nov 2026: *${revenue}*`);
      expect(text).toContain("All the figures: `/metrics last week`");
    }
    const orders = await run("/metrics", "how many orders last month");
    expect(orders).toContain("Understood as: `/metrics orders last month`");
    const inTable = /\*Orders:\* ([^\s]+)/.exec(await run("/metrics", "last month"))![1];
    expect(/\*Orders\*, [^:]+: \*([^*]+)\*/.exec(orders)![1]).toBe(inTable);
  });

  test("cheat sheets list this installation's names", async () => {
    const segment = await run("/segment", "help");
    expect(segment).toContain("Describe customers in your own words");
    expect(segment).toContain("Sources: `instagram_bio`, `qr_store`");
    expect(segment).toContain("Tags: `vip`");
    expect(segment).toContain("Events seen: `added_to_cart`");
    const send = await run("/send", "help");
    expect(send).toContain("Audience, message and time in any order");
    expect(send).toContain("Surveys: ");
    expect(send).toContain("`nps`");
    expect(await run("/metrics", "help")).toContain("Ask for a figure and a period");
  });
});
