// After a restart on kept data, a local Slack server hands out message ts
// values it handed out before; the team card's thread cannot be stored
// (team_thread's unique channel + ts). The customer's dialogue does not care:
// they get the reason question, and the card is posted again by the retry job.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { retryTeamAlerts } from "../../core/team-threads/alert-team.ts";
import { teamCards } from "../support/chat-helpers.ts";
import { FakeClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const REASON = "What is the main reason for your score?";

describe("a team card whose thread cannot be stored (pglite)", () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let p: TestProduct;
  const clock = new FakeClock();
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    telegram = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await p.stop();
    await database.drop();
    await telegram.stop();
  });

  async function detractor(product: TestProduct, id: number, name: string, score: string) {
    const user = product.telegram.user(id, { first_name: name });
    await user.command("start");
    await user.press(/^✅/);
    const { id: subscriberId } = await product.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(id) } });
    await askSurvey(product.app.core, { subscriberId, surveyId: "nps" });
    await user.press(score);
    return user;
  }

  test("the customer gets the next question, the card is posted again and its thread reaches them", async () => {
    const before = await startTestProduct({ kind: "pglite", database, clock, telegram });
    await detractor(before, 9201, "Ann", "2");
    const first = await database.db.prisma.teamThread.findFirstOrThrow();
    await before.stop();

    // The restarted product talks to a new Slack server whose ts counter starts again (Telegram is the same).
    p = await startTestProduct({ kind: "pglite", database, clock, telegram });
    const bob = await detractor(p, 9202, "Bob", "1");
    expect(bob.lastText()).toBe(REASON);
    const collided = teamCards(p.slackApi).at(-1)!;
    expect((collided.response as { ts: string }).ts).toBe(first.slackTs);
    const waiting = await database.db.prisma.teamAlertRetry.findFirstOrThrow();
    expect(waiting).toMatchObject({ topic: "detractor", attempts: 1 });
    expect(waiting.lastError).toContain("team_thread");

    // Bob's answer to the reason question is taken as usual.
    await bob.say("Too slow");
    expect(bob.lastText()).not.toContain("went wrong");
    expect((await database.db.prisma.surveyResponse.findFirstOrThrow({ where: { subscriber: { telegramId: 9202n } } })).comment).toBe("Too slow");

    p.clock.advanceMinutes(1);
    expect(await retryTeamAlerts(p.app.core)).toEqual({ posted: 1, failed: 0, dropped: 0 });
    const card = teamCards(p.slackApi).at(-1)!;
    expect(card.params.text).toBe("⚠️ NPS 1/10 from Bob");
    const thread = await database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriber: { telegramId: 9202n } } });
    expect(thread.slackTs).toBe((card.response as { ts: string }).ts);
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: "Bob, we will fix it", ts: "1800000900.000200", thread_ts: thread.slackTs });
    await p.telegram.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === 9202 && String(c.params.text).includes("Bob, we will fix it"));
  }, 60_000);
});
