// Log lines say what they are about: everything logged while a Telegram update
// is handled - by the bot or deep in the core - carries its updateId, and an
// HTTP request's lines its requestId (echoed in the x-request-id header).
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createLogger } from "../../core/logger.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

describe("log context (pglite)", () => {
  let p: TestProduct;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (String(chunk).split("\n").filter(Boolean).forEach((l) => lines.push(JSON.parse(l) as Record<string, unknown>)), done()) });
    p = await startTestProduct({ kind: "pglite", logger: createLogger("info", sink) });
  });
  afterAll(async () => {
    await p.stop();
  });

  test("the core's lines during an update carry its updateId; a request's lines carry its requestId", async () => {
    const ann = p.telegram.user(9301, { first_name: "Ann" });
    await ann.command("start");
    await ann.press(/Yes/);
    await ann.command("choose");
    const started = lines.find((l) => l.msg === "flow started");
    expect(started).toBeDefined();
    const update = p.telegram.delivered.filter((u) => (u.message as { text?: string } | undefined)?.text === "/choose").at(-1)!;
    expect(started!.updateId).toBe(update.update_id);

    await p.app.telegram!.stop();
    const res = await fetch(`${p.baseUrl}/readyz`, { headers: { "x-request-id": "req-42" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("x-request-id")).toBe("req-42");
    expect(lines.find((l) => l.msg === "not ready")).toMatchObject({ requestId: "req-42" });
    // Nothing logged outside an update or a request claims one.
    expect(lines.filter((l) => l.msg === "not ready" && l.updateId !== undefined)).toEqual([]);
  });
});
