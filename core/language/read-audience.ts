// Who a description means: pieces of meaning -> one segment rule in the exact
// syntax (or a saved segment's name), several when the words allow more than
// one reading, or the words that could not be placed.
//
// Within a clause, conditions are joined by "and"; "or" starts a new clause.
// Numbers, comparisons and durations belong to the nearest measure: "bought"
// (orders), "spent", "average order", "last order", an event, an abandoned
// cart. A measure takes them from before it ("2 or more orders") and after
// it ("spent over 300 in the last 90 days").
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import { formatSegmentText } from "../segments/format-segment-text.ts";
import type { NameKind, NameMatch, Piece } from "./read-pieces.ts";
import type { RefusalProblem } from "./understanding.ts";

export type AudienceOption = { kind: "rule"; rule: string } | { kind: "saved"; name: string };
export type AudienceReading =
  | AudienceOption
  | { kind: "choice"; options: AudienceOption[] }
  | { kind: "refusal"; problem: RefusalProblem; words: string[]; suggestions: string[] };

type AnchorKind =
  | { is: "orders" }
  | { is: "measure"; measure: "spent" | "aov" | "last_order" | "first_order" | "joined" | "nps_score" }
  | { is: "event"; event: string }
  | { is: "abandoned_cart" };
type Anchor = { not: boolean; bag: Piece[]; words: string[] } & AnchorKind;
/** One condition of a clause: its readings (one, or several to choose from). */
type Condition = { readings: string[]; anchor?: Anchor };

const MARKER_KIND: Record<string, NameKind> = { source: "sources", tag: "tags", event: "events", segment: "segments" };
const NUMERIC = new Set(["cmp", "cmp_after", "number", "unit", "duration", "times", "ago", "money", "percent"]);
const MAX_CHOICES = 4;

export function readAudience(read: Piece[]): AudienceReading {
  const pieces = bindFieldValues(read);
  const unknown = pieces.filter((p): p is Extract<typeof p, { is: "unknown" }> => p.is === "unknown");
  if (unknown.length) {
    return { kind: "refusal", problem: "unknown_words", words: unknown.map((p) => p.text), suggestions: [...new Set(unknown.flatMap((p) => p.suggestions))].slice(0, 5) };
  }
  const meaningful = pieces.filter((p) => p.is !== "filler");
  if (meaningful.length === 0) return pieces.length ? { kind: "rule", rule: "everyone" } : { kind: "refusal", problem: "nothing", words: [], suggestions: [] };
  const alone = aloneName(meaningful);
  if (alone) return alone;

  const clauses: Piece[][] = [[]];
  for (const p of meaningful) {
    if (p.is === "or") clauses.push([]);
    else clauses[clauses.length - 1]!.push(p);
  }
  const readClauses: string[][] = [];
  for (const clause of clauses) {
    const read = readClause(clause);
    if ("problem" in read) return { kind: "refusal", ...read, suggestions: [] };
    readClauses.push(read.readings);
  }
  mergeLists(readClauses);
  // Every combination of the clauses' readings, "or"-ed.
  let forms: string[] = [""];
  for (const readings of readClauses) forms = forms.flatMap((f) => readings.map((r) => (f ? `${f} or ${r}` : r))).slice(0, MAX_CHOICES);
  let rules: string[];
  try {
    rules = [...new Set(forms.map(canonical))];
  } catch {
    // A number out of the syntax's range ("within 500000 days"): say which words, never guess.
    return { kind: "refusal", problem: "dangling", words: meaningful.filter((p) => NUMERIC.has(p.is)).map((p) => p.text), suggestions: [] };
  }
  const options = rules.map((rule): AudienceOption => ({ kind: "rule", rule }));
  return options.length === 1 ? options[0]! : { kind: "choice", options };
}

/** A description that is one name (maybe after its marker): the saved segment, or a choice between the names it may be. */
function aloneName(pieces: Piece[]): AudienceReading | undefined {
  const [first, second] = pieces;
  const marker = first?.is === "marker" && pieces.length === 2 ? MARKER_KIND[first.of] : undefined;
  const name = pieces.length === 1 ? first : marker ? second : undefined;
  if (name?.is !== "name") return undefined;
  const matches = name.matches.filter((m) => (marker ? m.kind === marker : true));
  const exactSaved = matches.find((m) => m.kind === "segments" && m.exact);
  if (exactSaved && matches.length === 1) return { kind: "saved", name: exactSaved.name };
  const options = matches.flatMap((m): AudienceOption[] => (m.kind === "segments" ? [{ kind: "saved", name: m.name }] : nameRule(m).map((rule) => ({ kind: "rule", rule }))));
  if (options.length === 0) return undefined;
  return options.length === 1 ? options[0]! : { kind: "choice", options: options.slice(0, MAX_CHOICES) };
}

/**
 * "City Berlin", "город Москва", "whose city is not Paris": the word after a
 * field is its value, taken as typed; a field with no value after it must
 * exist ("with email"). Becomes a rule piece before anything else is read.
 */
