// /spend through Bolt on the small store: spend entered in English and
// Russian words, CAC and the acquisition rate it gives in /metrics, the list,
// a deletion, every change audited; senders only; bad words answered.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { FakeClock } from "../support/clock.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import { SMALL_STORE_NOW, seedSmallStore } from "../support/small-store.ts";

describe.each(DATABASE_KINDS)("Slack /spend on %s", (kind) => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind, clock: new FakeClock(SMALL_STORE_NOW), env: { SLACK_SENDERS: "U0MARKETER", SLACK_VIEWERS: "U0VIEWER" } });
    await seedSmallStore(p.database.db);
    // Cleo (qr_store) confirms her subscription on 17 Nov: the one person acquired last week.
    await p.database.db.execScript(`INSERT INTO consent_record (subscriber_id, status, at) VALUES (3, 'subscribed', '2026-11-17T10:00:00Z');`);
    await refreshCustomerStats(p.app.core);
  });
  afterAll(async () => {
    await p.stop();
  });
  const say = async (command: string, text: string, user = "U0MARKETER") => slackText((await p.slack.command(command, text, user)).ack);
  const cacLine = (text: string) => text.split("\n").find((l) => l.startsWith("*CAC:*"));

  test("no spend: CAC is — with how to enter it; entered: CAC and the rate per source, in the store's currency", async () => {
    expect(cacLine(await say("/metrics", "last week"))).toBe(
      "*CAC:* — _(no spend entered: `/spend SOURCE AMOUNT PERIOD` or `npm run import -- spend.csv`)_",
    );
    expect(await say("/spend", "qr_store 200 last week reach 40")).toBe(
      "Recorded #1: *qr_store* 200 USD for 16 Nov 2026 – 22 Nov 2026, reach 40. CAC and the acquisition rate of `/metrics` count it from now on.",
    );
    // 200 spent / 1 acquired (Cleo); 1 of the 40 reached = 2.5%. The week before: nothing spent, nothing to compare.
    const figures = await say("/metrics", "last week");
    expect(cacLine(figures)).toBe("*CAC:* 200 USD");
    expect(figures).toContain("*Acquisition rate:* 2.5%");
    expect(await say("/metrics", "last week by source")).toContain("• *qr_store*: 1 acquired of 40 contacted, spend 200 USD, CAC 200 USD, acquisition rate 2.5%");
  });

  test("Russian words, the list, a correction and a deletion, all audited", async () => {
    // The whole of November, whatever day it is typed on; 1 500 people reached.
    expect(await say("/spend", "instagram_bio 3 000 за ноябрь охват 1500")).toBe(
      "Recorded #2: *instagram_bio* 3,000 USD for 1 Nov 2026 – 30 Nov 2026, reach 1,500. CAC and the acquisition rate of `/metrics` count it from now on.",
    );
    // The same source and days again corrects the entry.
    expect(await say("/spend", "instagram_bio 3000 november")).toContain("Recorded #2: *instagram_bio* 3,000 USD for 1 Nov 2026 – 30 Nov 2026.");
    const list = await say("/spend", "list last week", "U0VIEWER");
    expect(list).toContain("*Acquisition spend, 16 Nov 2026 – 22 Nov 2026*");
    expect(list).toContain("• #1 *qr_store* 200 USD, 16 Nov 2026 – 22 Nov 2026, reach 40 _(U0MARKETER)_");
    expect(list).toContain("• #2 *instagram_bio* 3,000 USD, 1 Nov 2026 – 30 Nov 2026 _(U0MARKETER)_");
    expect(await say("/spend", "delete 2")).toBe("Deleted #2: *instagram_bio* 3,000 USD for 1 Nov 2026 – 30 Nov 2026.");
    expect(await say("/spend", "delete 2")).toContain("Spend entry 2 was not found");
    const audit = await p.database.db.prisma.auditLog.findMany({ where: { action: { startsWith: "acquisition." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      ["U0MARKETER", "acquisition.spend", "qr_store"],
      ["U0MARKETER", "acquisition.spend", "instagram_bio"],
      ["U0MARKETER", "acquisition.spend", "instagram_bio"],
      ["U0MARKETER", "acquisition.spend_deleted", "instagram_bio"],
    ]);
  });

  test("only senders enter spend; words it cannot read get the reason and the usage", async () => {
    expect(await say("/spend", "qr_store 100 last week", "U0VIEWER")).toBe(
      "Sorry, you can't schedule campaigns or change segments and templates. Ask an admin to add you to SLACK_SENDERS.",
    );
    const bad = await say("/spend", "qr_store lots last week");
    expect(bad).toContain("I can't read that as spend (the amount is a number such as 8000 or 8 000,50).");
    expect(bad).toContain("Usage: `/spend SOURCE AMOUNT PERIOD [reach N]`");
    expect(await say("/spend", "qr_store 100 someday")).toContain('I don\'t know the period "someday".');
    expect(await say("/spend", "help")).toContain("Usage: `/spend SOURCE AMOUNT PERIOD [reach N]`");
    expect(await p.database.db.prisma.acquisitionSpend.count()).toBe(1);
  });
});
