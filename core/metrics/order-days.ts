// The daily rollup of paid orders (table order_day): per day in the team's
// timezone, currency, gap (days since the customer's previous paid order; -1
// for a first order) and whether the order is the customer's second, the
// number of orders and their revenue. A period whose start and the previous
// period's start are midnights in that timezone reads its whole days from
// here (a month and the month before: a few thousand rows instead of about
// 800 000 orders) and the rest from the orders: the part of today so far, the
// days not rolled up yet, and the days a late change marked.
//
// Exactness. Every figure of core/metrics/period-figures.ts that counts the
// order chain compares the previous order's time with the period's start or
// the previous period's start; when both are midnights, "before that instant"
// is "on an earlier day", which the gap tells. One-time buyers (a first order
// with no second one in the period) are first orders minus second orders whose
// previous order (the first) is in the period: both fixed when the order is
// written, so a later order of the customer does not change a day rolled up.
//
// Freshness. The job rolls up days that ended an hour ago or more. A change to
// an order paid more than 30 minutes ago (a late import, a refund, a merge, an
// erasure) leaves a mark (triggers in migration 20261203210708_order_days); the
// marked day and the days of that customer's next two paid orders are read
// from the orders until the job rebuilds them and drops the marks it saw (one
// snapshot: REPEATABLE READ).
import { BACKGROUND_TRANSACTION } from "../db/database.ts";
import type { SqlParams } from "../db/sql-params.ts";
import type { CoreDeps } from "../deps.ts";
import { wallClock } from "../time/zoned.ts";

/** Advisory lock namespace of the rollup's job (one instance builds at a time). */
const LOCK = 4244;

export interface OrderDaysRefresh {
  /** Days rolled up by this run (new days and rebuilt marked ones). */
  days: number;
  /** True when everything was rebuilt (first run, or the team's timezone changed). */
  fromScratch: boolean;
  /** Every day before this one (YYYY-MM-DD, team's timezone) is rolled up. */
  builtTo: string;
}

// One row per (day, currency, gap, second order), from orders `o` whose local day is `day`; `tz` is the timezone's placeholder.
function rollupColumns(tz: string): string {
  return `o.currency,
       coalesce(day - (o.prev_paid_at AT TIME ZONE ${tz})::date, -1) AS gap,
       o.second_paid,
       count(*)::int AS orders,
       sum(o.amount) AS revenue`;
}

/**
 * The days whose rollup a mark makes stale (`tz`: the timezone's placeholder): the marked
 * instant's day, and the days of that customer's next two paid orders after it. An order's
 * rolled-up values are its previous order's day and whether exactly one order precedes it; a
 * change at an instant moves the previous order of the first order after it only, and whether
 * an order is second only for the first two after it (docs/metrics.md, "Whole days from a daily
 * rollup"; core/metrics/order-chain.test.ts checks it after every kind of write).
 */
function markedDays(tz: string): string {
  return `SELECT (m.at AT TIME ZONE ${tz})::date AS day FROM order_day_mark m
   UNION
   SELECT (n.paid_at AT TIME ZONE ${tz})::date
     FROM order_day_mark m
     CROSS JOIN LATERAL (SELECT o.paid_at FROM "order" o
                          WHERE o.subscriber_id = m.subscriber_id AND o.status = 'paid' AND o.paid_at > m.at
                          ORDER BY o.paid_at LIMIT 2) n`;
}

/**
 * Rolls up the days that ended an hour ago or more and are not rolled up yet, and rebuilds
 * the marked ones. Returns null when another instance is at it.
 */
