// The words of `/send SEGMENT MESSAGE WHEN [options]`, parsed into a request.
// Slack turns straight quotes into curly ones on many keyboards, so every kind
// of quote counts; Russian guillemets too.
import { z } from "zod";
import { CommandSyntaxError } from "../error-replies.ts";

export interface SendRequest {
  /** A saved segment's name, or a segment in the text form (quoted). */
  segment: string;
  /** Quoted text to send, or a saved template's name; absent for --survey / --flow. */
  message?: { text: string } | { template: string };
  when: string;
  localTime: boolean;
  holdoutPercent: number;
  textB?: string;
  cost?: number;
  survey?: string;
  flow?: string;
  buttons: { text: string; url: string }[];
  name?: string;
  /** --test 20% --winner-after 4h --by clicks --default B: an A/B test that picks its winner. */
  test?: { percent: number; winnerAfterMinutes: number; by?: "clicks" | "conversions" | "replies"; defaultVariant?: "A" | "B" };
  /** --ab-survey ID: a survey campaign's variant B. */
  surveyB?: string;
}

/** A mistake in /send's words: worded send-error-<problem> (the error table, SEND_ERRORS). */
export class SendSyntaxError extends CommandSyntaxError {
  constructor(problem: string, detail: Record<string, string> = {}) {
    super(problem, detail);
    this.name = "SendSyntaxError";
  }
}

interface Token {
  value: string;
  quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "“": "”", "”": "”", "„": "“", "«": "»", "'": "'", "‘": "’" };

/** The words and quoted texts of `input`; undefined when a quote is not closed. */
export function tokenize(input: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const close = QUOTES[ch];
    if (close) {
      const end = input.indexOf(close, i + 1);
      const alt = ch === "“" ? input.indexOf("“", i + 1) : -1;
      const stop = end === -1 ? alt : alt === -1 ? end : Math.min(end, alt);
      if (stop === -1) return undefined;
      tokens.push({ value: input.slice(i + 1, stop), quoted: true });
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]!)) j++;
    tokens.push({ value: input.slice(i, j), quoted: false });
    i = j;
  }
  return tokens;
}

const percent = z
  .string()
  .regex(/^\d{1,2}%?$/)
  .transform((v) => Number(v.replace("%", "")))
  .pipe(z.number().int().min(1).max(50));
const money = z
  .string()
  .regex(/^\d+([.,]\d{1,2})?$/)
  .transform((v) => Number(v.replace(",", ".")));

/** Options that take a value, and the flags that do not. */
const VALUE_OPTIONS = new Set(["--holdout", "--ab", "--cost", "--survey", "--flow", "--button", "--name", "--test", "--winner-after", "--by", "--default", "--ab-survey"]);
const testShare = z
  .string()
  .regex(/^\d{1,2}%?$/)
  .transform((v) => Number(v.replace("%", "")))
  .pipe(z.number().int().min(2).max(90));
/** 30m, 4h, 2d: from 15 minutes to 14 days. */
const waitingTime = z
  .string()
  .regex(/^\d+(m|min|h|d)$/i)
  .transform((v) => Number(/^\d+/.exec(v)![0]) * ({ m: 1, min: 1, h: 60, d: 1440 } as Record<string, number>)[v.replace(/^\d+/, "").toLowerCase()]!)
  .pipe(z.number().int().min(15).max(14 * 1440));
const FLAG_OPTIONS = new Set(["--local-time"]);

