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
// valid there, with a "did you mean" when a valid word is close. Values are
// range-checked here too (an RFM score is 1-5, a window at most 100000
// units...), so a definition the parser returns always passes the schema,
// and nesting is capped: the parser and everything that walks a definition
// recurse once per level.
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
    /** The segment text as parsed, for pointAt. */
    readonly text: string,
    /** The valid word closest to the wrong one ("did you mean"). */
    readonly suggestion?: string,
  ) {
    super("segment_text", message, { position, length, expected, ...(suggestion ? { suggestion } : {}) });
  }
}

/** The text with a caret line under the offending word, for a code block. */
export function pointAt(text: string, error: Pick<SegmentTextError, "position" | "length">): string {
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

const NUMBERS = ["orders", "spent", "aov", "last_order", "first_order", "rfm_r", "rfm_f", "rfm_m", "nps_score", "joined", "referrals"] as const;
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
  "referred",
  "referred_by_loyal",
  "no",
  "everyone",
];
const COMPARISON_WORDS = ["=", "!=", ">", ">=", "<", "<="];
/** Levels of "(" and "not" inside one another. */
export const MAX_SEGMENT_NESTING = 32;
/** The largest window amount (windowSchema). */
const MAX_WINDOW = 100_000;
const WINDOW_RANGE = `Expected a window from 1 to ${MAX_WINDOW} hours, days or weeks`;
const DAYS_EXAMPLES = ["60d", "8w", "36h", "60"];
/** Longest tag, source or language value (segment-definition's name). */
const MAX_NAME = 128;
/** Longest value of a profile field condition. */
const MAX_VALUE = 512;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
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

