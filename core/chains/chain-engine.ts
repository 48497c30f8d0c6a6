// Runs trigger chains. Each tick, set-based:
// 1. enrol customers whose trigger fired since the last tick (new events or
//    paid orders after a stored cursor that happened at most the chain's
//    max_trigger_age ago; customers entering a segment, by comparing the
//    segment with its members at the previous tick);
// 2. take out customers who met an exit condition (an order was paid) or can
//    no longer be messaged, and skip their queued messages;
// 3. walk due enrolments forward: waits set the next run, messages / surveys /
//    flows become outbox rows (so consent, quiet hours, caps and Telegram's
//    limits apply to them like to any campaign), branches jump.
// A customer is in a given chain at most once at a time (a unique index).
import type { CoreDeps } from "../deps.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { fillPlaceholders } from "../campaigns/message-template.ts";
import { audienceQuery } from "../campaigns/audience.ts";
import { REACHABLE } from "../campaigns/materialize.ts";
import { BACKGROUND_TRANSACTION } from "../db/database.ts";
import { heldWindowStatsAnchor } from "../segments/customer-stats.ts";
import { addLocalDays, wallClock, zonedInstant } from "../time/zoned.ts";
import type { DeliveryContent } from "../delivery/delivery-content.ts";
import { segmentDefinitionOf, type ChainCondition, type ChainDefinition, type ChainStep, type DeadlineWait } from "./chain-definition.ts";
import { pausedChains, type PauseMode } from "./chain-state.ts";

export interface TickResult {
  enrolled: number;
  exited: number;
  steps: number;
}

/**
 * A message queued more than this after its step was due ran late (not just
 * at the next minute's tick): the wait after it counts from the message.
 */
const LATE_STEP_MS = 5 * 60_000;

function cursorOf(value: unknown): { at: number; before: number } {
  if (typeof value === "object" && value !== null && "at" in value) {
    const { at, before } = value as { at: number; before?: number };
    return { at: Number(at), before: Number(before ?? at) };
  }
  return { at: Number(value), before: Number(value) };
}

/** Flow completions are read this far behind now, so one still committing is not skipped. */
const FLOW_CURSOR_LAG_MS = 5_000;

/** Steps one enrolment may take in one tick without waiting: guards against goto loops. */
const MAX_STEPS_PER_RUN = 25;

interface EnrollmentRow {
  id: number;
  chain_id: string;
  subscriber_id: number;
  step: number;
  next_run_at: Date;
  entered_at: Date;
  context: Record<string, unknown>;
  holdout: boolean;
  timezone: string | null;
}

export class ChainEngine {
  private readonly chains: Map<string, ChainDefinition>;

  constructor(
    private readonly deps: CoreDeps,
    chains: ChainDefinition[],
  ) {
    this.chains = new Map(chains.filter((c) => c.enabled).map((c) => [c.id, c]));
  }

  async tick(): Promise<TickResult> {
    const paused = await pausedChains(this.deps);
    let enrolled = 0;
    for (const chain of this.chains.values()) enrolled += await this.enrol(chain, paused.get(chain.id));
    const exited = await this.exitFinished();
    const steps = await this.advance([...this.chains.keys()].filter((id) => !paused.has(id)));
    return { enrolled, exited, steps };
  }

  // --- 1. Enrolment -------------------------------------------------------

  /**
   * A chain paused with `skip` still moves its cursors (what happens while it is
   * paused never enrols later); paused with `hold`, new entrants enrol and wait.
   */
  private async enrol(chain: ChainDefinition, pause: PauseMode | undefined): Promise<number> {
    const t = chain.trigger;
    const take = pause !== "skip";
    if ("event" in t) return this.enrolFromTable(chain, "event", this.eventFilter(t.event, t.where ?? {}), take);
    if ("order_paid" in t) {
      const filter = t.order_paid === true ? { sql: `src.status = 'paid'`, params: [] } : { sql: `src.status = 'paid' AND ${hasCategory("src.items", "$1")}`, params: [t.order_paid.category] };
      return this.enrolFromTable(chain, "order", filter, take);
    }
    if ("flow_completed" in t) return this.enrolFromFlow(chain, t.flow_completed, t.qualification, take);
    return this.enrolFromSegment(chain, t.segment_entry, take);
  }

  private eventFilter(type: string, where: Record<string, string | number | boolean>) {
    const params: unknown[] = [type];
    const conditions = [`src.type = $1`];
    for (const [key, value] of Object.entries(where)) {
      params.push(key, String(value));
      conditions.push(`src.properties ->> $${params.length - 1} = $${params.length}`);
    }
    return { sql: conditions.join(" AND "), params };
  }

