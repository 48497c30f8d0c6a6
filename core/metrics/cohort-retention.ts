// Monthly cohort retention: customers grouped by the month of their first
// paid order (team's timezone); for each later month, the share of the cohort
// that paid an order in it. Month 0 is 100% by construction.
import type { CoreDeps } from "../deps.ts";
import { scopeSql, type MetricScope } from "./metric-scope.ts";
import { calendarPeriod } from "./period.ts";

export interface Cohort {
  /** YYYY-MM of the first paid order. */
  cohort: string;
  size: number;
  /** retention[k] = share (0-1) of the cohort who paid in month cohort + k, up to the current month. */
  retention: number[];
}

export async function cohortRetention(deps: CoreDeps, options: { months: number; until?: Date; scope?: MetricScope }): Promise<Cohort[]> {
  const until = options.until ?? deps.clock.now();
  const first = calendarPeriod("month", until, deps.teamTimezone, 1 - options.months).from;
  const end = calendarPeriod("month", until, deps.teamTimezone).to;
  const { params: p, cte, has } = scopeSql(deps, options.scope);
  const tz = p.add(deps.teamTimezone, "text");
  const from = p.add(first, "timestamptz");
  const to = p.add(end, "timestamptz");
  const rows = await deps.db.prisma.$queryRawUnsafe<{ cohort: string; k: number; n: number }[]>(
    `WITH ${cte},
     members AS (
       SELECT cs.subscriber_id, date_trunc('month', cs.first_order_at AT TIME ZONE ${tz}) AS cohort
         FROM customer_stats cs
        WHERE ${has("cs.subscriber_id")} AND cs.first_order_at >= ${from} AND cs.first_order_at < ${to}),
     active AS (
       SELECT DISTINCT o.subscriber_id, date_trunc('month', o.paid_at AT TIME ZONE ${tz}) AS month
         FROM "order" o JOIN members USING (subscriber_id)
        WHERE o.status = 'paid' AND o.paid_at >= ${from} AND o.paid_at < ${to})
     SELECT to_char(m.cohort, 'YYYY-MM') AS cohort,
            ((extract(year FROM a.month) - extract(year FROM m.cohort)) * 12 + extract(month FROM a.month) - extract(month FROM m.cohort))::int AS k,
            count(*)::int AS n
       FROM members m JOIN active a USING (subscriber_id)
      WHERE a.month >= m.cohort
      GROUP BY 1, 2 ORDER BY 1, 2`,
    ...p.values,
  );
  const cohorts = new Map<string, Map<number, number>>();
  for (const r of rows) cohorts.set(r.cohort, (cohorts.get(r.cohort) ?? new Map()).set(r.k, r.n));
  const last = new Intl.DateTimeFormat("en-CA", { timeZone: deps.teamTimezone, year: "numeric", month: "2-digit" }).format(until);
  return [...cohorts].map(([cohort, counts]) => {
    const size = counts.get(0) ?? 0;
    const span = monthsBetween(cohort, last);
    return { cohort, size, retention: Array.from({ length: span + 1 }, (_, k) => (size > 0 ? (counts.get(k) ?? 0) / size : 0)) };
  });
}

function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split("-").map(Number) as [number, number];
  const [by, bm] = b.split("-").map(Number) as [number, number];
  return (by - ay) * 12 + bm - am;
}