export async function refreshOrderDays(deps: Pick<CoreDeps, "db" | "teamTimezone">): Promise<OrderDaysRefresh | null> {
  const tz = deps.teamTimezone;
  try {
    return await deps.db.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${LOCK}, 0) AS ok`);
        if (!lock?.ok) return null;
        const [state] = await tx.$queryRawUnsafe<{ timezone: string; built_to: string }[]>(`SELECT timezone, built_to::text AS built_to FROM order_day_state WHERE id = 1`);
        // Days that ended an hour ago: a live order (paid now) cannot land in them, and a change older than 30 minutes leaves a mark.
        const [{ target }] = (await tx.$queryRawUnsafe<{ target: string }[]>(`SELECT ((now() - interval '1 hour') AT TIME ZONE $1)::date::text AS target`, tz)) as [{ target: string }];
        const fromScratch = !state || state.timezone !== tz;
        let days: number;
        if (fromScratch) {
          await tx.$executeRawUnsafe(`DELETE FROM order_day`);
          const [n] = await tx.$queryRawUnsafe<{ days: number }[]>(
            `WITH rows AS (
               INSERT INTO order_day (day, currency, gap, second_paid, orders, revenue)
               SELECT day, ${rollupColumns("$1")}
                 FROM "order" o CROSS JOIN LATERAL (SELECT (o.paid_at AT TIME ZONE $1)::date AS day) d
                WHERE o.status = 'paid' AND o.paid_at < ($2::date::timestamp AT TIME ZONE $1)
                GROUP BY 1, 2, 3, 4
               RETURNING day)
             SELECT count(DISTINCT day)::int AS days FROM rows`,
            tz,
            target,
          );
          days = n?.days ?? 0;
        } else {
          const builtTo = state.built_to;
          // The marked days already rolled up, and the new days [builtTo, target).
          const [{ stale }] = (await tx.$queryRawUnsafe<{ stale: string[] }[]>(
            `SELECT coalesce(array_agg(day::text ORDER BY day), '{}') AS stale FROM (
               SELECT day FROM (${markedDays("$1")}) marked WHERE day < $2::date
               UNION
               SELECT generate_series($2::date, $3::date - 1, interval '1 day')::date) d`,
            tz,
            builtTo,
            target,
          )) as [{ stale: string[] }];
          await tx.$executeRawUnsafe(`DELETE FROM order_day WHERE day = ANY ($1::date[])`, stale);
          // One pass over the orders between the first and the last of those days (an index range for
          // an hour's new day, a sequential read when the days are spread out), keeping those days.
          await tx.$executeRawUnsafe(
            `INSERT INTO order_day (day, currency, gap, second_paid, orders, revenue)
             SELECT day, ${rollupColumns("$1")}
               FROM "order" o CROSS JOIN LATERAL (SELECT (o.paid_at AT TIME ZONE $1)::date AS day) d
              WHERE o.status = 'paid' AND day = ANY ($2::date[])
                AND o.paid_at >= ($2::date[])[1]::timestamp AT TIME ZONE $1
                AND o.paid_at < (($2::date[])[cardinality($2::date[])] + 1)::timestamp AT TIME ZONE $1
              GROUP BY 1, 2, 3, 4`,
            tz,
            stale,
          );
          days = stale.length;
        }
        // Only the marks this snapshot saw: one written meanwhile stays for the next run.
        await tx.$executeRawUnsafe(`DELETE FROM order_day_mark`);
        await tx.$executeRawUnsafe(
          `INSERT INTO order_day_state (id, timezone, built_to, built_at) VALUES (1, $1, $2::date, now())
           ON CONFLICT (id) DO UPDATE SET timezone = excluded.timezone, built_to = excluded.built_to, built_at = excluded.built_at`,
          tz,
          target,
        );
        return { days, fromScratch, builtTo: target };
      },
      { ...BACKGROUND_TRANSACTION, isolationLevel: "RepeatableRead" },
    );
  } catch (error) {
    // Two instances raced past the lock (a snapshot older than the other's commit): the next run does it.
    if (isSerializationFailure(error)) return null;
    throw error;
  }
}

function isSerializationFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  return /40001|could not serialize/i.test(text);
}

/** Whether `at` is 00:00:00.000 on some day in `timezone`. */
export function isLocalMidnight(at: Date, timezone: string): boolean {
  const w = wallClock(at, timezone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && at.getUTCMilliseconds() === 0;
}

/**
 * The `paid` CTE body of period-figures from the rollup and the orders, for the whole base,
 * when the period's start and the previous period's start are midnights in `timezone`:
 * per currency, orders, revenue, buyers, one_time, previous_buyers, retained (the same
 * columns as the raw pass). `before`, `from`, `to` are placeholders already added to `p`.
 */
export function paidFromOrderDays(p: SqlParams, timezone: string, at: { before: string; from: string; to: string }): string {
  const tz = p.add(timezone, "text");
  const { before, from, to } = at;
  const marked = markedDays(tz);
  return `WITH bounds AS MATERIALIZED (
       SELECT (${before} AT TIME ZONE ${tz})::date AS bd, (${from} AT TIME ZONE ${tz})::date AS fd,
              -- rolled-up whole days are [bd, ed): up to the day holding "to", and only those built
              least((${to} AT TIME ZONE ${tz})::date, coalesce((SELECT built_to FROM order_day_state WHERE timezone = ${tz}), '-infinity'::date)) AS ed),
     stale AS MATERIALIZED (
       SELECT day FROM (${marked}) m, bounds b WHERE m.day >= b.bd AND m.day < b.ed),
     rolled AS (
       SELECT r.currency, r.orders, r.revenue, r.day >= b.fd AS in_period, r.gap < 0 AS first,
              r.second_paid, r.day - greatest(r.gap, 0) AS prev_day, b.bd, b.fd
         FROM order_day r, bounds b
        WHERE r.day >= b.bd AND r.day < b.ed AND r.day NOT IN (SELECT day FROM stale)),
     raw AS (
       SELECT o.currency, o.amount, o.paid_at, o.prev_paid_at, o.second_paid
         FROM "order" o
        WHERE o.status = 'paid' AND o.paid_at < ${to}
          AND o.paid_at >= (SELECT greatest(${before}, (b.ed::timestamp AT TIME ZONE ${tz})) FROM bounds b)
       UNION ALL
       SELECT o.currency, o.amount, o.paid_at, o.prev_paid_at, o.second_paid
         FROM stale s
         JOIN "order" o ON o.paid_at >= (s.day::timestamp AT TIME ZONE ${tz}) AND o.paid_at < ((s.day + 1)::timestamp AT TIME ZONE ${tz})
        WHERE o.status = 'paid'),
     parts AS (
       SELECT currency,
              sum(orders) FILTER (WHERE in_period) AS orders,
              sum(revenue) FILTER (WHERE in_period) AS revenue,
              sum(orders) FILTER (WHERE in_period AND (first OR prev_day < fd)) AS buyers,
              sum(orders) FILTER (WHERE in_period AND first) AS firsts,
              sum(orders) FILTER (WHERE in_period AND second_paid AND prev_day >= fd) AS seconds,
              sum(orders) FILTER (WHERE NOT in_period AND (first OR prev_day < bd)) AS previous_buyers,
              sum(orders) FILTER (WHERE in_period AND NOT first AND prev_day >= bd AND prev_day < fd) AS retained
         FROM rolled GROUP BY currency
       UNION ALL
       SELECT currency,
              count(*) FILTER (WHERE paid_at >= ${from}),
              sum(amount) FILTER (WHERE paid_at >= ${from}),
              count(*) FILTER (WHERE paid_at >= ${from} AND (prev_paid_at IS NULL OR prev_paid_at < ${from})),
              count(*) FILTER (WHERE paid_at >= ${from} AND prev_paid_at IS NULL),
              count(*) FILTER (WHERE paid_at >= ${from} AND second_paid AND prev_paid_at >= ${from}),
              count(*) FILTER (WHERE paid_at < ${from} AND (prev_paid_at IS NULL OR prev_paid_at < ${before})),
              count(*) FILTER (WHERE paid_at >= ${from} AND prev_paid_at >= ${before} AND prev_paid_at < ${from})
         FROM raw GROUP BY currency)
     SELECT currency,
            coalesce(sum(orders), 0)::int AS orders,
            coalesce(sum(revenue), 0)::float8 AS revenue,
            coalesce(sum(buyers), 0)::int AS buyers,
            -- first orders in the period whose second order is not in it
            (coalesce(sum(firsts), 0) - coalesce(sum(seconds), 0))::int AS one_time,
            coalesce(sum(previous_buyers), 0)::int AS previous_buyers,
            coalesce(sum(retained), 0)::int AS retained
       FROM parts GROUP BY currency`;
}
