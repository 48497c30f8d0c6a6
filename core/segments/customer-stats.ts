// Keeps customer_stats - per-customer paid-order aggregates and RFM scores -
// in step with the orders, without re-reading every order each time:
//  - refreshCustomerStats(deps, { subscriberIds }) after every ingestion batch:
//    the aggregates of the customers the batch touched, so counts, totals and
//    the loyalty stage are exact at once; their rfm_at is cleared to mark them
//    for rescoring.
//  - refreshCustomerStats(deps), hourly and after a CSV import: recomputes the
//    aggregates of the customers that changed since the last refresh (touched
//    by ingestion, or whose orders slid out of the RFM window), then ranks
//    everybody (R, F, M quintiles) and stores the scores and classes that changed.
//  - refreshCustomerStats(deps, { rebuild: true }): aggregates every order
//    (the first refresh does this by itself; also a repair after orders were
//    written behind the core's back).
// Why materialized at all: "Segments: materialized or live" in the README.
import type { CoreDeps } from "../deps.ts";
import type { Database } from "../db/database.ts";
import { daysBefore, SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "./analytics-settings.ts";
import { LOYAL_MEDIAN_SETTING } from "./lifecycle.ts";
import { boundaryFractionsSql, rfmClassSql } from "./rfm.ts";

export interface RefreshResult {
  /** Customers whose aggregates were recomputed and changed (an ingestion batch: every customer it names). */
  recomputed: number;
  /** Customers whose RFM scores changed (a rebuild: whose row it wrote with scores). */
  rescored: number;
  removed: number;
}

export async function refreshCustomerStats(deps: CoreDeps, options: { subscriberIds?: number[]; rebuild?: boolean } = {}): Promise<RefreshResult> {
  if (options.subscriberIds) {
    const { recomputed, removed } = await aggregate(deps, { ids: [...new Set(options.subscriberIds)] });
    return { recomputed, removed, rescored: 0 };
  }
  // The rolling windows move to "now" together: the anchor row is held for the whole recomputation, so an
  // ingestion batch (which computes its customers' windows as of the anchor) waits and then uses the new one.
  const { all, scored, ...result } = await deps.db.prisma.$transaction(
    async (tx) => {
      const [anchor] = await tx.$queryRawUnsafe<{ at: Date }[]>(`SELECT windows_at AS at FROM customer_stats_anchor WHERE id = 1 FOR UPDATE`);
      // Every aggregate was exact as of the anchor: only what changed since needs recomputing.
      const which: Which = options.rebuild || !anchor ? { all: true } : { since: anchor.at, windowsSince: anchor.at };
      // Every order: grouped as the (subscriber_id, paid_at, status, amount) index already orders them, in one
      // streaming pass. A hash of 600 000 customers' running sums spills to disk and took 2.4x as long
      // (bench/results/issue-19-rfm/README.md); a statement that writes cannot use parallel workers either way.
      if ("all" in which) await tx.$executeRawUnsafe(`SET LOCAL enable_hashagg = off`);
      const r = await aggregate({ ...deps, db: { ...deps.db, prisma: tx as typeof deps.db.prisma } }, which);
      await tx.$executeRawUnsafe(
        `INSERT INTO customer_stats_anchor (id, windows_at) VALUES (1, $1::timestamptz) ON CONFLICT (id) DO UPDATE SET windows_at = excluded.windows_at`,
        deps.clock.now().toISOString(),
      );
      return { ...r, all: "all" in which };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // A rebuild scored everybody and stored the median in its own statement: ranking again would change nothing.
  const rescored = scored + (all ? 0 : await rank(deps));
  // Recomputing everybody rewrote every row, then ranking every row rewrote them again: without a vacuum
  // the next hourly refreshes wade through the dead versions (the unscored index alone holds one per row).
  if (all) await deps.db.prisma.$executeRawUnsafe(`VACUUM (ANALYZE) customer_stats`);
  deps.logger.info({ ...result, rescored }, "customer stats and RFM refreshed");
  return { ...result, rescored };
}

/** The rolling windows kept as columns of customer_stats (orders_30d, spent_30d...), in days. */
export const STATS_WINDOW_DAYS = [30, 90, 365] as const;

/**
 * The instant customer_stats' window columns are exact as of (the epoch before the first refresh: all
 * zero), read from the database the segment's query will run on (a replica may lag the primary).
 */
export async function windowStatsAnchor(db: Database): Promise<Date> {
  return readAnchor(db.prisma, "");
}

/**
 * The anchor, read inside a transaction that then reads customer_stats' window columns, and held (FOR
 * SHARE) until it ends: the refresh that moves the anchor takes the row FOR UPDATE before it rewrites the
 * columns, so it waits, and the columns this transaction reads stay exact as of the anchor it read.
 */
export async function heldWindowStatsAnchor(tx: Pick<Database["prisma"], "$queryRawUnsafe">): Promise<Date> {
  return readAnchor(tx, " FOR SHARE");
}

async function readAnchor(client: Pick<Database["prisma"], "$queryRawUnsafe">, lock: "" | " FOR SHARE"): Promise<Date> {
  const rows = await client.$queryRawUnsafe<{ at: Date }[]>(`SELECT windows_at AS at FROM customer_stats_anchor WHERE id = 1${lock}`);
  // No row yet: the columns are still their zero defaults, exact as of the epoch (every window empty).
  return rows[0]?.at ?? new Date(0);
}

type Which = { all: true } | { ids: number[] } | { since: Date; windowsSince: Date };

/** `(from, to]` shifted back by `days`, as an SQL condition on o.paid_at. */
const shiftedRange = (from: string, to: string, days: number) =>
  `(o.paid_at > ${from} - interval '${days * 24} hours' AND o.paid_at <= ${to} - interval '${days * 24} hours')`;

/** Recomputes the aggregates (lifetime, RFM window, rolling windows) of some customers from their paid orders. */
/** `scored`: rows a rebuild wrote with new RFM scores. */
async function aggregate(deps: CoreDeps, which: Which): Promise<Omit<RefreshResult, "rescored"> & { scored: number }> {
  const now = deps.clock.now();
  const windowDays = analyticsSettingsOf(deps).rfmWindowDays;
  const p = new SqlParams();
  const at = p.add(now, "timestamptz");
  const windowStart = p.add(daysBefore(now, windowDays), "timestamptz");
  // The rolling windows end at the anchor: "now" when every customer is recomputed (the caller then moves
  // the anchor); for an ingestion batch, the stored anchor (shared-locked, so a refresh cannot move it meanwhile).
  let anchor = at;
  let who = "";
  let lock = "";
  if ("ids" in which) {
    if (which.ids.length === 0) return { recomputed: 0, removed: 0, scored: 0 };
    who = `SELECT jsonb_array_elements_text(${p.add(JSON.stringify(which.ids), "jsonb")})::int AS subscriber_id`;
    lock = `anchor AS (SELECT windows_at FROM customer_stats_anchor WHERE id = 1 FOR SHARE),`;
    anchor = `coalesce((SELECT windows_at FROM anchor), 'epoch'::timestamptz)`;
  } else if ("since" in which) {
    const since = p.add(which.since, "timestamptz");
    // Rolling windows: only customers with an order that crossed a window's edge, or its end, since the anchor.
    const from = p.add(new Date(Math.min(which.windowsSince.getTime(), now.getTime())), "timestamptz");
    const to = p.add(new Date(Math.max(which.windowsSince.getTime(), now.getTime())), "timestamptz");
    const crossed = [0, ...STATS_WINDOW_DAYS].map((d) => shiftedRange(from, to, d)).join(" OR ");
    // Touched by ingestion since the last refresh (which clears rfm_at), or an order left the window (or came due) since then.
    who = `SELECT subscriber_id FROM customer_stats WHERE rfm_at IS NULL
           UNION SELECT o.subscriber_id FROM "order" o
            WHERE o.status = 'paid' AND ((o.paid_at > ${p.add(daysBefore(which.since, windowDays), "timestamptz")} AND o.paid_at <= ${windowStart})
                                      OR (o.paid_at > ${since} AND o.paid_at <= ${at}))
           UNION SELECT o.subscriber_id FROM "order" o WHERE o.status = 'paid' AND (${crossed})`;
  }
  const restrict = who ? `AND o.subscriber_id IN (SELECT subscriber_id FROM who)` : "";
  // When the windows end now, their starts are parameters (not an interval subtracted on every order),
  // and the RFM window, when it is one of them, is the same aggregate.
  const endsNow = anchor === at;
  const rolling = STATS_WINDOW_DAYS.map((d) => {
    const inWindow = endsNow
      ? `o.paid_at > ${p.add(daysBefore(now, d), "timestamptz")}`
      : `o.paid_at > ${anchor} - interval '${d * 24} hours' AND o.paid_at <= ${anchor}`;
    return `count(*) FILTER (WHERE ${inWindow})::int AS orders_${d}d, coalesce(sum(o.amount) FILTER (WHERE ${inWindow}), 0) AS spent_${d}d`;
  }).join(",\n              ");
  const shared = endsNow && (STATS_WINDOW_DAYS as readonly number[]).includes(windowDays);
  const rfmWindow = shared
    ? ""
    : `count(*) FILTER (WHERE o.paid_at > ${windowStart})::int AS window_orders,
              coalesce(sum(o.amount) FILTER (WHERE o.paid_at > ${windowStart}), 0) AS window_revenue,`;
  const [windowOrders, windowRevenue] = shared ? [`orders_${windowDays}d`, `spent_${windowDays}d`] : ["window_orders", "window_revenue"];
  const columns = STATS_WINDOW_DAYS.flatMap((d) => [`orders_${d}d`, `spent_${d}d`]);
  const all = "all" in which;
  const stored = ["orders_count", "revenue", "first_order_at", "last_order_at", "window_orders", "window_revenue", ...columns];
  const computed = ["orders_count", "revenue", "first_order_at", "last_order_at", windowOrders, windowRevenue, ...columns].map((c) => `agg.${c}`);
  const differs = (row: string, values: string[]) => `(${stored.map((c) => `${row}.${c}`).join(", ")}) IS DISTINCT FROM (${values.join(", ")})`;
  const insert = `INSERT INTO customer_stats AS cs (subscriber_id, ${stored.join(", ")}, updated_at)
     SELECT agg.subscriber_id, ${computed.join(", ")}, ${at} FROM agg`;
  // Customers left without a paid order (all refunded: at ingestion) lose their row. Erased
  // customers keep theirs: anonymous aggregates, like their orders, so the customer base,
  // ARPU and LTV of past periods do not change after an erasure (segments leave them out).
  // Recomputing everybody: the rows that changed are updated (an upsert would lock every existing row,
  // changed or not), the new ones inserted, the ones with no aggregate deleted, all in one statement.
  // A refresh rewrites only the rows that changed; an ingestion batch also marks its customers for rescoring.
  // Recomputing everybody also scores everybody in the same statement (ranked among the new aggregates,
  // erased people unscored, as rank() does): a row is written once instead of inserted, then rewritten by
  // the ranking. rank() then finds nothing left to change.
  const scores = scoresSql("agg", { last: "last_order_at", money: windowRevenue, orders: windowOrders });
  const ranked = ["r_score", "f_score", "m_score", "rfm_class"];
  // NOT IN, not NOT EXISTS: inside an expression it becomes one hashed list of the erased, not a probe per value.
  const kept = `agg.subscriber_id NOT IN (SELECT e.id FROM subscriber e WHERE e.erased_at IS NOT NULL)`;
  const rankedValues = [scores.r, scores.f, scores.m, scores.rfmClass].map((v) => `CASE WHEN ${kept} THEN ${v} END`);
  const median = all ? medianSql(deps, p) : undefined;
  const write = all
    ? `${boundariesSql(`agg x WHERE ${notErasedSql("x")}`, { last: "last_order_at", money: windowRevenue, orders: windowOrders }, median?.column)},${median ? `\n       ${median.stored},` : ""}
       changed AS (UPDATE customer_stats cs SET ${[...stored, ...ranked].map((c, i) => `${c} = ${[...computed, ...rankedValues][i]}`).join(", ")},
                          rfm_at = ${at}, updated_at = ${at}
                     FROM agg, t
                    WHERE agg.subscriber_id = cs.subscriber_id
                      AND (cs.rfm_at IS NULL OR (${[...stored, ...ranked].map((c) => `cs.${c}`).join(", ")}) IS DISTINCT FROM (${[...computed, ...rankedValues].join(", ")}))
                   RETURNING cs.r_score IS NOT NULL AS scored),
       added AS (INSERT INTO customer_stats AS cs (subscriber_id, ${[...stored, ...ranked].join(", ")}, rfm_at, updated_at)
                 SELECT agg.subscriber_id, ${[...computed, ...rankedValues].join(", ")}, ${at}, ${at} FROM agg, t
                 -- The existing rows by their key, not by an anti-join reading customer_stats: this statement makes
                 -- the table grow, and a nested loop over a table that was empty when planned rescans every new row.
                 ON CONFLICT (subscriber_id) DO NOTHING RETURNING cs.r_score IS NOT NULL AS scored),
       gone AS (DELETE FROM customer_stats cs WHERE NOT EXISTS (SELECT 1 FROM agg WHERE agg.subscriber_id = cs.subscriber_id) RETURNING 1)
     SELECT ((SELECT count(*) FROM changed) + (SELECT count(*) FROM added))::int AS recomputed, (SELECT count(*) FROM gone)::int AS removed,
            ((SELECT count(*) FROM changed WHERE scored) + (SELECT count(*) FROM added WHERE scored))::int AS scored`
    : `up AS (${insert}
     ON CONFLICT (subscriber_id) DO UPDATE SET ${stored.map((c) => `${c} = excluded.${c}`).join(", ")}, updated_at = excluded.updated_at${
       "ids" in which
         ? ", rfm_at = NULL"
         : `
      WHERE ${differs(
        "cs",
        stored.map((c) => `excluded.${c}`),
      )}`
     }
     RETURNING 1)
     SELECT (SELECT count(*) FROM up)::int AS recomputed, 0 AS removed, 0 AS scored`;
  const [counts] = await deps.db.prisma.$queryRawUnsafe<{ recomputed: number; removed: number; scored: number }[]>(
    `WITH ${lock}${who ? `who AS (${who}),` : ""}
     agg AS ${all ? "MATERIALIZED " : ""}(
       SELECT o.subscriber_id, count(*)::int AS orders_count, sum(o.amount) AS revenue,
              min(o.paid_at) AS first_order_at, max(o.paid_at) AS last_order_at,
              ${rfmWindow}
              ${rolling}
         FROM "order" o
        WHERE o.status = 'paid' AND o.paid_at <= ${at} ${restrict}
        GROUP BY o.subscriber_id),
     ${write}`,
    ...p.values,
  );
  const recomputed = counts!.recomputed;
  let removed = counts!.removed;
  const noPaidOrder = `NOT EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = cs.subscriber_id AND o.status = 'paid' AND o.paid_at <= $1::timestamptz)`;
  if ("ids" in which) {
    removed += await deps.db.prisma.$executeRawUnsafe(
      `DELETE FROM customer_stats cs WHERE cs.subscriber_id IN (SELECT jsonb_array_elements_text($2::jsonb)::int) AND ${noPaidOrder}`,
      now.toISOString(),
      JSON.stringify(which.ids),
    );
  }
  return { recomputed, removed, scored: counts!.scored };
}

/**
 * Erased customers are in no ranking (their customer_stats row stays, anonymous). As an anti-join on the
 * partial index of erased subscribers (a handful of rows), not a join with every subscriber.
 */
export const notErasedSql = (alias: string) => `NOT EXISTS (SELECT 1 FROM subscriber e WHERE e.id = ${alias}.subscriber_id AND e.erased_at IS NOT NULL)`;

/**
 * Scores every customer and stores the scores that changed. A quintile score is a function of how many
 * customers have a smaller value (percent_rank, rfm.ts), so "score >= k" is "value > the value at
 * position c_k of the sorted values" for a position c_k that depends only on how many customers are
 * ranked: four boundary values per dimension (percentile_disc, one sort each) and one pass that compares
 * each row with them, instead of three window functions over every row and a self-join.
 */
async function rank(deps: CoreDeps): Promise<number> {
  const now = deps.clock.now().toISOString();
  await deps.db.prisma.$executeRawUnsafe(
    `UPDATE customer_stats c SET r_score = NULL, f_score = NULL, m_score = NULL, rfm_class = NULL, rfm_at = $1::timestamptz
       FROM subscriber s
      WHERE s.id = c.subscriber_id AND s.erased_at IS NOT NULL AND (c.rfm_at IS NULL OR c.rfm_class IS NOT NULL)`,
    now,
  );
  const scores = scoresSql("c", RANKED_COLUMNS);
  const p = new SqlParams();
  const at = p.add(now, "timestamptz");
  const median = medianSql(deps, p);
  // One statement, so the count the positions come from and the values ranked are the same snapshot.
  return deps.db.prisma.$executeRawUnsafe(
    `WITH ${boundariesSql(`customer_stats x WHERE ${notErasedSql("x")}`, RANKED_COLUMNS, median?.column)}${median ? `,\n     ${median.stored}` : ""}
     UPDATE customer_stats c
        SET r_score = ${scores.r}, f_score = ${scores.f}, m_score = ${scores.m}, rfm_class = ${scores.rfmClass}, rfm_at = ${at}
       FROM t
      WHERE ${notErasedSql("c")} AND (c.rfm_at IS NULL OR (c.r_score, c.f_score, c.m_score) IS DISTINCT FROM (${scores.r}, ${scores.f}, ${scores.m}))`,
    ...p.values,
  );
}

/**
 * The median spend of the active repeat customers ("high value" for loyal, lifecycle.ts), when the settings
 * use it: a column of the boundaries' row t (the same pass over the ranked customers, the same people
 * computedMedianSpendSql reads) and the CTE that stores it.
 */
function medianSql(deps: CoreDeps, p: SqlParams): { column: string; stored: string } | undefined {
  const settings = analyticsSettingsOf(deps);
  if (settings.lifecycle.loyalMinSpent !== "median") return undefined;
  const churnedBefore = p.add(daysBefore(deps.clock.now(), settings.lifecycle.churnDays), "timestamptz");
  return {
    column: `coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.revenue) FILTER (WHERE x.orders_count >= 2 AND x.last_order_at > ${churnedBefore}), 0) AS median`,
    stored: `stored AS (INSERT INTO setting (key, value, updated_at) SELECT '${LOYAL_MEDIAN_SETTING}', to_jsonb(t.median::float8), ${p.add(deps.clock.now(), "timestamptz")} FROM t
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at)`,
  };
}

/** Where a relation keeps the values RFM ranks. */
interface RankedColumns {
  last: string;
  money: string;
  orders: string;
}

const RANKED_COLUMNS: RankedColumns = { last: "last_order_at", money: "window_revenue", orders: "window_orders" };

/**
 * CTEs n, b and t over `from` (a FROM clause whose rows are `x`): how many are ranked, the boundaries'
 * fractions, and t's one row of boundary values (r, m, f, plus `extra` columns).
 */
function boundariesSql(from: string, cols: RankedColumns, extra?: string): string {
  // Money sorted as float8: exact for numeric(14,2) (distinct amounts stay distinct and in order), and a
  // float8 sort is several times faster than a numeric one.
  return `n AS (SELECT count(*)::int AS everyone, count(*) FILTER (WHERE x.${cols.orders} >= 2)::int AS repeat FROM ${from}),
     b AS (SELECT ${boundaryFractionsSql("n.everyone", 1, 5)} AS everyone, ${boundaryFractionsSql("n.repeat", 2, 4)} AS repeat FROM n),
     t AS (SELECT percentile_disc((SELECT everyone FROM b)) WITHIN GROUP (ORDER BY x.${cols.last}) AS r,
                  percentile_disc((SELECT everyone FROM b)) WITHIN GROUP (ORDER BY x.${cols.money}::float8) AS m,
                  percentile_disc((SELECT repeat FROM b)) WITHIN GROUP (ORDER BY x.${cols.orders}) FILTER (WHERE x.${cols.orders} >= 2) AS f${extra ? `,\n                  ${extra}` : ""}
             FROM ${from})`;
}

/** R, F, M and the class of the row `row`, from t's boundaries. */
function scoresSql(row: string, cols: RankedColumns): { r: string; f: string; m: string; rfmClass: string } {
  const score = (value: string, boundaries: string, base: number) =>
    `(CASE ${Array.from({ length: 5 - base }, (_, j) => 5 - base - j)
      .map((i) => `WHEN ${value} > t.${boundaries}[${i}] THEN ${base + i}`)
      .join(" ")} ELSE ${base} END)`;
  const r = score(`${row}.${cols.last}`, "r", 1);
  const m = score(`${row}.${cols.money}::float8`, "m", 1);
  const f = `(CASE WHEN ${row}.${cols.orders} <= 1 THEN 1 ELSE ${score(`${row}.${cols.orders}`, "f", 2)} END)`;
  return { r, f, m, rfmClass: rfmClassSql(r, f, m) };
}
