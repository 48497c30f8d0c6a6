// The claim and the sender's record in one statement: a repeated update is
// refused, and the person read by raw SQL is exactly what Prisma's model reads.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../../test/support/databases.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { useTestDatabase } from "../../test/support/per-describe.ts";
import { claimUpdateOf, claimUpdatesOf, UpdateClaims } from "./processed-updates.ts";

describe.each(DATABASE_KINDS)("claimUpdateOf (%s)", (kind) => {
  const database = useTestDatabase(kind);

  test("claims an update once and reads its sender as the Prisma model does", async () => {
    const deps = testCoreDeps(database);
    await database.db.prisma.subscriber.create({
      data: { telegramId: 4242n, firstName: "Ana", consentStatus: "subscribed", consentAt: new Date("2026-01-02T03:04:05.678Z"), tags: ["vip"], profile: { size: 42 }, referralCode: "ana42" },
    });
    const first = await claimUpdateOf(deps, 9001, 4242);
    expect(first.claimed).toBe(true);
    expect(first.subscriber).toEqual(await database.db.prisma.subscriber.findUnique({ where: { telegramId: 4242n } }));
    expect(await claimUpdateOf(deps, 9001, 4242)).toMatchObject({ claimed: false });
    expect(await claimUpdateOf(deps, 9002, 5555)).toEqual({ claimed: true, subscriber: null });
    expect(await claimUpdateOf(deps, 9003, undefined)).toEqual({ claimed: true, subscriber: null });
  });

  test("claims many updates in one statement, in the order asked, each once", async () => {
    const deps = testCoreDeps(database);
    const ana = await database.db.prisma.subscriber.create({ data: { telegramId: 7001n, firstName: "Ana" } });
    await claimUpdateOf(deps, 8000, 7001);
    const claims = await claimUpdatesOf(deps, [
      { updateId: 8003, telegramId: 7002 },
      { updateId: 8000, telegramId: 7001 },
      { updateId: 8001, telegramId: 7001 },
      { updateId: 8003, telegramId: 7002 },
      { updateId: 8002, telegramId: undefined },
    ]);
    expect(claims.map((c) => c.claimed)).toEqual([true, false, true, false, true]);
    expect(claims.map((c) => c.subscriber?.id ?? null)).toEqual([null, ana.id, ana.id, null, null]);
    expect(await database.db.prisma.processedUpdate.count({ where: { updateId: { in: [8000n, 8001n, 8002n, 8003n] } } })).toBe(4);
  });

  test("claims asked at once are answered each with its own result, a repeated update once", async () => {
    const deps = testCoreDeps(database);
    await database.db.prisma.subscriber.create({ data: { telegramId: 7100n, firstName: "Bo" } });
    const claims = new UpdateClaims(deps);
    const ids = Array.from({ length: 40 }, (_, i) => 9100 + i);
    const results = await Promise.all([...ids, 9100, 9139].map((id) => claims.claim(id, id % 2 === 0 ? 7100 : 7101)));
    expect(results.filter((r) => r.claimed)).toHaveLength(40);
    expect(results.slice(0, 40).every((r) => r.claimed)).toBe(true);
    expect(results.slice(40).map((r) => r.claimed)).toEqual([false, false]);
    expect(results.slice(0, 40).map((r) => r.subscriber?.firstName ?? null)).toEqual(ids.map((id) => (id % 2 === 0 ? "Bo" : null)));
    expect((await claims.claim(9100, 7100)).claimed).toBe(false);
  });
});
