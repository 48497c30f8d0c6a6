// Behaviour events from the shop or site ("visited", "added_to_cart", ...).
// A batch is validated item by item; the valid ones are stored in one
// statement, and a retried item (same idempotency_key) is stored once.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { customerRefSchema } from "../subscribers/customer-identity.ts";
import { matchCustomers } from "../subscribers/match-customers.ts";
import { instantSchema } from "./instant.ts";
import { cleanJson, storableString } from "./storable-text.ts";
import { MAX_BATCH, rawKey, summarize, validateItems, type IngestSummary, type ItemResult } from "./ingest-result.ts";

export const eventTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "expected a name of 1-64 of a-z 0-9 _ . - starting with a letter, e.g. added_to_cart");

export const eventItemSchema = z.object({
  idempotency_key: storableString.trim().min(1).max(200),
  type: eventTypeSchema,
  occurred_at: instantSchema,
  properties: z
    .record(z.string(), z.unknown())
    .default({})
    .transform((p) => cleanJson(p) as Record<string, unknown>)
    .refine((p) => JSON.stringify(p).length <= 16_384, { message: "must be at most 16 KB of JSON" }),
  customer: customerRefSchema,
});
export type EventItem = z.infer<typeof eventItemSchema>;

export class BatchTooLarge extends DomainError {
  constructor(size: number) {
    super("batch_too_large", `A batch holds at most ${MAX_BATCH} items; this one has ${size}.`, { size, max: MAX_BATCH });
  }
}

export async function ingestEvents(deps: CoreDeps, options: { items: unknown[] }): Promise<IngestSummary> {
  if (options.items.length > MAX_BATCH) throw new BatchTooLarge(options.items.length);
  const { valid, invalid } = validateItems(options.items, eventItemSchema, rawKey("idempotency_key"));
  const results: ItemResult[] = [...invalid];
  const first = firstOccurrences(valid, (v) => v.item.idempotency_key);
  const subscriberIds = await matchCustomers(deps, first.map((v) => v.item.customer));
  const rows = first.map((v, i) => ({
    subscriber_id: subscriberIds[i],
    type: v.item.type,
    properties: v.item.properties,
    occurred_at: v.item.occurred_at.toISOString(),
    idempotency_key: v.item.idempotency_key,
  }));
  const stored = new Set<string>();
  if (rows.length > 0) {
    const inserted = await deps.db.prisma.$queryRawUnsafe<{ idempotency_key: string }[]>(
      `INSERT INTO event (subscriber_id, type, properties, occurred_at, idempotency_key, created_at)
       SELECT x.subscriber_id, x.type, x.properties, x.occurred_at, x.idempotency_key, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(subscriber_id int, type text, properties jsonb, occurred_at timestamptz, idempotency_key text)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING idempotency_key`,
      JSON.stringify(rows),
      deps.clock.now().toISOString(),
    );
    for (const r of inserted) stored.add(r.idempotency_key);
  }
  const firstIndex = new Set(first.map((v) => v.index));
  for (const v of valid) {
    const key = v.item.idempotency_key;
    const status = firstIndex.has(v.index) && stored.has(key) ? "stored" : "duplicate";
    results.push({ index: v.index, status, key });
  }
  return summarize(results);
}

/** The first item of each key, in order: a batch that repeats a key stores it once. */
export function firstOccurrences<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
