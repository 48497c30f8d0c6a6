// Compiles a segment definition to ONE SQL query.
//
// Contract (campaign audiences and everything else build on it):
//   const { sql, params } = compileSegment(definition, { now, settings });
//   await prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM (${sql}) seg`, ...params);
//   await prisma.$executeRawUnsafe(
//     `INSERT INTO outbox (campaign_id, subscriber_id) SELECT $${params.length + 1}, subscriber_id FROM (${sql}) seg`,
//     ...params, campaignId);
// - `sql` is a SELECT returning one column, subscriber_id (int), each customer
//   at most once, never an erased one (erased_at IS NOT NULL).
// - `params` are its positional parameters $1..$n (pass `firstParam` to start
//   elsewhere); number your own after them.
// - `now` fixes every time window ("within 2d", days since the last order), so
//   the same definition and now always give the same people.
// - Consent is not implied: a segment is who matches. Sending filters consent
//   itself (or add `consent = subscribed`).
// It runs identically on PGlite and PostgreSQL. Windowed order and event
// measures become one grouped CTE each (hash-joined); lifetime order figures
// and RFM come from customer_stats. The SQL
// may start with WITH: use it as a subquery (FROM (<sql>) seg), never by
// pasting it after another WITH.
import { DAY_MS, SqlParams } from "../db/sql-params.ts";
import type { AnalyticsSettings } from "./analytics-settings.ts";
import { notErasedSql, STATS_WINDOW_DAYS } from "./customer-stats.ts";
import { lifecycleInSql, lifecycleSql } from "./lifecycle.ts";
import { latestNpsSql, npsGroupSql } from "./nps-groups.ts";
import { windowMs, type Condition, type SegmentDefinition, type Window } from "./segment-definition.ts";

export interface CompileOptions {
  now: Date;
  settings: AnalyticsSettings;
  /** Number of the first placeholder ($1 by default). */
  firstParam?: number;
  /**
   * When customer_stats' rolling-window columns were computed (windowStatsAnchor): order counts and
   * spend over 30, 90 or 365 days then read those columns plus the few orders that crossed the
   * window's edges since, instead of every order of the window. Without it, or when it is far from
   * `now`, they scan the window's orders. Both give the same people.
   */
  windowStatsAt?: Date | null;
  /**
   * Also return each member's lifecycle stage, RFM class ('none' without one), source ('none') and
   * language, the dimensions of the segment report: one pass instead of joining the members back.
   */
  breakdowns?: boolean;
  /**
   * Also return each member's timezone, consent status and whether a message can reach them now
   * (the pre-flight card's columns), from the subscriber row the query reads anyway.
   */
  recipientColumns?: boolean;
}

export interface CompiledSegment {
  sql: string;
  params: unknown[];
}

export function compileSegment(definition: SegmentDefinition, options: CompileOptions): CompiledSegment {
  const c = new Compiler(options, definition.where);
  const predicate = c.condition(definition.where) + c.hints.map((h) => ` AND ${h}`).join("");
  const driver = options.breakdowns || options.recipientColumns ? undefined : narrowDriver(definition.where);
  if (driver) {
    // Only buyers (or only people with an NPS answer) can match and nothing else is read: a pass over that
    // one narrow relation, the few erased people anti-joined, instead of joining it to every subscriber.
    const from = driver === "stats" ? "customer_stats cs" : `(${latestNpsSql(c.params, options.now)}) nps`;
    const alias = driver === "stats" ? "cs" : "nps";
    return { sql: `SELECT ${alias}.subscriber_id FROM ${from}\n WHERE ${notErasedSql(alias)} AND ${predicate}`, params: c.params.values };
  }
  const extra = [options.breakdowns ? `,\n       ${c.breakdownColumns()}` : "", options.recipientColumns ? `,\n       ${RECIPIENT_COLUMNS}` : ""].join("");
  const ctes = c.ctes.length > 0 ? `WITH ${c.ctes.join(",\n     ")}\n` : "";
  const sql = `${ctes}SELECT s.id AS subscriber_id${extra}
  FROM subscriber s${c.joins.map((j) => `\n  LEFT JOIN ${j}`).join("")}
 WHERE s.erased_at IS NULL AND ${predicate}`;
  return { sql, params: c.params.values };
}

