import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR } from "../db/migrate.ts";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { ingestEvents } from "./ingest-events.ts";
import { ingestOrders } from "./ingest-orders.ts";

describe.each(DATABASE_KINDS)("ingestion on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2026-11-23T10:00:00Z"));
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.prisma.$executeRawUnsafe(`TRUNCATE subscriber, event, "order", customer_stats RESTART IDENTITY CASCADE`);
  });

  const cart = (key: string, customer: object, at = "2026-11-22T18:00:00Z") => ({
    idempotency_key: key,
    type: "added_to_cart",
    occurred_at: at,
    properties: { sku: "AJ-1", value: 120 },
    customer,
  });

  test("unknown customers become prospects without consent; contacts are normalized and matched", async () => {
    const result = await ingestEvents(deps, {
      items: [
        cart("e1", { email: "Ann@Example.COM", first_name: "Ann", source: "shop" }),
        cart("e2", { email: "ann@example.com", phone: "+49 (170) 123-45-67" }),
        cart("e3", { phone: "00491701234567" }),
        cart("e4", { telegram_id: 555 }),
      ],
    });
    expect(result).toMatchObject({ stored: 4, duplicates: 0, invalid: 0 });
    const people = await database.db.prisma.subscriber.findMany({ orderBy: { id: "asc" } });
    // e1 and e2 share the e-mail: one person, whose missing phone e2 filled in; e3's phone then finds her too.
    expect(people.map((p) => [p.email, p.phone, p.telegramId, p.consentStatus, p.source, p.firstName])).toEqual([
      ["ann@example.com", "+491701234567", null, "none", "shop", "Ann"],
      [null, null, 555n, "none", null, null],
    ]);
    const events = await database.db.prisma.event.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => [e.idempotencyKey, e.subscriberId])).toEqual([["e1", 1], ["e2", 1], ["e3", 1], ["e4", 2]]);
  });

  test("a retried batch stores nothing twice, and a key repeated inside one batch is stored once", async () => {
    const items = [cart("k1", { telegram_id: 1 }), cart("k2", { telegram_id: 2 }), cart("k1", { telegram_id: 1 })];
    const first = await ingestEvents(deps, { items });
    expect(first.results.map((r) => r.status)).toEqual(["stored", "stored", "duplicate"]);
    const retry = await ingestEvents(deps, { items });
    expect(retry).toMatchObject({ stored: 0, duplicates: 3 });
    expect(await database.db.prisma.event.count()).toBe(2);
    expect(await database.db.prisma.subscriber.count()).toBe(2);
  });

  test("a partly invalid batch stores the valid items and says what is wrong with each other one", async () => {
    const result = await ingestEvents(deps, {
      items: [
        cart("ok", { email: "bob@example.com" }),
        { idempotency_key: "bad1", type: "Added To Cart", occurred_at: "yesterday", customer: {} },
        { idempotency_key: "bad2", type: "view", occurred_at: "2026-11-22T10:00:00Z", customer: { email: "not-an-email", phone: "12" } },
        "not even an object",
      ],
    });
    expect(result).toMatchObject({ stored: 1, invalid: 3 });
    expect(result.results[1]).toEqual({
      index: 1,
      status: "invalid",
      key: "bad1",
      errors: [
        { path: "type", message: "expected a name of 1-64 of a-z 0-9 _ . - starting with a letter, e.g. added_to_cart" },
        { path: "occurred_at", message: "expected an ISO 8601 date-time such as 2026-11-20T14:03:00Z" },
        { path: "customer", message: "needs at least one of telegram_id, email, phone, external_id" },
      ],
    });
    expect(result.results[2]!.errors).toEqual([
      { path: "customer.email", message: "expected an e-mail address" },
      { path: "customer.phone", message: "expected a phone number with the country code and 7-15 digits, e.g. +49 170 1234567" },
    ]);
    expect(result.results[3]).toMatchObject({ index: 3, status: "invalid", errors: [{ path: "(item)" }] });
    expect(await database.db.prisma.event.count()).toBe(1);
  });

  test("orders: stored once, amount from the lines when absent, a refund updates the known order", async () => {
    const paid = {
      order_id: "A-1",
      customer: { external_id: "crm-7", email: "cy@example.com" },
      items: [
        { name: "Sneakers", category: "shoes", price: 100, qty: 1 },
        { name: "Socks", category: "accessories", price: 7.5, qty: 2 },
      ],
      currency: "eur",
      paid_at: "2026-11-20T12:00:00Z",
    };
    const first = await ingestOrders(deps, { items: [paid, { ...paid, order_id: "A-2", amount: 0 }] });
    expect(first).toMatchObject({ stored: 2, invalid: 0 });
    expect((await ingestOrders(deps, { items: [paid] })).results).toEqual([{ index: 0, status: "duplicate", key: "A-1" }]);
    const order = await database.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "A-1" } });
    // 100 x 1 + 7.50 x 2 = 115.00
    expect([order.amount.toNumber(), order.currency, order.status]).toEqual([115, "EUR", "paid"]);
    let stats = await database.db.prisma.customerStats.findFirstOrThrow();
    // Two paid orders, 115 + 0: a zero-amount order still counts as a purchase.
    expect([stats.ordersCount, stats.revenue.toNumber()]).toEqual([2, 115]);

    const refund = { order_id: "A-1", status: "refunded", refunded_at: "2026-11-21T09:00:00Z" };
    const r = await ingestOrders(deps, { items: [refund, refund, { order_id: "nope", status: "refunded" }] });
    expect(r.results).toEqual([
      { index: 0, status: "updated", key: "A-1" },
      { index: 1, status: "duplicate", key: "A-1" },
      {
        index: 2,
        status: "invalid",
        key: "nope",
        errors: [{ path: "order_id", message: "is not a known order; to record a refund of an order we never saw, send customer and paid_at too" }],
      },
    ]);
    expect((await ingestOrders(deps, { items: [refund] })).results[0]!.status).toBe("duplicate");
    stats = await database.db.prisma.customerStats.findFirstOrThrow();
    expect([stats.ordersCount, stats.revenue.toNumber()]).toEqual([1, 0]);
  });

  test("orders: what a paid order needs, and a refund of the only order removes the customer's stats", async () => {
    const r = await ingestOrders(deps, {
      items: [
        { order_id: "B-1", amount: -5, paid_at: "2026-11-20T12:00:00Z", customer: { telegram_id: "42" } },
        { order_id: "B-2", status: "paid" },
        { order_id: "B-3", amount: "19.99", currency: "usd", paid_at: "2026-11-20", customer: { telegram_id: "42" } },
      ],
    });
    expect(r.results.map((x) => [x.status, x.errors?.map((e) => `${e.path} ${e.message}`)])).toEqual([
      ["invalid", ["amount must not be negative"]],
      ["invalid", ["customer is required for a paid order", "paid_at is required for a paid order", "amount is required when there are no items to add up"]],
      ["stored", undefined],
    ]);
    expect(await database.db.prisma.customerStats.count()).toBe(1);
    await ingestOrders(deps, { items: [{ order_id: "B-3", status: "refunded" }] });
    expect(await database.db.prisma.customerStats.count()).toBe(0);
    const order = await database.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "B-3" } });
    expect([order.status, order.refundedAt?.toISOString(), order.paidAt.toISOString()]).toEqual(["refunded", "2026-11-23T10:00:00.000Z", "2026-11-20T00:00:00.000Z"]);
  });

  test("20 concurrent order batches over the same customers all complete: each order stored once, each customer once", { timeout: 30_000 }, async () => {
    // More batches than the connection pool has connections, every one of them
    // creating or finding the same 40 people: matching must not hold a
    // connection while it waits for another batch.
    const person = (j: number) => ({ email: `P${j}@Example.com`, ...(j % 3 === 0 ? { phone: `+49 170 000 ${String(j).padStart(4, "0")}` } : {}) });
    const order = (b: number, i: number) => ({ order_id: `O-${b}-${i}`, customer: person((b * 7 + i) % 40), amount: 10 + i, paid_at: "2026-11-20T12:00:00Z" });
    // 30 orders of its own per batch, plus orders 0-9 of the previous batch again (a retry racing the original).
    const batches = Array.from({ length: 20 }, (_, b) => [
      ...Array.from({ length: 30 }, (_, i) => order(b, i)),
      ...(b > 0 ? Array.from({ length: 10 }, (_, i) => order(b - 1, i)) : []),
    ]);
    const results = await Promise.all(batches.map((items) => ingestOrders(deps, { items })));
    expect(results.every((r) => r.invalid === 0)).toBe(true);
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(20 * 30);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(19 * 10);
    const orders = await database.db.prisma.$queryRawUnsafe<{ n: bigint; keys: bigint }[]>(`SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys FROM "order"`);
    expect([Number(orders[0]!.n), Number(orders[0]!.keys)]).toEqual([600, 600]);
    const people = await database.db.prisma.$queryRawUnsafe<{ n: bigint; emails: bigint }[]>(`SELECT count(*) AS n, count(DISTINCT email) AS emails FROM subscriber`);
    expect([Number(people[0]!.n), Number(people[0]!.emails)]).toEqual([40, 40]);
    // Every order sits on the person its e-mail names.
    const misplaced = await database.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "order" o JOIN subscriber s ON s.id = o.subscriber_id
        WHERE s.email <> 'p' || ((split_part(o.idempotency_key, '-', 2)::int * 7 + split_part(o.idempotency_key, '-', 3)::int) % 40) || '@example.com'`,
    );
    expect(Number(misplaced[0]!.n)).toBe(0);
  });

  test("the contacts migration brings stored e-mails and phones to the canonical form, which the API then matches", async () => {
    const { prisma } = database.db;
    // As earlier versions stored them: the bot kept the typed case and the "+", the API stored bare digits.
    const rows = [
      { telegramId: 1n, email: "Alex@Example.com", phone: "+4915112345678" },
      { telegramId: 2n, email: "bo@example.com", phone: "491701234567" },
      { telegramId: 3n, email: null, phone: "89001234567" },
      { telegramId: 4n, email: null, phone: "015112345678" }, // national: no country to give it
      { telegramId: 5n, email: " Cy@EXAMPLE.org ", phone: "0044 20 7946 0958" },
    ];
    for (const r of rows) await prisma.subscriber.create({ data: { ...r, consentStatus: "subscribed" } });
    await database.db.execScript(fs.readFileSync(path.join(MIGRATIONS_DIR, "20261126030000_normalize_contacts", "migration.sql"), "utf8"));
    const after = await prisma.subscriber.findMany({ orderBy: { id: "asc" } });
    expect(after.map((s) => [s.email, s.phone])).toEqual([
      ["alex@example.com", "+4915112345678"],
      ["bo@example.com", "+491701234567"],
      [null, "+79001234567"],
      [null, "015112345678"],
      ["cy@example.org", "+442079460958"],
    ]);
    const r = await ingestEvents(deps, {
      items: [cart("m1", { email: "ALEX@example.com" }), cart("m2", { phone: "491701234567" }), cart("m3", { phone: "8 (900) 123-45-67" })],
    });
    expect(r.stored).toBe(3);
    const events = await prisma.event.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.subscriberId)).toEqual([1, 2, 3]);
    expect(await prisma.subscriber.count()).toBe(5);
  });

  test("a batch of more than 1000 items is refused whole", async () => {
    await expect(ingestEvents(deps, { items: Array.from({ length: 1001 }, (_, i) => cart(`x${i}`, { telegram_id: 1 })) })).rejects.toThrow(
      "A batch holds at most 1000 items; this one has 1001.",
    );
  });
});
