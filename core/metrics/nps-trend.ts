// NPS week by week (Monday to Sunday in the team's timezone), for the trend
// line of the digest: each week counts each person's latest answer in it.
import type { CoreDeps } from "../deps.ts";
import { scopeSql, type MetricScope } from "./metric-scope.ts";
import { calendarPeriod } from "./period.ts";

export interface NpsWeek {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  responses: number;
  promoters: number;
  detractors: number;
  /** % promoters - % detractors; null for a week without answers. */
  nps: number | null;
}

export async function npsTrend(deps: CoreDeps, options: { weeks: number; until?: Date; scope?: MetricScope }): Promise<NpsWeek[]> {
  const until = options.until ?? deps.clock.now();
  const weeks = Array.from({ length: options.weeks }, (_, i) => calendarPeriod("week", until, deps.teamTimezone, i - options.weeks + 1));
  const { params: p, cte, has } = scopeSql(deps, options.scope);
  const tz = p.add(deps.teamTimezone, "text");
  const rows = await deps.db.prisma.$queryRawUnsafe<{ week: string; responses: number; promoters: number; detractors: number }[]>(
    `WITH ${cte}
     SELECT week::text AS week, count(*)::int AS responses, count(*) FILTER (WHERE score >= 9)::int AS promoters,
            count(*) FILTER (WHERE score <= 6)::int AS detractors
       FROM (SELECT DISTINCT ON (r.subscriber_id, date_trunc('week', r.answered_at AT TIME ZONE ${tz}))
                    date_trunc('week', r.answered_at AT TIME ZONE ${tz})::date AS week, r.score
               FROM survey_response r
              WHERE ${has("r.subscriber_id")} AND r.kind = 'nps' AND r.score IS NOT NULL
                AND r.answered_at >= ${p.add(weeks[0]!.from, "timestamptz")} AND r.answered_at < ${p.add(weeks.at(-1)!.to, "timestamptz")}
              ORDER BY r.subscriber_id, date_trunc('week', r.answered_at AT TIME ZONE ${tz}), r.answered_at DESC, r.id DESC) latest
      GROUP BY week`,
    ...p.values,
  );
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((w) => {
    const week = new Intl.DateTimeFormat("en-CA", { timeZone: deps.teamTimezone }).format(w.from);
    const r = byWeek.get(week);
    if (!r) return { week, responses: 0, promoters: 0, detractors: 0, nps: null };
    return { ...r, week, nps: ((r.promoters - r.detractors) / r.responses) * 100 };
  });
}