/** Who a campaign can message now: subscribed, not blocked or unreachable, with a Telegram chat. */
const RECIPIENT_COLUMNS = `s.timezone, s.consent_status::text AS consent_status,
       (s.consent_status = 'subscribed' AND s.blocked_at IS NULL AND s.unreachable_at IS NULL AND s.telegram_id IS NOT NULL) AS reachable`;

type Driver = "stats" | "nps";

/**
 * The one relation a condition can be evaluated on alone, when it is false for everybody missing from
 * it: RFM, stages other than "potential" and lifetime order figures read only customer_stats, NPS
 * conditions only each person's latest answer. Nothing else may be read, and the people missing from
 * it must fail the condition: AND needs one part that requires the row, OR needs it in every part, a
 * NOT never requires it (not rfm = lost matches people without a class).
 */
function narrowDriver(c: Condition): Driver | undefined {
  const reads = (x: Condition): Driver | "other" => {
    switch (x.kind) {
      case "and":
      case "or": {
        const parts = new Set(x.of.map(reads));
        return parts.size === 1 ? [...parts][0]! : "other";
      }
      case "not":
        return reads(x.of);
      case "rfm":
      case "rfm_score":
      case "lifecycle":
        return "stats";
      case "orders":
        return x.window ? "other" : "stats";
      case "nps":
      case "nps_score":
        return "nps";
      default:
        return "other";
    }
  };
  const required = (x: Condition): boolean => {
    switch (x.kind) {
      case "and":
        return x.of.some(required);
      case "or":
        return x.of.every(required);
      case "rfm":
      case "rfm_score":
      case "nps":
      case "nps_score":
        return true;
      case "lifecycle":
        return !x.stages.includes("potential");
      default:
        return false;
    }
  };
  const driver = reads(c);
  return driver !== "other" && required(c) ? driver : undefined;
}

/** How far behind now the window columns may be and still be read (beyond: the scan is cheaper). */
const MAX_STATS_LAG_MS = 3 * DAY_MS;

const MEASURE_COLUMN = { count: "n", total: "total", sum: "total", average: "avg", days_since_last: "last_at", days_since_first: "first_at" } as const;
// Sums in numeric, then float8: exact, and the same figure the window columns of customer_stats give.
const ORDER_AGGREGATE = { n: "count(*)::int", total: "sum(o.amount)::float8", avg: "avg(o.amount::float8)", last_at: "max(o.paid_at)", first_at: "min(o.paid_at)" };
const EVENT_AGGREGATE = { n: "count(*)::int", last_at: "max(e.occurred_at)", first_at: "min(e.occurred_at)" };

class Compiler {
  readonly params: SqlParams;
  readonly joins: string[] = [];
  readonly ctes: string[] = [];
  /**
   * Conditions implied by the segment's own, added to its WHERE so the planner can filter a relation
   * before joining it (they change no one's membership): see `orders` and `event`.
   */
  readonly hints: string[] = [];
  private readonly derived = new Map<string, string>();
  /** The conditions every member must meet: the top-level conjuncts (the whole condition when it is not an "and"). */
  private readonly required: Set<Condition>;
  /** Every member has a customer_stats row: a required condition is false without one. */
  private readonly statsRequired: boolean;
  /** Per event type, an instant every member's last event of it (up to now) is after: see `event`. */
  private readonly lastEventAfter = new Map<string, Date>();

