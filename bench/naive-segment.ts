// What a developer without the compiler would write: load the customers with
// their orders through Prisma and filter in JS. Measured on a sample of
// customers (every k-th id) and extrapolated to the whole base, because on
// the full base it would take many minutes and gigabytes.
// The segment: lifecycle = loyal and spent_90d > 300 and not tag:vip.
import type { Database } from "../core/db/database.ts";
import { DEFAULT_ANALYTICS_SETTINGS } from "../core/segments/analytics-settings.ts";

const DAY = 86_400_000;

export async function naiveLoyalBigSpenders(db: Database, options: { now: Date; sample: number; customers: number }): Promise<{ ms: number; matches: number }> {
  const step = Math.max(1, Math.floor(options.customers / options.sample));
  const ids = Array.from({ length: options.sample }, (_, i) => 1 + i * step);
  const l = DEFAULT_ANALYTICS_SETTINGS.lifecycle;
  const now = options.now.getTime();
  // "High value" by default is the median spend of the active repeat customers: one query, as anyone would.
  const minSpent = l.loyalMinSpent === "median" ? await medianRepeatSpend(db, new Date(now - l.churnDays * DAY)) : l.loyalMinSpent;
  const started = performance.now();
  let matches = 0;
  // In chunks, as one would to keep the IN list sane.
  for (let i = 0; i < ids.length; i += 5000) {
    const customers = await db.prisma.subscriber.findMany({ where: { id: { in: ids.slice(i, i + 5000) }, erasedAt: null }, include: { orders: true } });
    for (const c of customers) {
      const paid = c.orders.filter((o) => o.status === "paid" && o.paidAt.getTime() <= now);
      if (paid.length < l.loyalMinOrders) continue;
      const last = Math.max(...paid.map((o) => o.paidAt.getTime()));
      const spent = paid.reduce((s, o) => s + o.amount.toNumber(), 0);
      const loyal = last > now - l.loyalRecencyDays * DAY && now - last < l.churnDays * DAY && spent >= minSpent;
      const spent90 = paid.filter((o) => o.paidAt.getTime() > now - 90 * DAY).reduce((s, o) => s + o.amount.toNumber(), 0);
      if (loyal && spent90 > 300 && !c.tags.includes("vip")) matches++;
    }
  }
  return { ms: performance.now() - started, matches };
}

async function medianRepeatSpend(db: Database, churnedBefore: Date): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ m: number }[]>(
    `SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY c.revenue), 0)::float8 AS m
       FROM customer_stats c JOIN subscriber s ON s.id = c.subscriber_id AND s.erased_at IS NULL
      WHERE c.orders_count >= 2 AND c.last_order_at > $1::timestamptz`,
    churnedBefore.toISOString(),
  );
  return rows[0]?.m ?? 0;
}
