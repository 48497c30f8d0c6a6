// prisma/schema.prisma and prisma/migrations tell the same story, including
// what only the migrations can say: the partial indexes and the pacer's seed
// row (commented in the schema). `prisma migrate diff` from the migrations to
// the schema must be empty - in particular it must not drop those indexes, as
// a Prisma version that learned to see them might try.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.ts";

const HAND_WRITTEN_INDEXES = ["chain_enrollment_active_key", "customer_stats_unscored_idx", "delivery_due_idx", "delivery_in_flight_idx", "subscriber_erased_idx", "subscriber_live_id_consent_idx"];

test("the diff from the migrations to schema.prisma is empty and drops none of the hand-written indexes", async () => {
  const { stdout } = await promisify(execFile)(
    "npx",
    ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8" },
  );
  for (const index of HAND_WRITTEN_INDEXES) expect(stdout).not.toContain(index);
  const statements = stdout.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("--"));
  expect(statements).toEqual([]);
}, 240_000);

describe("a migrated database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database.drop();
  });

  test("has the partial indexes and the pacer's one row", async () => {
    const indexes = await database.db.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1::text[]) ORDER BY indexname`,
      HAND_WRITTEN_INDEXES,
    );
    expect(indexes.map((i) => [i.indexname, /WHERE \((.+)\)$/.exec(i.indexdef)?.[1]])).toEqual([
      ["chain_enrollment_active_key", "status = 'active'::\"EnrollmentStatus\""],
      ["customer_stats_unscored_idx", "rfm_at IS NULL"],
      ["delivery_due_idx", "status = 'pending'::\"DeliveryStatus\""],
      ["delivery_in_flight_idx", "status = 'sending'::\"DeliveryStatus\""],
      ["subscriber_erased_idx", "erased_at IS NOT NULL"],
      ["subscriber_live_id_consent_idx", "erased_at IS NULL"],
    ]);
    expect(await database.db.prisma.deliveryPacer.findMany({ select: { id: true } })).toEqual([{ id: 1 }]);
  });
});