  constructor(
    private readonly options: CompileOptions,
    where: Condition,
  ) {
    this.params = new SqlParams((options.firstParam ?? 1) - 1);
    this.required = new Set(conjuncts(where));
    this.statsRequired = [...this.required].some(needsStatsRow);
    for (const c of this.required) {
      if (c.kind !== "event" || !atLeastOneIn(c)) continue;
      const since = new Date(options.now.getTime() - windowMs(c.window));
      const known = this.lastEventAfter.get(c.type);
      if (!known || since > known) this.lastEventAfter.set(c.type, since);
    }
  }

  condition(c: Condition): string {
    const p = this.params;
    switch (c.kind) {
      case "everyone":
        return "TRUE";
      case "and":
      case "or":
        return `(${c.of.map((x) => this.condition(x)).join(c.kind === "and" ? " AND " : " OR ")})`;
      case "not":
        return `NOT ${this.condition(c.of)}`;
      case "field":
        return this.field(c);
      case "tag":
        return `coalesce(s.tags && ARRAY[${p.list(c.tags)}]::text[], false)`;
      case "consent":
        // Compared as the enum, not as text: the planner then knows from the column's statistics how many
        // people it keeps (70 % subscribed), instead of guessing 0.5 % and hashing the whole base.
        return `(s.consent_status IN (${c.statuses.map((x) => `${p.add(x, "text")}::"ConsentStatus"`).join(", ")}))`;
      case "blocked":
        return `(s.blocked_at IS NOT NULL)`;
      case "source":
        return `coalesce(s.source IN (${p.list(c.values)}), false)`;
      case "language":
        return `(s.language IN (${p.list(c.values)}))`;
      case "lifecycle":
        this.stats();
        return lifecycleInSql("cs", p, this.options.now, this.options.settings, c.stages);
      case "rfm":
        this.stats();
        return this.falseIfNull(c, `cs.rfm_class IN (${p.list(c.classes)})`);
      case "rfm_score":
        this.stats();
        return this.falseIfNull(c, `cs.${c.score}_score ${c.op} ${p.add(c.value, "int")}`);
      case "nps":
        return `coalesce(${npsGroupSql(`${this.nps()}.score`)} IN (${p.list(c.groups)}), false)`;
      case "nps_score":
        return `coalesce(${this.nps()}.score ${c.op} ${p.add(c.value, "int")}, false)`;
      case "joined":
        return `(${this.daysSince("s.created_at")} ${c.op} ${p.add(c.value, "float8")})`;
      case "orders":
        return this.orders(c);
      case "event":
        return this.event(c);
      case "none_since":
        return this.noneSince(c);
      case "referrals": {
        const now = p.add(this.options.now, "timestamptz");
        const alias = this.derive(
          "referrals",
          () => `SELECT r.referrer_id AS subscriber_id, count(*)::int AS n FROM referral r
        WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= ${now} GROUP BY r.referrer_id`,
        );
        return `(coalesce(${alias}.n, 0) ${c.op} ${p.add(c.value, "float8")})`;
      }
      case "referred":
        return `EXISTS (SELECT 1 FROM referral r WHERE r.friend_id = s.id)`;
      case "referred_by_loyal":
        return `EXISTS (SELECT 1 FROM referral r JOIN customer_stats rcs ON rcs.subscriber_id = r.referrer_id
                 WHERE r.friend_id = s.id AND ${lifecycleSql("rcs", p, this.options.now, this.options.settings)} = 'loyal')`;
    }
  }

  /**
   * A comparison that is NULL for people missing a row, as a condition false for them. When every member
   * must meet it, NULL excludes them just as well and is left as it is: the comparison is then strict in
   * the row, so PostgreSQL joins the relation as an inner join and filters it before the join (the RFM
   * class's 100 000 customers hashed instead of 600 000).
   */
  private falseIfNull(c: Condition, comparison: string): string {
    return this.required.has(c) ? `(${comparison})` : `coalesce(${comparison}, false)`;
  }

