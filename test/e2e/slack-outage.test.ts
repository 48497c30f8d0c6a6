// Slack down while customers talk: the team card is given up after a few quick
// retries (and logged), the customer's conversation goes on at once, and the
// next card goes through when Slack is back.
import { describe, expect, test } from "vitest";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { retryTeamAlerts } from "../../core/team-threads/alert-team.ts";
import { SLACK_CALL_RETRIES } from "../../bot/slack/slack-client-options.ts";
import { teamCards } from "../support/chat-helpers.ts";
import { useTestProduct } from "../support/per-describe.ts";

const REASON = "What is the main reason for your score?";

describe("A Slack outage during a detractor's answer (pglite)", () => {
  const p = useTestProduct({ kind: "pglite" });

  async function detractor(id: number, name: string) {
    const user = p.telegram.user(id, { first_name: name });
    await user.command("start");
    await user.press(/^✅/);
    const { id: subscriberId } = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(id) } });
    await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    return user;
  }

  test("the customer is asked for the reason though Slack answers 503 to every try; the next card goes through", async () => {
    const ann = await detractor(9101, "Ann");
    const before = p.slackApi.callsOf("chat.postMessage").length;
    // Down for exactly as long as the client keeps trying.
    p.slackApi.outage("chat.postMessage", 1 + SLACK_CALL_RETRIES);
    await ann.press("2");
    expect(ann.lastText()).toBe(REASON);
    // One try and SLACK_CALL_RETRIES retries (0.5 + 1 + 2 s apart), not Slack's default half hour of them.
    expect(p.slackApi.callsOf("chat.postMessage").length - before).toBe(1 + SLACK_CALL_RETRIES);
    // The score itself is stored whatever Slack did, and the card waits for Slack.
    const response = await p.database.db.prisma.surveyResponse.findFirstOrThrow({ where: { subscriber: { telegramId: 9101n } } });
    expect(response.score).toBe(2);
    const waiting = await p.database.db.prisma.teamAlertRetry.findMany();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ topic: "detractor", attempts: 1 });
    expect(waiting[0]!.nextAt).toEqual(new Date(p.clock.now().getTime() + 60_000));

    const bob = await detractor(9102, "Bob");
    const cards = teamCards(p.slackApi).length;
    await bob.press("1");
    expect(teamCards(p.slackApi)).toHaveLength(cards + 1);
    expect(teamCards(p.slackApi).at(-1)!.params.text).toBe("⚠️ NPS 1/10 from Bob");
  }, 30_000);

  test("the card Slack did not take is posted by the retry job once Slack is back, and its thread talks to the customer", async () => {
    // Still down at the first retry: the next one is two minutes later.
    p.slackApi.outage("chat.postMessage", 1 + SLACK_CALL_RETRIES);
    p.clock.advanceMinutes(1);
    expect(await retryTeamAlerts(p.app.core)).toEqual({ posted: 0, failed: 1, dropped: 0 });
    const row = await p.database.db.prisma.teamAlertRetry.findFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.nextAt).toEqual(new Date(p.clock.now().getTime() + 120_000));
    expect(await retryTeamAlerts(p.app.core)).toEqual({ posted: 0, failed: 0, dropped: 0 });

    p.clock.advanceMinutes(2);
    expect(await retryTeamAlerts(p.app.core)).toEqual({ posted: 1, failed: 0, dropped: 0 });
    const card = teamCards(p.slackApi).at(-1)!;
    expect(card.params.text).toBe("⚠️ NPS 2/10 from Ann");
    expect(await p.database.db.prisma.teamAlertRetry.count()).toBe(0);
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriber: { telegramId: 9101n } } });
    expect(thread).toMatchObject({ topic: "detractor", slackChannel: "C0TEAM", slackTs: (card.response as { ts: string }).ts });
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Ann, sorry about that!", ts: "1800000900.000100", thread_ts: thread.slackTs });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 9101 && String(c.params.text).includes("Ann, sorry about that!"));
  });
});
