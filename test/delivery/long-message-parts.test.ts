// A campaign text over Telegram's 4 096 characters goes out in parts, against
// a local Bot API server that enforces Telegram's limits (1 message per second
// per chat, 429 beyond): the parts to one chat keep that pace, and when a part
// is refused the retry resumes at that part - the ones already sent are not
// sent again. The pacer's waits really sleep here (the server's limits run on
// the real clock) and move the fake clock by as much.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createCampaign } from "../../core/campaigns/campaigns.ts";
import { materializeDueCampaigns } from "../../core/campaigns/materialize.ts";
import { DeliveryWorker } from "../../core/delivery/delivery-worker.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { useTestDatabase } from "../support/per-describe.ts";

const PARAGRAPH = `Hi {first_name}! Our winter catalogue, page by page: boots, jackets, gloves and hats. ${"Every item is in stock and ships tomorrow. ".repeat(45)}`;
const TEXT = Array.from({ length: 5 }, () => PARAGRAPH).join("\n\n");

describe.each(DATABASE_KINDS)("a long campaign message in parts on %s", (kind) => {
  const database = useTestDatabase(kind);
  let tg: FakeTelegram;
  let clock: FakeClock;
  let deps: TestCoreDeps;

  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    tg.enforceLimits({ globalPerSecond: 30, perChatPerSecond: 1 });
  });
  afterAll(async () => {
    await tg.stop();
  });
  beforeEach(async () => {
    tg.clearFaults();
    await database.db.prisma.$executeRawUnsafe(`TRUNCATE delivery, campaign, subscriber RESTART IDENTITY CASCADE`);
    await database.db.prisma.$executeRawUnsafe(`UPDATE delivery_pacer SET next_slot_at = '1970-01-01', paused_until = NULL`);
    clock = new FakeClock("2026-11-24T09:00:00Z");
    deps = testCoreDeps(database, { clock, telegram: tg });
  });

  function worker() {
    const sleep = async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      clock.advance(ms);
    };
    return new DeliveryWorker(deps, { ratePerSecond: 30, concurrency: 4, sleep });
  }

  async function sendLongCampaign(telegramId: number) {
    await createCustomers(database.db, [{ telegramId, firstName: "Long" }]);
    const campaign = await createCampaign(deps, {
      name: "Catalogue",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: TEXT } },
      sendAt: clock.now(),
      createdBy: "U0MARKETER",
    });
    await materializeDueCampaigns(deps);
    return campaign;
  }

  const expectWhole = (texts: (string | undefined)[]) =>
    expect(texts.join("").replace(/\s+/g, "")).toBe(TEXT.replaceAll("{first_name}", "Long").replace(/\s+/g, ""));

  test("the parts to one chat keep its pace: the server refuses none of them", async () => {
    const rateLimitedBefore = tg.rateLimited;
    await sendLongCampaign(950_001);
    expect(await worker().drain()).toMatchObject({ sent: 1, failed: 0 });
    const parts = tg.chat(950_001);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expectWhole(parts.map((m) => m.text));
    expect(tg.rateLimited - rateLimitedBefore).toBe(0);
  });

  test("part 2 refused with a 429: the retry resumes at part 2 and part 1 is not sent again", async () => {
    const rateLimitedBefore = tg.rateLimited;
    const campaign = await sendLongCampaign(950_002);
    let seen = 0;
    tg.addFault((call) => {
      if (call.method !== "sendMessage" || Number(call.params.chat_id) !== 950_002 || ++seen !== 2) return undefined;
      return { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
    });
    await worker().drain();
    const parts = tg.chat(950_002);
    expect(seen).toBeGreaterThan(2);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expectWhole(parts.map((m) => m.text));
    expect(new Set(parts.map((m) => m.text)).size).toBe(parts.length);
    expect(tg.rateLimited - rateLimitedBefore).toBe(0);
    const delivery = await database.db.prisma.delivery.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(delivery.status).toBe("sent");
  });
});
