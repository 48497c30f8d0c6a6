// What the team looks at for one segment: its size, its share of the base,
// how it splits by lifecycle stage, RFM class, source and language, and a few
// people in it. Everything comes from the segment's one compiled query.
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "./analytics-settings.ts";
import { compileSegment, type CompiledSegment } from "./compile-segment.ts";
import { lifecycleSql } from "./lifecycle.ts";
import type { SegmentDefinition } from "./segment-definition.ts";

export const BREAKDOWNS = ["lifecycle", "rfm", "source", "language"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface SampleCustomer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  email: string | null;
  phone: string | null;
  telegramId: string | null;
}

export interface SegmentReport {
  size: number;
  /** Everyone not erased: the base the share is of. */
  base: number;
  /** size / base, 0-1 (0 for an empty base). */
  share: number;
  /** Per dimension, value -> count, biggest first; "none" = no value (no RFM class yet, unknown source). */
  breakdowns: Record<Breakdown, { value: string; count: number }[]>;
  sample: SampleCustomer[];
}

export function compileFor(deps: CoreDeps, definition: SegmentDefinition): CompiledSegment {
  return compileSegment(definition, { now: deps.clock.now(), settings: analyticsSettingsOf(deps) });
}

export async function segmentSize(deps: CoreDeps, definition: SegmentDefinition): Promise<number> {
  const { sql, params } = compileFor(deps, definition);
  const rows = await deps.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${sql}) seg`, ...params);
  return rows[0]!.n;
}

export async function segmentReport(deps: CoreDeps, definition: SegmentDefinition, sampleSize = 5): Promise<SegmentReport> {
  const { sql, params } = compileFor(deps, definition);
  const { prisma } = deps.db;
  const more = new SqlParams(params.length);
  const stage = lifecycleSql("cs", more, deps.clock.now(), analyticsSettingsOf(deps));
  const groups = await prisma.$queryRawUnsafe<{ dim: Breakdown; value: string; n: number }[]>(
    `WITH seg AS (${sql}),
     rows AS (SELECT ${stage} AS lifecycle, coalesce(cs.rfm_class, 'none') AS rfm, coalesce(s.source, 'none') AS source, s.language
                FROM seg JOIN subscriber s ON s.id = seg.subscriber_id LEFT JOIN customer_stats cs ON cs.subscriber_id = s.id)
     SELECT CASE WHEN GROUPING(lifecycle) = 0 THEN 'lifecycle' WHEN GROUPING(rfm) = 0 THEN 'rfm'
                 WHEN GROUPING(source) = 0 THEN 'source' ELSE 'language' END AS dim,
            coalesce(lifecycle, rfm, source, language) AS value, count(*)::int AS n
       FROM rows GROUP BY GROUPING SETS ((lifecycle), (rfm), (source), (language))
      ORDER BY dim, n DESC, value`,
    ...params,
    ...more.values,
  );
  const sample = await prisma.$queryRawUnsafe<(Omit<SampleCustomer, "telegramId"> & { telegramId: string | null })[]>(
    `SELECT s.id, s.first_name AS "firstName", s.last_name AS "lastName", s.username, s.email, s.phone, s.telegram_id::text AS "telegramId"
       FROM (${sql}) seg JOIN subscriber s ON s.id = seg.subscriber_id
      ORDER BY s.id DESC LIMIT ${Math.max(0, Math.min(50, Math.floor(sampleSize)))}`,
    ...params,
  );
  const base = (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM subscriber WHERE erased_at IS NULL`))[0]!.n;
  const breakdowns = Object.fromEntries(BREAKDOWNS.map((b) => [b, [] as { value: string; count: number }[]])) as SegmentReport["breakdowns"];
  for (const g of groups) breakdowns[g.dim].push({ value: g.value, count: g.n });
  const size = breakdowns.language.reduce((sum, g) => sum + g.count, 0);
  return { size, base, share: base === 0 ? 0 : size / base, breakdowns, sample };
}
