// Embedded PGlite runs each statement synchronously on this process's event
// loop. Statements that follow one another as promise continuations must still
// leave the loop a turn between them, or sockets (/healthz, new requests, the
// sender's Bot API answers) wait until the whole queue has run.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("pglite");
});
afterAll(() => database.drop());

test("on PGlite the event loop takes turns while queued statements run", async () => {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  // 20 "requests" at once, each running 10 statements one after the other.
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      for (let n = 0; n < 10; n++) await database.db.prisma.$queryRawUnsafe(`SELECT $1::int + $2::int AS x`, i, n);
    }),
  );
  done = true;
  // Each request's next statement waits for a turn of the loop: at least one per statement round.
  expect(turns).toBeGreaterThanOrEqual(10);
});
