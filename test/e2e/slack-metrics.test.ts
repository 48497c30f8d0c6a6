// /metrics through Bolt on the hand-computed small store (test/support/small-store.ts).
import { beforeAll, describe, expect, test } from "vitest";
import { recordAcquisitionSpend } from "../../core/metrics/acquisition-spend.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { FakeClock } from "../support/clock.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { SMALL_STORE_NOW, seedSmallStore } from "../support/small-store.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("Slack /metrics on %s", (kind) => {
  const p = useTestProduct({ kind, clock: new FakeClock(SMALL_STORE_NOW), env: { SLACK_VIEWERS: "U0VIEWER,U0MARKETER" } });
  beforeAll(async () => {
    await seedSmallStore(p.database.db);
    await refreshCustomerStats(p.app.core);
    await recordAcquisitionSpend(p.app.core, { source: "qr_store", from: "2026-11-16", to: "2026-11-22", amount: 200, actor: "slack:U1" });
  });

  test("last week's key figures against the week before, in their units; the definitions on request", async () => {
    const res = await p.slack.command("/metrics", "last week", "U0VIEWER");
    const text = slackText(res.ack);
    expect(text).toContain("Key figures, 16 Nov 2026 – 22 Nov 2026");
    expect(text).toContain("Compared with 9 Nov 2026 – 15 Nov 2026 - all customers");
    // Ann 300 + Cleo 0 this week; Boris 80 the week before: +275 %. The store's orders are in USD.
    expect(text).toContain("*Revenue:* 300 USD  ▲ +275%");
    expect(text).toContain("*Orders:* 2  ▲ +100%");
    // 300 / 2 = 150 against 80 / 1: +87.5 % -> "+88%".
    expect(text).toContain("*Average order value:* 150 USD  ▲ +88%");
    // Lifetime 485 / 6 days = 2.66 months (see core/metrics/metrics.test.ts), with its unit.
    expect(text).toContain("*Average lifetime:* 2.7 months  ▼ −17%");
    // No spend entered for last week... except qr_store's 200, and nobody acquired: CAC has no value.
    expect(text).toContain("*CAC:* —");
    // The twenty definitions are not under every answer: a button asks for them.
    expect(text).not.toContain("Sum of the orders paid during the period");
    expect(text).toContain("What do these mean?");
  });

  test("the definitions once, on request: the button, /metrics help, and the digest's button for its figures only", async () => {
    const press = await p.slack.action("metrics_definitions", "all", "U0VIEWER");
    const all = slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0])).body);
    expect(all).toContain("What the figures mean");
    expect(all).toContain("• *Revenue* — Sum of the orders paid during the period; refunded orders are excluded.");
    expect(all).toContain("• *Purchases per customer per month* — The period's orders / customers");
    expect(all).toContain("• *CAC* — Acquisition spend entered for the period");
    expect(all).toContain("docs/metrics.md");
    const help = slackText((await p.slack.command("/metrics", "help", "U0VIEWER")).ack);
    expect(help).toContain("Usage: `/metrics [period] [by source | segment NAME]`");
    expect(help).toContain("• *Repeat customer rate* — Share of the period's active customers who have paid at least two orders so far");
    // Under the digest: only the ten figures it shows (no CAC there).
    const digest = await p.slack.action("metrics_definitions", "digest", "U0VIEWER");
    const mine = String((await p.slackApi.waitFor(() => p.slackApi.responsesTo(digest.responseUrl)[0])).body.text);
    expect(mine).toContain("• *LTV* — Average lifetime x revenue per customer per month");
    expect(mine).not.toContain("*CAC*");
    expect(mine.match(/^• /gm)).toHaveLength(10);
    // Someone outside the workspace's viewers is refused.
    const outsider = await p.slack.action("metrics_definitions", "all", "U0OUTSIDER");
    expect(slackText((await p.slackApi.waitFor(() => p.slackApi.responsesTo(outsider.responseUrl)[0])).body)).toContain("Sorry, you can't use Chatloop.");
  });

  test("Russian period words, by source, and a period it does not know", async () => {
    const ru = await p.slack.command("/metrics", "за прошлую неделю по источникам", "U0MARKETER");
    const text = slackText(ru.ack);
    expect(text).toContain("Acquisition by source, 16 Nov 2026 – 22 Nov 2026");
    // qr_store: 200 spent over the week, nobody's first subscription that week from it.
    expect(text).toContain("*qr_store*: 0 acquired of 0 contacted, spend 200 USD, CAC —, acquisition rate —");
    // Yesterday (Sunday 22 November): Cleo's order of 0; the day before, none.
    for (const words of ["yesterday", "за вчера"]) {
      const day = slackText((await p.slack.command("/metrics", words, "U0MARKETER")).ack);
      expect(day).toContain("Key figures, 22 Nov 2026");
      expect(day).toContain("Compared with 21 Nov 2026 - all customers");
      expect(day).toContain("*Orders:* 1");
    }
    const bad = await p.slack.command("/metrics", "since forever", "U0MARKETER");
    expect(slackText(bad.ack)).toContain('I don\'t know the period "since forever"');
    expect(slackText(bad.ack)).toContain("Usage: `/metrics [period] [by source | segment NAME]`");
    const refused = await p.slack.command("/metrics", "", "U0OUTSIDER");
    expect(slackText(refused.ack)).toBe("Sorry, you can't use Chatloop. Ask an admin to add you to SLACK_VIEWERS.");
  });
});

describe("Slack App Home", () => {
  const p = useTestProduct({ kind: "pglite", clock: new FakeClock(SMALL_STORE_NOW), env: { SLACK_VIEWERS: "U0VIEWER" } });
  beforeAll(async () => {
    await seedSmallStore(p.database.db);
    await p.database.db.prisma.surveyResponse.updateMany({ where: { subscriberId: 4 }, data: { comment: "Delivery took three weeks" } });
  });

  test("opening the Home tab publishes the dashboard: figures, next campaigns, latest detractors", async () => {
    await p.slack.event({ type: "app_home_opened", user: "U0VIEWER", channel: "D0HOME", tab: "home", event_ts: "1700000000.000100" });
    const publish = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.publish").find((c) => c.params.user_id === "U0VIEWER"));
    const view = slackText(publish.params.view as Record<string, unknown>);
    expect(view).toContain("Chatloop dashboard");
    // The last 7 days (16-23 Nov 10:00): Ann 300 + Cleo 0.
    expect(view).toContain("*Revenue*\n300");
    expect(view).toContain("Nothing scheduled. `/send` schedules a campaign.");
    // Dan 3 (11-04) and Boris 6 (11-02), newest first.
    expect(view).toMatch(/\*3\* — Dan: “Delivery took three weeks”[\s\S]*\*6\* — Boris/);

    await p.slack.event({ type: "app_home_opened", user: "U0OUTSIDER", channel: "D0HOME2", tab: "home", event_ts: "1700000000.000200" });
    const refused = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.publish").find((c) => c.params.user_id === "U0OUTSIDER"));
    expect(slackText(refused.params.view as Record<string, unknown>)).toContain("Sorry, you can't use Chatloop.");
  });
});
