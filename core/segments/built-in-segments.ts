// The segments every store has without typing anything: consent states, each
// stage of the loyalty funnel, each RFM class, each NPS group, referrers and the referred. Each is an
// ordinary definition (so it compiles, previews and snapshots like a saved
// one); their sizes are counted per group in one grouped query each.
import type { CoreDeps } from "../deps.ts";
import { analyticsDb } from "../db/analytics-db.ts";
import { SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "./analytics-settings.ts";
import { notErasedSql } from "./customer-stats.ts";
import { countConsentAudiences, type ConsentAudienceSizes } from "./consent-audiences.ts";
import { LIFECYCLE_STAGES, lifecycleSql } from "./lifecycle.ts";
import { latestNpsSql, NPS_GROUPS, npsGroupSql } from "./nps-groups.ts";
import { RFM_CLASSES } from "./rfm.ts";
import type { Condition, SegmentDefinition } from "./segment-definition.ts";

export type BuiltInGroup = "consent" | "lifecycle" | "rfm" | "nps" | "referrals";

export interface BuiltInSegment {
  /** "subscribed", "lifecycle:loyal", "rfm:at_risk", "nps:detractor"... */
  key: string;
  group: BuiltInGroup;
  /** Locale key of its name. */
  label: string;
  definition: SegmentDefinition;
}

const def = (where: Condition): SegmentDefinition => ({ version: 1, where });

const CONSENT: [keyof ConsentAudienceSizes, string, Condition][] = [
  ["everyone", "segment-everyone", { kind: "everyone" }],
  ["subscribed", "segment-subscribed", { kind: "and", of: [{ kind: "consent", statuses: ["subscribed"] }, { kind: "not", of: { kind: "blocked" } }] }],
  ["pending", "segment-pending", { kind: "consent", statuses: ["pending"] }],
  ["unsubscribed", "segment-unsubscribed", { kind: "consent", statuses: ["unsubscribed"] }],
  ["declined", "seg-consent-declined", { kind: "consent", statuses: ["declined"] }],
  ["prospects", "seg-prospects", { kind: "consent", statuses: ["none"] }],
  ["blocked", "segment-blocked", { kind: "blocked" }],
];

export const BUILT_IN_SEGMENTS: readonly BuiltInSegment[] = [
  ...CONSENT.map(([key, label, where]) => ({ key, group: "consent" as const, label, definition: def(where) })),
  ...LIFECYCLE_STAGES.map((s) => ({ key: `lifecycle:${s}`, group: "lifecycle" as const, label: `seg-stage-${s}`, definition: def({ kind: "lifecycle", stages: [s] }) })),
  ...RFM_CLASSES.map((c) => ({ key: `rfm:${c}`, group: "rfm" as const, label: `seg-rfm-${c}`, definition: def({ kind: "rfm", classes: [c] }) })),
  ...NPS_GROUPS.map((g) => ({ key: `nps:${g}`, group: "nps" as const, label: `seg-nps-${g}`, definition: def({ kind: "nps", groups: [g] }) })),
  { key: "referrers", group: "referrals", label: "seg-referrers", definition: def({ kind: "referrals", op: ">=", value: 1 }) },
  { key: "referred", group: "referrals", label: "seg-referred-friends", definition: def({ kind: "referred" }) },
];

export function builtInSegment(key: string): BuiltInSegment | undefined {
  return BUILT_IN_SEGMENTS.find((s) => s.key === key.toLowerCase());
}

const HOUR_MS = 3_600_000;

/**
 * The size of every built-in segment, counted again only when something they read has changed since
 * the last count (the analytics_data_version sequence, advanced by triggers on every write to the
 * tables they read) or the clock entered another hour: lifecycle stages move with time, by the day.
 * Kept in the database, so every instance and a restarted one share it.
 */
export async function builtInSizes(deps: CoreDeps): Promise<Map<string, number>> {
  const { prisma } = deps.db;
  const bucket = new Date(Math.floor(deps.clock.now().getTime() / HOUR_MS) * HOUR_MS);
  const settings = JSON.stringify(analyticsSettingsOf(deps));
  const [state] = await prisma.$queryRawUnsafe<{ version: string; bucket: Date | null; sizes: { settings: string; sizes: Record<string, number> } | null }[]>(
    `WITH v AS (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS version FROM analytics_data_version)
     SELECT v.version::text AS version, c.bucket, c.sizes
       FROM v LEFT JOIN segment_size_cache c ON c.id = 1 AND c.version = v.version`,
  );
  const cached = state?.sizes;
  if (cached && state.bucket?.getTime() === bucket.getTime() && cached.settings === settings) return new Map(Object.entries(cached.sizes));
  const sizes = await countBuiltInSizes(deps);
  await prisma.$executeRawUnsafe(
    `INSERT INTO segment_size_cache (id, version, bucket, sizes) VALUES (1, $1::bigint, $2::timestamptz, $3::jsonb)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, bucket = excluded.bucket, sizes = excluded.sizes`,
    state?.version ?? "0",
    bucket.toISOString(),
    JSON.stringify({ settings, sizes: Object.fromEntries(sizes) }),
  );
  return sizes;
}

/** The size of every built-in segment, counted now: five grouped queries, not one count per segment. */
export async function countBuiltInSizes(primary: CoreDeps): Promise<Map<string, number>> {
  const deps = { ...primary, db: analyticsDb(primary) };
  const now = deps.clock.now();
  const sizes = new Map<string, number>(BUILT_IN_SEGMENTS.map((s) => [s.key, 0]));
  const grouped = async (prefix: string, sql: string, params: unknown[]) => {
    const rows = await deps.db.prisma.$queryRawUnsafe<{ k: string | null; n: number }[]>(sql, ...params);
    for (const r of rows) if (r.k !== null) sizes.set(`${prefix}:${r.k}`, r.n);
  };
  const lp = new SqlParams();
  const np = new SqlParams();
  // Four independent scans: on a PostgreSQL server they run on separate connections at once. Stages and
  // RFM classes come from one pass over customer_stats (the buyers); erased people are left out by an
  // anti-join on the few of them; "potential" (no paid order) is everybody else.
  const [consent, stats] = await Promise.all([
    countConsentAudiences(deps),
    deps.db.prisma.$queryRawUnsafe<{ stage: string; rfm: string | null; n: number }[]>(
      `SELECT ${lifecycleSql("cs", lp, now, analyticsSettingsOf(deps))} AS stage, cs.rfm_class AS rfm, count(*)::int AS n
         FROM customer_stats cs
        WHERE ${notErasedSql("cs")} GROUP BY 1, 2`,
      ...lp.values,
    ),
    deps.db.prisma
      .$queryRawUnsafe<{ referrers: number; referred: number }[]>(
        `SELECT (SELECT count(DISTINCT r.referrer_id) FROM referral r JOIN subscriber s ON s.id = r.referrer_id
                  WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= $1 AND s.erased_at IS NULL)::int AS referrers,
                (SELECT count(*) FROM referral r JOIN subscriber s ON s.id = r.friend_id WHERE s.erased_at IS NULL)::int AS referred`,
        now,
      )
      .then(([row]) => {
        sizes.set("referrers", row?.referrers ?? 0);
        sizes.set("referred", row?.referred ?? 0);
      }),
    grouped(
      "nps",
      `SELECT ${npsGroupSql("nps.score")} AS k, count(*)::int AS n
         FROM (${latestNpsSql(np, now)}) nps
        WHERE ${notErasedSql("nps")} GROUP BY 1`,
      np.values,
    ),
  ]);
  for (const [key] of CONSENT) sizes.set(key, consent[key]);
  let buyers = 0;
  for (const row of stats) {
    buyers += row.n;
    sizes.set(`lifecycle:${row.stage}`, (sizes.get(`lifecycle:${row.stage}`) ?? 0) + row.n);
    if (row.rfm !== null) sizes.set(`rfm:${row.rfm}`, (sizes.get(`rfm:${row.rfm}`) ?? 0) + row.n);
  }
  sizes.set("lifecycle:potential", consent.everyone - buyers);
  return sizes;
}
