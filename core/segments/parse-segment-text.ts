// The text form the team types in Slack, parsed to the same definition as
// the JSON. A small, regular grammar (README, "Segment text"):
//
//   expression := term ("or" term)*        term := factor ("and" factor)*
//   factor     := "not" factor | "(" expression ")" | condition
//   condition  := LIST_FIELD ("=" | "!=") VALUE | LIST_FIELD ["not"] "in" "(" VALUE ("," VALUE)* ")"
//               | NUMBER_FIELD COMPARISON NUMBER [within DURATION]      (orders, spent_90d, last_order...)
//               | TEXT_FIELD ("=" | "!=" | "contains") VALUE | TEXT_FIELD "exists"
//               | "tag:"NAME | "blocked" | "everyone" | "order" [within DURATION]
//               | "event:"TYPE [MEASURE COMPARISON NUMBER] [within DURATION]
//               | "no" ("order" | "event:"TYPE) "since" "event:"TYPE
//
// Errors name the offending word, its position (1-based) and what would be
// valid there, with a "did you mean" when a valid word is close.
import { DomainError } from "../errors.ts";
import { LIFECYCLE_STAGES } from "./lifecycle.ts";
import { NPS_GROUPS } from "./nps-groups.ts";
import { RFM_CLASSES } from "./rfm.ts";
import { CONSENT_STATUSES, PROFILE_COLUMNS, segmentDefinitionSchema, type Comparison, type Condition, type SegmentDefinition, type Window } from "./segment-definition.ts";

export class SegmentTextError extends DomainError {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
    readonly expected: readonly string[],
  ) {
    super("segment_text", message, { position, length, expected });
  }
}

/** The text with a caret line under the offending word, for a code block. */
export function pointAt(text: string, error: SegmentTextError): string {
  return `${text}\n${" ".repeat(error.position - 1)}${"^".repeat(Math.max(1, error.length))}`;
}

const LISTS = {
  consent: { values: CONSENT_STATUSES, what: "consent state" },
  lifecycle: { values: LIFECYCLE_STAGES, what: "lifecycle stage" },
  rfm: { values: RFM_CLASSES, what: "RFM class" },
  nps: { values: NPS_GROUPS, what: "NPS group" },
  source: { values: undefined, what: "source" },
  language: { values: undefined, what: "language" },
  tag: { values: undefined, what: "tag" },
} as const;
type ListField = keyof typeof LISTS;

const NUMBERS = ["orders", "spent", "aov", "last_order", "first_order", "rfm_r", "rfm_f", "rfm_m", "nps_score", "joined"] as const;
type NumberField = (typeof NUMBERS)[number];
const WINDOWED: readonly string[] = ["orders", "spent", "aov"];
const DAYS: readonly string[] = ["last_order", "first_order", "joined"];

export const SEGMENT_FIELDS: readonly string[] = [
  ...Object.keys(LISTS),
  ...NUMBERS,
  ...PROFILE_COLUMNS,
  "profile.<key>",
  "tag:<name>",
  "event:<type>",
  "order",
  "blocked",
  "no",
  "everyone",
];
const COMPARISON_WORDS = ["=", "!=", ">", ">=", "<", "<="];
const EVENT_MEASURES = ["count", "sum(<property>)", "last", "first"];

type TokenKind = "word" | "number" | "duration" | "string" | "op" | "(" | ")" | "," | "end";
interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the text. */
  at: number;
  number?: number;
  unit?: Window["unit"];
}

const TOKEN = /\s*(?:(?<duration>\d+(?:\.\d+)?[hdw])(?![\p{L}\p{N}_])|(?<number>-?\d+(?:\.\d+)?)(?![\p{L}_])|(?<word>[\p{L}_+][\p{L}\p{N}_.:@+\-]*(?:\([A-Za-z0-9_]*\))?)|(?<string>"[^"]*"|'[^']*')|(?<op>>=|<=|!=|<>|==|=|>|<)|(?<punct>[(),]))/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m || !m.groups) throw new SegmentTextError(`Unexpected character '${text[i]}' at position ${i + 1}.`, i + 1, 1, []);
    const g = m.groups;
    const at = m.index + m[0].length - m[0].trimStart().length;
    const raw = m[0].trim();
    if (g.duration) tokens.push({ kind: "duration", text: raw, at, number: Number(raw.slice(0, -1)), unit: raw.slice(-1) as Window["unit"] });
    else if (g.number) tokens.push({ kind: "number", text: raw, at, number: Number(raw) });
    else if (g.word) tokens.push({ kind: "word", text: raw, at });
    else if (g.string) tokens.push({ kind: "string", text: raw.slice(1, -1), at });
    else if (g.op) tokens.push({ kind: "op", text: raw === "<>" ? "!=" : raw === "==" ? "=" : raw, at });
    else tokens.push({ kind: raw as "(" | ")" | ",", text: raw, at });
    i = m.index + m[0].length;
  }
  tokens.push({ kind: "end", text: "", at: text.length });
  return tokens;
}

