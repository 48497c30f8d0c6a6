// Every customer's loyalty-funnel stage and RFM class as of an instant (the
// start of a week in the team's timezone), kept per customer so the digest can
// count who moved from which stage to which with one query.
//
// A snapshot is computed from the paid orders before the instant - the stage
// rules of core/segments/lifecycle.ts and the RFM quintiles of
// core/segments/rfm.ts evaluated "as of" it - so one taken late (the process
// was down on Monday) or for a past week (the first digest after installing)
// is the one an on-time job would have taken. The weekly job still takes it on
// time, which freezes history as it was known then (a refund next month does
// not rewrite last week's flows).
import type { CoreDeps } from "../deps.ts";
import { daysBefore, SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { LIFECYCLE_STAGES, lifecycleSql, type LifecycleStage } from "../segments/lifecycle.ts";
import { frequencySql, quintileSql, RFM_CLASSES, rfmClassSql, type RfmClass } from "../segments/rfm.ts";

/** Weekly snapshots older than this are pruned; the digest reads the last two. */
export const SNAPSHOT_KEEP_WEEKS = 13;

/** Takes the snapshot as of `at` unless it exists; returns the number of customers in it. */
export async function takeStageSnapshot(deps: CoreDeps, options: { at: Date }): Promise<number> {
  const { prisma } = deps.db;
  const existing = await prisma.stageSnapshot.findUnique({ where: { takenFor: options.at } });
  if (existing) return existing.customers;
  const settings = analyticsSettingsOf(deps);
  const p = new SqlParams();
  const at = p.add(options.at, "timestamptz");
  const windowStart = p.add(daysBefore(options.at, settings.rfmWindowDays), "timestamptz");
  // The same aggregates customer_stats keeps, as of the instant; erased people are in no segment.
  const customers = await prisma.$executeRawUnsafe(
    `WITH agg AS (
       SELECT o.subscriber_id, count(*)::int AS orders_count, sum(o.amount) AS revenue, max(o.paid_at) AS last_order_at,
              count(*) FILTER (WHERE o.paid_at > ${windowStart})::int AS window_orders,
              coalesce(sum(o.amount) FILTER (WHERE o.paid_at > ${windowStart}), 0) AS window_revenue
         FROM "order" o JOIN subscriber s ON s.id = o.subscriber_id AND s.erased_at IS NULL
        WHERE o.status = 'paid' AND o.paid_at < ${at}
        GROUP BY o.subscriber_id),
     scored AS (
       SELECT agg.*, ${quintileSql("agg.last_order_at")} AS r, ${frequencySql("agg.window_orders")} AS f,
              ${quintileSql("agg.window_revenue")} AS m
         FROM agg)
     INSERT INTO stage_snapshot_customer (taken_for, subscriber_id, stage, rfm_class)
     SELECT ${at}, s.id, ${lifecycleSql("x", p, options.at, settings, { customers: "agg" })},
            CASE WHEN x.subscriber_id IS NULL THEN NULL ELSE ${rfmClassSql("x.r", "x.f", "x.m")} END
       FROM subscriber s LEFT JOIN scored x ON x.subscriber_id = s.id
      WHERE s.erased_at IS NULL AND (s.created_at < ${at} OR x.subscriber_id IS NOT NULL)
     ON CONFLICT (taken_for, subscriber_id) DO NOTHING`,
    ...p.values,
  );
  // Written after the rows: a crash in between leaves no header, and the next call completes the rows.
  const counted = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM stage_snapshot_customer WHERE taken_for = $1::timestamptz`,
    options.at.toISOString(),
  );
  const n = counted[0]?.n ?? 0;
  await prisma.stageSnapshot.upsert({
    where: { takenFor: options.at },
    create: { takenFor: options.at, customers: n, takenAt: deps.clock.now() },
    update: {},
  });
  deps.logger.info({ at: options.at.toISOString(), customers: n, inserted: customers }, "stage snapshot taken");
  return n;
}

/** Drops snapshots older than SNAPSHOT_KEEP_WEEKS weeks before `now`. */
export async function pruneStageSnapshots(deps: CoreDeps): Promise<number> {
  const before = daysBefore(deps.clock.now(), SNAPSHOT_KEEP_WEEKS * 7);
  const rows = await deps.db.prisma.stageSnapshotCustomer.deleteMany({ where: { takenFor: { lt: before } } });
  await deps.db.prisma.stageSnapshot.deleteMany({ where: { takenFor: { lt: before } } });
  return rows.count;
}

export interface StageCount<K extends string> {
  key: K;
  /** Customers in it at the start (the earlier snapshot). */
  before: number;
  /** Customers in it at the end (the later snapshot). */
  after: number;
}

export interface StageFlow<K extends string> {
  /** null: not in the earlier snapshot (became known, or had no stage/class yet). */
  from: K | null;
  /** null: not in the later snapshot (erased). */
  to: K | null;
  count: number;
}

export interface StageMovement {
  stages: StageCount<LifecycleStage>[];
  stageFlows: StageFlow<LifecycleStage>[];
  rfm: StageCount<RfmClass>[];
  rfmFlows: StageFlow<RfmClass>[];
}

/**
 * Who moved between two snapshots: one query, grouped by (stage before, stage
 * after) and by (RFM class before, class after). Sizes at either end are sums
 * of the flows. Both snapshots are taken first if they are missing.
 */
export async function stageMovement(deps: CoreDeps, options: { from: Date; to: Date }): Promise<StageMovement> {
  await takeStageSnapshot(deps, { at: options.from });
  await takeStageSnapshot(deps, { at: options.to });
  const rows = await deps.db.prisma.$queryRawUnsafe<
    { kind: "stage" | "rfm"; before: string | null; after: string | null; n: number }[]
  >(
    `SELECT CASE WHEN GROUPING(a.stage, b.stage) = 0 THEN 'stage' ELSE 'rfm' END AS kind,
            coalesce(a.stage, a.rfm_class) AS before, coalesce(b.stage, b.rfm_class) AS after, count(*)::int AS n
       FROM (SELECT subscriber_id, stage, rfm_class FROM stage_snapshot_customer WHERE taken_for = $1::timestamptz) a
       FULL JOIN (SELECT subscriber_id, stage, rfm_class FROM stage_snapshot_customer WHERE taken_for = $2::timestamptz) b
         ON a.subscriber_id = b.subscriber_id
      GROUP BY GROUPING SETS ((a.stage, b.stage), (a.rfm_class, b.rfm_class))`,
    options.from.toISOString(),
    options.to.toISOString(),
  );
  return {
    ...summarize(rows.filter((r) => r.kind === "stage"), LIFECYCLE_STAGES, "stages", "stageFlows"),
    ...summarize(rows.filter((r) => r.kind === "rfm"), RFM_CLASSES, "rfm", "rfmFlows"),
  } as StageMovement;
}

function summarize<K extends string, S extends string, F extends string>(
  rows: { before: string | null; after: string | null; n: number }[],
  keys: readonly K[],
  sizes: S,
  flows: F,
): Record<S, StageCount<K>[]> & Record<F, StageFlow<K>[]> {
  const counts = keys.map((key) => ({
    key,
    before: rows.filter((r) => r.before === key).reduce((a, r) => a + r.n, 0),
    after: rows.filter((r) => r.after === key).reduce((a, r) => a + r.n, 0),
  }));
  const moved = rows
    .filter((r) => r.before !== r.after && r.n > 0)
    .map((r) => ({ from: r.before as K | null, to: r.after as K | null, count: r.n }))
    .sort((x, y) => y.count - x.count || String(x.from).localeCompare(String(y.from)) || String(x.to).localeCompare(String(y.to)));
  return { [sizes]: counts, [flows]: moved } as Record<S, StageCount<K>[]> & Record<F, StageFlow<K>[]>;
}

/**
 * Where the customers who entered a stage or class between two snapshots (or
 * left it) came from - their acquisition source - largest group first; null
 * = no source recorded.
 */
export async function moversBySource(
  deps: CoreDeps,
  options: { from: Date; to: Date; direction: "entered" | "left" } & ({ stage: LifecycleStage } | { rfmClass: RfmClass }),
): Promise<{ source: string | null; count: number }[]> {
  const column = "stage" in options ? "stage" : "rfm_class";
  const value = "stage" in options ? options.stage : options.rfmClass;
  // Entered: in it at the end and not at the start; left: the other way round.
  const [inside, outside] = options.direction === "entered" ? [options.to, options.from] : [options.from, options.to];
  return deps.db.prisma.$queryRawUnsafe<{ source: string | null; count: number }[]>(
    `SELECT s.source, count(*)::int AS count
       FROM stage_snapshot_customer b JOIN subscriber s ON s.id = b.subscriber_id
       LEFT JOIN stage_snapshot_customer a ON a.subscriber_id = b.subscriber_id AND a.taken_for = $1::timestamptz
      WHERE b.taken_for = $2::timestamptz AND b.${column} = $3::text AND a.${column} IS DISTINCT FROM $3::text
      GROUP BY s.source ORDER BY 2 DESC, 1 NULLS LAST`,
    outside.toISOString(),
    inside.toISOString(),
    value,
  );
}