  /**
   * New rows of `event` or `order` since the chain's cursor enrol their
   * customer (once), if they happened at most max_trigger_age ago: a row is
   * new to us when it is stored, which for an import of history is long
   * after it happened. The enrolment starts at the trigger's time (a wait of
   * 1 h ends an hour after the cart), never later than now.
   */
  private async enrolFromTable(chain: ChainDefinition, table: "event" | "order", filter: { sql: string; params: unknown[] }, take: boolean): Promise<number> {
    const { prisma } = this.deps.db;
    const cursorKey = `chain:${chain.id}:cursor`;
    const quoted = table === "order" ? `"order"` : "event";
    const timeColumn = table === "order" ? "paid_at" : "occurred_at";
    return prisma.$transaction(async (tx) => {
      const top = await tx.$queryRawUnsafe<{ max: bigint | number | null }[]>(`SELECT max(id) AS max FROM ${quoted}`);
      const max = Number(top[0]?.max ?? 0);
      const stored = await tx.setting.findUnique({ where: { key: cursorKey } });
      // The cursor is { at: the highest id seen at the last tick, before: the one seen at the tick before }
      // (a plain number from earlier versions is both). A new chain starts from now: history does not trigger it.
      const saved = stored ? cursorOf(stored.value) : { at: max, before: max };
      // Paused with `skip`, what happened meanwhile must not be looked at again later either.
      await tx.setting.upsert({ where: { key: cursorKey }, create: { key: cursorKey, value: { at: max, before: max } }, update: { value: { at: max, before: take ? saved.at : max } } });
      if (!stored || !take) return 0;
      // Ids are handed out when a row is inserted, not when it commits: a batch still
      // committing at the last tick can appear below that tick's cursor. So each tick
      // looks again at the previous tick's range too; a row that already enrolled its
      // customer is kept out by the NOT EXISTS below.
      const from = Math.min(saved.at, saved.before);
      if (max <= from) return 0;
      const k = filter.params.length;
      const p = (n: number) => `$${k + n}`;
      return tx.$executeRawUnsafe(
        `INSERT INTO chain_enrollment (chain_id, subscriber_id, status, step, next_run_at, entered_at, holdout, context)
         SELECT DISTINCT ON (src.subscriber_id) ${p(1)}::text, src.subscriber_id, 'active', 0,
                least(src.${timeColumn}, ${p(5)}::timestamptz), least(src.${timeColumn}, ${p(5)}::timestamptz), ${inHoldout(p(1), "src.subscriber_id", p(7))},
                jsonb_build_object('source', '${table}', 'id', src.id${table === "event" ? ", 'properties', src.properties" : ", 'amount', src.amount, 'items', src.items"})
           FROM ${quoted} src
           JOIN subscriber s ON s.id = src.subscriber_id
          WHERE src.id > ${p(2)}::bigint AND src.id <= ${p(3)}::bigint AND ${filter.sql} AND ${REACHABLE}
            AND src.${timeColumn} >= ${p(5)}::timestamptz - (${p(6)}::float8 * interval '1 millisecond')
            AND NOT EXISTS (
              SELECT 1 FROM chain_enrollment ce
               WHERE ce.chain_id = ${p(1)}::text AND ce.subscriber_id = src.subscriber_id
                 AND (ce.status = 'active' OR ce.finished_at > src.${timeColumn} - (${p(4)}::float8 * interval '1 millisecond')))
          ORDER BY src.subscriber_id, src.id DESC
         ON CONFLICT (chain_id, subscriber_id) WHERE status = 'active' DO NOTHING`,
        ...filter.params,
        chain.id,
        from,
        max,
        chain.reenter_after,
        this.deps.clock.now(),
        chain.max_trigger_age,
        chain.holdout,
      );
    });
  }

