import { describe, expect, test } from "vitest";
import { readIngestBody } from "./ingest-body.ts";

const order = { order_id: "A-1", paid_at: "2026-11-20T14:10:00Z", customer: { email: "a@example.com" }, items: [{ name: "Socks", price: 5, qty: 2 }] };

describe("the shape of an ingestion body", () => {
  test("an order with line items is one order, not a batch of its lines", () => {
    expect(readIngestBody(order)).toEqual({ kind: "single", items: [order] });
  });

  test("a batch is a JSON array or {batch: [...]}", () => {
    expect(readIngestBody([order, order])).toEqual({ kind: "batch", items: [order, order] });
    expect(readIngestBody({ batch: [order] })).toEqual({ kind: "batch", items: [order] });
  });

  test("the old batch form, an object whose only key is items, still works", () => {
    expect(readIngestBody({ items: [order] })).toEqual({ kind: "batch", items: [order] });
  });

  test("empty, misshapen or mixed bodies are refused with the accepted shapes", () => {
    const help = 'Send one object, a JSON array of 1 to 1000 objects, or {"batch": [ ... ]}.';
    expect(readIngestBody([])).toEqual({ kind: "invalid", message: help });
    expect(readIngestBody({ batch: [] })).toEqual({ kind: "invalid", message: help });
    expect(readIngestBody({ batch: { order_id: "x" } })).toEqual({ kind: "invalid", message: help });
    expect(readIngestBody("order")).toEqual({ kind: "invalid", message: help });
    expect(readIngestBody(null)).toEqual({ kind: "invalid", message: help });
    expect(readIngestBody({ batch: [order], order_id: "B" })).toEqual({ kind: "invalid", message: 'A batch body has only "batch"; move "order_id" into its items.' });
  });
});
