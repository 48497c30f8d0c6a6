// The shape of a trigger chain file (flows/chains/*.yaml) and its types.
// A leaf: core/deps.ts names ChainDefinition without importing the segment
// code that chain-definition.ts checks segment texts with.
import { z } from "zod";
import { messageTemplateSchemaWith } from "../campaigns/message-template.ts";

/** Chain messages may also show the items of the triggering event (an abandoned cart). */
export const CHAIN_PLACEHOLDERS = ["items"] as const;

const duration = z
  .string()
  .regex(/^\d+(m|h|d)$/, { message: 'expected a duration like "30m", "1h" or "3d"' })
  .transform((v) => Number(v.slice(0, -1)) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[v.at(-1) as "m" | "h" | "d"]);

/** How old an event or order may be and still start a chain, unless the chain says otherwise. */
export const DEFAULT_MAX_TRIGGER_AGE = 24 * 3_600_000;

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day like "10:00"' })
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));

/**
 * A time carried by the triggering event: `properties.ends_at - 4d`, optionally
 * `at 10:00` (that local day, at that time in the customer's timezone): the
 * reminders of a trial, a booking or an expiring bonus.
 */
const DEADLINE = /^properties\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:([+-])\s*(\d+)([mhd]))?(?:\s+at\s+([01]\d|2[0-3]):([0-5]\d))?$/;
export interface DeadlineWait {
  property: string;
  /** Milliseconds added to the property's time (negative: before it). */
  offset: number;
  /** Local minute of day, or null for the exact instant. */
  at: number | null;
}
const deadline = z
  .string()
  .regex(DEADLINE, { message: 'expected "properties.<name> - 4d" (optionally "at 10:00")' })
  .transform((v): DeadlineWait => {
    const m = DEADLINE.exec(v)!;
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[4] ?? "d") as "m" | "h" | "d"];
    const offset = m[3] ? Number(m[3]) * unit * (m[2] === "-" ? -1 : 1) : 0;
    return { property: m[1]!, offset, at: m[5] ? Number(m[5]) * 60 + Number(m[6]) : null };
  });

/** A share of the chain's entrants kept as a control group: "10%". */
const percent = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?%$/, { message: 'expected a share like "10%"' }).transform((v) => Number(v.slice(0, -1)))])
  .pipe(z.number().min(0).max(50, { message: "a holdout above 50% leaves too few people treated" }));

/** What an order contained: an item category ("shoes"). */
const orderFilter = z.object({ category: z.string().min(1) }).strict();
export type OrderFilter = z.infer<typeof orderFilter>;

/** A condition on the customer, evaluated when a branch step runs. */
const conditionSchema = z.union([
  z.object({ ordered_since_entry: z.boolean() }).strict(),
  z.object({ clicked_since_entry: z.boolean() }).strict(),
  z.object({ event_since_entry: z.string().min(1) }).strict(),
  z.object({ has_tag: z.string().min(1) }).strict(),
  /** Ever bought an item of this category (the complement a cross-sell would offer). */
  z.object({ bought_category: z.string().min(1) }).strict(),
  /** A built-in segment's key ("rfm:champions") or a rule in the text form ("orders >= 6 and spent > 800"). */
  z.object({ in_segment: z.string().min(1) }).strict(),
]);
export type ChainCondition = z.infer<typeof conditionSchema>;

const stepSchema = z.union([
  z.object({ id: z.string().optional(), wait: duration }).strict(),
  z.object({ id: z.string().optional(), wait_until: z.union([timeOfDay, deadline]) }).strict(),
  z.object({ id: z.string().optional(), send: messageTemplateSchemaWith(CHAIN_PLACEHOLDERS) }).strict(),
  z.object({ id: z.string().optional(), survey: z.string().min(1) }).strict(),
  z.object({ id: z.string().optional(), flow: z.string().min(1) }).strict(),
  z.object({ id: z.string().optional(), if: conditionSchema, goto: z.string().min(1) }).strict(),
  z.object({ id: z.string().optional(), end: z.literal(true) }).strict(),
]);
export type ChainStep = z.infer<typeof stepSchema>;

const triggerSchema = z.union([
  z.object({ event: z.string().min(1), where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }).strict(),
  /** `true`, or only orders with an item of a category: `{ category: shoes }`. */
  z.object({ order_paid: z.union([z.literal(true), orderFilter]) }).strict(),
  z.object({ segment_entry: z.string().min(1) }).strict(),
  /** A qualification flow was completed (optionally only with this qualification: a hot lead's follow-up). */
  z.object({ flow_completed: z.string().min(1), qualification: z.enum(["hot", "warm", "cold"]).optional() }).strict(),
]);
export type ChainTrigger = z.infer<typeof triggerSchema>;

const exitSchema = z.union([
  z.literal("order_paid"),
  z.object({ event: z.string().min(1) }).strict(),
  /** An order with an item of this category: the complement was bought. */
  z.object({ order_paid: orderFilter }).strict(),
]);
export type ChainExit = z.infer<typeof exitSchema>;

export const chainObjectSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: "expected lowercase letters, digits and _ (at most 40)" }),
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    trigger: triggerSchema,
    /** Any of these after entry takes the customer out of the chain. */
    exit_when: z.array(exitSchema).default([]),
    /** marketing: counts against the frequency cap; transactional: exempt. */
    kind: z.enum(["marketing", "transactional"]).default("marketing"),
    /**
     * For marketing chains: "global" obeys the product's cap (FREQUENCY_CAP);
     * "<n>/<d>d" gives the chain its own cap instead, counted over its own
     * messages (a three-step cart reminder is one conversation, not three).
     */
    frequency_cap: z
      .union([z.literal("global"), z.string().regex(/^\d+\/\d+d$/, { message: 'expected "global" or "<messages>/<days>d", e.g. 3/7d' })])
      .default("global"),
    /** A customer re-enters the chain only this long after leaving it. */
    reenter_after: duration.default(30 * 86_400_000),
    /**
     * Event and order triggers: only a trigger that happened at most this long
     * ago enrols. Imported history (a CSV of last year's orders, an API
     * backlog) is stored, but starts no chain.
     */
    max_trigger_age: duration.default(DEFAULT_MAX_TRIGGER_AGE),
    /** A share of entrants who walk the chain but are sent nothing, to measure its lift. */
    holdout: percent.default(0),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type ChainDefinition = z.infer<typeof chainObjectSchema>;
