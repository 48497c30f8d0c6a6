// The chain of each customer's paid orders (order.prev_paid_at / next_paid_at,
// kept by triggers) and the period figures counted from it, against a plain
// computation in JavaScript, after every kind of write the product makes:
// batches out of date order, ties on paid_at, refunds, re-dating, a merge that
// moves orders to another customer, deletions. On both databases. The same
// figures again for periods that start at midnight, which read whole days
// from the daily rollup (order-days.ts): with the rollup as the last run of
// its job left it and the marks the writes left since, and after a run.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { refreshOrderDays } from "./order-days.ts";
import { periodFigures } from "./period-figures.ts";
import { calendarPeriod, previousPeriod, type CalendarUnit, type Period } from "./period.ts";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;

interface Row {
  id: number;
  subscriber_id: number;
  status: string;
  currency: string;
  amount: number;
  paid_at: Date;
  prev_paid_at: Date | null;
  next_paid_at: Date | null;
  second_paid: boolean;
}

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const time = (d: Date | null) => d?.getTime() ?? null;

/** A calendar period as /metrics names it ("last month"): compared with the calendar unit before it. */
const calendar = (unit: CalendarUnit, offset: number): Period => ({ ...calendarPeriod(unit, NOW, "Europe/Berlin", offset), calendar: { unit, timezone: "Europe/Berlin" } });

function expectedChains(rows: Row[]): Map<number, { prev: number | null; next: number | null; second: boolean }> {
  const chains = new Map<number, { prev: number | null; next: number | null; second: boolean }>();
  const bySubscriber = new Map<number, Row[]>();
  for (const r of rows) {
    chains.set(r.id, { prev: null, next: null, second: false });
    if (r.status === "paid") bySubscriber.set(r.subscriber_id, [...(bySubscriber.get(r.subscriber_id) ?? []), r]);
  }
  for (const list of bySubscriber.values()) {
    list.sort((x, y) => x.paid_at.getTime() - y.paid_at.getTime() || x.id - y.id);
    list.forEach((r, i) => chains.set(r.id, { prev: time(list[i - 1]?.paid_at ?? null), next: time(list[i + 1]?.paid_at ?? null), second: i === 1 }));
  }
  return chains;
}

/** The figures by their definitions (period-figures.ts), grouping orders by customer. */
function expectedFigures(rows: Row[], period: Period) {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const before = previousPeriod(period).from.getTime();
  const paid = rows.filter((r) => r.status === "paid");
  const inPeriod = paid.filter((r) => r.paid_at.getTime() >= from && r.paid_at.getTime() < to);
  const buyers = new Set(inPeriod.map((r) => r.subscriber_id));
  const previous = new Set(paid.filter((r) => r.paid_at.getTime() >= before && r.paid_at.getTime() < from).map((r) => r.subscriber_id));
  const repeat = [...buyers].filter((id) => {
    const mine = paid.filter((r) => r.subscriber_id === id);
    return mine.filter((r) => inPeriod.includes(r)).length >= 2 || mine.some((r) => r.paid_at.getTime() < from);
  });
  const currencies = [...new Set(inPeriod.map((r) => r.currency))].sort();
  return {
    orders: inPeriod.length,
    revenue: Math.round(inPeriod.reduce((s, r) => s + r.amount, 0) * 100) / 100,
    buyers: buyers.size,
    repeatBuyers: repeat.length,
    previousBuyers: previous.size,
    retained: [...buyers].filter((id) => previous.has(id)).length,
    sales: currencies.map((currency) => {
      const mine = inPeriod.filter((r) => r.currency === currency);
      return { currency, orders: mine.length, revenue: Math.round(mine.reduce((s, r) => s + r.amount, 0) * 100) / 100 };
    }),
  };
}

