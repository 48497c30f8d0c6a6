// The claim and the sender's record in one statement: a repeated update is
// refused, and the person read by raw SQL is exactly what Prisma's model reads.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../../test/support/databases.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { useTestDatabase } from "../../test/support/per-describe.ts";
import { claimUpdateOf } from "./processed-updates.ts";

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
});
