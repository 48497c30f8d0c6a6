// An A/B test that picks its winner, from the team's side, through the real
// Bolt app with signed requests and the real outbox and Telegram channel: the
// pre-flight card shows the test and warns when the groups are small; the
// test's card in the team channel decides with a press; /campaigns show tells
// what was decided and why; the decision is audited.
import { beforeAll, describe, expect, test } from "vitest";
import { teamCards, blocksOf } from "../support/chat-helpers.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createManyCustomers } from "../support/factories.ts";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";

const ROLES = { SLACK_SENDERS: "U0MARKETER", SLACK_VIEWERS: "U0MARKETER,U0VIEWER", DELIVERY_RATE: "1000" };

function buttonValue(blocks: Record<string, unknown>[], actionId: string): string {
  for (const b of blocks) {
    const found = ((b.elements ?? []) as { action_id?: string; value?: string }[]).find((e) => e.action_id === actionId);
    if (found) return found.value!;
  }
  throw new Error(`no button ${actionId}`);
}

describe.each(DATABASE_KINDS)("A/B winner in Slack on %s", (kind) => {
  const p = useTestProduct({ kind, env: ROLES });
  beforeAll(async () => {
    await createManyCustomers(p.database.db, 200, 60_000);
  });

  test("the pre-flight card shows the test and warns that 20 per variant cannot detect a 20% lift", async () => {
    const res = await p.slack.command("/send", 'everyone "A: boots -20%" now --ab "B: your size is back" --test 20% --winner-after 4h --by clicks', "U0MARKETER");
    const card = slackText(res.ack);
    const m = /\*A\/B test:\* A (\d+) and B (\d+) now \(20% of the audience\), then the winner to the other (\d+)/.exec(card)!;
    expect(Number(m[1]) + Number(m[2]) + Number(m[3])).toBe(200);
    expect(card).toContain("decided Mon, 23 Nov 2026, 15:00 (Europe/Berlin) by clicks (no clear winner: A)");
    expect(card).toContain(":warning: *The test groups are small:*");
    expect(card).toContain("About 3,839 people per variant would");
    const bad = slackText((await p.slack.command("/send", 'everyone "A" now --test 20%', "U0MARKETER")).ack);
    expect(bad).toContain("A test needs two variants: add `--ab \"text B\"`");
    const badBy = slackText((await p.slack.command("/send", 'everyone "A" now --ab "B" --test 20% --by opens', "U0MARKETER")).ack);
    expect(badBy).toContain("The winner is picked `--by clicks`, `--by conversions` or `--by replies` (got `opens`).");
  });

  test("scheduled, the test goes out; its card in the team channel decides with a press, once; /campaigns show tells why", { timeout: 60_000 }, async () => {
    const res = await p.slack.command("/send", 'everyone "A: boots -20%" now --ab "B: your size is back" --test 50% --winner-after 4h', "U0MARKETER");
    const id = buttonValue(blocksOf({ params: res.ack } as never), "campaign_schedule");
    const scheduled = await p.slack.action("campaign_schedule", id, "U0MARKETER");
    await p.slackApi.waitFor(() => p.slackApi.responsesTo(scheduled.responseUrl)[0]);
    await p.app.worker!.housekeeping();
    await p.app.worker!.drain();
    const card = teamCards(p.slackApi).find((c) => String(c.params.text).startsWith(`🧪 A/B test: #${id}`))!;
    expect(slackText(card.params)).toMatch(/A goes to \d+ and B to \d+ people \(50% of the audience\); the winner goes to the other \d+\./);

    const denied = await p.slack.action("ab_send_b", buttonValue(blocksOf(card), "ab_send_b"), "U0VIEWER");
    const deniedAnswer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(denied.responseUrl)[0]);
    expect(String(deniedAnswer.body.text)).not.toContain("chose");

    const press = await p.slack.action("ab_send_b", buttonValue(blocksOf(card), "ab_send_b"), "U0MARKETER");
    const answer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0]);
    expect(answer.body.text).toMatch(new RegExp(`^🏁 A/B test #${id} .*: <@U0MARKETER> chose \\*B\\* \\(A 0\\.0% of \\d+, B 0\\.0% of \\d+, p = .*\\)\\. Sending B to the remaining \\d+\\.$`));
    const again = await p.slack.action("ab_send_a", buttonValue(blocksOf(card), "ab_send_a"), "U0MARKETER");
    const againAnswer = await p.slackApi.waitFor(() => p.slackApi.responsesTo(again.responseUrl)[0]);
    expect(againAnswer.body.text).toBe(`The A/B test of campaign #${id} is already decided.`);

    await p.app.worker!.drain();
    const rest = await p.database.db.prisma.delivery.findMany({ where: { campaignId: Number(id), variant: "RB" } });
    expect(rest.length).toBeGreaterThan(50);
    expect(rest.every((r) => r.status === "sent")).toBe(true);
    for (const r of rest.slice(0, 5)) expect(p.telegram.chat(60_000 + r.subscriberId - 1).at(-1)?.text).toBe("B: your size is back");

    const show = slackText((await p.slack.command("/campaigns", `show ${id}`, "U0VIEWER")).ack);
    expect(show).toContain("*Variant B to the rest:*");
    expect(show).toMatch(/\*A\/B test:\* 50% of the audience · \*B\* went to the rest, chosen by <@U0MARKETER> \(A 0\.0% of \d+, B 0\.0% of \d+/);
    const audit = await p.database.db.prisma.auditLog.findMany({ where: { target: `campaign:${id}`, action: "campaign.ab_decided" } });
    expect(audit.map((a) => a.actor)).toEqual(["U0MARKETER"]);
  });
});
