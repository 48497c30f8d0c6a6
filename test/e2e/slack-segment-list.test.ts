// The team side of the foundation: signed requests into Bolt's receiver,
// `/segment list` counting the audiences straight from the database.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText, signSlackRequest } from "../support/fake-slack.ts";
import { SIGNING_SECRET } from "../support/product.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("Slack /segment list on %s", (kind) => {
  const p = useTestProduct({ kind });

  test("sizes match what the customers did in Telegram", async () => {
    // 3 subscribe, 1 of them then blocks; 1 unsubscribes after subscribing; 1 declines; 1 never answers.
    for (const id of [1, 2, 3, 4]) {
      const u = p.telegram.user(3000 + id);
      await u.command("start");
      await u.press(/Yes/);
    }
    await p.telegram.user(3003).block();
    await p.telegram.user(3004).command("stop");
    const decliner = p.telegram.user(3005);
    await decliner.command("start");
    await decliner.press("No, thanks");
    await p.telegram.user(3006).command("start");

    const res = await p.slack.command("/segment", "list");
    expect(res.status).toBe(200);
    const text = slackText(res.ack);
    expect(text).toContain("*Everyone*: 6");
    expect(text).toContain("*Subscribed (opted in, reachable)*: 2");
    expect(text).toContain("*Awaiting confirmation*: 1");
    expect(text).toContain("*Unsubscribed*: 1");
    expect(text).toContain("*Blocked the bot*: 1");
    expect(res.ack.response_type).toBe("ephemeral");
  });

  test("a request with a bad signature or a stale timestamp is rejected with 401", async () => {
    const body = new URLSearchParams({ command: "/segment", text: "list", user_id: "U1", team_id: "T0TEST", response_url: p.slackApi.responseUrl() }).toString();
    const type = "application/x-www-form-urlencoded";
    const forged = await p.slack.post(body, type, { signature: signSlackRequest("not-the-secret", Math.floor(Date.now() / 1000), body) });
    expect(forged.status).toBe(401);
    const staleTs = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await p.slack.post(body, type, { timestamp: staleTs, signature: signSlackRequest(SIGNING_SECRET, staleTs, body) });
    expect(stale.status).toBe(401);
    const good = await p.slack.post(body, type);
    expect(good.status).toBe(200);
  });

  test("an unknown word is named, with where to find what can be typed", async () => {
    // Since natural commands, words after /segment are read as an audience: the unknown one is named.
    const res = await p.slack.command("/segment", "frobnicate");
    expect(slackText(res.ack)).toContain('I don\'t know "frobnicate" as part of an audience. `/segment help` shows what you can type.');
    const help = await p.slack.command("/segment", "help");
    expect(slackText(help.ack)).toContain("/segment list");
  });
});
