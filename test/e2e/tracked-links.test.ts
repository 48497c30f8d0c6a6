// A customer taps a campaign's button: the redirect records the click and
// forwards to the shop; a forged or broken link gets a polite 404.
import { describe, expect, test } from "vitest";
import { campaignReport } from "../../core/campaigns/campaign-report.ts";
import { createCampaign } from "../../core/campaigns/campaigns.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("tracked links on %s", (kind) => {
  const p = useTestProduct({ kind, env: { PUBLIC_URL: "https://bot.example.com", QUIET_HOURS: "off" } });

  test("the button goes through /r/<token>, the click is recorded, the browser lands on the shop", async () => {
    await createCustomers(p.database.db, [{ telegramId: 6001, firstName: "Tap" }]);
    await createCampaign(p.app.core, {
      name: "New arrivals",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: "New arrivals are in", buttons: [{ text: "See them", url: "https://shop.example.com/new?utm_source=telegram" }] } },
      sendAt: p.clock.now(),
      createdBy: "U1",
    });
    await p.app.worker!.housekeeping();
    await p.app.worker!.drain();
    const button = (p.telegram.chat(6001)[0]!.reply_markup as { inline_keyboard: { url: string }[][] }).inline_keyboard[0]![0]!;
    const path = new URL(button.url).pathname;
    expect(path).toMatch(/^\/r\//);

    const res = await fetch(`${p.baseUrl}${path}`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://shop.example.com/new?utm_source=telegram");
    const clicks = await p.database.db.prisma.click.findMany();
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.at).toEqual(p.clock.now());

    const forged = await fetch(`${p.baseUrl}${path.slice(0, -3)}xyz`, { redirect: "manual" });
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("This link is not valid or has expired.");
    expect(await p.database.db.prisma.click.count()).toBe(1);
  });

  test("link-preview bots are redirected but not counted; repeated opens are one click, and the report counts the recipient once", async () => {
    await createCustomers(p.database.db, [{ telegramId: 6002, firstName: "Twice" }]);
    const campaign = await createCampaign(p.app.core, {
      name: "Boots",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: "Boots are back", buttons: [{ text: "Boots", url: "https://shop.example.com/boots" }] } },
      sendAt: p.clock.now(),
      createdBy: "U1",
    });
    await p.app.worker!.housekeeping();
    await p.app.worker!.drain();
    const button = (p.telegram.chat(6002)[0]!.reply_markup as { inline_keyboard: { url: string }[][] }).inline_keyboard[0]![0]!;
    const open = (userAgent: string) => fetch(`${p.baseUrl}${new URL(button.url).pathname}`, { redirect: "manual", headers: { "user-agent": userAgent } });
    const { id: deliveryId } = await p.database.db.prisma.delivery.findFirstOrThrow({
      where: { campaignId: campaign.id, subscriberId: (await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 6002n } })).id },
    });
    const clicks = () => p.database.db.prisma.click.count({ where: { deliveryId } });
    for (const bot of ["TelegramBot (like TwitterBot)", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "facebookexternalhit/1.1", "WhatsApp/2.23.20.0"]) {
      const res = await open(bot);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("https://shop.example.com/boots");
    }
    expect(await clicks()).toBe(0);
    const phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
    await open(phone);
    await open(phone);
    expect(await clicks()).toBe(1);
    p.clock.advanceMinutes(5);
    await open(phone);
    expect(await clicks()).toBe(2);
    const report = await campaignReport(p.app.core, campaign.id);
    expect(report.clicked).toBe(1);
  });
});
