// Reads one answer to one flow question: valid or not (and why), what it is
// worth (score, tags), where it is saved and which step comes next. Pure: no
// database, no sending; the use cases in flow-dialogue.ts act on the result.
import type { DateOrder } from "../campaigns/read-date.ts";
import type { Translator, TextVariables } from "../i18n.ts";
import { allVariants, inEveryLanguage, localize, verbatim, type LocalizedText } from "../dialogues/localized-text.ts";
import { matchOption } from "../dialogues/match-option.ts";
import { parseDate, parseEmail, parseNumber, parsePhone, parseYesNo } from "../dialogues/parse-answers.ts";
import { SUPPORTED_LANGUAGES } from "../i18n.ts";
import { defaultNext, skipNext, type FlowDefinition, type FlowStep } from "./flow-definition.ts";

export type FlowInput =
  | { kind: "text"; text: string }
  /** own: the sender's own number; someone else's shared contact is not their phone. */
  | { kind: "contact"; phone: string; own: boolean }
  | { kind: "option"; index: number }
  /** Done on a multiple-choice question, with the toggled options. */
  | { kind: "done"; selection: number[] }
  | { kind: "skip" };

export type AnswerValue = string | number | boolean | string[] | null;

export interface AcceptedAnswer {
  value: AnswerValue;
  /** How the answer reads, in every language (the team's card shows it in the team's). */
  display: LocalizedText;
  skipped: boolean;
  score: number;
  tags: string[];
  next: string;
  /** Said back before the next question: how a date or phone was understood. */
  echo?: string;
}

export interface Problem {
  key: string;
  vars?: TextVariables;
}

export type Evaluation = { ok: true; answer: AcceptedAnswer } | { ok: false; problem: Problem };

export interface EvaluationContext {
  translator: Translator;
  language: string;
  now: Date;
  timezone: string;
  dateOrder?: DateOrder;
}

