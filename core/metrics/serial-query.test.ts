// The metrics' queries run without parallel workers, in a transaction of their own that a slow
// figure does not outlive (Prisma's default transaction limit is 5 s).
import { describe, expect, test } from "vitest";
import { createTestDatabase } from "../../test/support/databases.ts";
import { serialQuery } from "./serial-query.ts";

const SETTING = "SELECT current_setting('max_parallel_workers_per_gather') AS workers";

describe("serialQuery", () => {
  test("postgres: no parallel workers for the query only, and a query of 5.5 s completes", { timeout: 60_000 }, async () => {
    const store = await createTestDatabase("postgres", { migrate: false });
    try {
      const before = await store.db.prisma.$queryRawUnsafe<{ workers: string }[]>(SETTING);
      expect(before[0]!.workers).not.toBe("0");
      expect(await serialQuery<{ workers: string; n: number }>(store.db, `${SETTING}, $1::int AS n FROM pg_sleep(5.5)`, [7])).toEqual([{ workers: "0", n: 7 }]);
      expect(await store.db.prisma.$queryRawUnsafe(SETTING)).toEqual(before);
    } finally {
      await store.drop();
    }
  });

  test("pglite: the query as it is", async () => {
    const store = await createTestDatabase("pglite", { migrate: false });
    try {
      expect(await serialQuery<{ n: number }>(store.db, "SELECT $1::int AS n", [7])).toEqual([{ n: 7 }]);
    } finally {
      await store.drop();
    }
  });
});
