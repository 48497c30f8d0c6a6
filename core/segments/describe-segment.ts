// A definition in words, in the team's language (/segment show): the reader
// checks what a segment means without knowing the text syntax.
import type { Translator } from "../i18n.ts";
import { rfmScoresText, type RfmClass } from "./rfm.ts";
import type { Comparison, Condition, SegmentDefinition, Window } from "./segment-definition.ts";

const CMP: Record<Comparison, string> = { "=": "eq", "!=": "ne", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" };

export function describeSegment(definition: SegmentDefinition, language: string, translator: Translator): string {
  const t = (key: string, vars: Record<string, string | number> = {}) => translator.t(language, key, vars);
  const or = (values: readonly string[], label?: (v: string) => string) => values.map((v) => (label ? label(v) : v)).join(` ${t("seg-or")} `);
  const window = (w: Window | undefined) => (w ? ` ${t(`seg-window-${w.unit}`, { amount: w.amount })}` : "");
  const cmp = (op: Comparison) => t(`seg-cmp-${CMP[op]}`);
  const num = (n: number) => String(Math.round(n * 100) / 100);

  const words = (c: Condition, nested: boolean): string => {
    switch (c.kind) {
      case "everyone":
        return t("seg-everyone");
      case "and":
      case "or": {
        const text = c.of.map((x) => words(x, true)).join(` ${t(c.kind === "and" ? "seg-and" : "seg-or")} `);
        return nested && c.of.length > 1 ? `(${text})` : text;
      }
      case "not":
        return t("seg-not", { condition: words(c.of, false) });
      case "field":
        return t(`seg-field-${c.op === "=" ? "eq" : c.op === "!=" ? "ne" : c.op}`, { field: c.field, value: c.value ?? "" });
      case "tag":
        return t("seg-tag", { values: or(c.tags) });
      case "consent":
        return t("seg-consent", { values: or(c.statuses, (v) => t(`seg-consent-${v}`)) });
      case "blocked":
        return t("seg-blocked");
      case "source":
        return t("seg-source", { values: or(c.values) });
      case "language":
        return t("seg-language", { values: or(c.values) });
      case "lifecycle":
        return t("seg-lifecycle", { values: or(c.stages, (v) => t(`seg-stage-${v}`)) });
      case "rfm":
        return t("seg-rfm", { values: or(c.classes, (v) => `${t(`seg-rfm-${v}`)} (${rfmScoresText(v as RfmClass)})`) });
      case "rfm_score":
        return t("seg-rfm-score", { score: c.score.toUpperCase(), cmp: cmp(c.op), value: c.value });
      case "nps":
        return t("seg-nps", { values: or(c.groups, (v) => t(`seg-nps-${v}`)) });
      case "nps_score":
        return t("seg-nps-score", { cmp: cmp(c.op), value: c.value });
      case "joined":
        return t("seg-joined", { cmp: cmp(c.op), value: num(c.value) });
      case "orders":
        if (c.measure === "count" && c.op === ">=" && c.value === 1) return t("seg-orders-any", { window: window(c.window) });
        return t(`seg-orders-${c.measure.replace(/_/g, "-")}`, { cmp: cmp(c.op), value: num(c.value), window: window(c.window) });
      case "event":
        if (c.measure === "count" && c.op === ">=" && c.value === 1) return t("seg-event-any", { type: c.type, window: window(c.window) });
        return t(`seg-event-${c.measure.replace(/_/g, "-")}`, {
          type: c.type,
          property: c.property ?? "",
          cmp: cmp(c.op),
          value: num(c.value),
          window: window(c.window),
        });
      case "referrals":
        return t("seg-referrals", { cmp: cmp(c.op), value: c.value });
      case "referred":
      case "referred_by_loyal":
        return t(`seg-${c.kind.replace(/_/g, "-")}`);
      case "none_since":
        return c.then.kind === "order" ? t("seg-none-since-order", { after: c.after }) : t("seg-none-since-event", { after: c.after, then: c.then.type });
    }
  };
  return words(definition.where, false);
}
