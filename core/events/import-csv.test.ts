import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { openDatabase } from "../db/database.ts";
import { detectKind, importCsv, type ImportResult } from "./import-csv.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/csv");
const ROOT = path.resolve(import.meta.dirname, "../..");

describe.each(DATABASE_KINDS)("CSV import on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2026-11-23T10:00:00Z"));
  });
  afterAll(async () => {
    await database.drop();
  });

  async function run(file: string): Promise<{ result: ImportResult; rejects: string[] }> {
    const rejects: string[] = [];
    const result = await importCsv(deps, { input: fs.createReadStream(path.join(FIXTURES, file)), batchSize: 2, reject: (l) => rejects.push(l) });
    return { result, rejects };
  }

  test("customers, then orders, then events: good rows imported, bad rows rejected with line and reason, twice safely", async () => {
    const customers = await run("customers.csv");
    expect(customers.result).toMatchObject({ kind: "customers", rows: 4, stored: 2, rejected: 2 });
    expect(customers.rejects).toEqual([
      "line,reason,email,phone,first_name,language,source",
      "4,email: expected an e-mail address,not-an-email,,Bad,en,",
      '5,"(item): needs at least one of telegram_id, email, phone, external_id",,,,,',
    ]);

    const orders = await run("orders.csv");
    // Lines 2, 3, 6 stored; line 7 refunds A-1 (stored in the same file); 4, 5, 8 rejected.
    expect(orders.result).toMatchObject({ kind: "orders", rows: 7, stored: 3, duplicates: 0, updated: 1, rejected: 3 });
    expect(orders.rejects).toEqual([
      "line,reason,order_id,email,telegram_id,first_name,amount,currency,status,paid_at,items",
      "4,amount: must not be negative,B-1,,2001,Boris,-5,EUR,paid,2026-11-02T10:00:00Z,",
      "5,paid_at: expected an ISO 8601 date-time such as 2026-11-20T14:03:00Z,B-2,,2001,Boris,30,EUR,paid,yesterday,",
      '8,"customer: needs at least one of telegram_id, email, phone, external_id",D-1,,,Dan,10,EUR,paid,2026-11-04T10:00:00Z,',
    ]);

    const events = await run("events.csv");
    expect(events.result).toMatchObject({ kind: "events", rows: 5, stored: 3, rejected: 2 });
    expect(events.rejects).toEqual([
      "line,reason,type,occurred_at,telegram_id,email,prop_value,prop_sku",
      '4,"unreadable CSV: Invalid Record Length: columns length is 6, got 7 on line 4",,,,,,',
      '5,"type: expected a name of 1-64 of a-z 0-9 _ . - starting with a letter, e.g. added_to_cart",Added To Cart,2026-11-21T10:00:00Z,2002,,,',
    ]);

    const again = [await run("customers.csv"), await run("orders.csv"), await run("events.csv")].map((r) => r.result);
    expect(again.map((r) => [r.stored, r.duplicates, r.updated, r.rejected])).toEqual([
      [0, 2, 0, 2], // customers are matched again ("already there"), not duplicated
      [0, 4, 0, 3],
      [0, 3, 0, 2],
    ]);

    const { prisma } = database.db;
    const people = await prisma.subscriber.findMany({ orderBy: { id: "asc" } });
    expect(people.map((p) => [p.email, p.phone, p.telegramId, p.firstName, p.language, p.consentStatus])).toEqual([
      ["ann@example.com", "+491701234567", null, "Ann", "en", "none"],
      ["new@example.com", null, null, "New", "ru", "none"],
      ["cleo@example.com", null, null, 'Cleo, the "first"', "en", "none"],
      [null, null, 2001n, null, "en", "none"], // his orders were rejected; his valid events made him known
    ]);
    const orderRows = await prisma.order.findMany({ orderBy: { idempotencyKey: "asc" } });
    expect(orderRows.map((o) => [o.idempotencyKey, o.amount.toNumber(), o.currency, o.status])).toEqual([
      ["A-1", 120.5, "EUR", "refunded"],
      ["A-2", 100, "EUR", "paid"],
      ["C-1", 0, "USD", "paid"],
    ]);
    const cart = await prisma.event.findFirstOrThrow({ where: { type: "added_to_cart" } });
    expect(cart.properties).toEqual({ value: 120, sku: "AJ-1" });
    // The import ends with a full refresh: Ann's one paid order is scored.
    const ann = await prisma.customerStats.findUniqueOrThrow({ where: { subscriberId: 1 } });
    expect([ann.ordersCount, ann.revenue.toNumber(), ann.rfmClass !== null]).toEqual([1, 100, true]);
  });

  test("the kind is told from the header", () => {
    expect(detectKind(["order_id", "amount"])).toBe("orders");
    expect(detectKind(["type", "occurred_at", "email"])).toBe("events");
    expect(detectKind(["phone"])).toBe("customers");
    expect(() => detectKind(["foo", "bar"])).toThrow("Cannot tell what the file holds from its header (foo, bar)");
  });

  test("npm run import: progress on stderr, a summary, the rejects file, exit status 2 when rows were rejected", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-import-"));
    const file = path.join(dir, "orders.csv");
    fs.copyFileSync(path.join(FIXTURES, "orders.csv"), file);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: "silent", DATABASE_URL: "", DATA_DIR: path.join(dir, "data") };
    // A database of its own: the first test already imported these orders.
    const fresh = kind === "postgres" ? await createTestDatabase(kind) : undefined;
    if (fresh) env.DATABASE_URL = fresh.url!;
    const result = await promisify(execFile)("npx", ["tsx", "bot/import-csv.ts", file], { cwd: ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`Imported orders from ${file}: 7 rows in `);
    expect(result.stdout).toContain("3 stored, 0 already there, 1 updated (refunds), 3 rejected.");
    expect(result.stderr).toMatch(/\[#{30}\] 100% {2}7 rows {2}\d+ rows\/s {2}3 rejected/);
    expect(fs.readFileSync(`${file}.rejects.csv`, "utf8").split("\n")[1]).toBe("4,amount: must not be negative,B-1,,2001,Boris,-5,EUR,paid,2026-11-02T10:00:00Z,");
    if (kind === "pglite") {
      const db = await openDatabase({ dataDir: path.join(dir, "data") });
      expect(await db.prisma.order.count()).toBe(3);
      await db.close();
    } else {
      expect(await fresh!.db.prisma.order.count()).toBe(3);
      await fresh!.drop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