  private field(c: Extract<Condition, { kind: "field" }>): string {
    const p = this.params;
    const column = c.field.startsWith("profile.") ? `(s.profile ->> ${p.add(c.field.slice("profile.".length), "text")})` : `s.${c.field}`;
    if (c.op === "exists") return `(${column} IS NOT NULL AND ${column} <> '')`;
    const value = p.add(c.value!, "text");
    if (c.op === "contains") return `coalesce(strpos(lower(${column}), lower(${value})) > 0, false)`;
    // Case-insensitive: "city = berlin" finds "Berlin".
    return `coalesce(lower(${column}) ${c.op === "=" ? "=" : "<>"} lower(${value}), ${c.op === "!=" ? "true" : "false"})`;
  }

  private orders(c: Extract<Condition, { kind: "orders" }>): string {
    const p = this.params;
    const value = p.add(c.value, "float8");
    if (!c.window) {
      this.stats();
      const expr = {
        count: () => "coalesce(cs.orders_count, 0)",
        total: () => "coalesce(cs.revenue, 0)::float8",
        average: () => "(cs.revenue / NULLIF(cs.orders_count, 0))::float8",
        days_since_last: () => this.daysSince("cs.last_order_at"),
        days_since_first: () => this.daysSince("cs.first_order_at"),
      }[c.measure]();
      // Counts and totals read 0 without a row; the average and the days since an order are missing, hence false.
      return c.measure === "count" || c.measure === "total" ? `coalesce(${expr} ${c.op} ${value}, false)` : this.falseIfNull(c, `${expr} ${c.op} ${value}`);
    }
    const window = c.window;
    const kept = this.keptWindow(window);
    if (kept !== undefined && (c.measure === "count" || c.measure === "total")) {
      this.stats();
      const delta = this.windowDelta(kept);
      const expr =
        c.measure === "count" ? `(coalesce(cs.orders_${kept}d, 0) + coalesce(${delta}.n, 0))` : `(coalesce(cs.spent_${kept}d, 0) + coalesce(${delta}.total, 0))::float8`;
      if (this.required.has(c) && this.statsRequired) {
        // Who has no order that crossed the window's edges since the anchor has exactly the stored value, so
        // every member either passes the condition on the stored column or is among those few: a filter on
        // customer_stats alone, applied before the join (the whole base's rows are no longer hashed). It names
        // only cs, so it needs the row: added only when another required condition needs it anyway.
        const stored = c.measure === "count" ? `cs.orders_${kept}d` : `cs.spent_${kept}d::float8`;
        this.hints.push(`(${stored} ${c.op} ${value} OR cs.subscriber_id IN (${this.windowCrossers(kept)}))`);
      }
      return `(${expr} ${c.op} ${value})`;
    }
    const column = MEASURE_COLUMN[c.measure];
    // Only the figure asked for: each extra aggregate costs time over a million orders.
    const alias = this.derive(
      `orders|${this.windowKey(window)}|${column}`,
      () => `SELECT o.subscriber_id, ${ORDER_AGGREGATE[column]} AS ${column}
         FROM "order" o
        WHERE o.status = 'paid' AND ${this.windowSql("o.paid_at", window)}
        GROUP BY o.subscriber_id`,
    );
    return this.measure(alias, c.measure, c.op, value);
  }

  /** The days of a window kept in customer_stats, when the columns can be used for this `now`. */
  private keptWindow(w: Window): number | undefined {
    const at = this.options.windowStatsAt;
    if (!at) return undefined;
    const behind = this.options.now.getTime() - at.getTime();
    // Ahead of now (a clock moved back) or too far behind: the edges to correct for would be long scans.
    if (behind < 0 || behind > MAX_STATS_LAG_MS) return undefined;
    return STATS_WINDOW_DAYS.find((d) => d * DAY_MS === windowMs(w));
  }

