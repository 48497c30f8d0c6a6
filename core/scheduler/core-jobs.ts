// The product's recurring jobs, as data: id, cron schedule and what to run.
// The composition root registers them with the Scheduler; tests can list them.
import { expireDrafts } from "../campaigns/drafts.ts";
import type { ChainEngine } from "../chains/chain-engine.ts";
import { digestDestinationsFrom, type Config } from "../config.ts";
import type { CoreDeps } from "../deps.ts";
import { publishWeeklyDigest } from "../digest/publish-digest.ts";
import { pruneStageSnapshots, takeStageSnapshot } from "../digest/stage-snapshots.ts";
import { pruneProcessedSlackEvents, pruneProcessedUpdates } from "../inbox/processed-updates.ts";
import { refreshOrderDays } from "../metrics/order-days.ts";
import { calendarPeriod } from "../metrics/period.ts";
import type { DigestOutlet } from "../digest/digest-outlet.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { takeSegmentSnapshots } from "../segments/segment-sizes.ts";
import { closeExpiredReasons } from "../surveys/answer-survey.ts";
import { retryTeamAlerts } from "../team-threads/alert-team.ts";
import type { JobDefinition } from "./scheduler.ts";

export interface CoreJobParts {
  chains: ChainEngine;
  /** Where the weekly digest can go (the configured transports). */
  digestOutlets: { slack?: DigestOutlet; telegram?: DigestOutlet };
}

export function coreJobs(core: CoreDeps, config: Config, { chains, digestOutlets }: CoreJobParts): JobDefinition[] {
  const { logger } = core;
  const jobs: JobDefinition[] = [
    {
      id: "chains.tick",
      schedule: "* * * * *",
      run: async () => {
        const result = await chains.tick();
        if (result.enrolled || result.exited || result.steps) logger.info(result, "chains advanced");
      },
    },
    { id: "telegram.prune-processed-updates", schedule: "17 3 * * *", run: () => pruneProcessedUpdates(core) },
    { id: "slack.prune-processed-events", schedule: "19 3 * * *", run: () => pruneProcessedSlackEvents(core) },
    { id: "segments.refresh-rfm", schedule: "7 * * * *", run: () => refreshCustomerStats(core) },
    // The metrics' daily rollup of orders: days that ended an hour ago, and days a late change marked (core/metrics/order-days.ts).
    {
      id: "metrics.order-days",
      schedule: "*/5 * * * *",
      run: async () => {
        const result = await refreshOrderDays(core);
        if (result && result.days > 0) logger.info(result, "daily rollup of orders refreshed");
      },
    },
    { id: "segments.daily-snapshot", schedule: "55 23 * * *", run: ({ scheduledFor }) => takeSegmentSnapshots(core, { at: scheduledFor }) },
    { id: "surveys.close-expired", schedule: "*/10 * * * *", run: () => closeExpiredReasons(core) },
    // Drafts nobody scheduled (pre-flight cards left open) expire quietly after a day.
    { id: "campaigns.expire-drafts", schedule: "17 * * * *", run: () => expireDrafts(core) },
    { id: "team.alert-retry", schedule: "* * * * *", run: () => retryTeamAlerts(core) },
    {
      id: "digest.stage-snapshot",
      // Just after the week starts: every customer's funnel stage and RFM class as of Monday 00:00.
      schedule: "1 0 * * 1",
      run: async ({ now }) => {
        await takeStageSnapshot(core, { at: calendarPeriod("week", now, config.TZ_TEAM).from });
        await pruneStageSnapshots(core);
      },
    },
  ];
  if (config.DIGEST_CRON !== "off") {
    // The weekly digest (docs: "Weekly digest"): last week's figures to DIGEST_CHANNELS and DIGEST_TELEGRAM_CHATS.
    const destinations = digestDestinationsFrom(config);
    jobs.push({
      id: "digest.weekly",
      schedule: config.DIGEST_CRON,
      run: async ({ now }) => {
        if (destinations.length === 0) {
          logger.warn("weekly digest: no destination (set SLACK_TEAM_CHANNEL, DIGEST_CHANNELS or DIGEST_TELEGRAM_CHATS)");
          return;
        }
        const result = await publishWeeklyDigest(core, { destinations, outlets: digestOutlets, at: now });
        logger.info(result, "weekly digest done");
      },
    });
  }
  return jobs;
}