function bindFieldValues(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const field = p.is === "field" ? p.field : p.is === "name" && p.matches.length === 1 && p.matches[0]!.kind === "fields" ? `profile.${p.matches[0]!.name}` : undefined;
    if (!field) {
      out.push(p);
      continue;
    }
    let j = i + 1;
    let op = "=";
    while (j < pieces.length) {
      const q = pieces[j]!;
      if (q.is === "filler" || (q.is === "cmp" && q.op === "=")) j++;
      else if (q.is === "not" || (q.is === "cmp" && q.op === "!=")) {
        op = "!=";
        j++;
      } else break;
    }
    const value = pieces[j];
    if (value && (value.is === "unknown" || value.is === "name" || value.is === "number")) {
      out.push({ is: "rule", rule: `${field} ${op} "${(value.original ?? value.text).replace(/"/g, "")}"`, text: `${p.text} ${value.text}` });
      i = j;
    } else {
      out.push({ is: "rule", rule: `${field} exists`, text: p.text });
    }
  }
  return out;
}

function nameRule(m: NameMatch): string[] {
  switch (m.kind) {
    case "fields":
      return [`profile.${m.name} exists`];
    case "sources":
      return [`source = ${quoted(m.name)}`];
    case "tags":
      return [/^[\p{L}\p{N}_-]+$/u.test(m.name) ? `tag:${m.name}` : `tag = ${quoted(m.name)}`];
    case "events":
      return [`event:${m.name}`];
    default:
      return [];
  }
}

function readClause(pieces: Piece[]): { readings: string[] } | { problem: RefusalProblem; words: string[] } {
  const conditions: Condition[] = [];
  let not = false;
  let marker: NameKind | undefined;
  let pending: Piece[] = [];
  let current: Anchor | undefined;
  const anchor = (a: AnchorKind, text: string) => {
    current = { ...a, not, bag: pending, words: [text] };
    conditions.push({ readings: [], anchor: current });
    not = false;
    pending = [];
  };
  const condition = (readings: string[]) => {
    conditions.push({ readings: not ? readings.map((r) => `not ${parenthesized(r)}`) : readings });
    not = false;
  };
  for (const p of pieces) {
    if (NUMERIC.has(p.is)) {
      (current ? current.bag : pending).push(p);
      continue;
    }
    switch (p.is) {
      case "not":
        not = true;
        break;
      case "marker":
        marker = MARKER_KIND[p.of];
        break;
      case "everyone":
        condition(["everyone"]);
        break;
      case "rule":
        condition([p.rule]);
        break;
      case "choice":
        condition(p.rules);
        break;
      case "orders":
      case "abandoned_cart":
        anchor({ is: p.is }, p.text);
        break;
      case "measure":
        anchor({ is: "measure", measure: p.measure }, p.text);
        break;
      case "event":
        anchor({ is: "event", event: p.event }, p.text);
        break;
      case "name": {
        const matches = p.matches.filter((m) => m.exact && (marker ? m.kind === marker : m.kind !== "segments"));
        marker = undefined;
        const events = matches.filter((m) => m.kind === "events");
        if (events.length === 1 && matches.length === 1) {
          anchor({ is: "event", event: events[0]!.name }, p.text);
          break;
        }
        const readings = matches.flatMap(nameRule);
        if (readings.length === 0) return { problem: "unknown_words", words: [p.text] };
        condition(readings);
        break;
      }
      default:
        return { problem: "unknown_words", words: [p.text] };
    }
  }
  if (pending.length) return { problem: "dangling", words: pending.map((p) => p.text) };
  const readings: string[][] = [];
  const others = conditions.filter((c) => !c.anchor || !isBare(c.anchor)).length;
  const events = conditions.flatMap((c) => (c.anchor?.is === "event" ? [c.anchor.event] : c.anchor?.is === "abandoned_cart" ? ["added_to_cart"] : []));
  for (const c of conditions) {
    if (!c.anchor) {
      readings.push(c.readings);
      continue;
    }
    // "Loyal buyers": the bare verb adds nothing to another condition.
    if (isBare(c.anchor) && others > 0) continue;
    const read = readAnchor(c.anchor, events);
    if (typeof read !== "string") return read;
    readings.push([read]);
  }
  mergeLists(readings);
  if (readings.length > 1) {
    const withoutEveryone = readings.filter((r) => !(r.length === 1 && r[0] === "everyone"));
    readings.splice(0, readings.length, ...(withoutEveryone.length ? withoutEveryone : [["everyone"]]));
  }
  let forms: string[] = [""];
  for (const r of readings) forms = forms.flatMap((f) => r.map((x) => (f ? `${f} and ${x}` : x))).slice(0, MAX_CHOICES);
  return { readings: forms };
}

const LIST_RULE = /^(lifecycle|rfm|nps|consent) (?:= (\w+)|in \(([\w, ]+)\))$/;

/**
 * "Promoters and passives", "промоутеры или нейтралы": two values of one list
 * field mean either (nobody is both), so they become one `field in (...)`.
 * Works in place on single readings that are such lists.
 */