const TOKEN = /\s*(?:(?<duration>\d+(?:\.\d+)?[hdw])(?![\p{L}\p{N}_])|(?<number>-?\d+(?:\.\d+)?)(?![\p{L}_])|(?<word>[\p{L}_+][\p{L}\p{N}_.:@+-]*(?:\([A-Za-z0-9_]*\))?)|(?<string>"[^"]*"|'[^']*')|(?<op>>=|<=|!=|<>|==|=|>|<)|(?<punct>[(),]))/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m || !m.groups) throw new SegmentTextError(`Unexpected character '${text[i]}' at position ${i + 1}.`, i + 1, 1, [], text);
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
  if (text.trim() === "") throw new SegmentTextError(`The segment is empty. Start with a field: ${SEGMENT_FIELDS.join(", ")}.`, 1, 1, SEGMENT_FIELDS, text);
  const parser = new Parser(tokenize(text), text);
  const where = parser.expression();
  parser.expectEnd();
  const parsed = segmentDefinitionSchema.safeParse({ version: 1, where });
  // The parser checks every value itself; this is a safety net, never a raw ZodError.
  if (!parsed.success) throw new SegmentTextError(`The segment is not valid: ${parsed.error.issues[0]?.message ?? "unknown problem"}.`, 1, Math.max(1, text.length), [], text);
  return parsed.data;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

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
      this.enter();
      const of = this.factor();
      this.depth--;
      return { kind: "not", of };
    }
    if (this.is("(")) {
      this.enter();
      const inner = this.expression();
      if (!this.is(")")) this.fail("Expected ')' to close the '('", [")", "and", "or"]);
      this.next();
      this.depth--;
      return inner;
    }
    return this.condition();
  }

  /** Steps into a "(" or "not", refusing one level too many (instead of overflowing the stack). */
  private enter(): void {
    const t = this.next();
    if (++this.depth > MAX_SEGMENT_NESTING) {
      throw new SegmentTextError(
        `Too deeply nested at position ${t.at + 1}: at most ${MAX_SEGMENT_NESTING} levels of parentheses and 'not' inside one another.`,
        t.at + 1,
        t.text.length,
        [],
        this.source,
      );
    }
  }

  private condition(): Condition {
    const t = this.token;
    if (t.kind !== "word") return this.fail("Expected a field", SEGMENT_FIELDS);
    const word = t.text.toLowerCase();
    if (word.startsWith("tag:") && word.length > 4) {
      if (t.text.length - 4 > MAX_NAME) this.fail(`Expected a tag of at most ${MAX_NAME} characters`, ["tag:vip"], t);
      this.next();
      return { kind: "tag", tags: [t.text.slice(4)] };
    }
    if (word.startsWith("event:")) return this.event();
    if (word.startsWith("profile.")) {
      if (!/^[A-Za-z0-9_]{1,64}$/.test(t.text.slice(8))) this.fail("Expected a profile key of 1-64 letters A-Z, digits and _", ["profile.city", "profile.shoe_size"], t);
      return this.text(t.text.slice(0, 8).toLowerCase() + t.text.slice(8));
    }
    if (word === "no") return this.noneSince();
    if (word === "everyone") {
      this.next();
      return { kind: "everyone" };
    }
    if (word === "order") {
      this.next();
      return { kind: "orders", measure: "count", window: this.optionalWindow(), op: ">=", value: 1 };
    }
    if (word === "referred" || word === "referred_by_loyal") {
      this.next();
      return { kind: word };
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
    if (windowed) {
      const amount = Number(windowed[2]);
      if (amount < 1 || amount > MAX_WINDOW) this.fail(WINDOW_RANGE, [`${windowed[1]}_90d`, `${windowed[1]}_12h`, `${windowed[1]}_4w`], t);
      return this.number(windowed[1] as NumberField, { amount, unit: windowed[3] as Window["unit"] });
    }
    if ((NUMBERS as readonly string[]).includes(word)) return this.number(word as NumberField, undefined);
    return this.fail(`Unknown field`, SEGMENT_FIELDS, t, [...Object.keys(LISTS), ...NUMBERS, ...PROFILE_COLUMNS, "order", "blocked", "event", "tag", "referred", "referred_by_loyal"]);
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
      if (field === "language" && (t.text.length < 2 || t.text.length > 8)) return this.fail("Expected a language code", ["en", "ru"]);
      if (t.text.length < 1 || t.text.length > MAX_NAME) return this.fail(`Expected a ${what} of 1 to ${MAX_NAME} characters`, [`a ${what}`]);
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
    const valueToken = this.token;
    const value = this.numberValue(DAYS.includes(field));
    const whole = Number.isInteger(value);
    if (field.startsWith("rfm_") && !(whole && value >= 1 && value <= 5)) this.fail("Expected an RFM score from 1 to 5", range(1, 5), valueToken);
    if (field === "nps_score" && !(whole && value >= 0 && value <= 10)) this.fail("Expected an NPS score from 0 to 10", range(0, 10), valueToken);
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
      case "referrals":
        if (!(whole && value >= 0)) this.fail("Expected a whole number of friends", ["2", "5"], valueToken);
        return { kind: "referrals", op, value };
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
    if (t.text.length > MAX_VALUE) return this.fail(`Expected a value of at most ${MAX_VALUE} characters`, ["a word", '"quoted text"']);
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
    if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > MAX_WINDOW)) this.fail(WINDOW_RANGE, ["count_7d", "count_12h", "count_4w"], measureToken);
    if (m[4] && m[4].length > 64) this.fail("Expected a property name of at most 64 characters", ["sum(value)"], measureToken);
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

  /** A number; for a days measure also a duration, never negative. */
  private numberValue(days: boolean): number {
    const t = this.token;
    let value: number | undefined;
    if (t.kind === "number") value = t.number!;
    else if (t.kind === "duration" && days) value = t.number! * { h: 1 / 24, d: 1, w: 7 }[t.unit!];
    if (value === undefined || !Number.isFinite(value)) {
      return this.fail(days ? "Expected a number of days" : "Expected a number", days ? DAYS_EXAMPLES : ["a number such as 5000"]);
    }
    if (days && value < 0) return this.fail("Expected a number of days, 0 or more", DAYS_EXAMPLES);
    this.next();
    return value;
  }

  private optionalWindow(): Window | undefined {
    if (!this.isWord("within")) return undefined;
    this.next();
    const t = this.token;
    if (t.kind !== "duration") return this.fail("Expected a duration", ["2d", "12h", "4w"]);
    if (!Number.isInteger(t.number) || t.number! < 1 || t.number! > MAX_WINDOW) return this.fail(WINDOW_RANGE, ["2d", "12h", "4w"]);
    this.next();
    return { amount: t.number!, unit: t.unit! };
  }

  private fail(what: string, expected: readonly string[], t: Token = this.token, candidates?: readonly string[]): never {
    const shown = t.text.length > 40 ? `${t.text.slice(0, 40)}...` : t.text;
    const found = t.kind === "end" ? "the end of the segment" : `'${shown}'`;
    const subject = what.startsWith("Unknown") ? `${what} ${found} at position ${t.at + 1}.` : `${what} at position ${t.at + 1}, found ${found}.`;
    const guess = candidates ? closest(t.text.toLowerCase().replace(/[:.].*$/, ""), candidates) : undefined;
    const hint = guess ? ` Did you mean ${guess}?` : "";
    const label = what.startsWith("Unknown field") || what === "Expected a field" ? "Valid fields" : "Valid here";
    throw new SegmentTextError(`${subject}${hint} ${label}: ${expected.join(", ")}.`, t.at + 1, Math.max(1, t.text.length), expected, this.source, guess);
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