export function evaluateAnswer(flow: FlowDefinition, step: FlowStep, input: FlowInput, ctx: EvaluationContext): Evaluation {
  const everyLanguage = (key: string) => inEveryLanguage((l, k) => ctx.translator.t(l, k), key);
  const accept = (value: AnswerValue, display: LocalizedText, extra: { score?: number | undefined; tags?: string[] | undefined; next?: string | undefined; echo?: string } = {}): Evaluation => ({
    ok: true,
    answer: {
      value,
      display,
      skipped: false,
      score: (step.score ?? 0) + (extra.score ?? 0),
      tags: [...(step.tags ?? []), ...(extra.tags ?? [])],
      next: extra.next ?? defaultNext(flow, step),
      ...(extra.echo ? { echo: extra.echo } : {}),
    },
  });
  const reject = (key: string, vars?: TextVariables): Evaluation => ({ ok: false, problem: vars ? { key, vars } : { key } });

  if (input.kind === "skip" || (input.kind === "text" && step.optional && isSkipWord(ctx.translator, input.text))) {
    // A skipped answer satisfies no branch: the steps only one answer leads to are passed over.
    return { ok: true, answer: { value: null, display: everyLanguage("flow-skipped"), skipped: true, score: 0, tags: [], next: skipNext(flow, step) } };
  }

  switch (step.type) {
    case "single": {
      const index = input.kind === "option" ? input.index : input.kind === "text" ? matchOption(step.options.map((o) => ({ labels: allVariants(o.label), value: o.value })), input.text) : undefined;
      const option = index === undefined ? undefined : step.options[index];
      if (!option) return reject("flow-invalid-choice");
      return accept(option.value, option.label, { score: option.score, tags: option.tags, next: option.next });
    }
    case "multiple": {
      if (input.kind !== "done") return reject("flow-invalid-multiple");
      const chosen = [...new Set(input.selection)].sort((a, b) => a - b).map((i) => step.options[i]).filter((o) => o !== undefined);
      if (chosen.length < step.minSelected) return reject("flow-choose-at-least", { min: step.minSelected });
      if (step.maxSelected !== undefined && chosen.length > step.maxSelected) return reject("flow-choose-at-most", { max: step.maxSelected });
      const display = Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, chosen.map((o) => o.label[l]).join(", ")])) as LocalizedText;
      return accept(
        chosen.map((o) => o.value),
        display,
        { score: chosen.reduce((sum, o) => sum + (o.score ?? 0), 0), tags: chosen.flatMap((o) => o.tags ?? []) },
      );
    }
    case "yesno": {
      const yes = input.kind === "option" ? input.index === 0 : input.kind === "text" ? yesOrNo(ctx.translator, input.text) : undefined;
      if (yes === undefined) return reject("flow-invalid-yes-no");
      const branch = yes ? step.yes : step.no;
      return accept(yes, everyLanguage(yes ? "flow-yes" : "flow-no"), { score: branch?.score, tags: branch?.tags, next: branch?.next });
    }
    case "phone": {
      if (input.kind === "contact" && !input.own) return reject("flow-foreign-contact");
      const phone = input.kind === "contact" ? parsePhone(input.phone.startsWith("+") ? input.phone : `+${input.phone}`) : input.kind === "text" ? parsePhone(input.text) : undefined;
      if (!phone) return reject("flow-invalid-phone");
      return accept(phone, verbatim(phone), { echo: ctx.translator.t(ctx.language, "flow-phone-saved", { phone }) });
    }
  }

  if (input.kind !== "text") return reject(step.type === "text" ? "flow-invalid-text" : invalidKey(step));
  const text = input.text.trim();
  switch (step.type) {
    case "text": {
      if (text.length === 0) return reject("flow-invalid-text");
      if (text.length > step.maxLength) return reject("flow-text-too-long", { max: step.maxLength });
      return accept(text, verbatim(text));
    }
    case "email": {
      const email = parseEmail(text);
      return email ? accept(email, verbatim(email)) : reject("flow-invalid-email");
    }
    case "number": {
      const value = parseNumber(text);
      if (value === undefined) return reject(step.integer ? "flow-invalid-whole-number" : "flow-invalid-number");
      if (step.integer && !Number.isInteger(value)) return reject("flow-invalid-whole-number");
      const outside = (step.min !== undefined && value < step.min) || (step.max !== undefined && value > step.max);
      if (outside) {
        if (step.min !== undefined && step.max !== undefined) return reject("flow-number-out-of-range", { min: step.min, max: step.max });
        return step.min !== undefined ? reject("flow-number-too-small", { min: step.min }) : reject("flow-number-too-large", { max: step.max! });
      }
      const rule = step.scoring?.find((r) => (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max));
      return accept(value, verbatim(String(value)), { score: rule?.score, tags: rule?.tags });
    }
    case "date": {
      const parsed = parseDate(text, { language: ctx.language, now: ctx.now, timezone: ctx.timezone, future: step.future, ...(ctx.dateOrder ? { dateOrder: ctx.dateOrder } : {}) });
      if (!parsed) return reject("flow-invalid-date");
      const display = Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, formatDate(parsed.at, parsed.hasTime, l, ctx.timezone)])) as LocalizedText;
      return accept(parsed.value, display, { echo: ctx.translator.t(ctx.language, "flow-date-understood", { date: localize(display, ctx.language) }) });
    }
  }
}

function invalidKey(step: FlowStep): string {
  return step.type === "email" ? "flow-invalid-email" : step.type === "number" ? "flow-invalid-number" : "flow-invalid-date";
}

/** "Thu, 31 December 2026", "чт, 31 декабря 2026": without Russian's "г.", whose period the sentence around it would double. */
export function formatDate(at: Date, hasTime: boolean, language: string, timezone: string): string {
  const formatted = new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(hasTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(at);
  return formatted.replace(/\s*г\.(?=\s|,|$)/u, "");
}


function yesOrNo(translator: Translator, text: string): boolean | undefined {
  const typed = bare(text);
  if (SUPPORTED_LANGUAGES.some((l) => bare(translator.t(l, "flow-yes")) === typed)) return true;
  if (SUPPORTED_LANGUAGES.some((l) => bare(translator.t(l, "flow-no")) === typed)) return false;
  return parseYesNo(text);
}

function isSkipWord(translator: Translator, text: string): boolean {
  const typed = bare(text);
  return SUPPORTED_LANGUAGES.some((l) => bare(translator.t(l, "flow-skip")) === typed || bare(translator.t(l, "flow-stuck-skip")) === typed);
}

function bare(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