  /**
   * Flow sessions completed since the last tick enrol their customer. The
   * cursor is a time (a session's id is older than its completion), read a few
   * seconds behind now so a completion still committing is taken next tick.
   */
  private async enrolFromFlow(chain: ChainDefinition, flowId: string, qualification: string | undefined, take: boolean): Promise<number> {
    const { prisma } = this.deps.db;
    const cursorKey = `chain:${chain.id}:completed-cursor`;
    const upTo = new Date(this.deps.clock.now().getTime() - FLOW_CURSOR_LAG_MS);
    return prisma.$transaction(async (tx) => {
      const stored = await tx.setting.findUnique({ where: { key: cursorKey } });
      await tx.setting.upsert({ where: { key: cursorKey }, create: { key: cursorKey, value: upTo.toISOString() }, update: { value: upTo.toISOString() } });
      // A new chain starts from now: earlier completions do not trigger it.
      if (!stored || !take) return 0;
      const from = new Date(stored.value as string);
      if (upTo <= from) return 0;
      return tx.$executeRawUnsafe(
        `INSERT INTO chain_enrollment (chain_id, subscriber_id, status, step, next_run_at, entered_at, holdout, context)
         SELECT DISTINCT ON (fs.subscriber_id) $1::text, fs.subscriber_id, 'active', 0, fs.completed_at, fs.completed_at, ${inHoldout("$1", "fs.subscriber_id", "$7")},
                jsonb_build_object('source', 'flow', 'id', fs.id, 'flow', fs.flow_id, 'qualification', fs.qualification, 'score', fs.score)
           FROM flow_session fs
           JOIN subscriber s ON s.id = fs.subscriber_id
          WHERE fs.flow_id = $2 AND fs.status = 'completed' AND fs.completed_at > $3::timestamptz AND fs.completed_at <= $4::timestamptz
            AND ($5::text IS NULL OR fs.qualification = $5::text) AND ${REACHABLE}
            AND NOT EXISTS (
              SELECT 1 FROM chain_enrollment ce
               WHERE ce.chain_id = $1::text AND ce.subscriber_id = fs.subscriber_id
                 AND (ce.status = 'active' OR ce.finished_at > fs.completed_at - ($6::float8 * interval '1 millisecond')))
          ORDER BY fs.subscriber_id, fs.completed_at DESC
         ON CONFLICT (chain_id, subscriber_id) WHERE status = 'active' DO NOTHING`,
        chain.id,
        flowId,
        from,
        upTo,
        qualification ?? null,
        chain.reenter_after,
        chain.holdout,
      );
    });
  }

