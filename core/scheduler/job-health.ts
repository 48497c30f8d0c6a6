// What an engineer operating the bot watches (GET /status): whether each
// recurring job is keeping to its schedule, and how fresh the precomputed
// figures are. A job that keeps failing is retried every 5 minutes and logs
// each failure, but nothing else shows it; a scheduler that stopped running
// (a job hung while holding the lock, no instance running it) logs nothing at
// all. Meanwhile the answers stay exact but grow slow: a segment on spent_90d
// reads every order since the rolling windows' anchor, and /metrics counts
// the orders of every day the rollup has not built. The job table is shared,
// so any instance answers for all of them.
import type { CoreDeps } from "../deps.ts";
import { windowStatsAnchor } from "../segments/customer-stats.ts";
import { RETRY_AFTER_FAILURE_MS } from "./scheduler.ts";

/** A job whose slot passed this long ago without a run is late: the scheduler is not getting to it. */
export const LATE_AFTER_MS = 15 * 60_000;

export type JobState = "ok" | "failing" | "late";

export interface JobHealth {
  id: string;
  schedule: string;
  state: JobState;
  /** The last run that succeeded (null: none yet). */
  lastSucceededAt: string | null;
  nextRunAt: string;
}

export interface ProductStatus {
  /** "degraded" when a job is failing or late: the figures stay exact, but grow stale or slow. */
  status: "ok" | "degraded";
  jobs: JobHealth[];
  /** Short sentences for a person: what is wrong and what it costs. Empty when all is well. */
  problems: string[];
  figures: {
    /** The instant customer_stats' rolling windows are exact as of (segments.refresh-rfm moves it hourly); null before the first run. */
    rollingWindowsAsOf: string | null;
    /** Every day before this one (the team's timezone) is in the metrics' daily rollup (metrics.order-days); null before its first run. */
    dailyRollupBuiltTo: string | null;
  };
}

/** What each job's trouble costs the team, in words; the rest get a general sentence. */
const CONSEQUENCE: Record<string, string> = {
  "segments.refresh-rfm": "RFM classes age, and segments on orders or spend within 30, 90 or 365 days (spent_90d...) get slower with every hour",
  "metrics.order-days": "/metrics and the digest count the orders of the days not rolled up (slower, still exact)",
  "digest.weekly": "the weekly digest is not posted",
  "chains.tick": "trigger chains do not advance",
  "team.alert-retry": "team cards that Slack refused are not posted again",
  "segments.daily-snapshot": "segment trends miss days",
};

/** The registered jobs' health, as stored by the scheduler (core/scheduler/scheduler.ts). */
export async function readProductStatus(deps: Pick<CoreDeps, "db" | "clock">, jobIds: readonly string[]): Promise<ProductStatus> {
  const now = deps.clock.now().getTime();
  const [rows, anchor, rollup] = await Promise.all([
    deps.db.prisma.scheduledJob.findMany({ where: { id: { in: [...jobIds] } }, orderBy: { id: "asc" } }),
    windowStatsAnchor(deps.db),
    deps.db.prisma.$queryRawUnsafe<{ built_to: string }[]>(`SELECT built_to::text AS built_to FROM order_day_state WHERE id = 1`),
  ]);
  const jobs = rows.map((row): JobHealth => {
    const state: JobState = row.lastError !== null ? "failing" : row.nextRunAt.getTime() < now - LATE_AFTER_MS ? "late" : "ok";
    return { id: row.id, schedule: row.schedule, state, lastSucceededAt: row.lastRunAt?.toISOString() ?? null, nextRunAt: row.nextRunAt.toISOString() };
  });
  const problems = jobs
    .filter((j) => j.state !== "ok")
    .map((j) => {
      const since = j.lastSucceededAt ? `last succeeded ${j.lastSucceededAt}` : "never succeeded";
      const what = j.state === "failing" ? `is failing (its error is in the log, retried every ${RETRY_AFTER_FAILURE_MS / 60_000} minutes)` : `is late: due ${j.nextRunAt} and not run`;
      return `${j.id} ${what}; ${since}: ${CONSEQUENCE[j.id] ?? "its work waits"}.`;
    });
  return {
    status: problems.length ? "degraded" : "ok",
    jobs,
    problems,
    figures: {
      rollingWindowsAsOf: anchor.getTime() === 0 ? null : anchor.toISOString(),
      dailyRollupBuiltTo: rollup[0]?.built_to ?? null,
    },
  };
}