  /**
   * Per customer, the orders that entered the window (paid after the anchor) minus those that left it
   * (paid before the anchor's window start, up to now's) since the columns were computed.
   */
  private windowDelta(days: number): string {
    const { entered, left } = this.windowEdges(days);
    return this.derive(
      `delta|${days}`,
      () => `SELECT x.subscriber_id, sum(x.sign)::int AS n, sum(x.sign * x.amount) AS total FROM (
           SELECT o.subscriber_id, 1 AS sign, o.amount FROM "order" o WHERE o.status = 'paid' AND ${entered}
           UNION ALL
           SELECT o.subscriber_id, -1 AS sign, o.amount FROM "order" o WHERE o.status = 'paid' AND ${left}) x
        GROUP BY x.subscriber_id`,
      // A join subquery, not a CTE: it is a few index ranges of orders (the edges crossed since the anchor, at most
      // three days), cheap for each parallel worker to compute, and a CTE would keep everything above it in one process.
      { inline: true },
    );
  }

  /** The customers windowDelta has a row for, as a plain subquery (a CTE would keep the scan it filters out of parallel workers). */
  private windowCrossers(days: number): string {
    const { entered, left } = this.windowEdges(days);
    return `SELECT o.subscriber_id FROM "order" o WHERE o.status = 'paid' AND ((${entered}) OR (${left}))`;
  }

  /** Conditions on o.paid_at: paid since the anchor (entered the window), and left the window since. */
  private windowEdges(days: number): { entered: string; left: string } {
    const p = this.params;
    const { now } = this.options;
    const at = this.options.windowStatsAt!;
    const back = (d: Date) => p.add(new Date(d.getTime() - days * DAY_MS), "timestamptz");
    return {
      entered: `o.paid_at > ${p.add(at, "timestamptz")} AND o.paid_at <= ${p.add(now, "timestamptz")}`,
      left: `o.paid_at > ${back(at)} AND o.paid_at <= ${back(now)}`,
    };
  }

  /**
   * Each person's count, first and last of one event type up to now, from event_stats (one row per
   * person and type, kept by triggers on "event") instead of aggregating every event of the type.
   * The few people with an event dated after now (a clock ahead, a test's fixed now) are aggregated
   * from their events, so the figures stay exactly those of the events up to now.
   */
  private eventStats(type: string): string {
    const p = this.params;
    return this.derive(`event-stats|${type}`, () => {
      const t = p.add(type, "text");
      const now = p.add(this.options.now, "timestamptz");
      // Only people whose last event is recent enough can be members: an index range instead of every row of the type.
      const after = this.lastEventAfter.get(type);
      const recent = after ? ` AND st.last_at > ${p.add(after, "timestamptz")}` : "";
      return `SELECT st.subscriber_id, st.count AS n, st.first_at, st.last_at FROM event_stats st WHERE st.type = ${t} AND st.last_at <= ${now}${recent}
         UNION ALL
         SELECT e.subscriber_id, count(*)::int AS n, min(e.occurred_at) AS first_at, max(e.occurred_at) AS last_at FROM event e
          WHERE e.type = ${t} AND e.occurred_at <= ${now}
            AND e.subscriber_id IN (SELECT st.subscriber_id FROM event_stats st WHERE st.type = ${t} AND st.last_at > ${now})
          GROUP BY e.subscriber_id`;
    });
  }

