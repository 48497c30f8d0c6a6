// Stopping the product under long polling lets the update in hand finish:
// its database writes and its answer to the customer happen before stop()
// returns (and, in production, before the database closes).
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { startTestProduct } from "../support/product.ts";

describe.each(DATABASE_KINDS)("graceful stop on %s", (kind) => {
  test("stop() waits for the handler in flight under long polling", async () => {
    const p = await startTestProduct({ kind });
    try {
      const ann = p.telegram.user(9501, { first_name: "Ann", language_code: "en" });
      await ann.command("start");
      await ann.press(/Yes/);
      await ann.command("forget");
      const { id } = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 9501n } });

      // Telegram is slow to take the button's answer: the erasure after it is still to come.
      const slow = p.telegram.hold("answerCallbackQuery");
      const pressing = ann.press("Yes, erase my data").catch(() => undefined);
      await slow.reached;
      const stopping = p.app.stop();
      const first = await Promise.race([stopping.then(() => "stopped"), delay(500).then(() => "still waiting")]);
      expect(first).toBe("still waiting");

      slow.release();
      await stopping;
      await pressing;
      const me = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { id } });
      expect(me).toMatchObject({ firstName: null, telegramId: null, erasedAt: p.clock.now() });
      expect(ann.lastText()).toContain("Your personal data is erased");
    } finally {
      await p.stop();
    }
  });
});