  /** Customers in the segment now who were not at the last tick have "entered" it. */
  private async enrolFromSegment(chain: ChainDefinition, segmentText: string, take: boolean): Promise<number> {
    const now = this.deps.clock.now();
    const seededKey = `chain:${chain.id}:seeded`;
    return this.deps.db.prisma.$transaction(async (tx) => {
      const audience = audienceQuery(this.deps, segmentDefinitionOf(segmentText), now, await heldWindowStatsAnchor(tx));
      const seeded = await tx.setting.findUnique({ where: { key: seededKey } });
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE IF NOT EXISTS chain_current (subscriber_id int PRIMARY KEY) ON COMMIT DELETE ROWS`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO chain_current (subscriber_id)
         SELECT DISTINCT a.subscriber_id FROM (${audience.sql}) a JOIN subscriber s ON s.id = a.subscriber_id WHERE ${REACHABLE}`,
        ...audience.params,
      );
      let enrolled = 0;
      if (seeded && take) {
        enrolled = await tx.$executeRawUnsafe(
          `INSERT INTO chain_enrollment (chain_id, subscriber_id, status, step, next_run_at, entered_at, holdout, context)
           SELECT $1::text, c.subscriber_id, 'active', 0, $2::timestamptz, $2::timestamptz, ${inHoldout("$1", "c.subscriber_id", "$4")}, jsonb_build_object('source', 'segment')
             FROM chain_current c
            WHERE NOT EXISTS (SELECT 1 FROM chain_segment_member m WHERE m.chain_id = $1::text AND m.subscriber_id = c.subscriber_id)
              AND NOT EXISTS (SELECT 1 FROM chain_enrollment ce WHERE ce.chain_id = $1::text AND ce.subscriber_id = c.subscriber_id
                                 AND (ce.status = 'active' OR ce.finished_at > $2::timestamptz - ($3::float8 * interval '1 millisecond')))
           ON CONFLICT (chain_id, subscriber_id) WHERE status = 'active' DO NOTHING`,
          chain.id,
          now,
          chain.reenter_after,
          chain.holdout,
        );
      } else if (!seeded) {
        await tx.setting.create({ data: { key: seededKey, value: true } });
      }
      await tx.$executeRawUnsafe(
        `DELETE FROM chain_segment_member m WHERE m.chain_id = $1 AND NOT EXISTS (SELECT 1 FROM chain_current c WHERE c.subscriber_id = m.subscriber_id)`,
        chain.id,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO chain_segment_member (chain_id, subscriber_id) SELECT $1, subscriber_id FROM chain_current ON CONFLICT DO NOTHING`,
        chain.id,
      );
      return enrolled;
    }, BACKGROUND_TRANSACTION);
  }

  // --- 2. Exits -------------------------------------------------------------

  private async exitFinished(): Promise<number> {
    const { prisma } = this.deps.db;
    const now = this.deps.clock.now();
    let exited = 0;
    const unreachable = await prisma.$queryRawUnsafe<{ id: number }[]>(
      `UPDATE chain_enrollment ce SET status = 'exited', exit_reason = 'unreachable', finished_at = $1
         FROM subscriber s
        WHERE ce.status = 'active' AND s.id = ce.subscriber_id AND NOT (${REACHABLE})
       RETURNING ce.id`,
      now,
    );
    exited += await this.skipQueued(unreachable.map((r) => r.id), "chain_exited");
    for (const chain of this.chains.values()) {
      for (const rule of chain.exit_when) {
        const rows =
          typeof rule === "object" && "order_paid" in rule
            ? await prisma.$queryRawUnsafe<{ id: number }[]>(
                `UPDATE chain_enrollment ce SET status = 'exited', exit_reason = 'order_paid', finished_at = $2
                  WHERE ce.status = 'active' AND ce.chain_id = $1
                    AND EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = ce.subscriber_id AND o.status = 'paid' AND o.paid_at > ce.entered_at
                                   AND ${hasCategory("o.items", "$3")})
                 RETURNING ce.id`,
                chain.id,
                now,
                rule.order_paid.category,
              )
            : rule === "order_paid"
            ? await prisma.$queryRawUnsafe<{ id: number }[]>(
                `UPDATE chain_enrollment ce SET status = 'exited', exit_reason = 'order_paid', finished_at = $2
                  WHERE ce.status = 'active' AND ce.chain_id = $1
                    AND EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = ce.subscriber_id AND o.status = 'paid' AND o.paid_at > ce.entered_at)
                 RETURNING ce.id`,
                chain.id,
                now,
              )
            : await prisma.$queryRawUnsafe<{ id: number }[]>(
                `UPDATE chain_enrollment ce SET status = 'exited', exit_reason = 'event:' || $3, finished_at = $2
                  WHERE ce.status = 'active' AND ce.chain_id = $1
                    AND EXISTS (SELECT 1 FROM event e WHERE e.subscriber_id = ce.subscriber_id AND e.type = $3 AND e.occurred_at > ce.entered_at)
                 RETURNING ce.id`,
                chain.id,
                now,
                rule.event,
              );
        exited += await this.skipQueued(rows.map((r) => r.id), "chain_exited");
      }
    }
    return exited;
  }

  /** Messages a chain queued but has not sent are dropped when the customer leaves it. */
  private async skipQueued(enrollmentIds: number[], reason: string): Promise<number> {
    if (enrollmentIds.length === 0) return 0;
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery SET status = 'skipped', reason = $2 WHERE chain_enrollment_id = ANY($1::int[]) AND status = 'pending'`,
      enrollmentIds,
      reason,
    );
    return enrollmentIds.length;
  }

  // --- 3. Steps -------------------------------------------------------------

  private async advance(chainIds: string[]): Promise<number> {
    let steps = 0;
    if (chainIds.length === 0) return 0;
    for (;;) {
      const ran = await this.deps.db.prisma.$transaction(async (tx) => {
        const due = await tx.$queryRawUnsafe<EnrollmentRow[]>(
          `SELECT ce.id, ce.chain_id, ce.subscriber_id, ce.step, ce.next_run_at, ce.entered_at, ce.context, ce.holdout, s.timezone
             FROM chain_enrollment ce JOIN subscriber s ON s.id = ce.subscriber_id
            WHERE ce.status = 'active' AND ce.next_run_at <= $1 AND ce.chain_id = ANY($2::text[])
            ORDER BY ce.next_run_at, ce.id
            LIMIT 100
            FOR UPDATE OF ce SKIP LOCKED`,
          this.deps.clock.now(),
          chainIds,
        );
        let count = 0;
        for (const row of due) count += await this.walk(tx, row);
        return { rows: due.length, count };
      });
      steps += ran.count;
      if (ran.rows < 100) return steps;
    }
  }

  /** Walks one enrolment until it waits or ends; returns the steps taken. */
  private async walk(tx: Tx, row: EnrollmentRow): Promise<number> {
    const chain = this.chains.get(row.chain_id)!;
    const timezone = row.timezone ?? this.deps.teamTimezone;
    let step = row.step;
    // Waits count from when the step was due, not from when the tick ran...
    let base = row.next_run_at;
    for (let taken = 0; taken < MAX_STEPS_PER_RUN; taken++) {
      const current: ChainStep | undefined = chain.steps[step];
      if (!current || "end" in current) {
        await tx.chainEnrollment.update({ where: { id: row.id }, data: { status: "completed", step, finishedAt: this.deps.clock.now() } });
        return taken + 1;
      }
      if ("wait_until" in current && typeof current.wait_until === "object") {
        const due = deadlineOf(row.context, current.wait_until, timezone);
        const now = this.deps.clock.now();
        if (!due || deadlinePassed(row.context, current.wait_until, now)) {
          // No date to count from, or the deadline itself is behind us: nothing left to remind of.
          await tx.chainEnrollment.update({
            where: { id: row.id },
            data: { status: "exited", exitReason: due ? "deadline_passed" : "no_deadline", step, finishedAt: now },
          });
          return taken + 1;
        }
        if (due.getTime() < now.getTime() - LATE_STEP_MS) {
          // This reminder's moment has passed ("4 days left" on the day before): skip its message.
          step = nextWaitAfter(chain.steps, step + 1);
          continue;
        }
        await tx.chainEnrollment.update({ where: { id: row.id }, data: { step: step + 1, nextRunAt: due } });
        return taken + 1;
      }
      if ("wait" in current || "wait_until" in current) {
        const next = "wait" in current ? new Date(base.getTime() + current.wait) : nextTimeOfDay(base, current.wait_until as number, timezone);
        await tx.chainEnrollment.update({ where: { id: row.id }, data: { step: step + 1, nextRunAt: next } });
        return taken + 1;
      }
      if ("if" in current) {
        const holds = await this.holds(tx, row, current.if);
        step = holds ? chain.steps.findIndex((s) => s.id === current.goto) : step + 1;
        continue;
      }
      // The holdout walks the chain like everyone else, and is sent nothing.
      if (!row.holdout) await this.queue(tx, row, chain, step, this.contentOf(current, row, chain));
      // ...unless the message went out late: an enrolment that runs behind
      // (its trigger reached us hours after it happened) counts the next
      // wait from this message, keeping its messages the chain's waits apart
      // instead of sending them in a burst.
      const now = this.deps.clock.now();
      if (now.getTime() - base.getTime() > LATE_STEP_MS) base = now;
      step += 1;
    }
    this.deps.logger.error({ chain: chain.id, enrollment: row.id }, "chain took too many steps without waiting; stopped");
    await tx.chainEnrollment.update({ where: { id: row.id }, data: { status: "exited", exitReason: "step_limit", finishedAt: this.deps.clock.now() } });
    return MAX_STEPS_PER_RUN;
  }

  private contentOf(step: ChainStep, row: EnrollmentRow, chain: ChainDefinition): DeliveryContent {
    const capMatch = /^(\d+)\/(\d+)d$/.exec(chain.frequency_cap);
    const cap = capMatch ? { cap: { chainId: chain.id, messages: Number(capMatch[1]), days: Number(capMatch[2]) } } : {};
    if ("survey" in step) return { type: "survey", surveyId: step.survey, ...cap };
    if ("flow" in step) return { type: "flow", flowId: step.flow, ...cap };
    if (!("send" in step)) throw new Error("not a sending step");
    return { type: "message", message: fillPlaceholders(step.send, { items: itemsOf(row.context) }), ...cap };
  }

  private async queue(tx: Tx, row: EnrollmentRow, chain: ChainDefinition, step: number, content: DeliveryContent): Promise<void> {
    const now = this.deps.clock.now();
    await tx.delivery.create({
      data: {
        chainEnrollmentId: row.id,
        chainStep: step,
        subscriberId: row.subscriber_id,
        variant: "A",
        status: "pending",
        kind: chain.kind,
        payload: content as unknown as Prisma.InputJsonValue,
        notBefore: now,
        createdAt: now,
      },
    });
  }

  private async holds(tx: Tx, row: EnrollmentRow, condition: ChainCondition): Promise<boolean> {
    let sql: string;
    let params: unknown[];
    if ("ordered_since_entry" in condition) {
      sql = `SELECT EXISTS (SELECT 1 FROM "order" WHERE subscriber_id = $1 AND status = 'paid' AND paid_at > $2) AS ok`;
      params = [row.subscriber_id, row.entered_at];
    } else if ("clicked_since_entry" in condition) {
      sql = `SELECT EXISTS (SELECT 1 FROM click k JOIN delivery d ON d.id = k.delivery_id WHERE d.chain_enrollment_id = $1) AS ok`;
      params = [row.id];
    } else if ("event_since_entry" in condition) {
      sql = `SELECT EXISTS (SELECT 1 FROM event WHERE subscriber_id = $1 AND type = $3 AND occurred_at > $2) AS ok`;
      params = [row.subscriber_id, row.entered_at, condition.event_since_entry];
    } else if ("bought_category" in condition) {
      sql = `SELECT EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = $1 AND o.status = 'paid' AND ${hasCategory("o.items", "$2")}) AS ok`;
      params = [row.subscriber_id, condition.bought_category];
    } else if ("has_tag" in condition) {
      sql = `SELECT $2 = ANY(tags) AS ok FROM subscriber WHERE id = $1`;
      params = [row.subscriber_id, condition.has_tag];
    } else {
      const segment = audienceQuery(this.deps, segmentDefinitionOf(condition.in_segment));
      sql = `SELECT EXISTS (SELECT 1 FROM (${segment.sql}) seg WHERE seg.subscriber_id = $${segment.params.length + 1}) AS ok`;
      params = [...segment.params, row.subscriber_id];
    }
    const rows = await tx.$queryRawUnsafe<{ ok: boolean }[]>(sql, ...params);
    const want = Object.values(condition)[0];
    const ok = Boolean(rows[0]?.ok);
    return typeof want === "boolean" ? ok === want : ok;
  }
}