export function parseSend(input: string): SendRequest {
  const tokens = tokenize(input.replace(/[\u2014\u2013]{1,2}(?=[a-z])/g, "--"));
  if (!tokens) throw new SendSyntaxError("unclosed_quote");
  const positional: Token[] = [];
  const request: SendRequest = { segment: "", when: "", localTime: false, holdoutPercent: 0, buttons: [] };
  const test: Partial<NonNullable<SendRequest["test"]>> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted || !token.value.startsWith("--")) {
      positional.push(token);
      continue;
    }
    const option = token.value.toLowerCase();
    if (FLAG_OPTIONS.has(option)) {
      request.localTime = true;
      continue;
    }
    if (!VALUE_OPTIONS.has(option)) throw new SendSyntaxError("unknown_option", { option: token.value });
    const value = tokens[++i];
    if (!value) throw new SendSyntaxError("option_needs_value", { option });
    switch (option) {
      case "--holdout": {
        const parsed = percent.safeParse(value.value);
        if (!parsed.success) throw new SendSyntaxError("bad_holdout", { value: value.value });
        request.holdoutPercent = parsed.data;
        break;
      }
      case "--cost": {
        const parsed = money.safeParse(value.value);
        if (!parsed.success) throw new SendSyntaxError("bad_cost", { value: value.value });
        request.cost = parsed.data;
        break;
      }
      case "--ab":
        request.textB = value.value;
        break;
      case "--survey":
        request.survey = value.value;
        break;
      case "--flow":
        request.flow = value.value;
        break;
      case "--name":
        request.name = value.value;
        break;
      case "--test": {
        const parsed = testShare.safeParse(value.value);
        if (!parsed.success) throw new SendSyntaxError("bad_test", { value: value.value });
        test.percent = parsed.data;
        break;
      }
      case "--winner-after": {
        const parsed = waitingTime.safeParse(value.value);
        if (!parsed.success) throw new SendSyntaxError("bad_winner_after", { value: value.value });
        test.winnerAfterMinutes = parsed.data;
        break;
      }
      case "--by": {
        const by = value.value.toLowerCase();
        if (by !== "clicks" && by !== "conversions" && by !== "replies") throw new SendSyntaxError("bad_by", { value: value.value });
        test.by = by;
        break;
      }
      case "--default": {
        const variant = value.value.toUpperCase();
        if (variant !== "A" && variant !== "B") throw new SendSyntaxError("bad_default", { value: value.value });
        test.defaultVariant = variant;
        break;
      }
      case "--ab-survey":
        request.surveyB = value.value;
        break;
      case "--button": {
        const m = /^(.+?)\s*\|\s*(https?:\/\/\S+)$/.exec(value.value);
        if (!m) throw new SendSyntaxError("bad_button", { value: value.value });
        request.buttons.push({ text: m[1]!.trim(), url: m[2]! });
        break;
      }
    }
  }
  const [segment, ...rest] = positional;
  if (!segment) throw new SendSyntaxError("missing_segment");
  request.segment = segment.value.trim();
  const needsMessage = !request.survey && !request.flow;
  let whenTokens = rest;
  if (needsMessage) {
    const message = rest[0];
    if (!message) throw new SendSyntaxError("missing_message");
    request.message = message.quoted ? { text: message.value } : { template: message.value };
    whenTokens = rest.slice(1);
  }
  const quotedWhen = whenTokens.find((t) => t.quoted);
  if (quotedWhen) throw new SendSyntaxError("extra_text", { value: quotedWhen.value });
  request.when = whenTokens.map((t) => t.value).join(" ").trim();
  if (!request.when) throw new SendSyntaxError("missing_when");
  if (request.survey && request.flow) throw new SendSyntaxError("survey_and_flow");
  if (request.textB && !needsMessage) throw new SendSyntaxError("ab_needs_message");
  if (request.surveyB && !request.survey) throw new SendSyntaxError("ab_survey_needs_survey");
  if (Object.keys(test).length > 0) {
    if (test.percent === undefined) throw new SendSyntaxError("test_needs_share");
    if (!request.textB && !request.surveyB) throw new SendSyntaxError("test_needs_ab");
    request.test = { percent: test.percent, winnerAfterMinutes: test.winnerAfterMinutes ?? 240, ...(test.by ? { by: test.by } : {}), ...(test.defaultVariant ? { defaultVariant: test.defaultVariant } : {}) };
  }
  return request;
}
