// A definition back to the text form, canonically: what `parseSegmentText`
// reads back to the same definition (the round trip is tested). Used to show
// built-in segments and definitions that arrived as JSON.
import type { Condition, SegmentDefinition, Window } from "./segment-definition.ts";

export function formatSegmentText(definition: SegmentDefinition): string {
  return format(definition.where);
}

function format(c: Condition): string {
  switch (c.kind) {
    case "everyone":
      return "everyone";
    case "and":
      return c.of.map((x) => (x.kind === "or" ? `(${format(x)})` : format(x))).join(" and ");
    case "or":
      return c.of.map((x) => (x.kind === "or" ? `(${format(x)})` : format(x))).join(" or ");
    case "not":
      return `not ${c.of.kind === "and" || c.of.kind === "or" ? `(${format(c.of)})` : format(c.of)}`;
    case "field":
      return c.op === "exists" ? `${c.field} exists` : `${c.field} ${c.op} ${value(c.value!)}`;
    case "tag":
      return c.tags.length === 1 && /^[\p{L}\p{N}_-]+$/u.test(c.tags[0]!) ? `tag:${c.tags[0]}` : list("tag", c.tags);
    case "consent":
      return list("consent", c.statuses);
    case "blocked":
      return "blocked";
    case "source":
      return list("source", c.values);
    case "language":
      return list("language", c.values);
    case "lifecycle":
      return list("lifecycle", c.stages);
    case "rfm":
      return list("rfm", c.classes);
    case "nps":
      return list("nps", c.groups);
    case "rfm_score":
      return `rfm_${c.score} ${c.op} ${c.value}`;
    case "nps_score":
      return `nps_score ${c.op} ${c.value}`;
    case "joined":
      return `joined ${c.op} ${days(c.value)}`;
    case "orders": {
      if (c.measure === "count" && c.op === ">=" && c.value === 1) return `order${within(c.window)}`;
      const name = { count: "orders", total: "spent", average: "aov", days_since_last: "last_order", days_since_first: "first_order" }[c.measure];
      const v = c.measure.startsWith("days_") ? days(c.value) : String(c.value);
      return `${name} ${c.op} ${v}${within(c.window)}`;
    }
    case "event": {
      const ref = `event:${c.type}`;
      if (c.measure === "count" && c.op === ">=" && c.value === 1) return `${ref}${within(c.window)}`;
      const measure = { count: "count", sum: `sum(${c.property})`, days_since_last: "last", days_since_first: "first" }[c.measure];
      const v = c.measure.startsWith("days_") ? days(c.value) : String(c.value);
      return `${ref} ${measure} ${c.op} ${v}${within(c.window)}`;
    }
    case "referrals":
      return `referrals ${c.op} ${c.value}`;
    case "referred":
    case "referred_by_loyal":
      return c.kind;
    case "none_since":
      return `no ${c.then.kind === "order" ? "order" : `event:${c.then.type}`} since event:${c.after}`;
  }
}

function list(field: string, values: readonly string[]): string {
  return values.length === 1 ? `${field} = ${value(values[0]!)}` : `${field} in (${values.map(value).join(", ")})`;
}

function value(v: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.:@+-]*$/u.test(v) && !["and", "or", "not", "in", "within"].includes(v.toLowerCase()) ? v : `"${v}"`;
}

function days(n: number): string {
  return Number.isInteger(n) ? `${n}d` : Number.isInteger(n * 24) ? `${n * 24}h` : String(n);
}

function within(w: Window | undefined): string {
  return w ? ` within ${w.amount}${w.unit}` : "";
}