export function parseSegmentText(text: string): SegmentDefinition {
  if (text.trim() === "") throw new SegmentTextError(`The segment is empty. Start with a field: ${SEGMENT_FIELDS.join(", ")}.`, 1, 1, SEGMENT_FIELDS);
  const parser = new Parser(tokenize(text));
  const where = parser.expression();
  parser.expectEnd();
  return segmentDefinitionSchema.parse({ version: 1, where });
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  /** Not a property check: TypeScript would narrow the token across next(). */
  private is(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }
  private isWord(...words: string[]): boolean {
    return this.token.kind === "word" && words.includes(this.token.text.toLowerCase());
  }

  expression(): Condition {
    const terms = [this.term()];
    while (this.isWord("or")) {
      this.next();
      terms.push(this.term());
    }
    return terms.length === 1 ? terms[0]! : { kind: "or", of: terms };
  }

  expectEnd(): void {
    if (this.token.kind !== "end") this.fail(`Expected and, or or the end of the segment`, ["and", "or"]);
  }

  private term(): Condition {
    const factors = [this.factor()];
    while (this.isWord("and")) {
      this.next();
      factors.push(this.factor());
    }
    return factors.length === 1 ? factors[0]! : { kind: "and", of: factors };
  }

  private factor(): Condition {
    if (this.isWord("not")) {
      this.next();
      return { kind: "not", of: this.factor() };
    }
    if (this.is("(")) {
      this.next();
      const inner = this.expression();
      if (!this.is(")")) this.fail("Expected ')' to close the '('", [")", "and", "or"]);
      this.next();
      return inner;
    }
    return this.condition();
  }

  private condition(): Condition {
    const t = this.token;
    if (t.kind !== "word") return this.fail("Expected a field", SEGMENT_FIELDS);
    const word = t.text.toLowerCase();
    if (word.startsWith("tag:") && word.length > 4) {
      this.next();
      return { kind: "tag", tags: [t.text.slice(4)] };
    }
    if (word.startsWith("event:")) return this.event();
    if (word.startsWith("profile.")) return this.text(t.text.slice(0, 8).toLowerCase() + t.text.slice(8));
    if (word === "no") return this.noneSince();
    if (word === "everyone") {
      this.next();
      return { kind: "everyone" };
    }
    if (word === "order") {
      this.next();
      return { kind: "orders", measure: "count", window: this.optionalWindow(), op: ">=", value: 1 };
    }
    if (word === "blocked") {
      this.next();
      if (this.token.kind !== "op") return { kind: "blocked" };
      const op = this.next();
      if (op.text !== "=" && op.text !== "!=") this.fail("Expected = or != after 'blocked'", ["=", "!="], op);
      const yes = this.oneOf(["yes", "no", "true", "false"], "value");
      const blocked = (yes === "yes" || yes === "true") === (op.text === "=");
      return blocked ? { kind: "blocked" } : { kind: "not", of: { kind: "blocked" } };
    }
    if (word in LISTS) return this.list(word as ListField);
    if ((PROFILE_COLUMNS as readonly string[]).includes(word)) return this.text(word);
    const windowed = /^(orders|spent|aov)_(\d+)([hdw])$/.exec(word);
    if (windowed) return this.number(windowed[1] as NumberField, { amount: Number(windowed[2]), unit: windowed[3] as Window["unit"] });
    if ((NUMBERS as readonly string[]).includes(word)) return this.number(word as NumberField, undefined);
    return this.fail(`Unknown field`, SEGMENT_FIELDS, t, [...Object.keys(LISTS), ...NUMBERS, ...PROFILE_COLUMNS, "order", "blocked", "event", "tag"]);
  }

  private list(field: ListField): Condition {
    const name = this.next();
    let negate = false;
    let values: string[];
    if (this.token.kind === "op" && (this.token.text === "=" || this.token.text === "!=")) {
      negate = this.next().text === "!=";
      values = [this.value(field)];
    } else if (this.isWord("in") || (this.isWord("not") && this.tokens[this.i + 1]?.text.toLowerCase() === "in")) {
      negate = this.next().text.toLowerCase() === "not";
      if (negate) this.next();
      if (!this.is("(")) this.fail("Expected '(' and a list of values", ["("]);
      this.next();
      values = [this.value(field)];
      while (this.is(",")) {
        this.next();
        values.push(this.value(field));
      }
      if (!this.is(")")) this.fail("Expected ',' or ')'", [",", ")"]);
      this.next();
    } else {
      return this.fail(`Expected an operator after '${name.text}'`, ["=", "!=", "in", "not in"]);
    }
    const c = listCondition(field, values);
    return negate ? { kind: "not", of: c } : c;
  }

  private value(field: ListField): string {
    const t = this.token;
    const { values, what } = LISTS[field];
    if (t.kind !== "word" && t.kind !== "string" && t.kind !== "number") return this.fail(`Expected a ${what}`, values ?? [`a ${what}`]);
    if (!values) {
      this.next();
      return t.text;
    }
    return this.oneOf(values, what);
  }

  private oneOf(values: readonly string[], what: string): string {
    const t = this.token;
    const v = t.text.toLowerCase();
    if (t.kind === "word" && values.includes(v)) {
      this.next();
      return v;
    }
    if (t.kind !== "word") return this.fail(`Expected a ${what}`, values);
    return this.fail(`Unknown ${what}`, values, t, values);
  }

  private number(field: NumberField, suffixWindow: Window | undefined): Condition {
    this.next();
    const op = this.comparison();
    const value = this.numberValue(DAYS.includes(field));
    const within = this.optionalWindow();
    if (within && suffixWindow) this.fail("The window is given twice", ["and", "or"], this.tokens[this.i - 1]);
    const window = within ?? suffixWindow;
    if (window && !WINDOWED.includes(field)) this.fail(`'within' does not apply to ${field}`, ["and", "or"], this.tokens[this.i - 1]);
    switch (field) {
      case "orders":
        return { kind: "orders", measure: "count", window, op, value };
      case "spent":
        return { kind: "orders", measure: "total", window, op, value };
      case "aov":
        return { kind: "orders", measure: "average", window, op, value };
      case "last_order":
        return { kind: "orders", measure: "days_since_last", op, value };
      case "first_order":
        return { kind: "orders", measure: "days_since_first", op, value };
      case "joined":
        return { kind: "joined", op, value };
      case "nps_score":
        return { kind: "nps_score", op, value };
      default:
        return { kind: "rfm_score", score: field.slice(4) as "r" | "f" | "m", op, value };
    }
  }

  private text(field: string): Condition {
    this.next();
    if (this.isWord("exists")) {
      this.next();
      return { kind: "field", field, op: "exists" };
    }
    let op: "=" | "!=" | "contains";
    if (this.isWord("contains")) op = "contains";
    else if (this.token.kind === "op" && (this.token.text === "=" || this.token.text === "!=")) op = this.token.text as "=" | "!=";
    else return this.fail(`Expected an operator after '${field}'`, ["=", "!=", "contains", "exists"]);
    this.next();
    const t = this.token;
    if (t.kind !== "word" && t.kind !== "string" && t.kind !== "number") return this.fail("Expected a value", ["a word", '"quoted text"']);
    this.next();
    return { kind: "field", field, op, value: t.text };
  }

  private event(): Condition {
    const ref = this.next();
    const type = this.eventType(ref);
    const m = this.token.kind === "word" ? /^(count|last|first)(?:_(\d+)([hdw]))?$|^sum\(([A-Za-z0-9_]+)\)$/.exec(this.token.text.toLowerCase()) : null;
    if (!m) {
      if (this.token.kind === "op") this.fail(`Expected a measure after '${ref.text}'`, EVENT_MEASURES);
      return { kind: "event", type, measure: "count", window: this.optionalWindow(), op: ">=", value: 1 };
    }
    const measureToken = this.next();
    if (m[2] && m[1] !== "count") this.fail(`A window does not apply to ${m[1]}`, EVENT_MEASURES, measureToken);
    const op = this.comparison();
    const isDays = m[1] === "last" || m[1] === "first";
    const value = this.numberValue(isDays);
    const within = this.optionalWindow();
    const suffix = m[2] ? { amount: Number(m[2]), unit: m[3] as Window["unit"] } : undefined;
    if (within && suffix) this.fail("The window is given twice", ["and", "or"], this.tokens[this.i - 1]);
    if (within && isDays) this.fail(`'within' does not apply to ${m[1]}`, ["and", "or"], this.tokens[this.i - 1]);
    if (m[4]) return { kind: "event", type, measure: "sum", property: m[4], window: within, op, value };
    const measure = m[1] === "count" ? "count" : m[1] === "last" ? "days_since_last" : "days_since_first";
    return { kind: "event", type, measure, window: within ?? suffix, op, value };
  }

  private noneSince(): Condition {
    this.next();
    let then: { kind: "order" } | { kind: "event"; type: string };
    if (this.isWord("order")) {
      this.next();
      then = { kind: "order" };
    } else if (this.token.kind === "word" && this.token.text.toLowerCase().startsWith("event:")) {
      then = { kind: "event", type: this.eventType(this.next()) };
    } else {
      return this.fail("Expected order or event:<type> after 'no'", ["order", "event:<type>"]);
    }
    if (!this.isWord("since")) this.fail("Expected 'since'", ["since"]);
    this.next();
    if (!(this.token.kind === "word" && this.token.text.toLowerCase().startsWith("event:"))) this.fail("Expected event:<type> after 'since'", ["event:<type>"]);
    return { kind: "none_since", after: this.eventType(this.next()), then };
  }

  private eventType(t: Token): string {
    const type = t.text.slice("event:".length).toLowerCase();
    if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(type)) this.fail("Expected an event type after 'event:'", ["event:added_to_cart"], t);
    return type;
  }

  private comparison(): Comparison {
    if (this.token.kind !== "op") return this.fail("Expected a comparison", COMPARISON_WORDS);
    return this.next().text as Comparison;
  }

  private numberValue(days: boolean): number {
    const t = this.token;
    if (t.kind === "number") {
      this.next();
      return t.number!;
    }
    if (t.kind === "duration" && days) {
      this.next();
      return (t.number! * { h: 1 / 24, d: 1, w: 7 }[t.unit!]);
    }
    return this.fail(days ? "Expected a number of days" : "Expected a number", days ? ["60d", "8w", "36h", "60"] : ["a number such as 5000"]);
  }

  private optionalWindow(): Window | undefined {
    if (!this.isWord("within")) return undefined;
    this.next();
    const t = this.token;
    if (t.kind !== "duration" || !Number.isInteger(t.number) || t.number! <= 0) return this.fail("Expected a duration", ["2d", "12h", "4w"]);
    this.next();
    return { amount: t.number!, unit: t.unit! };
  }

  private fail(what: string, expected: readonly string[], t: Token = this.token, candidates?: readonly string[]): never {
    const found = t.kind === "end" ? "the end of the segment" : `'${t.text}'`;
    const subject = what.startsWith("Unknown") ? `${what} ${found} at position ${t.at + 1}.` : `${what} at position ${t.at + 1}, found ${found}.`;
    const guess = candidates ? closest(t.text.toLowerCase().replace(/[:.].*$/, ""), candidates) : undefined;
    const hint = guess ? ` Did you mean ${guess}?` : "";
    const label = what.startsWith("Unknown field") || what === "Expected a field" ? "Valid fields" : "Valid here";
    throw new SegmentTextError(`${subject}${hint} ${label}: ${expected.join(", ")}.`, t.at + 1, Math.max(1, t.text.length), expected);
  }
}

function listCondition(field: ListField, values: string[]): Condition {
  switch (field) {
    case "consent":
      return { kind: "consent", statuses: values as (typeof CONSENT_STATUSES)[number][] };
    case "lifecycle":
      return { kind: "lifecycle", stages: values as (typeof LIFECYCLE_STAGES)[number][] };
    case "rfm":
      return { kind: "rfm", classes: values as (typeof RFM_CLASSES)[number][] };
    case "nps":
      return { kind: "nps", groups: values as (typeof NPS_GROUPS)[number][] };
    case "source":
      return { kind: "source", values };
    case "language":
      return { kind: "language", values: values.map((v) => v.toLowerCase()) };
    case "tag":
      return { kind: "tag", tags: values };
  }
}

/** The candidate within a small edit distance of the word, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length]!;
}
