// The ingestion API over HTTP, on the product's one server.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../support/databases.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const KEY = "test-ingest-key-0123456789";

describe.each(DATABASE_KINDS)("ingestion API on %s", (kind) => {
  let p: TestProduct;
  let off: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind, env: { INGEST_API_KEY: KEY } });
    off = await startTestProduct({ kind });
  });
  afterAll(async () => {
    await p.stop();
    await off.stop();
  });

  const post = (product: TestProduct, path: string, body: unknown, key: string | null = KEY) =>
    fetch(`${product.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  const order = (id: string, amount: number) => ({ order_id: id, amount, paid_at: "2026-11-20T12:00:00Z", customer: { email: "dee@example.com" } });

  test("without INGEST_API_KEY the API is off and says so", async () => {
    const res = await post(off, "/api/v1/events", {}, null);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "ingest_api_off", message: "The ingestion API is off: set INGEST_API_KEY to turn it on." });
  });

  test("a missing or wrong key is refused", async () => {
    expect((await post(p, "/api/v1/orders", order("X", 1), null)).status).toBe(401);
    expect((await post(p, "/api/v1/orders", order("X", 1), "wrong-key-wrong-key")).status).toBe(401);
  });

  test("a single order is stored once however often it is sent", async () => {
    const first = await post(p, "/api/v1/orders", order("S-1", 49.9));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 1, duplicates: 0, updated: 0, invalid: 0, results: [{ index: 0, status: "stored", key: "S-1" }] });
    const again = await post(p, "/api/v1/orders", order("S-1", 49.9));
    expect(((await again.json()) as { duplicates: number }).duplicates).toBe(1);
    expect(await p.database.db.prisma.order.count({ where: { idempotencyKey: "S-1" } })).toBe(1);
  });

  test("a batch with invalid items answers 207 and stores the valid ones", async () => {
    const res = await post(p, "/api/v1/events", {
      items: [
        { idempotency_key: "ev-1", type: "visited", occurred_at: "2026-11-22T10:00:00Z", customer: { telegram_id: 77 } },
        { idempotency_key: "ev-2", type: "visited", customer: { telegram_id: 77 } },
      ],
    });
    expect(res.status).toBe(207);
    expect(await res.json()).toEqual({
      stored: 1,
      duplicates: 0,
      updated: 0,
      invalid: 1,
      results: [
        { index: 0, status: "stored", key: "ev-1" },
        { index: 1, status: "invalid", key: "ev-2", errors: [{ path: "occurred_at", message: "Invalid input: expected string, received undefined" }] },
      ],
    });
  });

  test("an order with line items is one order; a batch is an array or {batch: [...]}, and the old {items: [...]} still works", async () => {
    const lines = [{ name: "Sneakers", price: 100, qty: 1 }, { name: "Socks", price: 5, qty: 2 }];
    const single = await post(p, "/api/v1/orders", { order_id: "L-1", paid_at: "2026-11-20T12:00:00Z", customer: { email: "lin@example.com" }, items: lines });
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({ stored: 1, duplicates: 0, updated: 0, invalid: 0, results: [{ index: 0, status: "stored", key: "L-1" }] });
    const stored = await p.database.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "L-1" } });
    expect([Number(stored.amount), stored.items]).toEqual([110, lines]);

    const array = await post(p, "/api/v1/orders", [order("L-2", 1), order("L-3", 2)]);
    expect(((await array.json()) as { stored: number }).stored).toBe(2);
    const wrapped = await post(p, "/api/v1/orders", { batch: [order("L-4", 1), { order_id: "L-5" }] });
    expect(wrapped.status).toBe(207);
    expect(((await wrapped.json()) as { stored: number; invalid: number })).toMatchObject({ stored: 1, invalid: 1 });
    const legacy = await post(p, "/api/v1/orders", { items: [order("L-6", 1)] });
    expect(((await legacy.json()) as { stored: number }).stored).toBe(1);
    expect(await p.database.db.prisma.order.count({ where: { idempotencyKey: { startsWith: "L-" } } })).toBe(5);

    const mixed = await post(p, "/api/v1/orders", { batch: [order("L-7", 1)], currency: "EUR" });
    expect(mixed.status).toBe(400);
    expect(await mixed.json()).toEqual({ error: "invalid_body", message: 'A batch body has only "batch"; move "currency" into its items.' });
  });

  test("a single invalid object is a 400; bad JSON, empty or oversized batches are refused", async () => {
    const single = await post(p, "/api/v1/orders", { order_id: "Z" });
    expect(single.status).toBe(400);
    expect(((await single.json()) as { invalid: number }).invalid).toBe(1);
    expect((await post(p, "/api/v1/orders", "{not json")).status).toBe(400);
    expect((await post(p, "/api/v1/orders", { items: [] })).status).toBe(400);
    const huge = await post(p, "/api/v1/orders", { items: Array.from({ length: 1001 }, (_, i) => order(`H-${i}`, 1)) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toBe("A batch holds at most 1000 items; this one has 1001.");
  });

  test("the shop's orders land on the Telegram subscriber who typed the same phone and e-mail in a flow", async () => {
    const alex = p.telegram.user(7101, { first_name: "Alex", language_code: "en" });
    await alex.command("start", "flow_shoe-finder");
    await alex.press("🏋️ Gym");
    await alex.say("43");
    await alex.press("Over €150");
    await alex.press("Skip");
    await alex.press("Yes");
    await alex.say("+49 151 1234 5678");
    await alex.say("Alex@Example.com");
    const { prisma } = p.database.db;
    const me = await prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 7101n } });
    expect([me.phone, me.email]).toEqual(["+4915112345678", "alex@example.com"]);
    const people = await prisma.subscriber.count();

    // Each order names Alex by one contact only, written the way a shop would.
    const paid = (id: string, customer: object) => ({ order_id: id, amount: 120, paid_at: "2026-11-20T12:00:00Z", customer });
    const res = await post(p, "/api/v1/orders", {
      items: [paid("AX-1", { phone: "0049151 12345678" }), paid("AX-2", { phone: "+4915112345678" }), paid("AX-3", { email: "alex@example.com" })],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { stored: number }).stored).toBe(3);
    const orders = await prisma.order.findMany({ where: { idempotencyKey: { startsWith: "AX-" } }, orderBy: { idempotencyKey: "asc" } });
    expect(orders.map((o) => o.subscriberId)).toEqual([me.id, me.id, me.id]);
    // No prospect was created beside the subscriber.
    expect(await prisma.subscriber.count()).toBe(people);
  });

  test("a prospect the shop created is folded into the Telegram subscriber who later gives the same phone: orders and counts follow", async () => {
    const { prisma } = p.database.db;
    // The shop knew Bea first: two paid orders by phone, before she ever talked to the bot.
    const shop = (id: string, amount: number) => ({ order_id: id, amount, paid_at: "2026-11-10T12:00:00Z", customer: { phone: "+49 160 5550 1234", external_id: "shop-bea", first_name: "Beatrix" } });
    expect((await post(p, "/api/v1/orders", { items: [shop("BE-1", 80), shop("BE-2", 40)] })).status).toBe(200);
    const prospect = await prisma.subscriber.findUniqueOrThrow({ where: { externalId: "shop-bea" } });
    expect(prospect).toMatchObject({ telegramId: null, consentStatus: "none", phone: "+4916055501234" });

    const bea = p.telegram.user(7102, { first_name: "Bea", language_code: "en" });
    await bea.command("start");
    await bea.press(/Yes/);
    await bea.command("choose");
    await bea.press("🏋️ Gym");
    await bea.say("38");
    await bea.press("Over €150");
    await bea.press("Skip");
    await bea.press("Yes");
    await bea.shareContact("+4916055501234");

    const me = await prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 7102n } });
    expect(await prisma.subscriber.findUnique({ where: { id: prospect.id } })).toBeNull();
    expect(me).toMatchObject({ externalId: "shop-bea", firstName: "Bea", phone: "+4916055501234", consentStatus: "subscribed" });
    const orders = await prisma.order.findMany({ where: { idempotencyKey: { startsWith: "BE-" } } });
    expect(orders.map((o) => o.subscriberId)).toEqual([me.id, me.id]);
    expect(await prisma.customerStats.findUniqueOrThrow({ where: { subscriberId: me.id } })).toMatchObject({ ordersCount: 2 });
    // The shop's next order finds her by its own id and lands on the same row.
    expect((await post(p, "/api/v1/orders", { items: [shop("BE-3", 60)] })).status).toBe(200);
    expect((await prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "BE-3" } })).subscriberId).toBe(me.id);
  });
});
