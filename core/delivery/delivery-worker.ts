// The delivery worker: claims due outbox rows (FOR UPDATE SKIP LOCKED, so any
// number of instances share the work), re-checks consent, quiet hours and the
// frequency cap at send time, waits for a send slot, reads the subscriber's
// consent, block and erasure once more (the wait can be long), sends through
// the Channel port and writes every outcome back to its row at once.
//
// Crash safety: a claimed row is 'sending'; its outcome is written right after
// its send returns. After a crash, rows left 'sending' by a dead instance go
// back to 'pending' (an instance's liveness is its session advisory lock on
// PostgreSQL; PGlite has one process). Only a message whose send had started
// and whose outcome was not yet written can go out twice: at most one per
// concurrent send slot (DELIVERY_CONCURRENCY). A send Telegram accepted is
// never re-queued, even when writing its outcome fails (see `unrecorded`).
import crypto from "node:crypto";
import type { CoreDeps } from "../deps.ts";
import type { OutgoingMessage } from "../ports.ts";
import { campaignMessageSchema, renderTemplate, type MessageTemplate } from "../campaigns/message-template.ts";
import { quietHoursEnd } from "./contact-policy.ts";
import { deliveryPayloadSchema, type DeliveryContent } from "./delivery-content.ts";
import { announceTestStarted, decideDueTests } from "../campaigns/ab-winner.ts";
import { isVariantB } from "../campaigns/ab-types.ts";
import { completeFinishedCampaigns, materializeDueCampaigns } from "../campaigns/materialize.ts";
import { Pacer, realSleep, type Sleep } from "./pacer.ts";
import { linkToken } from "./tracked-links.ts";
import { SentOutcomeWriter, type SentRecord } from "./outcome-writer.ts";
import { dialogueDispatchers } from "./dialogue-dispatchers.ts";
import type { ClaimedDelivery, ContentDispatcher, DispatchOutcome } from "./content-dispatcher.ts";
import { SubscriberStateReader, subscriberStateColumns, subscriberStateOf } from "./subscriber-state.ts";

export interface DeliveryWorkerOptions {
  ratePerSecond: number;
  paidBroadcast?: boolean;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Rows claimed per round. */
  batchSize?: number;
  maxAttempts?: number;
  perChatIntervalMs?: number;
  /** How long to wait when nothing is due. */
  idleMs?: number;
  /** Public base URL for tracked links; without it buttons carry their target URL. */
  publicUrl?: string | undefined;
  linkSecret?: Buffer;
  sleep?: Sleep;
  /** Sends surveys and flows; the dialogue features by default. */
  dispatchers?: Partial<Record<"survey" | "flow", ContentDispatcher>>;
}

export interface RoundResult {
  claimed: number;
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
}

const DELIVERY_LOCK_NAMESPACE = 4242;

export class DeliveryWorker {
  readonly instanceId = crypto.randomInt(1, 2 ** 31 - 1);
  private readonly pacer: Pacer;
  /** Real time (performance.now) of the latest send: ingestion yields while a campaign is going out. */
  private lastSendAt = -Infinity;
  private readonly sentWriter: SentOutcomeWriter;
  private readonly subscriberState: SubscriberStateReader;
  private readonly sleep: Sleep;
  private readonly options: Required<Pick<DeliveryWorkerOptions, "concurrency" | "batchSize" | "maxAttempts" | "idleMs">> & DeliveryWorkerOptions;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private releaseInstanceLock: (() => Promise<void>) | undefined;
  /**
   * Messages Telegram accepted whose 'sent' outcome could not be written even
   * after the writer's retries. Their rows stay 'sending', claimed by this
   * instance: the claim only takes 'pending' rows, other instances leave rows
   * of a live instance alone, and stop() does not give these back - so they are
   * never sent again while this instance lives. Each round tries to write them
   * once more. If the process ends before one is written, its row is like any
   * row whose send was in flight at a crash: recovery re-queues it (README
   * "Crash safety").
   */
  private readonly unrecorded = new Map<bigint, SentRecord>();
  private campaignContent = new Map<number, { kind: string; message?: ReturnType<typeof campaignMessageSchema.parse>; surveyId?: string | null; surveyIdB?: string | null; flowId?: string | null }>();

