// Runs recurring jobs whose schedules live in the database. A plain interval
// ticks; each tick asks the database which jobs are due (an indexed query on
// next_run_at), so a restart loses nothing, a run missed while the process was
// down happens late (once, not once per missed slot), and with several
// instances an advisory lock lets one of them run the jobs.
import type { CoreDeps } from "../deps.ts";
import { nextOccurrence } from "./cron.ts";

export interface JobRun {
  now: Date;
  /** The slot this run is for (earlier than now when it runs late). */
  scheduledFor: Date;
}

export interface JobDefinition {
  /** Stable id, e.g. "segments.daily-snapshot". */
  id: string;
  /** Five-field cron expression. */
  schedule: string;
  /** Timezone of the expression; the team's by default. */
  timezone?: string;
  /** Must be safe to run twice for the same slot (a crash may repeat it). What it returns is ignored. */
  run(run: JobRun): Promise<unknown>;
}

const SCHEDULER_LOCK_KEY = 72707370;
/** A failed job runs again this long after the failure (job-health.ts says so). */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export class Scheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private tick: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: CoreDeps) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.id)) throw new Error(`job ${job.id} registered twice`);
    nextOccurrence(job.schedule, job.timezone ?? this.deps.teamTimezone, this.deps.clock.now());
    this.jobs.set(job.id, job);
  }

  /** The registered jobs' ids. */
  jobIds(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs every job that is due now, once; returns the ids that ran. */
  async runDue(): Promise<string[]> {
    const ran = await this.deps.db.withAdvisoryLock(SCHEDULER_LOCK_KEY, () => this.runDueLocked(), false);
    return ran ?? [];
  }

  /** Ticks every `everySeconds` seconds until stop(); a tick that finds the last one still running is skipped. */
  start(everySeconds = 15): void {
    let busy = false;
    this.tick = setInterval(() => {
      if (busy) return;
      busy = true;
      this.running = this.runDue()
        .catch((err: unknown) => this.deps.logger.error({ err }, "scheduler tick failed"))
        .finally(() => (busy = false));
    }, everySeconds * 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.tick);
    this.tick = undefined;
    await this.running;
  }

  private async runDueLocked(): Promise<string[]> {
    const { prisma } = this.deps.db;
    const now = this.deps.clock.now();
    await this.syncDefinitions(now);
    const due = await prisma.scheduledJob.findMany({
      where: { nextRunAt: { lte: now }, id: { in: [...this.jobs.keys()] } },
      orderBy: { nextRunAt: "asc" },
    });
    const ran: string[] = [];
    for (const row of due) {
      const job = this.jobs.get(row.id)!;
      const log = this.deps.logger.child({ job: job.id, scheduledFor: row.nextRunAt.toISOString() });
      try {
        await job.run({ now, scheduledFor: row.nextRunAt });
        await prisma.scheduledJob.update({
          where: { id: row.id },
          data: {
            lastRunAt: now,
            lastError: null,
            runCount: { increment: 1 },
            nextRunAt: nextOccurrence(row.schedule, row.timezone, now),
          },
        });
        ran.push(job.id);
        log.info("job ran");
      } catch (err) {
        log.error({ err }, "job failed; it will be retried");
        await prisma.scheduledJob.update({
          where: { id: row.id },
          data: { lastError: err instanceof Error ? err.message : String(err), nextRunAt: new Date(now.getTime() + RETRY_AFTER_FAILURE_MS) },
        });
      }
    }
    return ran;
  }

  /** New jobs get their first slot; a changed schedule or timezone is re-planned from now. */
  private async syncDefinitions(now: Date): Promise<void> {
    const { prisma } = this.deps.db;
    const rows = new Map((await prisma.scheduledJob.findMany()).map((r) => [r.id, r]));
    for (const job of this.jobs.values()) {
      const timezone = job.timezone ?? this.deps.teamTimezone;
      const row = rows.get(job.id);
      if (row && row.schedule === job.schedule && row.timezone === timezone) continue;
      const nextRunAt = nextOccurrence(job.schedule, timezone, now);
      await prisma.scheduledJob.upsert({
        where: { id: job.id },
        create: { id: job.id, schedule: job.schedule, timezone, nextRunAt },
        update: { schedule: job.schedule, timezone, nextRunAt },
      });
    }
  }
}
