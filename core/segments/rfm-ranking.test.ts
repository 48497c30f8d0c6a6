// The refresh scores RFM by comparing each customer with four boundary values per dimension
// (customer-stats.ts); the definition is the window functions of rfm.ts (percent_rank over every
// ranked customer). On a base full of ties - amounts in steps of 10, orders on whole days - both
// must give every customer the same R, F, M and class, after the first refresh, after the clock
// moves (orders leave the window, boundaries shift), after erasures and with a single customer.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { refreshCustomerStats } from "./customer-stats.ts";
import { frequencySql, quintileSql, rfmClassSql } from "./rfm.ts";

const NOW = "2026-11-23T10:00:00Z";
const CUSTOMERS = 1500;

describe.each(DATABASE_KINDS)("RFM ranking by boundaries on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const prisma = database.db.prisma;
    await prisma.$executeRawUnsafe(`INSERT INTO subscriber (id, email) SELECT i, 'c' || i || '@example.com' FROM generate_series(1, ${CUSTOMERS}) i`);
    // 0-6 orders each (a fifth buy nothing), 10-90 in steps of 10, on whole days over 500 days: many ties everywhere.
    await prisma.$executeRawUnsafe(
      `INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at)
       SELECT i, 'o' || i || '-' || j, 10 + ((i * 13 + j * 7) % 9) * 10, CASE WHEN (i + j) % 23 = 0 THEN 'refunded' ELSE 'paid' END::"OrderStatus",
              $1::timestamptz - ((i * 31 + j * 17) % 500) * interval '1 day'
         FROM generate_series(1, ${CUSTOMERS}) i, generate_series(1, 6) j
        WHERE j <= (i * 5) % 7`,
      NOW,
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  /** Stored scores and classes next to the window functions' over the same aggregates. */
  async function storedAndDefined() {
    const rows = await database.db.prisma.$queryRawUnsafe<{ id: number; stored: string; defined: string }[]>(
      `SELECT cs.subscriber_id AS id, concat_ws(' ', cs.r_score, cs.f_score, cs.m_score, cs.rfm_class) AS stored,
              concat_ws(' ', d.r, d.f, d.m, ${rfmClassSql("d.r", "d.f", "d.m")}) AS defined
         FROM customer_stats cs
         LEFT JOIN (SELECT c.subscriber_id, ${quintileSql("c.last_order_at")} AS r, ${frequencySql("c.window_orders")} AS f, ${quintileSql("c.window_revenue")} AS m
                      FROM customer_stats c JOIN subscriber s ON s.id = c.subscriber_id AND s.erased_at IS NULL) d ON d.subscriber_id = cs.subscriber_id
        ORDER BY 1`,
    );
    return { stored: rows.map((r) => `${r.id}: ${r.stored}`), defined: rows.map((r) => `${r.id}: ${r.defined}`) };
  }

  test("the same scores as percent_rank over every customer, as time passes and people are erased", async () => {
    const prisma = database.db.prisma;
    await refreshCustomerStats(testCoreDeps(database, new FakeClock(NOW)));
    let both = await storedAndDefined();
    expect(both.stored.length).toBeGreaterThan(1000);
    expect(new Set(both.stored.map((s) => s.split(" ").slice(1, 4).join(" "))).size).toBeGreaterThan(40); // many score combinations
    expect(both.stored).toEqual(both.defined);

    // 40 days later: orders left the 365-day window, every boundary moved.
    await prisma.$executeRawUnsafe(`UPDATE subscriber SET erased_at = $1::timestamptz WHERE id IN (8, 9, 400)`, NOW);
    await refreshCustomerStats(testCoreDeps(database, new FakeClock(new Date(new Date(NOW).getTime() + 40 * 86_400_000))));
    both = await storedAndDefined();
    expect(both.stored).toEqual(both.defined);
    expect(both.stored.filter((s) => s.endsWith(": "))).toEqual(["8: ", "9: ", "400: "]);

    // One customer left: percent_rank is 0, every score the lowest.
    await prisma.$executeRawUnsafe(`UPDATE subscriber SET erased_at = $1::timestamptz WHERE id <> 2 AND erased_at IS NULL`, NOW);
    await refreshCustomerStats(testCoreDeps(database, new FakeClock(new Date(new Date(NOW).getTime() + 41 * 86_400_000))));
    both = await storedAndDefined();
    expect(both.stored).toEqual(both.defined);
    expect(both.stored.filter((s) => !s.endsWith(": ")).map((s) => s.split(" ")[1])).toEqual(["1"]); // R 1: nobody to be more recent than
  });

  test("a rebuild rewrites nothing that did not change and drops customers left without a paid order", async () => {
    const prisma = database.db.prisma;
    const deps = testCoreDeps(database, new FakeClock(new Date(new Date(NOW).getTime() + 41 * 86_400_000)));
    const [buyer] = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT subscriber_id AS id FROM customer_stats ORDER BY subscriber_id LIMIT 1 OFFSET 100`);
    // Behind the core's back (no ingestion): every order of one customer refunded.
    await prisma.$executeRawUnsafe(`UPDATE "order" SET status = 'refunded' WHERE subscriber_id = $1`, buyer!.id);
    const before = await prisma.customerStats.count();
    expect(await refreshCustomerStats(deps, { rebuild: true })).toEqual({ recomputed: 0, removed: 1, rescored: 0 });
    expect(await prisma.customerStats.count()).toBe(before - 1);
    expect(await prisma.customerStats.findUnique({ where: { subscriberId: buyer!.id } })).toBeNull();
  });
});
