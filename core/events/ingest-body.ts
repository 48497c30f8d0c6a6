// The shape of an ingestion request body: one item, or a batch of them.
// A batch is a JSON array or {"batch": [...]}. An order's line items are
// `items`, so `items` never makes a body a batch by itself: only the old
// batch form, an object whose one key is `items`, is still read as a batch
// (no order or event is only `items`: an order needs its `order_id`).
// Each item's values are checked later, by the events' and orders' schemas.

export type IngestBody = { kind: "single"; items: [unknown] } | { kind: "batch"; items: unknown[] } | { kind: "invalid"; message: string };

const SHAPE_HELP = 'Send one object, a JSON array of 1 to 1000 objects, or {"batch": [ ... ]}.';

export function readIngestBody(parsed: unknown): IngestBody {
  if (Array.isArray(parsed)) return batchOf(parsed);
  if (typeof parsed !== "object" || parsed === null) return { kind: "invalid", message: SHAPE_HELP };
  const keys = Object.keys(parsed);
  if ("batch" in parsed) {
    if (keys.length > 1) return { kind: "invalid", message: `A batch body has only "batch"; move ${keys.filter((k) => k !== "batch").map((k) => `"${k}"`).join(", ")} into its items.` };
    return batchOf((parsed as { batch: unknown }).batch);
  }
  if (keys.length === 1 && keys[0] === "items" && Array.isArray((parsed as { items: unknown }).items)) return batchOf((parsed as { items: unknown[] }).items);
  return { kind: "single", items: [parsed] };
}

function batchOf(items: unknown): IngestBody {
  if (!Array.isArray(items) || items.length === 0) return { kind: "invalid", message: SHAPE_HELP };
  return { kind: "batch", items };
}