  constructor(
    private readonly deps: CoreDeps,
    options: DeliveryWorkerOptions,
  ) {
    this.options = { concurrency: 16, batchSize: 200, maxAttempts: 5, idleMs: 1000, ...options };
    this.sleep = options.sleep ?? realSleep;
    this.sentWriter = new SentOutcomeWriter(deps.db, { sleep: this.sleep });
    this.subscriberState = new SubscriberStateReader(deps.db);
    this.pacer = new Pacer(deps, { ratePerSecond: options.ratePerSecond, perChatIntervalMs: options.perChatIntervalMs ?? 1000 }, this.sleep);
  }

  /** Registers this instance as alive and puts rows orphaned by dead instances back in the queue. */
  async init(): Promise<void> {
    this.releaseInstanceLock = await this.deps.db.holdSessionLock(DELIVERY_LOCK_NAMESPACE, this.instanceId);
    await this.recoverOrphans();
  }

  start(): void {
    this.loop = (async () => {
      let lastRecovery = Date.now();
      while (!this.stopping) {
        try {
          await this.housekeeping();
          const round = await this.runRound();
          if (Date.now() - lastRecovery > 10_000) {
            lastRecovery = Date.now();
            await this.recoverOrphans();
          }
          // oxlint-disable-next-line typescript/no-unnecessary-condition -- stop() may have set it while the round ran
          if (round.claimed === 0 && !this.stopping) await realSleep(this.options.idleMs);
        } catch (err) {
          this.deps.logger.error({ err }, "delivery round failed");
          await realSleep(this.options.idleMs);
        }
      }
    })();
  }

  /** Stops claiming, lets sends in flight finish, and gives unsent claims back. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
    await this.writeUnrecorded();
    // Sent messages whose outcome is still unwritten are not given back: they went out.
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery SET status = 'pending', claimed_by = NULL, attempts = greatest(attempts - 1, 0)
        WHERE status = 'sending' AND claimed_by = $1 AND NOT (id = ANY($2::bigint[]))`,
      this.instanceId,
      [...this.unrecorded.keys()].map(String),
    );
    if (this.unrecorded.size > 0) {
      this.deps.logger.error(
        { deliveryIds: [...this.unrecorded.keys()].map(String) },
        "stopping with sent messages whose outcome could not be written; their rows stay 'sending' (recovery will re-queue them once this instance is gone)",
      );
    }
    // A campaign whose last messages went out in this instance's final round is closed now, not by the next instance.
    await completeFinishedCampaigns(this.deps).catch((err: unknown) => this.deps.logger.warn({ err }, "could not close finished campaigns while stopping"));
    await this.releaseInstanceLock?.();
  }

  /** Campaigns whose time has come get their audience; finished ones are closed. */
  async housekeeping(): Promise<void> {
    for (const started of await materializeDueCampaigns(this.deps)) await announceTestStarted(this.deps, started.campaignId);
    await decideDueTests(this.deps);
    await completeFinishedCampaigns(this.deps);
  }