describe.each(DATABASE_KINDS)("the order chain on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  const next = random(19);
  // A few instants shared by several orders, so ties on paid_at occur.
  const instants = Array.from({ length: 25 }, () => new Date(NOW.getTime() - Math.floor(next() * 120) * DAY - Math.floor(next() * 3) * 3_600_000));
  let key = 0;
  const periods: Period[] = [
    { from: new Date(NOW.getTime() - 30 * DAY), to: NOW },
    { from: new Date(NOW.getTime() - 7 * DAY), to: NOW },
    { from: new Date(NOW.getTime() - 45 * DAY), to: new Date(NOW.getTime() - 15 * DAY) },
    { from: instants[3]!, to: instants[3]!.getTime() < instants[7]!.getTime() ? instants[7]! : new Date(instants[3]!.getTime() + DAY) },
    // Starting at midnight in the team's timezone (Europe/Berlin): whole days from the rollup.
    calendar("month", -1),
    calendar("month", -2),
    calendar("week", -3),
    calendar("day", -61),
    { ...calendar("month", 0), to: NOW },
    // Whole days too, and the window before it as long: from 31 August 23:00 (summer time ended in between), so from the orders.
    { from: calendarPeriod("day", NOW, "Europe/Berlin", -60).from, to: calendarPeriod("day", NOW, "Europe/Berlin", -30).from },
    { from: calendarPeriod("day", NOW, "Europe/Berlin", -20).from, to: calendarPeriod("day", NOW, "Europe/Berlin", -10).from },
  ];

  const insertOrders = async (n: number, customers: number) => {
    const values = Array.from({ length: n }, () => {
      key += 1;
      const subscriber = 1 + Math.floor(next() * customers);
      const at = instants[Math.floor(next() * instants.length)]!.toISOString();
      const status = next() < 0.15 ? "refunded" : "paid";
      const currency = next() < 0.25 ? "EUR" : "USD";
      const amount = (10 + Math.floor(next() * 9000) / 100).toFixed(2);
      return `(${subscriber}, 'chain-${key}', ${amount}, '${currency}', '${status}', '${at}')`;
    });
    await database.db.prisma.$executeRawUnsafe(
      `INSERT INTO "order" (subscriber_id, idempotency_key, amount, currency, status, paid_at) VALUES ${values.join(", ")}`,
    );
  };

  const rows = async () =>
    (
      await database.db.prisma.$queryRawUnsafe<(Omit<Row, "amount"> & { amount: string })[]>(
        `SELECT id, subscriber_id, status::text AS status, currency, amount::text AS amount, paid_at, prev_paid_at, next_paid_at, second_paid FROM "order" ORDER BY id`,
      )
    ).map((r) => ({ ...r, amount: Number(r.amount) }));

  const check = async (step: string) => {
    const all = await rows();
    const expected = expectedChains(all);
    for (const r of all) {
      expect({ step, id: r.id, prev: time(r.prev_paid_at), next: time(r.next_paid_at), second: r.second_paid }).toEqual({ step, id: r.id, ...expected.get(r.id)! });
    }
    await checkFigures(step, all);
    // The job's run: the figures stay the same, now from the rebuilt days.
    const refreshed = await refreshOrderDays(deps);
    expect(refreshed?.days).toBeGreaterThan(0);
    expect(await database.db.prisma.orderDayMark.count()).toBe(0);
    // The days the run rebuilt, with those it kept, are what a build from scratch makes.
    const rollup = (from: string) =>
      database.db.prisma.$queryRawUnsafe<unknown[]>(
        `SELECT day::text, currency, gap, second_paid, orders, revenue::text FROM (${from}) r
          WHERE day < (SELECT built_to FROM order_day_state) ORDER BY 1, 2, 3, 4`,
      );
    expect({ step, rows: await rollup(`SELECT * FROM order_day`) }).toEqual({
      step,
      rows: await rollup(
        `SELECT (o.paid_at AT TIME ZONE 'Europe/Berlin')::date AS day, o.currency,
                coalesce((o.paid_at AT TIME ZONE 'Europe/Berlin')::date - (o.prev_paid_at AT TIME ZONE 'Europe/Berlin')::date, -1) AS gap,
                o.second_paid, count(*)::int AS orders, sum(o.amount) AS revenue
           FROM "order" o WHERE o.status = 'paid' GROUP BY 1, 2, 3, 4`,
      ),
    });
    await checkFigures(`${step}, after the rollup's job`, all);
    return all;
  };

  const checkFigures = async (step: string, all: Row[]) => {
    for (const period of periods) {
      const f = await periodFigures(deps, { period });
      const got = {
        orders: f.orders,
        revenue: Math.round(f.revenue * 100) / 100,
        buyers: f.buyers,
        repeatBuyers: f.repeatBuyers,
        previousBuyers: f.previousBuyers,
        retained: f.retained,
        sales: f.sales.map((s) => ({ ...s, revenue: Math.round(s.revenue * 100) / 100 })),
      };
      expect({ step, period, ...got }).toEqual({ step, period, ...expectedFigures(all, period) });
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(NOW.toISOString()));
    await database.db.execScript(`INSERT INTO subscriber (id, first_name) SELECT i, 'Customer ' || i FROM generate_series(1, 8) AS i;`);
  });
  afterAll(() => database.drop());

  test("every write keeps each customer's chain, and the period's buyers, repeat buyers and retained buyers match their definitions", async () => {
    await insertOrders(40, 6);
    let all = await check("a first batch, out of date order, with ties");
    expect(all.filter((r) => r.prev_paid_at !== null).length).toBeGreaterThan(10);
    const buyers = (await periodFigures(deps, { period: periods[0]! })).buyers;
    expect(buyers).toBeGreaterThan(1);

    await insertOrders(25, 8);
    all = await check("a second batch, partly older than the first");

    const paid = all.filter((r) => r.status === "paid");
    const refund = [paid[0]!.id, paid[5]!.id, paid[11]!.id];
    await database.db.prisma.$executeRawUnsafe(`UPDATE "order" SET status = 'refunded', refunded_at = now() WHERE id = ANY($1::int[])`, refund);
    all = await check("three refunds");

    await database.db.prisma.$executeRawUnsafe(`UPDATE "order" SET paid_at = paid_at - interval '40 days' WHERE id = $1`, paid[20]!.id);
    all = await check("an order re-dated");

    await database.db.prisma.$executeRawUnsafe(`UPDATE "order" SET subscriber_id = 3 WHERE subscriber_id = 2`);
    all = await check("customer 2's orders merged into customer 3");
    expect(all.some((r) => r.subscriber_id === 2)).toBe(false);

    await database.db.prisma.$executeRawUnsafe(`UPDATE "order" SET status = 'paid', refunded_at = NULL WHERE id = $1`, refund[1]);
    await database.db.prisma.$executeRawUnsafe(`DELETE FROM "order" WHERE id IN ($1, $2)`, paid[2]!.id, paid[30]!.id);
    all = await check("a refund undone and two orders deleted");

    await database.db.prisma.$executeRawUnsafe(`UPDATE "order" SET items = '[{"name":"x","price":1}]'::jsonb WHERE subscriber_id = 1`);
    await database.db.prisma.$executeRawUnsafe(`DELETE FROM subscriber WHERE id = 5`);
    all = await check("an unrelated update, and a customer deleted with their orders");
    expect(all.some((r) => r.subscriber_id === 5)).toBe(false);

    // Those midnight periods did read the rollup: a doubled rollup doubles last month's orders, and not the rolling 30 days'.
    const lastMonth = periods[4]!;
    await database.db.prisma.$executeRawUnsafe(`UPDATE order_day SET orders = orders * 2`);
    expect((await periodFigures(deps, { period: lastMonth })).orders).toBe(2 * expectedFigures(all, lastMonth).orders);
    expect((await periodFigures(deps, { period: periods[0]! })).orders).toBe(expectedFigures(all, periods[0]!).orders);
    expect(expectedFigures(all, lastMonth).orders).toBeGreaterThan(0);
  });
});
