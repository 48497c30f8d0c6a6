// Orders from the shop: paid orders, and refunds of orders we know (the same
// order_id with status "refunded" marks it refunded; a refunded order counts
// in no revenue figure). order_id is the idempotency key: a retried order is
// stored once, an order is never changed except by its refund.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { rewardFirstOrders } from "../referrals/track-referral.ts";
import { customerRefSchema } from "../subscribers/customer-identity.ts";
import { matchCustomers } from "../subscribers/match-customers.ts";
import { BatchTooLarge, firstOccurrences } from "./ingest-events.ts";
import { instantSchema } from "./instant.ts";
import { freeText, storableString } from "./storable-text.ts";
import { MAX_BATCH, rawKey, summarize, validateItems, type IngestSummary, type ItemResult } from "./ingest-result.ts";

const money = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, "expected a number such as 49.90").transform(Number)])
  .pipe(z.number().min(0, "must not be negative").max(1e11, "is too large"))
  .transform((v) => Math.round(v * 100) / 100);

export const orderLineSchema = z.object({
  name: freeText(256, 1),
  category: freeText(128, 1).optional(),
  sku: storableString.trim().min(1).max(128).optional(),
  price: money,
  qty: z.number().int().min(1).max(1_000_000).default(1),
});

export const orderItemSchema = z
  .object({
    order_id: z.union([storableString.trim().min(1).max(200), z.number().int().nonnegative().transform(String)]),
    customer: customerRefSchema.optional(),
    amount: money.optional(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "expected a 3-letter ISO 4217 code such as EUR").default("USD"),
    items: z.array(orderLineSchema).max(500).default([]),
    status: z.enum(["paid", "refunded"]).default("paid"),
    paid_at: instantSchema.optional(),
    refunded_at: instantSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.status === "paid" && !o.customer) ctx.addIssue({ code: "custom", path: ["customer"], message: "is required for a paid order" });
    if (o.status === "paid" && !o.paid_at) ctx.addIssue({ code: "custom", path: ["paid_at"], message: "is required for a paid order" });
    if (o.status === "paid" && o.amount === undefined && o.items.length === 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "is required when there are no items to add up" });
    }
  })
  .transform((o) => ({ ...o, amount: o.amount ?? Math.round(o.items.reduce((sum, i) => sum + i.price * i.qty, 0) * 100) / 100 }));
export type OrderItem = z.infer<typeof orderItemSchema>;

interface Valid {
  index: number;
  item: OrderItem;
}

export async function ingestOrders(deps: CoreDeps, options: { items: unknown[] }): Promise<IngestSummary> {
  if (options.items.length > MAX_BATCH) throw new BatchTooLarge(options.items.length);
  const { valid, invalid } = validateItems(options.items, orderItemSchema, rawKey("order_id"));
  const results: ItemResult[] = [...invalid];
  const now = deps.clock.now();

  // An order we may not know yet can be stored only if it says whose it is and when it was paid.
  const storable = firstOccurrences(valid.filter((v) => v.item.customer && v.item.paid_at), (v) => v.item.order_id);
  const inserted = await insertOrders(deps, storable, now);
  const insertedBy = new Map(storable.filter((v) => inserted.has(v.item.order_id)).map((v) => [v.index, v]));

  const refunds = valid.filter((v) => v.item.status === "refunded" && !insertedBy.has(v.index));
  const refunded = await applyRefunds(deps, refunds, now);
  const known = await existingOrderIds(deps, refunds.filter((v) => !refunded.has(v.item.order_id)).map((v) => v.item.order_id));

  const reported = new Set<string>();
  for (const v of valid) {
    const key = v.item.order_id;
    let status: ItemResult["status"] = "duplicate";
    if (insertedBy.has(v.index)) status = "stored";
    else if (v.item.status === "refunded" && refunded.has(key) && !reported.has(key)) status = "updated";
    else if (v.item.status === "refunded" && !refunded.has(key) && !known.has(key) && !inserted.has(key)) {
      results.push({ index: v.index, status: "invalid", key, errors: [{ path: "order_id", message: "is not a known order; to record a refund of an order we never saw, send customer and paid_at too" }] });
      continue;
    }
    if (status === "updated") reported.add(key);
    results.push({ index: v.index, status, key });
  }
  const touched = [...[...insertedBy.values()].map((v) => inserted.get(v.item.order_id)!), ...refunded.values()];
  if (touched.length > 0) await refreshCustomerStats(deps, { subscriberIds: touched });
  // rewardOn: first_order - a referred friend's first paid order earns the referrer's reward.
  if (touched.length > 0) await rewardFirstOrders(deps);
  return summarize(results);
}

/** Inserts orders not stored yet; returns order_id -> subscriber id of those inserted now. */
async function insertOrders(deps: CoreDeps, items: Valid[], now: Date): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const subscriberIds = await matchCustomers(deps, items.map((v) => v.item.customer!));
  const rows = items.map(({ item }, i) => ({
    subscriber_id: subscriberIds[i],
    order_id: item.order_id,
    amount: item.amount,
    currency: item.currency,
    items: item.items,
    status: item.status,
    paid_at: item.paid_at!.toISOString(),
    refunded_at: item.status === "refunded" ? (item.refunded_at ?? now).toISOString() : null,
  }));
  const inserted = await deps.db.prisma.$queryRawUnsafe<{ order_id: string; subscriber_id: number }[]>(
    `INSERT INTO "order" (subscriber_id, idempotency_key, amount, currency, items, status, paid_at, refunded_at, created_at)
     SELECT x.subscriber_id, x.order_id, x.amount, x.currency, x.items, x.status::"OrderStatus", x.paid_at, x.refunded_at, $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(subscriber_id int, order_id text, amount numeric, currency text, items jsonb,
                                               status text, paid_at timestamptz, refunded_at timestamptz)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING idempotency_key AS order_id, subscriber_id`,
    JSON.stringify(rows),
    now.toISOString(),
  );
  return new Map(inserted.map((r) => [r.order_id, r.subscriber_id]));
}

/** Marks known paid orders refunded; returns order_id -> subscriber id of those changed now. */
async function applyRefunds(deps: CoreDeps, items: Valid[], now: Date): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const rows = items.map(({ item }) => ({ order_id: item.order_id, refunded_at: (item.refunded_at ?? now).toISOString() }));
  const updated = await deps.db.prisma.$queryRawUnsafe<{ order_id: string; subscriber_id: number }[]>(
    `UPDATE "order" o SET status = 'refunded', refunded_at = x.refunded_at
       FROM (SELECT DISTINCT ON (order_id) * FROM jsonb_to_recordset($1::jsonb) AS r(order_id text, refunded_at timestamptz)) x
      WHERE o.idempotency_key = x.order_id AND o.status = 'paid'
     RETURNING o.idempotency_key AS order_id, o.subscriber_id`,
    JSON.stringify(rows),
  );
  return new Map(updated.map((r) => [r.order_id, r.subscriber_id]));
}

async function existingOrderIds(deps: CoreDeps, orderIds: string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await deps.db.prisma.$queryRawUnsafe<{ k: string }[]>(
    `SELECT idempotency_key AS k FROM "order" WHERE idempotency_key IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    JSON.stringify(orderIds),
  );
  return new Set(rows.map((r) => r.k));
}