  /** Claims one batch of due rows and processes all of them. Tests call this directly. */
  async runRound(): Promise<RoundResult> {
    await this.writeUnrecorded();
    const rows = await this.claim();
    const result: RoundResult = { claimed: rows.length, sent: 0, failed: 0, skipped: 0, deferred: 0 };
    if (rows.length === 0) return result;
    await this.loadCampaigns(rows);
    let next = 0;
    const slot = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const outcome = await this.process(row).catch(async (err: unknown) => {
          this.deps.logger.error({ err, deliveryId: String(row.id) }, "delivery failed unexpectedly");
          await this.retryOrFail(row, err instanceof Error ? err.message : String(err));
          return "failed" as const;
        });
        result[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, rows.length) }, slot));
    return result;
  }

  /** Runs rounds until nothing is due now (tests and the bench). */
  async drain(): Promise<RoundResult> {
    const total: RoundResult = { claimed: 0, sent: 0, failed: 0, skipped: 0, deferred: 0 };
    for (;;) {
      const r = await this.runRound();
      if (r.claimed === 0) return total;
      for (const k of Object.keys(total) as (keyof RoundResult)[]) total[k] += r[k];
    }
  }

  async recoverOrphans(): Promise<number> {
    const owners = await this.deps.db.prisma.$queryRawUnsafe<{ claimed_by: number }[]>(
      `SELECT DISTINCT claimed_by FROM delivery WHERE status = 'sending' AND claimed_by IS NOT NULL AND claimed_by <> $1`,
      this.instanceId,
    );
    let recovered = 0;
    for (const { claimed_by } of owners) {
      if (await this.deps.db.isSessionLockHeld(DELIVERY_LOCK_NAMESPACE, claimed_by)) continue;
      recovered += await this.deps.db.prisma.$executeRawUnsafe(
        `UPDATE delivery SET status = 'pending', claimed_by = NULL WHERE status = 'sending' AND claimed_by = $1`,
        claimed_by,
      );
    }
    if (recovered > 0) this.deps.logger.warn({ recovered }, "re-queued deliveries left in flight by a stopped instance");
    return recovered;
  }

  private async claim(): Promise<ClaimedDelivery[]> {
    const now = this.deps.clock.now();
    const cap = this.deps.policy.frequencyCap;
    // recent_marketing: the subscriber's marketing messages sent within the cap's
    // window plus those being sent right now ('sending', claimed by another
    // instance or left unrecorded by this one); the subquery sees the table as it
    // was before this statement, so the rows claimed here are not in it.
    // claim_rank: the row's place among this claim's rows of the same subscriber
    // and kind, so one claim never takes more marketing messages for a person
    // than the cap still allows (two campaigns due at the same minute).
    const rows = await this.deps.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `WITH due AS (
         SELECT d.id, d.subscriber_id, d.kind, d.not_before
           FROM delivery d
           LEFT JOIN campaign c ON c.id = d.campaign_id
          WHERE d.status = 'pending' AND d.not_before <= $1
            -- A retry waits for its time but keeps its place (not_before, id) in the queue.
            AND (d.retry_at IS NULL OR d.retry_at <= $1)
            AND (d.campaign_id IS NULL OR c.status = 'running')
            -- The rest of an A/B test waits for the winner (ab-winner.ts).
            AND d.variant <> 'R'
            -- A paused chain's queued messages wait for its resume.
            AND (d.chain_enrollment_id IS NULL OR NOT EXISTS (
                  SELECT 1 FROM chain_enrollment ce JOIN chain_state cs ON cs.chain_id = ce.chain_id
                   WHERE ce.id = d.chain_enrollment_id AND cs.paused_at IS NOT NULL))
            -- One chat, one sender: while any instance is sending to this person, or sent
            -- them something in the last second, their next row waits for a later round
            -- (Telegram's one message per second per chat holds across instances).
            AND NOT EXISTS (SELECT 1 FROM delivery x
                             WHERE x.subscriber_id = d.subscriber_id
                               AND (x.status = 'sending' OR (x.status = 'sent' AND x.sent_at > $1::timestamptz - interval '1 second')))
          ORDER BY d.not_before, d.id
          LIMIT $2
          FOR UPDATE OF d SKIP LOCKED
       ),
       ranked AS (
         SELECT id, row_number() OVER (PARTITION BY subscriber_id, kind ORDER BY not_before, id)::int AS claim_rank FROM due
       )
       UPDATE delivery
          SET status = 'sending', claimed_by = $3, claimed_at = $1, attempts = delivery.attempts + 1
         FROM ranked, subscriber s
        WHERE delivery.id = ranked.id AND s.id = delivery.subscriber_id
    RETURNING delivery.id, delivery.subscriber_id, delivery.campaign_id, delivery.chain_enrollment_id, delivery.variant,
              delivery.kind, delivery.attempts, delivery.payload, delivery.parts_sent,
              ${subscriberStateColumns("s")}, ranked.claim_rank,
              (SELECT count(*)::int FROM delivery x
                WHERE x.subscriber_id = delivery.subscriber_id AND x.kind = 'marketing'
                  AND (x.status = 'sending'
                       OR (x.status = 'sent' AND x.sent_at > $1::timestamptz - ($4::int * interval '1 day')))) AS recent_marketing`,
      now,
      this.options.batchSize,
      this.instanceId,
      cap.days,
    );
    return rows.map((r) => ({
      id: r.id as bigint,
      subscriberId: r.subscriber_id as number,
      campaignId: (r.campaign_id as number | null) ?? null,
      chainEnrollmentId: (r.chain_enrollment_id as number | null) ?? null,
      variant: r.variant as string,
      kind: r.kind as string,
      attempts: r.attempts as number,
      payload: r.payload,
      partsSent: r.parts_sent as number,
      ...subscriberStateOf(r),
      recentMarketing: r.recent_marketing as number,
      claimRank: r.claim_rank as number,
    }));
  }

  private async loadCampaigns(rows: ClaimedDelivery[]): Promise<void> {
    const missing = [...new Set(rows.map((r) => r.campaignId).filter((id): id is number => id !== null && !this.campaignContent.has(id)))];
    if (missing.length === 0) return;
    const campaigns = await this.deps.db.prisma.campaign.findMany({ where: { id: { in: missing } } });
    for (const c of campaigns) {
      this.campaignContent.set(c.id, {
        kind: c.kind,
        ...(c.kind === "message" ? { message: campaignMessageSchema.parse(c.message) } : {}),
        surveyId: c.surveyId,
        surveyIdB: c.surveyIdB,
        flowId: c.flowId,
      });
    }
  }

  private async process(row: ClaimedDelivery): Promise<keyof Omit<RoundResult, "claimed">> {
    // Consent is checked at claim time (someone who left after scheduling gets nothing)
    // and once more right before the send, after the pacer's wait (below).
    const ineligible = ineligibility(row);
    if (ineligible) {
      await this.finish(row, "skipped", ineligible);
      return "skipped";
    }
    const now = this.deps.clock.now();
    const wakeAt = quietHoursEnd(now, row.timezone ?? this.deps.teamTimezone, this.deps.policy.quietHours);
    if (wakeAt) {
      await this.defer(row, wakeAt);
      return "deferred";
    }
    const content = this.contentOf(row);
    if (!content) {
      await this.finish(row, "failed", "nothing to send");
      return "failed";
    }
    if (row.kind === "marketing" && (await this.overCap(row, content))) {
      await this.finish(row, "skipped", "frequency_cap");
      return "skipped";
    }
    const nextTriggeredSlot = row.kind === "marketing" && row.chainEnrollmentId !== null ? await this.triggeredSlot(row) : undefined;
    if (nextTriggeredSlot) {
      await this.defer(row, nextTriggeredSlot, "triggered_daily_cap");
      return "deferred";
    }
    // The wait for the slot can take seconds: whoever unsubscribed, blocked the bot
    // or was erased meanwhile gets nothing - also a row already 'sending' when the
    // erasure cancelled the pending ones. The message is rendered from the state
    // read at the slot, so an erased name can never be put into it.
    let current: Awaited<ReturnType<SubscriberStateReader["read"]>>;
    await this.pacer.acquire(String(row.telegramId), async () => {
      current = await this.subscriberState.read(row.subscriberId);
    });
    const fresh: ClaimedDelivery = { ...row, ...current };
    const ineligibleNow = current ? ineligibility(fresh) : "erased"; // a subscriber row that is gone counts as erased
    if (ineligibleNow) {
      await this.finish(row, "skipped", ineligibleNow);
      return "skipped";
    }
    const outcome = await this.send(fresh, content);
    return this.record(fresh, outcome);
  }

  private async overCap(row: ClaimedDelivery, content: DeliveryContent): Promise<boolean> {
    // The rows of this claim ranked before this one take their share of the allowance first.
    if (!content.cap) return row.recentMarketing + (row.claimRank - 1) >= this.deps.policy.frequencyCap.messages;
    // A chain's own cap: its messages sent within the window, and those of its rows
    // being sent now that come before this one (so two in flight do not both give way).
    const rows = await this.deps.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM delivery d JOIN chain_enrollment ce ON ce.id = d.chain_enrollment_id
        WHERE d.subscriber_id = $1 AND ce.chain_id = $2
          AND ((d.status = 'sent' AND d.sent_at > $3::timestamptz - ($4::int * interval '1 day'))
               OR (d.status = 'sending' AND d.id < $5))`,
      row.subscriberId,
      content.cap.chainId,
      this.deps.clock.now(),
      content.cap.days,
      row.id,
    );
    return (rows[0]?.n ?? 0) >= content.cap.messages;
  }

  /**
   * Triggered-message rule (DOMAIN.md): at most `triggeredPerDay` marketing
   * messages from other chains per person per 24 hours (a chain's own steps are
   * spaced by its waits and its own cap). Over it, the message waits until the
   * oldest of those is a day old (it is not lost).
   */
  private async triggeredSlot(row: ClaimedDelivery): Promise<Date | undefined> {
    const limit = this.deps.policy.triggeredPerDay ?? 0;
    if (limit <= 0) return undefined;
    const now = this.deps.clock.now();
    const rows = await this.deps.db.prisma.$queryRawUnsafe<{ at: Date }[]>(
      `SELECT coalesce(d.sent_at, d.claimed_at) AS at
         FROM delivery d JOIN chain_enrollment ce ON ce.id = d.chain_enrollment_id
        WHERE d.subscriber_id = $1 AND d.kind = 'marketing' AND d.id <> $3
          AND ce.chain_id <> (SELECT chain_id FROM chain_enrollment WHERE id = $5)
          AND ((d.status = 'sent' AND d.sent_at > $2::timestamptz - interval '1 day') OR d.status = 'sending')
        ORDER BY at DESC LIMIT $4`,
      row.subscriberId,
      now,
      row.id,
      limit,
      row.chainEnrollmentId,
    );
    if (rows.length < limit) return undefined;
    const oldest = rows[rows.length - 1]!.at;
    return new Date(Math.max(new Date(oldest).getTime() + 86_400_000, now.getTime() + 60_000));
  }

  private contentOf(row: ClaimedDelivery): DeliveryContent | undefined {
    if (row.campaignId !== null) {
      const c = this.campaignContent.get(row.campaignId);
      if (!c) return undefined;
      if (c.kind === "survey" && c.surveyId) return { type: "survey", surveyId: isVariantB(row.variant) && c.surveyIdB ? c.surveyIdB : c.surveyId };
      if (c.kind === "flow" && c.flowId) return { type: "flow", flowId: c.flowId };
      const template: MessageTemplate | undefined = isVariantB(row.variant) ? (c.message?.B ?? c.message?.A) : c.message?.A;
      return template ? { type: "message", message: template } : undefined;
    }
    const parsed = deliveryPayloadSchema.safeParse(row.payload);
    return parsed.success ? parsed.data : undefined;
  }

  /** Has this worker sent anything within the last few seconds (a campaign or chain is going out)? */
  isSending(withinMs = 3000): boolean {
    return performance.now() - this.lastSendAt < withinMs;
  }

  private async send(row: ClaimedDelivery, content: DeliveryContent): Promise<DispatchOutcome> {
    this.lastSendAt = performance.now();
    if (content.type === "message") {
      const message: OutgoingMessage = renderTemplate(content.message, row, this.deps.translator, (i, url) => this.trackedUrl(row, i, url));
      // A long text in parts: each part after the first takes its own slot (the bot's
      // rate and the chat's one message per second); a retry resumes after the parts sent.
      return this.deps.channel.send({ subscriberId: row.subscriberId, telegramId: row.telegramId! }, message, {
        ...(this.options.paidBroadcast ? { paidBroadcast: true } : {}),
        fromPart: row.partsSent,
        beforeNextPart: () => this.pacer.acquire(String(row.telegramId)),
      });
    }
    const dispatch = (this.options.dispatchers ?? dialogueDispatchers)[content.type];
    if (!dispatch) return { ok: false, reason: "rejected", description: `no sender for ${content.type} content` };
    return dispatch(this.deps, row, content);
  }

  private trackedUrl(row: ClaimedDelivery, index: number, url: string): string {
    const { publicUrl, linkSecret } = this.options;
    if (!publicUrl || !linkSecret) return url;
    return `${publicUrl.replace(/\/$/, "")}/r/${linkToken(linkSecret, { deliveryId: row.id, button: index })}`;
  }

  private async record(row: ClaimedDelivery, outcome: DispatchOutcome): Promise<keyof Omit<RoundResult, "claimed">> {
    const { prisma } = this.deps.db;
    const now = this.deps.clock.now();
    if (outcome.ok) {
      await this.recordSent({ id: row.id, sentAt: now, messageId: outcome.messageId });
      return "sent";
    }
    if ("partsSent" in outcome && outcome.partsSent !== undefined && outcome.partsSent !== row.partsSent) {
      // Whatever comes next, the parts that went out are not sent again.
      await prisma.$executeRawUnsafe(`UPDATE delivery SET parts_sent = $2 WHERE id = $1`, row.id, outcome.partsSent);
    }
    switch (outcome.reason) {
      case "skipped":
        // The dialogue decided not to go ahead (asked recently, busy in another flow...).
        await this.finish(row, "skipped", outcome.description);
        return "skipped";
      case "rate_limited":
        // Not the row's fault: it goes back in the queue as it was, and everyone pauses.
        this.deps.logger.warn({ retryAfter: outcome.retryAfterSeconds }, "telegram rate limit hit; pausing all sending");
        await this.pacer.pauseAll(outcome.retryAfterSeconds);
        await prisma.$executeRawUnsafe(
          `UPDATE delivery SET status = 'pending', claimed_by = NULL, attempts = greatest(attempts - 1, 0) WHERE id = $1`,
          row.id,
        );
        return "deferred";
      case "blocked":
        await prisma.$executeRawUnsafe(`UPDATE subscriber SET blocked_at = coalesce(blocked_at, $2) WHERE id = $1`, row.subscriberId, now);
        await this.finish(row, "failed", "blocked");
        return "failed";
      case "unreachable":
        await prisma.$executeRawUnsafe(`UPDATE subscriber SET unreachable_at = coalesce(unreachable_at, $2) WHERE id = $1`, row.subscriberId, now);
        await this.finish(row, "failed", "unreachable");
        return "failed";
      case "transient":
        return this.retryOrFail(row, outcome.description);
      case "rejected":
        await this.finish(row, "failed", `rejected: ${outcome.description}`.slice(0, 500));
        return "failed";
    }
  }

  /**
   * Telegram accepted the message: never queue it again, whatever happens to the
   * write. The writer retries with backoff; if it still fails, the row is kept
   * out of the queue (see `unrecorded`) and the failure logged with its id.
   */
  private async recordSent(sent: SentRecord): Promise<void> {
    try {
      await this.sentWriter.record(sent.id, sent.sentAt, sent.messageId);
    } catch (err) {
      this.unrecorded.set(sent.id, sent);
      this.deps.logger.error(
        { err, deliveryId: String(sent.id), messageId: sent.messageId },
        "message sent but its outcome could not be written; the row stays 'sending' and will not be sent again",
      );
    }
  }

  /** Another try at the outcomes of sent messages that could not be written before. */
  private async writeUnrecorded(): Promise<void> {
    if (this.unrecorded.size === 0) return;
    const failed = new Set((await this.sentWriter.writeEach([...this.unrecorded.values()])).map((o) => o.id));
    for (const id of [...this.unrecorded.keys()]) {
      if (!failed.has(id)) this.unrecorded.delete(id);
    }
    if (this.unrecorded.size === 0) this.deps.logger.info("outcomes of sent messages written after all");
  }

  private async retryOrFail(row: ClaimedDelivery, description: string): Promise<"failed" | "deferred"> {
    if (row.attempts >= this.options.maxAttempts) {
      await this.finish(row, "failed", `gave up after ${row.attempts} attempts: ${description}`.slice(0, 500));
      return "failed";
    }
    // Exponential backoff with jitter: 2 s, 4 s, 8 s... capped at 5 minutes. The row keeps
    // its not_before: once its retry time has come it is claimed before the rows queued after it.
    const backoff = Math.min(300_000, 1000 * 2 ** row.attempts) * (0.8 + Math.random() * 0.4);
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery SET status = 'pending', claimed_by = NULL, retry_at = $2, reason = $3 WHERE id = $1`,
      row.id,
      new Date(this.deps.clock.now().getTime() + backoff),
      description,
    );
    return "deferred";
  }

  private async defer(row: ClaimedDelivery, until: Date, reason?: string): Promise<void> {
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery SET status = 'pending', claimed_by = NULL, not_before = $2, reason = $3,
              attempts = CASE WHEN $3::text IS NULL THEN greatest(attempts - 1, 0) ELSE attempts END
        WHERE id = $1`,
      row.id,
      until,
      reason ?? null,
    );
  }

  private async finish(row: ClaimedDelivery, status: "failed" | "skipped", reason: string): Promise<void> {
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery SET status = $2::"DeliveryStatus", reason = $3, claimed_by = NULL WHERE id = $1`,
      row.id,
      status,
      reason,
    );
  }
}

function ineligibility(row: ClaimedDelivery): string | undefined {
  if (row.erasedAt) return "erased";
  if (row.consentStatus !== "subscribed") return row.consentStatus === "unsubscribed" ? "unsubscribed" : "no_consent";
  if (row.blockedAt) return "blocked";
  if (row.unreachableAt) return "unreachable";
  if (row.telegramId === null) return "no_telegram";
  return undefined;
}
