// The daily rollup's upkeep (order-days.ts): which writes leave a mark, which
// days the job rolls up, a change of the team's timezone, and emptying the
// orders. Its figures against their definitions are in order-chain.test.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { refreshOrderDays } from "./order-days.ts";
import { periodFigures } from "./period-figures.ts";
import { calendarPeriod, type Period } from "./period.ts";

describe.each(DATABASE_KINDS)("the daily rollup of orders on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execScript(`INSERT INTO subscriber (id, first_name) SELECT i, 'Customer ' || i FROM generate_series(1, 3) AS i;`);
  });
  afterAll(() => database.drop());

  const sql = (text: string, ...params: unknown[]) => database.db.prisma.$executeRawUnsafe(text, ...params);
  const marks = () => database.db.prisma.$queryRawUnsafe<{ subscriber_id: number }[]>(`SELECT subscriber_id FROM order_day_mark ORDER BY id`);

  test("a live order leaves no mark, a late one and a refund do; the job rolls up the days that ended an hour ago and drops the marks", async () => {
    // The database's own clock decides: the job and the triggers run there.
    const [{ today }] = (await database.db.prisma.$queryRawUnsafe<{ today: string }[]>(
      `SELECT ((now() - interval '1 hour') AT TIME ZONE 'Europe/Berlin')::date::text AS today`,
    )) as [{ today: string }];
    await sql(`INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at) VALUES (1, 'live', 10, 'paid', now())`);
    expect(await marks()).toEqual([]);

    const deps = testCoreDeps(database, new FakeClock(new Date().toISOString()), "Europe/Berlin");
    const first = await refreshOrderDays(deps);
    expect(first).toMatchObject({ fromScratch: true, builtTo: today });

    await sql(`INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at) VALUES (2, 'late', 25, 'paid', now() - interval '3 days')`);
    await sql(`INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at) VALUES (3, 'old', 40, 'paid', now() - interval '10 days')`);
    expect((await marks()).map((m) => m.subscriber_id)).toEqual([2, 3]);
    await sql(`UPDATE "order" SET status = 'refunded', refunded_at = now() WHERE idempotency_key = 'old'`);
    expect((await marks()).map((m) => m.subscriber_id)).toEqual([2, 3, 3]);
    // An update that changes nothing the rollup counts (the chain's own relinking writes these) leaves none.
    await sql(`UPDATE "order" SET items = '[{"name":"x"}]'::jsonb WHERE idempotency_key = 'late'`);
    expect(await marks()).toHaveLength(3);

    const second = await refreshOrderDays(deps);
    expect(second).toMatchObject({ fromScratch: false, builtTo: today });
    expect(second!.days).toBeGreaterThanOrEqual(2);
    expect(await marks()).toEqual([]);
    const rolled = await database.db.prisma.$queryRawUnsafe<{ orders: number; revenue: string }[]>(`SELECT sum(orders)::int AS orders, sum(revenue)::text AS revenue FROM order_day`);
    // The late order is rolled up; the refunded one is not; the live one waits until its day has ended an hour ago.
    expect(rolled).toEqual([{ orders: 1, revenue: "25.00" }]);
  });

  test("a new team timezone rebuilds the rollup, and a period's figures are the same either way", async () => {
    const now = new Date();
    const berlin = testCoreDeps(database, new FakeClock(now.toISOString()), "Europe/Berlin");
    const newYork = testCoreDeps(database, new FakeClock(now.toISOString()), "America/New_York");
    const month = (timezone: string): Period => ({ ...calendarPeriod("month", now, timezone, 0), calendar: { unit: "month", timezone } });
    await refreshOrderDays(berlin);
    const inBerlin = await periodFigures(berlin, { period: month("Europe/Berlin") });
    expect(await refreshOrderDays(newYork)).toMatchObject({ fromScratch: true });
    expect(await database.db.prisma.orderDayState.findMany({ select: { timezone: true } })).toEqual([{ timezone: "America/New_York" }]);
    // New York's month read from the New York rollup; Berlin's, now that the rollup is not Berlin's, from the orders.
    const raw = await periodFigures(newYork, { period: { from: month("America/New_York").from, to: new Date(now.getTime() + 1) } });
    expect((await periodFigures(newYork, { period: month("America/New_York") })).orders).toBe(raw.orders);
    expect(await periodFigures(berlin, { period: month("Europe/Berlin") })).toEqual(inBerlin);
  });

  test("emptying the orders empties the rollup", async () => {
    expect(await database.db.prisma.orderDay.count()).toBeGreaterThan(0);
    await sql(`TRUNCATE "order"`);
    expect([await database.db.prisma.orderDay.count(), await database.db.prisma.orderDayState.count(), await database.db.prisma.orderDayMark.count()]).toEqual([0, 0, 0]);
  });
});