function mergeLists(readings: string[][]): void {
  const byField = new Map<string, { index: number; values: string[] }>();
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i]!;
    const m = r.length === 1 ? LIST_RULE.exec(r[0]!) : null;
    if (!m) continue;
    const values = m[2] ? [m[2]] : m[3]!.split(",").map((v) => v.trim());
    const seen = byField.get(m[1]!);
    if (!seen) {
      byField.set(m[1]!, { index: i, values });
      continue;
    }
    seen.values.push(...values.filter((v) => !seen.values.includes(v)));
    readings[seen.index] = [seen.values.length === 1 ? `${m[1]} = ${seen.values[0]}` : `${m[1]} in (${seen.values.join(", ")})`];
    readings.splice(i--, 1);
  }
}

function isBare(a: Anchor): boolean {
  return a.is === "orders" && !a.not && a.bag.length === 0;
}

interface Quantity {
  op?: string;
  value?: number;
  count?: number;
  /** In days, or hours when unit is "h". */
  duration?: { amount: number; unit: "h" | "d" };
  money: boolean;
  ago: boolean;
  leftover: string[];
}

function quantity(bag: Piece[]): Quantity {
  const q: Quantity = { money: false, ago: false, leftover: [] };
  let number: number | undefined;
  let numberBeforeUnit: number | undefined;
  const commit = () => {
    if (number !== undefined) q.value = number;
    number = undefined;
  };
  for (const p of bag) {
    switch (p.is) {
      case "cmp":
        commit();
        q.op = p.op;
        break;
      case "cmp_after":
        commit();
        q.op = p.op;
        break;
      case "number":
        if (p.times) q.count = p.value;
        else {
          commit();
          number = p.value;
        }
        numberBeforeUnit = p.beforeUnit ? p.value : undefined;
        continue;
      case "unit":
      case "duration":
        // "30 days" takes its number; in "over 1000 in the last month" the 1000 stays the value.
        q.duration = { amount: (numberBeforeUnit ?? 1) * p.amount, unit: p.unit };
        if (numberBeforeUnit !== undefined) number = undefined;
        break;
      case "times":
        if (numberBeforeUnit !== undefined) {
          q.count = numberBeforeUnit;
          number = undefined;
        }
        break;
      case "money":
        q.money = true;
        break;
      case "ago":
        q.ago = true;
        break;
      default:
        q.leftover.push(p.text);
    }
    numberBeforeUnit = undefined;
  }
  commit();
  return q;
}

function readAnchor(a: Anchor, events: string[]): string | { problem: RefusalProblem; words: string[] } {
  const q = quantity(a.bag);
  const within = q.duration ? ` within ${q.duration.amount}${q.duration.unit}` : "";
  const days = q.duration ? `${q.duration.amount}${q.duration.unit}` : q.value !== undefined ? `${q.value}d` : undefined;
  const dangling = { problem: "dangling" as const, words: [...a.words, ...a.bag.map((p) => p.text)] };
  switch (a.is) {
    case "orders": {
      if (q.money && q.value !== undefined) return `spent ${q.op ?? ">="} ${q.value}${within}`;
      if (a.not) {
        if (q.duration) return `last_order ${q.op ?? ">"} ${days}`;
        const since = events[0];
        return since ? `no order since event:${since}` : "orders = 0";
      }
      if (q.ago && days) return `last_order ${q.op ?? ">="} ${days}`;
      const count = q.count ?? q.value;
      if (count !== undefined) return `orders ${q.op ?? "="} ${count}${within}`;
      return `order${within}`;
    }
    case "measure": {
      const m = a.measure;
      if (m === "last_order" || m === "first_order" || m === "joined") {
        if (!days) return dangling;
        const rule = `${m} ${q.op ?? (q.ago ? ">=" : "<=")} ${days}`;
        return a.not ? `not ${rule}` : rule;
      }
      if (q.value === undefined) return dangling;
      const name = m === "nps_score" ? "nps_score" : m;
      const rule = `${name} ${q.op ?? (m === "nps_score" ? "=" : ">=")} ${q.value}${m === "nps_score" ? "" : within}`;
      return a.not ? `not ${rule}` : rule;
    }
    case "event": {
      const count = q.count ?? q.value;
      const rule = count !== undefined ? `event:${a.event} count ${q.op ?? "="} ${count}${within}` : `event:${a.event}${within}`;
      return a.not ? `not ${rule}` : rule;
    }
    case "abandoned_cart":
      return `event:added_to_cart${within} and no order since event:added_to_cart`;
  }
}

function parenthesized(rule: string): string {
  return / (and|or) /.test(rule) ? `(${rule})` : rule;
}

function quoted(v: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.:@+-]*$/u.test(v) ? v : `"${v.replace(/"/g, "")}"`;
}

/** The exact syntax's own spelling of a rule (what `/segment preview` echoes back). */
export function canonical(rule: string): string {
  return formatSegmentText(parseSegmentText(rule));
}
