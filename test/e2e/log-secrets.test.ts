// No secrets and no customer's data in the logs, on every failure path that
// logs an error: a webhook update while the database is down, a malformed
// update, a Bot API failure while handling an update (polling) and at shutdown,
// a Slack API failure. The log output is read at debug level, all of it.
import { Writable } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { createLogger } from "../../core/logger.ts";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { DATABASE_KINDS, createTestDatabase } from "../support/databases.ts";
import { SIGNING_SECRET, startTestProduct, type TestProduct } from "../support/product.ts";

const PERSON = { first_name: "Zelda", last_name: "Quistgaard", username: "zq_private" };
const PHONE = "+4915155501234";
const TEXT = `Call Zelda after 5 on ${PHONE}`;

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { lines, logger: createLogger("debug", sink), parsed: () => lines.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function expectNothingSecret(output: string, p: TestProduct) {
  for (const secret of [p.telegram.token, SIGNING_SECRET, "xoxb-test-token", "webhook-secret", PERSON.first_name, PERSON.last_name, PERSON.username, PHONE, "Call Zelda"]) {
    expect(output, `log output contains ${secret}`).not.toContain(secret);
  }
}

async function postWebhook(p: TestProduct, body: string) {
  return fetch(p.telegram.webhook!.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "webhook-secret" },
    body,
  });
}

describe.each(DATABASE_KINDS)("logs under faults (%s)", (kind) => {
  let p: TestProduct | undefined;
  afterEach(async () => {
    await p?.stop().catch(() => {});
    p = undefined;
  });

  test("webhook: an update while the database is down, and a malformed update, log the failure without the token or the person", async () => {
    const log = capture();
    const database = await createTestDatabase(kind);
    p = await startTestProduct({ kind, webhook: true, logger: log.logger, database });
    const malformed = await postWebhook(p, JSON.stringify({ update_id: "x", message: 5 }));
    expect(malformed.status).toBeLessThan(600);
    await database.db.close();
    const update = { update_id: 5001, message: { message_id: 1, date: 0, chat: { id: 5001, type: "private", ...PERSON }, from: { id: 5001, is_bot: false, ...PERSON }, text: TEXT, contact: { phone_number: PHONE, first_name: PERSON.first_name } } };
    await postWebhook(p, JSON.stringify(update));
    const errors = log.parsed().filter((l) => (l.level as number) >= 50);
    // Both failures were logged, each with the error's class and message.
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const line of errors) expect(line.err).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    expectNothingSecret(log.lines.join(""), p);
    await p.stop().catch(() => {});
    p = undefined;
    if (kind === "postgres") await database.drop().catch(() => {});
  });

  test("polling: a Bot API failure while answering, and the Bot API gone at shutdown, log without the token or the person", async () => {
    const log = capture();
    p = await startTestProduct({ kind, logger: log.logger });
    const zelda = p.telegram.user(5002, PERSON);
    p.telegram.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 2);
    await zelda.say(TEXT);
    expect(log.parsed().some((l) => l.msg === "telegram update failed" || l.msg === "could not tell the customer about the failure")).toBe(true);
    await p.telegram.stop();
    await p.app.stop();
    expect(log.parsed().filter((l) => (l.level as number) >= 50).length).toBeGreaterThanOrEqual(1);
    expectNothingSecret(log.lines.join(""), p);
    await p.slackApi.stop();
    await p.database.drop();
    p = undefined;
  });

  test("a Slack API failure while posting a detractor's card logs without the tokens or the person", async () => {
    const log = capture();
    p = await startTestProduct({ kind, logger: log.logger });
    const zelda = p.telegram.user(5003, PERSON);
    await zelda.command("start");
    await zelda.press(/^✅/);
    const { id: subscriberId } = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 5003n } });
    await askSurvey(p.app.core, { subscriberId, surveyId: "nps" });
    p.slackApi.failNext("chat.postMessage", "invalid_auth");
    await zelda.press("2");
    expect(log.parsed().some((l) => l.msg === "team alert could not be posted; it will be retried")).toBe(true);
    expectNothingSecret(log.lines.join(""), p);
  });
});