type Tx = Prisma.TransactionClient;

/** The item names of the triggering event or order, for {items}. */
function itemsOf(context: Record<string, unknown>): string {
  const props = (context.properties ?? {}) as Record<string, unknown>;
  const items = (Array.isArray(context.items) ? context.items : props.items) as unknown;
  if (!Array.isArray(items)) return "";
  return items
    .map((i) => (typeof i === "string" ? i : typeof i === "object" && i && "name" in i ? String((i as { name: unknown }).name) : ""))
    .filter(Boolean)
    .join(", ");
}

/** An order's items (jsonb array) hold one of this category. */
function hasCategory(itemsColumn: string, param: string): string {
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${itemsColumn}) = 'array' THEN ${itemsColumn} ELSE '[]'::jsonb END) li WHERE lower(li ->> 'category') = lower(${param}::text))`;
}

/**
 * Whether an entrant falls in the chain's holdout: a stable hash of chain and
 * customer against the percentage, so an instance restart or a second
 * instance decides the same way.
 */
function inHoldout(chainParam: string, subscriberColumn: string, percentParam: string): string {
  return `((abs(hashtext(${chainParam}::text || ':' || ${subscriberColumn}::text)) % 10000) < (${percentParam}::float8 * 100))`;
}

/** The instant a deadline wait ends, from the trigger's property; undefined when it carries no usable date. */
function deadlineOf(context: Record<string, unknown>, wait: DeadlineWait, timezone: string): Date | undefined {
  const base = propertyTime(context, wait.property);
  if (!base) return undefined;
  const shifted = new Date(base.getTime() + wait.offset);
  if (wait.at === null) return shifted;
  const local = wallClock(shifted, timezone);
  return zonedInstant({ ...local, hour: Math.floor(wait.at / 60), minute: wait.at % 60 }, timezone);
}

function deadlinePassed(context: Record<string, unknown>, wait: DeadlineWait, now: Date): boolean {
  const base = propertyTime(context, wait.property);
  return base !== undefined && base.getTime() < now.getTime();
}

function propertyTime(context: Record<string, unknown>, property: string): Date | undefined {
  const props = (context.properties ?? {}) as Record<string, unknown>;
  const value = props[property];
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The index of the first wait step at or after `from` (or the end): skips one reminder's messages. */
function nextWaitAfter(steps: ChainStep[], from: number): number {
  for (let i = from; i < steps.length; i++) {
    const s = steps[i]!;
    if ("wait" in s || "wait_until" in s || "end" in s) return i;
  }
  return steps.length;
}

/** The first time the wall clock in `timezone` shows `minuteOfDay` after `after`. */
function nextTimeOfDay(after: Date, minuteOfDay: number, timezone: string): Date {
  const local = wallClock(after, timezone);
  const today = zonedInstant({ ...local, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timezone);
  if (today > after) return today;
  return zonedInstant({ ...addLocalDays(local, 1), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timezone);
}