  private event(c: Extract<Condition, { kind: "event" }>): string {
    const p = this.params;
    const column = MEASURE_COLUMN[c.measure];
    if (!c.window && !c.property) return this.measure(this.eventStats(c.type), c.measure, c.op, p.add(c.value, "float8"));
    if (atLeastOneIn(c)) {
      // Did the event within the window = the last one up to now is inside it: event_stats, not the window's
      // events. When every member must meet it, NULL for people without the event (no COALESCE): the join is
      // then an inner one, driven by the few recent rows (the constructor bounds eventStats to them).
      // Anywhere else (under a "not") it must be false for them.
      const inside = `${this.eventStats(c.type)}.last_at > ${p.add(new Date(this.options.now.getTime() - windowMs(c.window)), "timestamptz")}`;
      return this.required.has(c) ? `(${inside})` : `coalesce(${inside}, false)`;
    }
    const alias = this.derive(`event|${c.type}|${c.property ?? ""}|${c.window ? this.windowKey(c.window) : "all"}|${column}`, () => {
      const type = p.add(c.type, "text");
      let aggregate = EVENT_AGGREGATE[column as keyof typeof EVENT_AGGREGATE];
      if (c.property) {
        const prop = p.add(c.property, "text");
        // A property that is a JSON number, or a string holding one ("12.50"), is summed; anything else is skipped.
        aggregate = `sum(CASE WHEN jsonb_typeof(e.properties -> ${prop}) = 'number' OR (e.properties ->> ${prop}) ~ '^-?[0-9]+(\\.[0-9]+)?$'
                      THEN (e.properties ->> ${prop})::float8 END)`;
      }
      return `SELECT e.subscriber_id, ${aggregate} AS ${column}
         FROM event e
        WHERE e.type = ${type} AND ${c.window ? this.windowSql("e.occurred_at", c.window) : `e.occurred_at <= ${p.add(this.options.now, "timestamptz")}`}
        GROUP BY e.subscriber_id`;
    });
    return this.measure(alias, c.measure, c.op, p.add(c.value, "float8"));
  }

  private measure(alias: string, measure: keyof typeof MEASURE_COLUMN, op: string, value: string): string {
    const column = `${alias}.${MEASURE_COLUMN[measure]}`;
    // No order or event in the window counts as zero of it.
    if (measure === "count" || measure === "total" || measure === "sum") return `(coalesce(${column}, 0) ${op} ${value})`;
    if (measure === "average") return `coalesce(${column} ${op} ${value}, false)`;
    return `coalesce(${this.daysSince(column)} ${op} ${value}, false)`;
  }

  private noneSince(c: Extract<Condition, { kind: "none_since" }>): string {
    const p = this.params;
    const now = p.add(this.options.now, "timestamptz");
    const alias = this.eventStats(c.after);
    const later =
      c.then.kind === "order"
        ? `SELECT 1 FROM "order" o WHERE o.subscriber_id = s.id AND o.status = 'paid' AND o.paid_at > ${alias}.last_at AND o.paid_at <= ${now}`
        : `SELECT 1 FROM event e2 WHERE e2.subscriber_id = s.id AND e2.type = ${p.add(c.then.type, "text")} AND e2.occurred_at > ${alias}.last_at AND e2.occurred_at <= ${now}`;
    const after = this.lastEventAfter.get(c.after);
    if (after && c.then.kind === "order") {
      // Every member's last event is after `after` (eventStats is bounded to them), so whoever paid nothing since
      // `after` - a hashed set from one short range of the paid_at index - paid nothing since their last event
      // either: only the few others are probed. Each probe touches its own index pages; 18 000 of them were
      // most of a cold run (a new connection faults in every page of shared memory it touches).
      // Named by the event row, not the subscriber's, so the whole condition filters those rows before the join.
      const recent = `SELECT o.subscriber_id FROM "order" o WHERE o.status = 'paid' AND o.paid_at > ${p.add(after, "timestamptz")} AND o.paid_at <= ${now}`;
      const since = `SELECT 1 FROM "order" o WHERE o.subscriber_id = ${alias}.subscriber_id AND o.status = 'paid' AND o.paid_at > ${alias}.last_at AND o.paid_at <= ${now}`;
      return `(${alias}.last_at IS NOT NULL AND (${alias}.subscriber_id NOT IN (${recent}) OR NOT EXISTS (${since})))`;
    }
    return `(${alias}.last_at IS NOT NULL AND NOT EXISTS (${later}))`;
  }

