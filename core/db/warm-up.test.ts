// The product's start opens every connection of the pool and keeps them: a new PostgreSQL
// connection is a new server process, slow for its first reads (core/db/database.ts).
import { afterEach, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.ts";

let store: TestDatabase | undefined;
afterEach(async () => {
  await store?.drop();
  store = undefined;
});

const backends = async (t: TestDatabase) =>
  (
    await t.db.prisma.$queryRawUnsafe<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' ORDER BY pid`,
    )
  ).map((r) => r.pid);

describe("warmUp", () => {
  test("postgres: opens all five connections of the pool, and they are the same ones 11 s later (no idle timeout)", { timeout: 30_000 }, async () => {
    store = await createTestDatabase("postgres", { migrate: false });
    await store.db.warmUp();
    const opened = await backends(store);
    expect(opened).toHaveLength(5);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await Promise.all(Array.from({ length: 5 }, () => store!.db.prisma.$queryRawUnsafe("SELECT 1::int AS x FROM pg_sleep(0.05)")));
    expect(await backends(store)).toEqual(opened);
  });

  test("pglite: warmUp answers and the database still works", async () => {
    store = await createTestDatabase("pglite", { migrate: false });
    await store.db.warmUp();
    expect(await store.db.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT 2::int AS n")).toEqual([{ n: 2 }]);
  });
});
