// One value the database cannot store - a NUL byte, a lone UTF-16 surrogate,
// 30 February, the year 0000 - is that item's or that row's problem: it is
// cleaned (free text) or refused with the reason (keys, dates), and the rest
// of the request, batch or CSV file goes in. A retried payload answers the same.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importCsv } from "../../core/events/import-csv.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const KEY = "test-ingest-key-0123456789";
const NUL = "\u0000";
const LONE = "\ud800";

interface Summary {
  stored: number;
  duplicates: number;
  invalid: number;
  results: { index: number; status: string; key?: string; errors?: { path: string; message: string }[] }[];
}

describe.each(DATABASE_KINDS)("poisoned values on %s", (kind) => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind, env: { INGEST_API_KEY: KEY } });
  });
  afterAll(async () => {
    await p.stop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${p.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
  const event = (key: string, extra: Record<string, unknown> = {}) => ({
    idempotency_key: key,
    type: "visited",
    occurred_at: "2026-11-20T12:00:00Z",
    customer: { external_id: "shop-zelda" },
    ...extra,
  });

  test("single items: free text is cleaned and stored, an unstorable key or an impossible date is a 400 with the reason", async () => {
    const cleaned = await post("/api/v1/events", event("one-1", { properties: { note: `Call${NUL} back ${LONE}soon`, [`k${NUL}ey`]: 1 }, customer: { external_id: "shop-zelda", first_name: `Zel${NUL}da${LONE}` } }));
    expect(cleaned.status).toBe(200);
    const stored = await p.database.db.prisma.event.findUniqueOrThrow({ where: { idempotencyKey: "one-1" }, include: { subscriber: true } });
    expect(stored.properties).toEqual({ note: "Call back \ufffdsoon", key: 1 });
    expect(stored.subscriber.firstName).toBe("Zelda\ufffd");

    const cases: [unknown, string, string][] = [
      [event(`one-${NUL}2`), "idempotency_key", "contains a NUL character (\\u0000), which cannot be stored"],
      [event("one-3", { customer: { external_id: `shop-${LONE}` } }), "customer.external_id", "contains a lone UTF-16 surrogate (broken Unicode), which cannot be stored"],
      [event("one-4", { occurred_at: "2026-02-30T10:00:00Z" }), "occurred_at", "is not a real date: 2026-02 has no day 30"],
      [event("one-5", { occurred_at: "0000-01-01" }), "occurred_at", "has the year 0000; expected 1900-9999"],
    ];
    for (const [item, path, message] of cases) {
      const res = await post("/api/v1/events", item);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Summary).results[0]!.errors).toEqual([{ path, message }]);
    }
    const order = await post("/api/v1/orders", { order_id: "Z-1", amount: 1, paid_at: "2025-02-29", customer: { email: `zelda${NUL}@example.com` } });
    expect(order.status).toBe(400);
    expect(((await order.json()) as Summary).results[0]!.errors).toEqual([
      { path: "customer.email", message: "contains a NUL character (\\u0000), which cannot be stored" },
      { path: "paid_at", message: "is not a real date: 2025-02 has no day 29" },
    ]);
    expect(await p.database.db.prisma.event.count({ where: { idempotencyKey: { in: ["one-3", "one-4", "one-5"] } } })).toBe(0);
  });

  test("a 50-item batch with four poisoned items stores the other 46, and the same payload retried answers the same", async () => {
    const items = Array.from({ length: 50 }, (_, i) => event(`b-${i}`));
    items[3] = event(`b-3${NUL}`);
    items[11] = event("b-11", { customer: { external_id: `x${LONE}` } });
    items[29] = event("b-29", { occurred_at: "2026-02-30" });
    items[47] = event("b-47", { occurred_at: "0000-06-01T00:00:00Z" });
    items[20] = event("b-20", { properties: { text: `NUL${NUL}inside` } });
    const first = await post("/api/v1/events", { items });
    expect(first.status).toBe(207);
    const summary = (await first.json()) as Summary;
    expect([summary.stored, summary.invalid]).toEqual([46, 4]);
    expect(summary.results.filter((r) => r.status === "invalid").map((r) => r.index)).toEqual([3, 11, 29, 47]);
    expect(await p.database.db.prisma.event.count({ where: { idempotencyKey: { startsWith: "b-" } } })).toBe(46);

    const retry = await post("/api/v1/events", { items });
    expect(retry.status).toBe(207);
    expect((await retry.json()) as Summary).toMatchObject({ stored: 0, duplicates: 46, invalid: 4 });
  });

  test("orders: an item name with a NUL is stored cleaned; an order id with one is refused alone", async () => {
    const paid = (id: string, name: string) => ({ order_id: id, paid_at: "2026-11-20T12:00:00Z", customer: { external_id: "shop-zelda" }, items: [{ name, price: 20, qty: 2 }] });
    const res = await post("/api/v1/orders", { items: [paid("O-1", `Zelda${NUL} engraving`), paid(`O-2${NUL}`, "ok"), paid("O-3", "plain")] });
    expect(res.status).toBe(207);
    expect((await res.json()) as Summary).toMatchObject({ stored: 2, invalid: 1 });
    const o1 = await p.database.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "O-1" } });
    expect(o1.items).toEqual([{ name: "Zelda engraving", price: 20, qty: 2 }]);
    expect(Number(o1.amount)).toBe(40);
  });

  test("CSV import: poisoned rows go to the rejects with their reason, every other row is imported, and a rerun gives the same totals", async () => {
    const csv = [
      "order_id,external_id,first_name,amount,currency,paid_at",
      `C-1,shop-c1,Ann${NUL}a,10,EUR,2026-11-01T10:00:00Z`,
      `C-2${NUL},shop-c2,Bob,20,EUR,2026-11-01T10:00:00Z`,
      "C-3,shop-c3,Cid,30,EUR,2026-02-30T10:00:00Z",
      "C-4,shop-c4,Dee,40,EUR,0000-01-01",
      "C-5,shop-c5,Eve,50,EUR,2026-11-02T10:00:00Z",
    ].join("\n");
    const run = async () => {
      const rejects: string[] = [];
      const result = await importCsv(p.app.core, { input: Readable.from([csv]), batchSize: 1000, reject: (l) => rejects.push(l) });
      return { result, rejects };
    };
    const first = await run();
    expect(first.result).toMatchObject({ kind: "orders", rows: 5, stored: 2, rejected: 3 });
    expect(first.rejects.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      '3,"order_id: contains a NUL character (\\u0000)', // the reason has a comma: quoted
      "4,paid_at: is not a real date: 2026-02 has no day 30",
      "5,paid_at: has the year 0000; expected 1900-9999",
    ]);
    expect((await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { externalId: "shop-c1" } })).firstName).toBe("Anna");
    const again = await run();
    expect(again.result).toMatchObject({ rows: 5, stored: 0, duplicates: 2, rejected: 3 });
  });
});
