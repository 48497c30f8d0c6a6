// A segment is data: this JSON tree, validated with zod wherever it enters
// (the text parser's output, a saved segment read back, an API payload).
// Leaves are conditions on one customer; "and" / "or" / "not" combine them.
// Every leaf means one yes/no per customer, with "no" for missing data (a
// customer without orders has no average order value, so "aov > 50" is no and
// "not aov > 50" is yes).
import { z } from "zod";
import { LIFECYCLE_STAGES } from "./lifecycle.ts";
import { NPS_GROUPS } from "./nps-groups.ts";
import { RFM_CLASSES } from "./rfm.ts";

export const CONSENT_STATUSES = ["none", "pending", "subscribed", "declined", "unsubscribed"] as const;
export const COMPARISONS = ["=", "!=", ">", ">=", "<", "<="] as const;
export const PROFILE_COLUMNS = ["first_name", "last_name", "username", "email", "phone", "external_id", "timezone"] as const;
export const ORDER_MEASURES = ["count", "total", "average", "days_since_last", "days_since_first"] as const;
export const EVENT_MEASURES = ["count", "sum", "days_since_last", "days_since_first"] as const;

const name = z.string().min(1).max(128);
const comparison = z.enum(COMPARISONS);
const number = z.number().finite();

/** A time window back from now: "within 2d". */
export const windowSchema = z.object({ amount: z.number().int().positive().max(100_000), unit: z.enum(["h", "d", "w"]) });
export type Window = z.infer<typeof windowSchema>;

const eventType = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/);

export type Condition =
  | { kind: "everyone" }
  | { kind: "and"; of: Condition[] }
  | { kind: "or"; of: Condition[] }
  | { kind: "not"; of: Condition }
  /** A profile column or a key of the profile JSON ("profile.city"). */
  | { kind: "field"; field: string; op: "=" | "!=" | "contains" | "exists"; value?: string | undefined }
  | { kind: "tag"; tags: string[] }
  | { kind: "consent"; statuses: (typeof CONSENT_STATUSES)[number][] }
  | { kind: "blocked" }
  | { kind: "source"; values: string[] }
  | { kind: "language"; values: string[] }
  | { kind: "lifecycle"; stages: (typeof LIFECYCLE_STAGES)[number][] }
  | { kind: "rfm"; classes: (typeof RFM_CLASSES)[number][] }
  | { kind: "rfm_score"; score: "r" | "f" | "m"; op: Comparison; value: number }
  | { kind: "nps"; groups: (typeof NPS_GROUPS)[number][] }
  | { kind: "nps_score"; op: Comparison; value: number }
  /** Days since the person became known to us. */
  | { kind: "joined"; op: Comparison; value: number }
  /** Paid orders (refunds excluded); days_since_* values are days. */
  | { kind: "orders"; measure: (typeof ORDER_MEASURES)[number]; window?: Window | undefined; op: Comparison; value: number }
  | {
      kind: "event";
      type: string;
      measure: (typeof EVENT_MEASURES)[number];
      /** The numeric property summed by measure "sum". */
      property?: string | undefined;
      window?: Window | undefined;
      op: Comparison;
      value: number;
    }
  /** Friends this person brought who confirmed their subscription (core/referrals). */
  | { kind: "referrals"; op: Comparison; value: number }
  /** Came by someone's invitation link. */
  | { kind: "referred" }
  /** Came by the invitation of someone who is loyal now. */
  | { kind: "referred_by_loyal" }
  /** The person did `after` at least once, and nothing of `then` happened after their last `after`. */
  | { kind: "none_since"; after: string; then: { kind: "order" } | { kind: "event"; type: string } };

export type Comparison = (typeof COMPARISONS)[number];

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("everyone") }),
    z.object({ kind: z.literal("and"), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal("or"), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal("not"), of: conditionSchema }),
    z
      .object({
        kind: z.literal("field"),
        field: z.union([z.enum(PROFILE_COLUMNS), z.string().regex(/^profile\.[A-Za-z0-9_]{1,64}$/)]),
        op: z.enum(["=", "!=", "contains", "exists"]),
        value: z.string().max(512).optional(),
      })
      .refine((c) => (c.op === "exists") === (c.value === undefined), { message: "exists takes no value; the other operators need one" }),
    z.object({ kind: z.literal("tag"), tags: z.array(name).min(1) }),
    z.object({ kind: z.literal("consent"), statuses: z.array(z.enum(CONSENT_STATUSES)).min(1) }),
    z.object({ kind: z.literal("blocked") }),
    z.object({ kind: z.literal("source"), values: z.array(name).min(1) }),
    z.object({ kind: z.literal("language"), values: z.array(z.string().min(2).max(8)).min(1) }),
    z.object({ kind: z.literal("lifecycle"), stages: z.array(z.enum(LIFECYCLE_STAGES)).min(1) }),
    z.object({ kind: z.literal("rfm"), classes: z.array(z.enum(RFM_CLASSES)).min(1) }),
    z.object({ kind: z.literal("rfm_score"), score: z.enum(["r", "f", "m"]), op: comparison, value: z.number().int().min(1).max(5) }),
    z.object({ kind: z.literal("nps"), groups: z.array(z.enum(NPS_GROUPS)).min(1) }),
    z.object({ kind: z.literal("nps_score"), op: comparison, value: z.number().int().min(0).max(10) }),
    z.object({ kind: z.literal("joined"), op: comparison, value: number.min(0) }),
    z.object({ kind: z.literal("referrals"), op: comparison, value: number.min(0).max(1_000_000) }),
    z.object({ kind: z.literal("referred") }),
    z.object({ kind: z.literal("referred_by_loyal") }),
    z.object({ kind: z.literal("orders"), measure: z.enum(ORDER_MEASURES), window: windowSchema.optional(), op: comparison, value: number }),
    z
      .object({
        kind: z.literal("event"),
        type: eventType,
        measure: z.enum(EVENT_MEASURES),
        property: z.string().regex(/^[A-Za-z0-9_]{1,64}$/).optional(),
        window: windowSchema.optional(),
        op: comparison,
        value: number,
      })
      .refine((c) => (c.measure === "sum") === (c.property !== undefined), { message: "sum needs a property; other measures take none" }),
    z.object({
      kind: z.literal("none_since"),
      after: eventType,
      then: z.discriminatedUnion("kind", [z.object({ kind: z.literal("order") }), z.object({ kind: z.literal("event"), type: eventType })]),
    }),
  ]),
) as z.ZodType<Condition>;

/** The stored form: a version, so the shape can evolve and old saved segments still read. */
export const segmentDefinitionSchema = z.object({ version: z.literal(1), where: conditionSchema });
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

export function windowMs(w: Window): number {
  return w.amount * { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[w.unit];
}
