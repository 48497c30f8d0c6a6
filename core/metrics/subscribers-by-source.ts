// New subscribers of a period and of the period before, per acquisition
// source: the "New subscribers" key figure (a confirmed subscription in the
// period, core/metrics/period-figures.ts) broken down, so the rows add up to
// the figure. null = people who came without a source.
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { previousPeriod, type Period } from "./period.ts";

export interface SourceGain {
  source: string | null;
  gained: number;
  previous: number;
}

export async function subscribersBySource(deps: CoreDeps, options: { period: Period }): Promise<SourceGain[]> {
  const p = new SqlParams();
  const from = p.add(options.period.from, "timestamptz");
  const to = p.add(options.period.to, "timestamptz");
  const before = p.add(previousPeriod(options.period).from, "timestamptz");
  return deps.db.prisma.$queryRawUnsafe<SourceGain[]>(
    `SELECT s.source,
            count(DISTINCT c.subscriber_id) FILTER (WHERE c.at >= ${from})::int AS gained,
            count(DISTINCT c.subscriber_id) FILTER (WHERE c.at < ${from})::int AS previous
       FROM consent_record c JOIN subscriber s ON s.id = c.subscriber_id
      WHERE c.status = 'subscribed' AND c.at >= ${before} AND c.at < ${to}
      GROUP BY s.source
      ORDER BY 2 DESC, 3 DESC, 1 NULLS LAST`,
    ...p.values,
  );
}
