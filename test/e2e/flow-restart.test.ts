// Flow state lives in the database: a new process on the same database picks
// the conversation up at the same question.
import { describe, expect, test } from "vitest";
import { FakeClock } from "../support/clock.ts";
import { createTestDatabase, DATABASE_KINDS } from "../support/databases.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { startTestProduct } from "../support/product.ts";
import { sentTexts } from "../support/chat-helpers.ts";

const ROLE = "What's your role?";
const CUSTOMERS = "About how many customers are in your base?";

describe.each(DATABASE_KINDS)("A flow across a restart on %s", (kind) => {
  test("a new process on the same database resumes at the same question; a redelivered answer counts once", async () => {
    const database = await createTestDatabase(kind);
    const telegram = await new FakeTelegram().start();
    const clock = new FakeClock();
    try {
      const before = await startTestProduct({ kind, database, telegram, clock });
      const kim = telegram.user(7001, { first_name: "Kim", language_code: "en" });
      await kim.command("start", "flow_b2b-lead");
      await kim.say("Kim");
      await kim.say("Kimco");
      expect(kim.lastText()).toBe(ROLE);
      await before.stop();

      // The new process takes updates by webhook, where Telegram may deliver an update twice.
      const after = await startTestProduct({ kind, database, telegram, clock, webhook: true });
      try {
        // The buttons of the question asked before the restart still answer it.
        await kim.press("Head of marketing");
        expect(kim.lastText()).toBe(CUSTOMERS);
        const update = { message: { message_id: 5, date: 0, chat: { id: 7001, type: "private", first_name: "Kim" }, from: kim.from, text: "5000" } };
        expect(sentTexts(await kim.redeliver(update, 70_001))).toEqual(["What do you need? Pick all that apply, then tap Done."]);
        expect(await kim.redeliver(update, 70_001)).toEqual([]);

        const subscriber = await database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 7001n } });
        const session = await database.db.prisma.flowSession.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
        expect(session).toMatchObject({ status: "active", stepId: "needs", turn: 5, score: 25 });
        expect((session.answers as { step: string }[]).map((a) => a.step)).toEqual(["name", "company", "role", "customers"]);
        expect(subscriber.profile).toEqual({ company: "Kimco", role: "marketing", customerBase: 5000 });
      } finally {
        await after.stop();
      }
    } finally {
      await telegram.stop();
      await database.drop();
    }
  });
});
