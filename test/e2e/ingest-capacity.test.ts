// Ingestion at capacity pushes back instead of queueing without bound: with
// INGEST_CONCURRENCY=1, one request in hand and eight waiting, the next one is
// answered 429 with Retry-After at once, /healthz answers meanwhile, and the
// waiting ones are all stored once the slot frees. Nothing is lost: the
// refused request, sent again, is stored.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const KEY = "test-ingest-key-0123456789";

describe("ingestion at capacity (pglite)", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind: "pglite", env: { INGEST_API_KEY: KEY, INGEST_CONCURRENCY: "1" } });
  });
  afterAll(async () => {
    await p.stop();
  });

  const event = (key: string) => ({ idempotency_key: key, type: "visited", occurred_at: "2026-11-20T12:00:00Z", customer: { external_id: "cap-1" } });
  const post = (key: string) =>
    fetch(`${p.baseUrl}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body: JSON.stringify(event(key)) });

  test("one in hand and eight waiting: the next gets 429 + Retry-After, health answers, the waiting ones are stored", async () => {
    // A client that sends its headers and then only part of its body holds the one slot.
    const body = JSON.stringify(event("held"));
    const held = http.request(`${p.baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}`, "content-length": Buffer.byteLength(body) },
    });
    const heldDone = new Promise<number>((resolve) => held.on("response", (res) => (res.resume(), resolve(res.statusCode ?? 0))));
    held.write(body.slice(0, 10));
    // The held request is admitted before anyone else comes.
    await new Promise((resolve) => setImmediate(resolve));
    const waiting: Promise<Response>[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      const attempt = post(`wait-${i}`);
      const first = await Promise.race([attempt, new Promise<undefined>((resolve) => setTimeout(resolve, 200))]);
      if (first?.status === 429) refused = first;
      else waiting.push(attempt);
    }
    expect(refused, "a request beyond the queue is refused").toBeDefined();
    expect(refused!.headers.get("retry-after")).toBe("1");
    expect(await refused!.json()).toEqual({ error: "busy", message: "Ingestion is at capacity; send this request again after 1 s." });
    expect(waiting).toHaveLength(8);
    expect((await fetch(`${p.baseUrl}/healthz`)).status).toBe(200);

    held.end(body.slice(10));
    expect(await heldDone).toBe(200);
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual(Array(8).fill(200));
    const again = await post("wait-8");
    expect(again.status).toBe(200);
    expect(await p.database.db.prisma.event.count()).toBe(10);
  });
});