  breakdownColumns(): string {
    this.stats();
    const stage = lifecycleSql("cs", this.params, this.options.now, this.options.settings);
    return `${stage} AS lifecycle, coalesce(cs.rfm_class, 'none') AS rfm, coalesce(s.source, 'none') AS source, s.language`;
  }

  private stats(): void {
    if (!this.derived.has("stats")) {
      this.derived.set("stats", "cs");
      this.joins.push("customer_stats cs ON cs.subscriber_id = s.id");
    }
  }

  private nps(): string {
    if (!this.derived.has("nps")) {
      this.derived.set("nps", "nps");
      this.joins.push(`(${latestNpsSql(this.params, this.options.now)}) nps ON nps.subscriber_id = s.id`);
    }
    return "nps";
  }

  /**
   * One windowed aggregate per distinct measure, however many conditions read
   * it, as a MATERIALIZED CTE: computed once (as a join subquery, PostgreSQL's
   * parallel workers would each compute it again), then hash-joined.
   */
  private derive(key: string, sql: () => string, options: { inline?: boolean } = {}): string {
    const existing = this.derived.get(key);
    if (existing) return existing;
    const alias = `d${this.derived.size + 1}`;
    this.derived.set(key, alias);
    if (options.inline) {
      this.joins.push(`(${sql()}) ${alias} ON ${alias}.subscriber_id = s.id`);
    } else {
      this.ctes.push(`${alias} AS MATERIALIZED (${sql()})`);
      this.joins.push(`${alias} ON ${alias}.subscriber_id = s.id`);
    }
    return alias;
  }

  private windowSql(column: string, w: Window): string {
    const { now } = this.options;
    return `${column} > ${this.params.add(new Date(now.getTime() - windowMs(w)), "timestamptz")} AND ${column} <= ${this.params.add(now, "timestamptz")}`;
  }

  private windowKey(w: Window): string {
    return `${w.amount}${w.unit}`;
  }

  private daysSince(column: string): string {
    return `(extract(epoch FROM (${this.params.add(this.options.now, "timestamptz")} - ${column})) / 86400)`;
  }
}

/** The conditions every member must meet: the parts of a top-level "and", recursively. */
function conjuncts(c: Condition): Condition[] {
  return c.kind === "and" ? c.of.flatMap(conjuncts) : [c];
}

/** False for anybody without a customer_stats row (RFM, a stage other than potential, "lifecycle != potential"). */
function needsStatsRow(c: Condition): boolean {
  return valueWithoutStatsRow(c) === false;
}

/**
 * What the condition is for somebody without a customer_stats row, when that alone decides it (RFM is
 * false, "lifecycle = potential" true; undefined when it depends on something else): "and", "or" and
 * "not" combine their parts' values as the logic does.
 */
function valueWithoutStatsRow(c: Condition): boolean | undefined {
  switch (c.kind) {
    case "and":
    case "or": {
      const values = c.of.map(valueWithoutStatsRow);
      const decisive = c.kind === "or"; // one false decides an "and", one true an "or"
      if (values.includes(decisive)) return decisive;
      return values.every((v) => v === !decisive) ? !decisive : undefined;
    }
    case "not": {
      const v = valueWithoutStatsRow(c.of);
      return v === undefined ? undefined : !v;
    }
    case "rfm":
    case "rfm_score":
      return false;
    case "lifecycle":
      return c.stages.includes("potential");
    default:
      return undefined;
  }
}

/**
 * "Did the event at least once within the window": a count in a window, false for 0 and true for 1 or
 * more (`event:x within 2d` is count >= 1). Then it is "the last event up to now is inside the window".
 */
function atLeastOneIn(c: Condition): c is Extract<Condition, { kind: "event" }> & { window: Window } {
  if (c.kind !== "event" || !c.window || c.property || c.measure !== "count") return false;
  const v = c.value;
  return (c.op === ">=" && v > 0 && v <= 1) || (c.op === ">" && v >= 0 && v < 1) || (c.op === "!=" && v === 0);
}
